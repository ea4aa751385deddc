package io.crossbill.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.engine.api.MappingException;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.api.RecordMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Hand-written mapping of a Xero Projects time entry to the canonical time entry, standing in for the
 * compiled mapping design in the benchmark and the tests: resource, project, task, work date in UTC,
 * hours = minutes / 60 to 2 decimals, billable, source system, id and version.
 * <p>
 * Xero time entries carry no billable flag of their own (a task's charge type decides); entries of
 * chargeable tasks are billable, so {@code billable} is {@code true} unless the payload says
 * {@code "chargeType":"NON_CHARGEABLE"}.
 */
public final class XeroTimeEntryMapper implements RecordMapper {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    @Override
    public JsonNode map(RecordEnvelope envelope, JsonNode source) throws MappingException {
        JsonNode id = source.get("timeEntryId");
        JsonNode duration = source.get("duration");
        if (id == null || duration == null) {
            throw new MappingException("Mapping 'Xero time entry': the payload has no "
                    + (id == null ? "timeEntryId" : "duration") + ", so it is not a Xero time entry (fields: "
                    + fieldNames(source) + ").",
                    "Check that the record was routed to the right workflow.", null);
        }
        if (!duration.canConvertToInt()) {
            throw new MappingException("Mapping 'Xero time entry', field hours: duration '" + duration
                    + "' is not a whole number of minutes.");
        }
        ObjectNode out = nodes.objectNode();
        out.put("eClass", "TimeEntry"); // the canonical type member (CanonicalJson.TYPE_FIELD)
        out.put("resource", text(source, "userId"));
        out.put("project", text(source, "projectId"));
        out.put("task", text(source, "taskId"));
        out.put("workDate", workDate(text(source, "dateUtc")));
        out.put("hours", BigDecimal.valueOf(duration.asInt()).divide(SIXTY, 2, RoundingMode.HALF_UP));
        out.put("billable", !"NON_CHARGEABLE".equals(text(source, "chargeType")));
        ObjectNode src = out.putObject("source");
        src.put("system", envelope.system());
        src.put("id", id.asText());
        src.put("version", envelope.sourceVersion());
        return out;
    }

    private static String text(JsonNode source, String field) {
        JsonNode n = source.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String workDate(String dateUtc) throws MappingException {
        if (dateUtc == null) {
            return null;
        }
        // the common case, "2026-10-08T00:00:00Z", needs no parser
        if (dateUtc.length() == 20 && dateUtc.charAt(10) == 'T' && dateUtc.charAt(19) == 'Z') {
            return dateUtc.substring(0, 10);
        }
        try {
            return OffsetDateTime.parse(dateUtc).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            throw new MappingException("Mapping 'Xero time entry', field workDate: dateUtc '" + dateUtc
                    + "' is not a date-time.", "Correct the date in Xero and replay.", e);
        }
    }

    private static String fieldNames(JsonNode source) {
        StringBuilder sb = new StringBuilder();
        source.fieldNames().forEachRemaining(f -> sb.append(sb.isEmpty() ? "" : ", ").append(f));
        return sb.isEmpty() ? "none" : sb.toString();
    }
}
