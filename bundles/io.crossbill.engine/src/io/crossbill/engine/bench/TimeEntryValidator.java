package io.crossbill.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.engine.api.RecordValidator;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's validation of a canonical time entry: ids present and 0 &lt; hours &lt;= 24. */
public final class TimeEntryValidator implements RecordValidator {

    @Override
    public List<Violation> validate(JsonNode entry) {
        List<Violation> violations = null;
        for (String field : new String[] {"resource", "project", "task", "workDate"}) {
            JsonNode n = entry.get(field);
            if (n == null || !n.isTextual() || n.asText().isEmpty()) {
                violations = add(violations, new Violation(field, "is required"));
            }
        }
        JsonNode hours = entry.get("hours");
        if (hours == null || !hours.isNumber()) {
            violations = add(violations, new Violation("hours", "is required"));
        } else if (hours.doubleValue() <= 0 || hours.doubleValue() > 24) {
            violations = add(violations, new Violation("hours", hours.asText()
                    + " is outside 0 < hours <= 24 (one person cannot book more than a day on one entry)"));
        }
        return violations == null ? List.of() : violations;
    }

    private static List<Violation> add(List<Violation> list, Violation v) {
        List<Violation> result = list == null ? new ArrayList<>() : list;
        result.add(v);
        return result;
    }
}
