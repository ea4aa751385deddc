package io.crossbill.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Checks a canonical record against the model's rules: required fields, types, enumerations, ranges and
 * cross-field rules. Thread-safe and stateless, like {@link RecordMapper}.
 */
@FunctionalInterface
public interface RecordValidator {

    /**
     * One broken rule: the canonical field (a JSON pointer or dotted path), what is wrong, and whether it is a rule
     * of the record itself ({@link ExceptionClass#VALIDATION}) or a reference to something the target does not have
     * ({@link ExceptionClass#REFERENCE}: an unknown customer number, project code, rate).
     */
    record Violation(String field, String message, ExceptionClass exceptionClass) {

        public Violation {
            if (exceptionClass != ExceptionClass.VALIDATION && exceptionClass != ExceptionClass.REFERENCE) {
                throw new IllegalArgumentException("A violation is a VALIDATION or a REFERENCE problem, not "
                        + exceptionClass);
            }
        }

        /** A broken rule of the record itself. */
        public Violation(String field, String message) {
            this(field, message, ExceptionClass.VALIDATION);
        }

        /** A reference to something the target does not have. */
        public static Violation reference(String field, String message) {
            return new Violation(field, message, ExceptionClass.REFERENCE);
        }

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    /** A validator that accepts everything. */
    RecordValidator ACCEPT_ALL = canonical -> List.of();

    /** Returns the violations, empty when the record is valid. */
    List<Violation> validate(JsonNode canonical);
}
