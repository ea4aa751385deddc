package io.crossbill.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.delivery.SystemLimits;
import io.crossbill.workflow.EngineSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** engine.json: defaults, a round trip, overrides that reach the limits, and clear errors for a bad file. */
class EngineSettingsTest {

    @TempDir
    Path workspace;

    @Test
    void withoutAFileTheDefaultsAndTheVendorsLimitsApply() {
        EngineSettings s = EngineSettings.load(workspace);
        assertEquals(15, s.pollMinutes());
        assertEquals(8, s.maxAttempts());
        assertEquals(Duration.ofMinutes(5), s.maxBackoff());
        assertFalse(s.sandbox());
        SystemLimits xero = s.systemLimits(false).get("xero");
        assertEquals(60, xero.requests());
        assertEquals(Duration.ofMinutes(1), xero.period());
        assertEquals(5_000, xero.perDay());
        assertEquals(5, xero.maxConcurrent());
        assertEquals(190, s.systemLimits(false).get("hubspot").requests());
    }

    @Test
    void savedSettingsComeBackAndOverrideTheBuiltInLimitsFieldByField() throws Exception {
        EngineSettings s = new EngineSettings(5, 3, Duration.ofSeconds(40),
                Map.of("xero", new EngineSettings.Limit(30L, null, 2)), true);
        s.save(workspace);
        EngineSettings back = EngineSettings.load(workspace);
        assertEquals(s, back);
        SystemLimits xero = back.systemLimits(false).get("xero");
        assertEquals(30, xero.requests(), "per minute from engine.json");
        assertEquals(2, xero.maxConcurrent(), "concurrency from engine.json");
        assertEquals(5_000, xero.perDay(), "the daily budget was not overridden: Xero's own");
        assertEquals(3, xero.maxAttempts(), "the retry budget applies to every system");
        assertEquals(Duration.ofSeconds(40), xero.maxRetryDelay());
        assertEquals(3, back.systemLimits(false).get("hubspot").maxAttempts());
        assertEquals(190, back.systemLimits(false).get("hubspot").requests(), "HubSpot keeps its own rate");
    }

    @Test
    void theContextOfARunGoesThroughTheGatesWithTheseLimits() throws Exception {
        Files.writeString(workspace.resolve("engine.json"), "{\"limits\": {\"hubspot\": {\"concurrent\": 3}}}");
        EngineSettings s = EngineSettings.load(workspace);
        assertEquals(3, s.systemLimits(true).get("hubspot").maxConcurrent());
        assertEquals(6_000, s.systemLimits(true).get("xero").requests(), "the sandbox's generous rate stays");
        assertEquals(15, s.pollMinutes(), "a setting left out keeps its default");
    }

    @Test
    void aBadFileIsRefusedNamingTheFileAndTheSetting() throws Exception {
        Path f = workspace.resolve("engine.json");
        Files.writeString(f, "{\"pollMinutes\": 0}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EngineSettings.load(workspace));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("poll interval")
                && e.getMessage().contains("not 0"), e.getMessage());

        Files.writeString(f, "{\"pollMinute\": 5}");
        e = assertThrows(IllegalArgumentException.class, () -> EngineSettings.load(workspace));
        assertTrue(e.getMessage().contains("pollMinute") && e.getMessage().contains("pollMinutes"), e.getMessage());

        Files.writeString(f, "{\"limits\": {\"salesforce\": {\"perMinute\": 5}}}");
        e = assertThrows(IllegalArgumentException.class, () -> EngineSettings.load(workspace));
        assertTrue(e.getMessage().contains("salesforce"), e.getMessage());

        Files.writeString(f, "{\"retry\": {\"maxAttempts\": \"many\"}}");
        e = assertThrows(IllegalArgumentException.class, () -> EngineSettings.load(workspace));
        assertTrue(e.getMessage().contains("retry.maxAttempts") && e.getMessage().contains("whole number"),
                e.getMessage());

        Files.writeString(f, "{\"pollMinutes\": 5,");
        e = assertThrows(IllegalArgumentException.class, () -> EngineSettings.load(workspace));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertEquals("{\"pollMinutes\": 5,", Files.readString(f), "the bad file is left as it was");
    }
}
