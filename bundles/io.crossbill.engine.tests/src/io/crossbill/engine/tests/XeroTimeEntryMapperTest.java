package io.crossbill.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.engine.api.MappingException;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.bench.TimeEntryValidator;
import io.crossbill.engine.bench.XeroTimeEntryMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class XeroTimeEntryMapperTest {

    private final ObjectMapper json = new ObjectMapper();
    private final RecordEnvelope envelope = new RecordEnvelope("xero", "TimeEntry", "te-1", "abc", new byte[0],
            Instant.EPOCH, null);

    @Test
    void mapsToTheCanonicalTimeEntry() throws Exception {
        JsonNode out = new XeroTimeEntryMapper().map(envelope, json.readTree("{\"timeEntryId\":\"te-1\","
                + "\"userId\":\"u\",\"projectId\":\"p\",\"taskId\":\"t\",\"dateUtc\":\"2026-10-08T23:30:00-02:00\","
                + "\"duration\":100}"));
        assertEquals("u", out.get("resource").asText());
        assertEquals("2026-10-09", out.get("workDate").asText(), "work date is the UTC date");
        assertEquals("1.67", out.get("hours").decimalValue().toPlainString());
        assertTrue(out.get("billable").asBoolean());
        assertEquals("abc", out.at("/source/version").asText());
        assertTrue(new TimeEntryValidator().validate(out).isEmpty());
    }

    @Test
    void missingIdsAreViolations() throws Exception {
        JsonNode out = new XeroTimeEntryMapper().map(envelope, json.readTree("{\"timeEntryId\":\"te-1\",\"duration\":0}"));
        assertEquals("[resource: is required, project: is required, task: is required, workDate: is required,"
                + " hours: 0.00 is outside 0 < hours <= 24 (one person cannot book more than a day on one entry)]",
                new TimeEntryValidator().validate(out).toString());
    }

    @Test
    void unreadableDateNamesTheField() throws Exception {
        MappingException e = assertThrows(MappingException.class, () -> new XeroTimeEntryMapper().map(envelope,
                json.readTree("{\"timeEntryId\":\"te-1\",\"duration\":60,\"dateUtc\":\"next Tuesday\"}")));
        assertTrue(e.getMessage().contains("field workDate: dateUtc 'next Tuesday'"), e.getMessage());
    }
}
