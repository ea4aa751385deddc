package io.crossbill.delivery.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.delivery.SystemGate;
import io.crossbill.delivery.SystemGates;
import io.crossbill.delivery.SystemLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The limits every worker of a system shares. */
class SystemGateTest {

    @Test
    void aPauseAskedForByTheSystemHoldsEveryWorker() throws Exception {
        FakeClock clock = new FakeClock();
        SystemGates gates = new SystemGates(s -> SystemLimits.concurrencyOnly(s, 5), clock);
        // one worker was told "Retry-After: 30"; another worker's next request waits too
        gates.of("kantata").closeUntil(clock.now().plusSeconds(30));
        Thread other = new Thread(() -> {
            try (SystemGate.Pass pass = gates.of("kantata").enter()) {
                // request made here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        other.join();
        assertEquals(Duration.ofSeconds(30), clock.totalSlept());
        try (SystemGate.Pass pass = gates.of("hubspot").enter()) {
            assertEquals(Duration.ofSeconds(30), clock.totalSlept(), "other systems are not held");
        }
    }

    @Test
    void theDailyBudgetWaitsForTheNextDayOnceSpent() throws Exception {
        FakeClock clock = new FakeClock();
        SystemGate gate = new SystemGate(SystemLimits.concurrencyOnly("xero", 5).withPerDay(3), clock);
        for (int i = 0; i < 3; i++) {
            gate.enter().close();
        }
        assertEquals(Duration.ZERO, clock.totalSlept());
        gate.enter().close();
        assertTrue(clock.totalSlept().compareTo(Duration.ofHours(23)) > 0, "waited " + clock.totalSlept());
    }

    @Test
    void vendorDefaultsFollowTheirPublishedLimits() {
        SystemLimits xero = SystemLimits.forVendor("Xero");
        assertEquals(60, xero.requests());
        assertEquals(Duration.ofMinutes(1), xero.period());
        assertEquals(5, xero.maxConcurrent());
        assertEquals(5_000, xero.perDay());
        SystemLimits hubspot = SystemLimits.forVendor("hubspot");
        assertEquals(190, hubspot.requests());
        assertEquals(Duration.ofSeconds(10), hubspot.period());
        assertTrue(hubspot.burst());
    }
}
