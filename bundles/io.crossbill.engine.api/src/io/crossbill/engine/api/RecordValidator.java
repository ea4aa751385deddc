package io.crossbill.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Checks a canonical record against the model's rules: required fields, types, enumerations, ranges and
 * cross-field rules. Thread-safe and stateless, like {@link RecordMapper}.
 */
@FunctionalInterface
public interface RecordValidator {

    /** One broken rule: the canonical field (a JSON pointer or dotted path) and what is wrong. */
    record Violation(String field, String message) {
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
