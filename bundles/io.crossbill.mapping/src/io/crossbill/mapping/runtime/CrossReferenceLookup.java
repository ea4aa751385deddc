package io.crossbill.mapping.runtime;

/**
 * Finds the canonical id behind a system's id, for LOOKUP rules. The engine supplies it from its
 * cross-reference store; the mapping runtime never reads storage itself.
 */
@FunctionalInterface
public interface CrossReferenceLookup {

	/** A lookup that knows no cross-references: every LOOKUP rule reports its value as unknown. */
	CrossReferenceLookup NONE = (system, entity, externalId) -> null;

	/**
	 * @return the canonical id recorded for {@code externalId} of {@code entity} in {@code system}, or
	 *         {@code null} when there is none
	 */
	String canonicalId(String system, String entity, String externalId);
}
