package io.crossbill.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.engine.DesignRecordMapper;
import io.crossbill.engine.api.MappingException;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.bench.IngestBenchmark;
import io.crossbill.engine.bench.TimeEntryGenerator;
import io.crossbill.engine.bench.XeroTimeEntryMapper;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.runtime.MappingCompiler;
import io.crossbill.mapping.runtime.MappingDesignFile;
import io.crossbill.mapping.runtime.TestCaseOutcome;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The shipped design xero-time-entries against the hand-written mapper it replaces in the benchmark. */
class DesignRecordMapperTest {

    private final ObjectMapper json = new ObjectMapper();
    private final DesignRecordMapper design = DesignRecordMapper.shipped(IngestBenchmark.DESIGN);
    private final XeroTimeEntryMapper hand = new XeroTimeEntryMapper();

    @Test
    void designGivesTheHandMappersOutputOnTheBenchInput() throws Exception {
        TimeEntryGenerator.Entries entries = TimeEntryGenerator.generate(5_000, 42);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < entries.size(); i++) {
            byte[] payload = entries.payloads()[i];
            RecordEnvelope env = RecordEnvelope.unversioned("xero", "TimeEntry", entries.ids()[i], payload,
                    Instant.EPOCH).withContentHash(HexFormat.of().formatHex(sha.digest(payload)));
            JsonNode source = json.readTree(payload);
            byte[] expected = json.writeValueAsBytes(hand.map(env, source));
            byte[] actual = json.writeValueAsBytes(design.map(env, source));
            assertArrayEquals(expected, actual, () -> "entry " + env.externalId() + ": hand "
                    + new String(expected, java.nio.charset.StandardCharsets.UTF_8) + " but design "
                    + new String(actual, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void nonChargeableAndRoundingAgreeWithTheHandMapper() throws Exception {
        RecordEnvelope env = new RecordEnvelope("xero", "TimeEntry", "te-9", "v1", new byte[0], Instant.EPOCH, null);
        for (String payload : new String[] {
                "{\"timeEntryId\":\"te-9\",\"userId\":\"u\",\"projectId\":\"p\",\"taskId\":\"t\","
                        + "\"dateUtc\":\"2026-01-31T00:00:00Z\",\"duration\":50,\"chargeType\":\"NON_CHARGEABLE\"}",
                "{\"timeEntryId\":\"te-9\",\"userId\":\"u\",\"projectId\":\"p\",\"taskId\":\"t\","
                        + "\"dateUtc\":\"2026-01-31T00:00:00Z\",\"duration\":1,\"chargeType\":\"FIXED\"}",
                "{\"timeEntryId\":\"te-9\",\"userId\":\"u\",\"projectId\":\"p\",\"taskId\":\"t\","
                        + "\"dateUtc\":\"2026-01-31T00:00:00Z\",\"duration\":725,\"chargeType\":null}"}) {
            JsonNode source = json.readTree(payload);
            assertEquals(json.writeValueAsString(hand.map(env, source)), json.writeValueAsString(design.map(env, source)),
                    payload);
        }
        JsonNode out = design.map(env, json.readTree("{\"timeEntryId\":\"te-9\",\"duration\":50,"
                + "\"chargeType\":\"NON_CHARGEABLE\"}"));
        assertFalse(out.get("billable").asBoolean());
        assertEquals("0.83", out.get("hours").decimalValue().toPlainString());
        assertEquals("{\"system\":\"xero\",\"id\":\"te-9\",\"version\":\"v1\"}", out.get("source").toString());
    }

    @Test
    void shippedDesignsGoldenSamplesPass() throws IOException {
        MappingDesign shipped = MappingDesignFile.loadShipped("xero-time-entries");
        assertEquals("xero-time-entries", shipped.getName());
        assertFalse(shipped.getTestCases().isEmpty());
        for (TestCase testCase : shipped.getTestCases()) {
            TestCaseOutcome outcome = TestCaseOutcome.run(new MappingCompiler().compileUncached(shipped), testCase);
            assertTrue(outcome.passed(), outcome.name() + ": " + outcome.detail());
        }
    }

    @Test
    void unknownShippedDesignIsAnIOException() {
        IOException e = assertThrows(IOException.class, () -> MappingDesignFile.loadShipped("no-such-design"));
        assertTrue(e.getMessage().contains("no-such-design"), e.getMessage());
        assertThrows(IOException.class, () -> MappingDesignFile.loadShipped("../model/mapping"));
    }

    @Test
    void problemsBecomeAMappingExceptionWithTheAnalystsSentence() throws Exception {
        RecordEnvelope env = new RecordEnvelope("xero", "TimeEntry", "te-1", "v1", new byte[0], Instant.EPOCH, null);
        MappingException missing = assertThrows(MappingException.class,
                () -> design.map(env, json.readTree("{\"timeEntryId\":\"te-1\",\"userId\":\"u\"}")));
        assertEquals("Design \"xero-time-entries\" v4, mapping timeEntry -> TimeEntry, field hours (copy of"
                + " \"duration\", then minutes to hours to 2 places): required, but the record has no value at"
                + " \"duration\" and the rule has no default", missing.getMessage());
        assertTrue(missing.suggestedFix() != null);

        MappingException twoProblems = assertThrows(MappingException.class,
                () -> design.map(env, json.readTree("{\"duration\":\"a lot\"}")));
        assertTrue(twoProblems.getMessage().contains("field hours") && twoProblems.getMessage().contains("\"a lot\"")
                && twoProblems.getMessage().contains("field source/id"), twoProblems.getMessage());
    }
}
