package io.crossbill.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts and latency histograms per workflow, step and outcome in one-minute buckets, kept so the
 * workflow monitor can draw history. Observations are summed in memory during a transaction and written
 * at commit, one row per (workflow, step, outcome, minute).
 */
public final class MetricsLog implements TransactionParticipant {

    /** Upper bounds of the histogram buckets in microseconds; the last bucket is everything above. */
    public static final long[] BOUNDS_MICROS = {1_000, 10_000, 100_000, 1_000_000, 10_000_000, 60_000_000};

    /** One stored bucket. */
    public record Bucket(String workflow, String step, String outcome, Instant bucketStart, long count,
            long latencySumMicros, long[] histogram) {
    }

    private record Key(String workflow, String step, String outcome, Instant bucketStart) {
    }

    private static final class Sums {
        long count;
        long latencySum;
        final long[] histogram = new long[BOUNDS_MICROS.length + 1];
    }

    private final EngineDatabase db;
    private final Map<Key, Sums> pending = new HashMap<>();

    MetricsLog(EngineDatabase db) {
        this.db = db;
    }

    /**
     * Adds {@code count} observations of one latency (in the current transaction, or in one of its own).
     */
    public void add(String workflow, String step, String outcome, Instant at, long count, long latencyMicros) {
        db.inTransaction(() -> {
            Key key = new Key(workflow, step, outcome, at.truncatedTo(ChronoUnit.MINUTES));
            Sums sums = pending.computeIfAbsent(key, k -> new Sums());
            sums.count += count;
            sums.latencySum += count * latencyMicros;
            sums.histogram[bucketOf(latencyMicros)] += count;
        });
    }

    /**
     * Observations of one (workflow, step, outcome) gathered by the caller, e.g. over a batch, and added
     * in one go with {@link MetricsLog#add(String, String, String, Instant, Tally)}: counting costs an array
     * increment, not a map look-up. Not thread-safe; one per thread and batch.
     */
    public static final class Tally {
        private long count;
        private long latencySum;
        private final long[] histogram = new long[BOUNDS_MICROS.length + 1];

        /** One observation. */
        public void record(long latencyMicros) {
            record(1, latencyMicros);
        }

        /** {@code n} observations of the same latency. */
        public void record(long n, long latencyMicros) {
            count += n;
            latencySum += n * latencyMicros;
            histogram[bucketOf(latencyMicros)] += n;
        }

        public long count() {
            return count;
        }

        /** Forgets everything, for the next batch. */
        public void clear() {
            count = 0;
            latencySum = 0;
            java.util.Arrays.fill(histogram, 0);
        }
    }

    /** Adds a caller's tally (in the current transaction, or in one of its own); an empty tally adds nothing. */
    public void add(String workflow, String step, String outcome, Instant at, Tally tally) {
        if (tally.count == 0) {
            return;
        }
        db.inTransaction(() -> {
            Sums sums = pending.computeIfAbsent(new Key(workflow, step, outcome, at.truncatedTo(ChronoUnit.MINUTES)),
                    k -> new Sums());
            sums.count += tally.count;
            sums.latencySum += tally.latencySum;
            for (int i = 0; i < sums.histogram.length; i++) {
                sums.histogram[i] += tally.histogram[i];
            }
        });
    }

    static int bucketOf(long micros) {
        for (int i = 0; i < BOUNDS_MICROS.length; i++) {
            if (micros <= BOUNDS_MICROS[i]) {
                return i;
            }
        }
        return BOUNDS_MICROS.length;
    }

    /** The buckets of a workflow step between two instants, oldest first. */
    public List<Bucket> series(String workflow, String step, Instant from, Instant to) {
        return db.inTransaction(() -> {
            List<Bucket> result = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT workflow, step, outcome, bucket_start,"
                    + " event_count, latency_sum_us, le_1ms, le_10ms, le_100ms, le_1s, le_10s, le_60s, gt_60s"
                    + " FROM metrics WHERE workflow = ? AND step = ? AND bucket_start >= ? AND bucket_start < ?"
                    + " ORDER BY bucket_start, outcome")) {
                ps.setString(1, workflow);
                ps.setString(2, step);
                ps.setTimestamp(3, Timestamp.from(from));
                ps.setTimestamp(4, Timestamp.from(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] h = new long[BOUNDS_MICROS.length + 1];
                        for (int i = 0; i < h.length; i++) {
                            h[i] = rs.getLong(7 + i);
                        }
                        result.add(new Bucket(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getLong(6), h));
                    }
                }
            }
            return result;
        });
    }

    @Override
    public void beforeCommit(Connection c) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        // update, else insert: portable where MERGE and ON CONFLICT are not
        try (PreparedStatement update = c.prepareStatement("UPDATE metrics SET event_count = event_count + ?,"
                + " latency_sum_us = latency_sum_us + ?, le_1ms = le_1ms + ?, le_10ms = le_10ms + ?,"
                + " le_100ms = le_100ms + ?, le_1s = le_1s + ?, le_10s = le_10s + ?, le_60s = le_60s + ?,"
                + " gt_60s = gt_60s + ? WHERE workflow = ? AND step = ? AND outcome = ? AND bucket_start = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO metrics (event_count, latency_sum_us,"
                        + " le_1ms, le_10ms, le_100ms, le_1s, le_10s, le_60s, gt_60s, workflow, step, outcome,"
                        + " bucket_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Key, Sums> e : pending.entrySet()) {
                bind(update, e.getKey(), e.getValue());
                if (update.executeUpdate() == 0) {
                    bind(insert, e.getKey(), e.getValue());
                    insert.executeUpdate();
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, Key k, Sums s) throws SQLException {
        ps.setLong(1, s.count);
        ps.setLong(2, s.latencySum);
        for (int i = 0; i < s.histogram.length; i++) {
            ps.setLong(3 + i, s.histogram[i]);
        }
        ps.setString(10, k.workflow());
        ps.setString(11, k.step());
        ps.setString(12, k.outcome());
        ps.setTimestamp(13, Timestamp.from(k.bucketStart()));
    }

    @Override
    public void afterCommit() {
        pending.clear();
    }

    @Override
    public void afterRollback() {
        pending.clear();
    }
}
