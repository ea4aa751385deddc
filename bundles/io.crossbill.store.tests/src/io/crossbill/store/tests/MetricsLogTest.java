package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.MetricsLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    @TempDir
    Path workspace;

    @Test
    void countsAndLatenciesAddUpPerMinuteAcrossTransactions() {
        Instant t = Instant.parse("2026-03-01T10:15:30Z");
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            db.metrics().add("time-to-billing", "ingest", "accepted", t, 100, 500);
            db.inTransaction(() -> {
                db.metrics().add("time-to-billing", "ingest", "accepted", t.plusSeconds(20), 50, 2_000_000);
                db.metrics().add("time-to-billing", "ingest", "failed", t, 1, 500);
            });
            db.metrics().add("time-to-billing", "ingest", "accepted", t.plusSeconds(60), 7, 500);

            List<MetricsLog.Bucket> series = db.metrics().series("time-to-billing", "ingest",
                    Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T11:00:00Z"));

            assertEquals(3, series.size());
            MetricsLog.Bucket accepted = series.get(0);
            assertEquals("accepted", accepted.outcome());
            assertEquals(Instant.parse("2026-03-01T10:15:00Z"), accepted.bucketStart());
            assertEquals(150, accepted.count());
            assertEquals(100 * 500 + 50 * 2_000_000L, accepted.latencySumMicros());
            assertArrayEquals(new long[] {100, 0, 0, 0, 50, 0, 0}, accepted.histogram());
            assertEquals("failed", series.get(1).outcome());
            assertEquals(7, series.get(2).count());
        }
    }
}
