package io.crossbill.mapping.design;

/**
 * A problem of a design, shown as a marker in the editor and the Problems list; a design with an ERROR cannot
 * be approved.
 *
 * @param severity      how bad
 * @param entityMapping the entity mapping's label ({@code source -> target}), or empty for the design
 * @param targetPath    the rule's target path, or empty
 * @param message       one plain sentence that says what is wrong and what to do
 */
public record DesignProblem(Severity severity, String entityMapping, String targetPath, String message) {

	/** ERROR blocks approval; WARNING does not. */
	public enum Severity { ERROR, WARNING }
}
