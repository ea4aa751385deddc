package io.crossbill.mapping.validation;

/**
 * One thing wrong with a canonical record.
 *
 * @param field   the field path, e.g. {@code hours} or {@code lines[2].unitAmount}; {@code null} for the
 *                record as a whole
 * @param rule    which check failed, a stable name the exception queue can group by (see {@link Rules})
 * @param message what is wrong, in words an analyst understands
 */
public record ValidationProblem(String field, String rule, String message) {

	/** Stable names of the built-in checks. */
	public static final class Rules {
		public static final String TYPE_UNKNOWN = "record-type";
		public static final String REQUIRED = "required";
		public static final String UNKNOWN_FIELD = "unknown-field";
		public static final String WRONG_TYPE = "type";
		public static final String ENUM_LITERAL = "allowed-values";
		public static final String MAX_HOURS_PER_DAY = "max-hours-per-day";
		public static final String DATE_ORDER = "date-order";

		private Rules() {
		}
	}

	@Override
	public String toString() {
		return (field == null ? "" : field + ": ") + message + " [" + rule + "]";
	}
}
