package io.crossbill.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.workflow.ApiBudgets;
import io.crossbill.workflow.ApiBudgets.Budget;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The budget left per system and window, from the rate-limit headers of the systems' latest answers. */
class ApiBudgetsTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void theLatestAnswerOfEachSystemSaysWhatIsLeftAndOutOfWhat() {
        ApiBudgets b = new ApiBudgets(ApiBudgets.XERO_LIMITS, Clock.fixed(AT, ZoneOffset.UTC));
        assertTrue(b.current().isEmpty(), "nothing answered yet");
        b.seen("xero", Map.of("X-MinLimit-Remaining", "59", "X-DayLimit-Remaining", "4999"));
        b.seen("xero", Map.of("X-MinLimit-Remaining", "58", "X-DayLimit-Remaining", "4990"));
        b.seen("hubspot", Map.of("X-HubSpot-RateLimit-Remaining", "187", "X-HubSpot-RateLimit-Max", "190",
                "X-HubSpot-RateLimit-Daily-Remaining", "649800", "X-HubSpot-RateLimit-Daily", "650000"));
        b.seen("hubspot", Map.of()); // an answer without the headers does not forget the last ones
        assertEquals(List.of(new Budget("xero", "minute", 58, 60L, AT), new Budget("xero", "day", 4990, 5000L, AT),
                new Budget("hubspot", "10 s", 187, 190L, AT), new Budget("hubspot", "day", 649_800, 650_000L, AT)),
                b.current());
        assertEquals("hubspot 187 of 190 in 10 s, 649,800 of 650,000 a day; xero 58 of 60 a minute, 4,990 of 5,000"
                + " a day", ApiBudgets.describe(b.current()));
    }

    @Test
    void aLimitBelowWhatIsLeftOrAValueThatIsNotANumberIsNotReported() {
        ApiBudgets b = new ApiBudgets(ApiBudgets.XERO_LIMITS, Clock.fixed(AT, ZoneOffset.UTC));
        // an organisation on a larger plan than the published limits: say only what is left
        b.seen("xero", Map.of("X-MinLimit-Remaining", "soon", "X-DayLimit-Remaining", "9000"));
        assertEquals(List.of(new Budget("xero", "day", 9000, null, AT)), b.current());
        assertEquals("xero 9,000 a day", ApiBudgets.describe(b.current()));
    }
}
