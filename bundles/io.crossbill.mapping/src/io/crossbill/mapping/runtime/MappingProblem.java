package io.crossbill.mapping.runtime;

/**
 * Something wrong with one record's mapping, worded for the analyst: which design, entity mapping,
 * target field and rule, and what happened.
 *
 * @param design  the design name and version, e.g. {@code "xero-time-entries" v3}
 * @param entity  the entity mapping, e.g. {@code timeEntry -> TimeEntry}
 * @param field   the target field path, e.g. {@code hours}
 * @param rule    the rule as the analyst sees it, e.g. {@code expression "$round(duration/60, 2)"}
 * @param kind    what class of problem it is
 * @param detail  what happened, in plain words
 */
public record MappingProblem(String design, String entity, String field, String rule, Kind kind, String detail) {

	/** What class of problem a record has. */
	public enum Kind {
		/** A required field got no value. */
		REQUIRED_MISSING,
		/** A value could not be converted (e.g. text where a number is needed). */
		TYPE_MISMATCH,
		/** A value map has no entry for the value and no value for unmatched ones. */
		UNMATCHED_VALUE,
		/** A LOOKUP found no cross-reference for the id. */
		REFERENCE_NOT_FOUND,
		/** An expression threw, ran too long or too deep. */
		EXPRESSION_FAILED,
		/** The design itself cannot run (bad path, missing expression, unknown entity). */
		INVALID_DESIGN,
		/** The input is not the shape the design reads (e.g. not a JSON object). */
		INVALID_INPUT
	}

	/** The full sentence shown in the exception queue and the design preview. */
	public String message() {
		StringBuilder text = new StringBuilder("Design ").append(design);
		if (entity != null) {
			text.append(", mapping ").append(entity);
		}
		if (field != null) {
			text.append(", field ").append(field);
		}
		if (rule != null) {
			text.append(" (").append(rule).append(')');
		}
		return text.append(": ").append(detail).toString();
	}

	@Override
	public String toString() {
		return message();
	}
}
