package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.Gauges;
import io.crossbill.store.Gauges.Sample;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gauges sampled over time: kept in the file, read back by window, replaced at the same moment, pruned. */
class GaugesTest {

    @TempDir
    Path workspace;

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void samplesAreKeptAcrossReopeningAndReadBackByWindowOldestFirst() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            Gauges g = new Gauges(db);
            g.record(List.of(new Sample(Gauges.QUEUE_DEPTH, "time-to-billing", T0.plusSeconds(120), 7, null),
                    new Sample(Gauges.QUEUE_DEPTH, "lead-to-project", T0, 3, null),
                    new Sample(Gauges.API_BUDGET_LEFT, "xero/day", T0, 4990, 5000.0)));
            g.record(List.of(new Sample(Gauges.QUEUE_DEPTH, "lead-to-project", T0.plusSeconds(60), 2, null)));
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            Gauges g = new Gauges(db);
            List<Sample> depth = g.series(Gauges.QUEUE_DEPTH, T0, T0.plusSeconds(3600));
            assertEquals(List.of(new Sample(Gauges.QUEUE_DEPTH, "lead-to-project", T0, 3, null),
                    new Sample(Gauges.QUEUE_DEPTH, "lead-to-project", T0.plusSeconds(60), 2, null),
                    new Sample(Gauges.QUEUE_DEPTH, "time-to-billing", T0.plusSeconds(120), 7, null)), depth);
            assertEquals(1, g.series(Gauges.QUEUE_DEPTH, T0.plusSeconds(60), T0.plusSeconds(120)).size(),
                    "the window's end is not in it");
            Sample budget = g.series(Gauges.API_BUDGET_LEFT, T0, T0.plusSeconds(1)).get(0);
            assertEquals(4990, budget.value());
            assertEquals(5000.0, budget.capacity());
            assertNull(depth.get(0).capacity());
        }
    }

    @Test
    void aSampleAtTheSameMomentReplacesTheOldOneAndOldSamplesArePruned() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            Gauges g = new Gauges(db);
            g.record(List.of(new Sample(Gauges.QUEUE_DEPTH, "billing", T0, 5, null)));
            g.record(List.of(new Sample(Gauges.QUEUE_DEPTH, "billing", T0, 6, null),
                    new Sample(Gauges.QUEUE_DEPTH, "billing", T0.plusSeconds(86_400 * 40), 1, null)));
            assertEquals(List.of(6.0, 1.0), g.series(Gauges.QUEUE_DEPTH, T0, T0.plusSeconds(86_400 * 41)).stream()
                    .map(Sample::value).toList());
            assertEquals(1, g.prune(T0.plusSeconds(86_400 * 5)));
            assertEquals(1, g.series(Gauges.QUEUE_DEPTH, T0, T0.plusSeconds(86_400 * 41)).size());
        }
    }

    @Test
    void aSampleWithoutANameOrAFiniteValueIsRefusedWithWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sample(Gauges.QUEUE_DEPTH, " ", T0, 1, null));
        assertEquals("A gauge needs a name (up to 64 characters) and a subject (up to 200): 'queue_depth', ' '.",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sample(Gauges.API_BUDGET_LEFT, "xero/day", T0,
                Double.NaN, null));
    }
}
