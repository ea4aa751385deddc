package io.crossbill.store;

import io.crossbill.engine.api.ExceptionState;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Read-only questions the workflow monitor asks of the workflows' state: how many sagas stand at each step
 * (in flight, done, retrying, failed, blocked), how many steps were made per minute, the run history, the
 * latency histograms of the metrics table, and the timeline of one business transaction across workflows.
 * Every method runs one short transaction of its own; none writes.
 *
 * <p>Step names such as {@code task:3} (one per task of a project) are counted under their family name
 * ({@code task}), see {@link #stepFamily(String)}.
 */
public final class SagaStats {

    /** At most this many sagas are returned by {@link #follow(String, int)} however large the limit asked. */
    public static final int MAX_FOLLOWED = 200;

    /**
     * Where the sagas of one workflow step stand.
     *
     * @param inFlight     sagas RUNNING whose latest step is this one (on their way to the next)
     * @param done         steps made ({@code DONE}) or found already made ({@code SKIPPED}), ever
     * @param doneInWindow of those, the ones made since the window's start: the step's throughput
     * @param retrying     exceptions of this step an analyst asked to retry, not settled yet
     * @param failed       sagas FAILED at this step, waiting for a retry
     * @param blocked      sagas BLOCKED at this step by a policy check
     * @param lastAt       when the step was last recorded, or {@code null}
     */
    public record StepCounts(String workflow, String step, long inFlight, long done, long doneInWindow,
            long retrying, long failed, long blocked, Instant lastAt) {

        /** Whether anything stands at or went through this step. */
        public boolean isEmpty() {
            return inFlight == 0 && done == 0 && retrying == 0 && failed == 0 && blocked == 0;
        }
    }

    /**
     * Steps recorded in one time bucket of one workflow.
     *
     * @param done    steps made or skipped
     * @param failed  steps that failed or were blocked
     */
    public record StepBucket(String workflow, Instant start, long done, long failed) {

        /** Failed or blocked steps as a share of all steps in the bucket, 0 when there were none. */
        public double errorRate() {
            long all = done + failed;
            return all == 0 ? 0 : (double) failed / all;
        }
    }

    /**
     * The metrics table summed over steps and outcomes into buckets of one workflow.
     *
     * @param count     observations
     * @param errors    observations whose outcome was not {@code sent} or {@code ok}
     * @param histogram observations per latency bucket, bounds {@link MetricsLog#BOUNDS_MICROS} then above
     */
    public record MetricsBucket(String workflow, Instant start, long count, long errors, long latencySumMicros,
            long[] histogram) {

        /** The latency below which the share {@code q} of observations fell, as a bucket bound (micros). */
        public long percentileMicros(double q) {
            return SagaStats.percentileMicros(histogram, q);
        }
    }

    /** One saga found while following a business transaction, with its steps and exceptions. */
    public record FollowedSaga(Sagas.Saga saga, List<Sagas.Step> steps, List<StoredException> exceptions,
            String matchedBy) {
    }

    /** One thing that happened to a followed transaction: a step, or an exception filed. */
    public record TimelineEvent(Instant at, String workflow, String businessKey, String step, String system,
            String state, String targetId, String detail, String payload, StoredException exception) {

        /** Whether this event is an exception filed, rather than a step. */
        public boolean isException() {
            return exception != null;
        }
    }

    /** What {@link #follow} found: the sagas, and all their steps and exceptions in time order. */
    public record Timeline(String query, List<FollowedSaga> sagas) {

        /** Steps and exceptions of every saga found, oldest first (steps of one saga stay in their order). */
        public List<TimelineEvent> events() {
            List<TimelineEvent> out = new ArrayList<>();
            Set<Long> seenExceptions = new java.util.HashSet<>();
            for (FollowedSaga f : sagas) {
                for (Sagas.Step s : f.steps()) {
                    out.add(new TimelineEvent(s.at(), f.saga().workflow(), f.saga().businessKey(), s.step(),
                            s.system(), s.state(), s.targetId(), s.detail(), s.payload(), null));
                }
                for (StoredException e : f.exceptions()) {
                    if (seenExceptions.add(e.id())) {
                        out.add(new TimelineEvent(e.createdAt(), e.workflow(), e.businessKey(), e.step(), e.system(),
                                e.state().name(), null, e.cause(), e.originalPayload() == null ? null
                                        : new String(e.originalPayload(), StandardCharsets.UTF_8), e));
                    }
                }
            }
            // stable: equal times keep saga order and step order
            out.sort(Comparator.comparing(TimelineEvent::at));
            return out;
        }

        /** Whether nothing was found. */
        public boolean isEmpty() {
            return sagas.isEmpty();
        }
    }

    private final EngineDatabase db;

    /** The statistics of the given database. */
    public SagaStats(EngineDatabase db) {
        this.db = db;
    }

    /**
     * The family of a step name: the part before the first {@code ':'} ({@code task:3} -> {@code task}), so
     * that numbered steps of one kind are counted together.
     */
    public static String stepFamily(String step) {
        if (step == null) {
            return "";
        }
        int colon = step.indexOf(':');
        return colon < 0 ? step : step.substring(0, colon);
    }

    // ---------------------------------------------------------------- counts per step

    /**
     * Where every workflow's sagas stand, per step family, with the throughput since {@code windowStart}.
     * Ordered by workflow, then by the step's usual position in its saga.
     */
    public List<StepCounts> stepCounts(Instant windowStart) {
        return db.inTransaction(() -> {
            Map<String, long[]> counts = new LinkedHashMap<>(); // inFlight, done, window, retrying, failed, blocked
            Map<String, Instant> last = new HashMap<>();
            Map<String, double[]> position = new HashMap<>(); // sum of seq, rows
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT s.workflow, t.step, t.state,"
                    + " COUNT(*), SUM(CASE WHEN t.at >= ? THEN 1 ELSE 0 END), MAX(t.at), SUM(t.seq)"
                    + " FROM saga_step t JOIN saga s ON s.id = t.saga_id GROUP BY s.workflow, t.step, t.state")) {
                ps.setTimestamp(1, Timestamp.from(windowStart));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = key(rs.getString(1), stepFamily(rs.getString(2)));
                        long[] c = counts.computeIfAbsent(key, k -> new long[6]);
                        String state = rs.getString(3);
                        if ("DONE".equals(state) || "SKIPPED".equals(state)) {
                            c[1] += rs.getLong(4);
                            c[2] += rs.getLong(5);
                        }
                        Instant at = rs.getTimestamp(6).toInstant();
                        last.merge(key, at, (a, b) -> a.isAfter(b) ? a : b);
                        double[] p = position.computeIfAbsent(key, k -> new double[2]);
                        p[0] += rs.getLong(7);
                        p[1] += rs.getLong(4);
                    }
                }
            }
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT workflow, step, state, COUNT(*) FROM saga"
                    + " WHERE state <> 'DONE' AND step IS NOT NULL GROUP BY workflow, step, state")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] c = counts.computeIfAbsent(key(rs.getString(1), stepFamily(rs.getString(2))),
                                k -> new long[6]);
                        int slot = switch (Sagas.State.valueOf(rs.getString(3))) {
                            case RUNNING -> 0;
                            case FAILED -> 4;
                            case BLOCKED -> 5;
                            case DONE -> -1;
                        };
                        if (slot >= 0) {
                            c[slot] += rs.getLong(4);
                        }
                    }
                }
            }
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT workflow, step, COUNT(*) FROM exceptions"
                    + " WHERE state = ? GROUP BY workflow, step")) {
                ps.setString(1, ExceptionState.RETRYING.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.computeIfAbsent(key(rs.getString(1), stepFamily(rs.getString(2))),
                                k -> new long[6])[3] += rs.getLong(3);
                    }
                }
            }
            List<StepCounts> out = new ArrayList<>();
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
                String[] wk = e.getKey().split("\u0000", 2);
                long[] c = e.getValue();
                out.add(new StepCounts(wk[0], wk[1], c[0], c[1], c[2], c[3], c[4], c[5], last.get(e.getKey())));
            }
            out.sort(Comparator.comparing(StepCounts::workflow).thenComparingDouble(s -> {
                double[] p = position.get(key(s.workflow(), s.step()));
                return p == null || p[1] == 0 ? Double.MAX_VALUE : p[0] / p[1];
            }).thenComparing(StepCounts::step));
            return out;
        });
    }

    private static String key(String workflow, String step) {
        return workflow + "\u0000" + step;
    }

    /** Sagas per workflow and state (see {@link Sagas#counts()}). */
    public Map<String, Map<Sagas.State, Long>> sagaCounts() {
        return db.sagas().counts();
    }

    /** Open, retrying and dead exceptions per workflow: the work waiting for an analyst or a retry. */
    public Map<String, Long> unsettledExceptions() {
        return db.inTransaction(() -> {
            Map<String, Long> out = new TreeMap<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT workflow, COUNT(*) FROM exceptions"
                    + " WHERE state IN (?, ?, ?) GROUP BY workflow")) {
                ps.setString(1, ExceptionState.OPEN.name());
                ps.setString(2, ExceptionState.RETRYING.name());
                ps.setString(3, ExceptionState.DEAD.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /** The latest sagas touched, newest first (any workflow). */
    public List<Sagas.Saga> latest(int limit) {
        return db.sagas().list(null, null, limit);
    }

    // ---------------------------------------------------------------- runs

    /** The latest runs of one workflow ({@code null}: all), newest first. */
    public List<Sagas.Run> runs(String workflow, int limit) {
        if (workflow == null) {
            return db.sagas().runs(limit);
        }
        return db.inTransaction(() -> {
            List<Sagas.Run> out = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT id, workflow, started_at, finished_at,"
                    + " state, items_read, writes, exceptions, summary FROM workflow_run WHERE workflow = ?"
                    + " ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
                ps.setString(1, workflow);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp f = rs.getTimestamp(4);
                        out.add(new Sagas.Run(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                                f == null ? null : f.toInstant(), rs.getString(5), rs.getLong(6), rs.getLong(7),
                                rs.getLong(8), rs.getString(9)));
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- series

    /**
     * Steps recorded per workflow in buckets of {@code bucket} from {@code from} (inclusive) to {@code to}
     * (exclusive), oldest first; buckets without steps are left out. Blocked steps count as failed.
     *
     * @throws IllegalArgumentException when the bucket is not positive or the range is empty or reversed
     */
    public List<StepBucket> stepsPerBucket(Instant from, Instant to, Duration bucket) {
        checkRange(from, to, bucket);
        return db.inTransaction(() -> {
            Map<String, long[]> sums = new TreeMap<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT s.workflow, t.at, t.state FROM saga_step t"
                    + " JOIN saga s ON s.id = t.saga_id WHERE t.at >= ? AND t.at < ?")) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant start = bucketStart(from, rs.getTimestamp(2).toInstant(), bucket);
                        long[] c = sums.computeIfAbsent(start + "\u0000" + rs.getString(1), k -> new long[2]);
                        String state = rs.getString(3);
                        if ("FAILED".equals(state) || "BLOCKED".equals(state)) {
                            c[1]++;
                        } else {
                            c[0]++;
                        }
                    }
                }
            }
            List<StepBucket> out = new ArrayList<>();
            for (Map.Entry<String, long[]> e : sums.entrySet()) {
                String[] sw = e.getKey().split("\u0000", 2);
                out.add(new StepBucket(sw[1], Instant.parse(sw[0]), e.getValue()[0], e.getValue()[1]));
            }
            out.sort(Comparator.comparing(StepBucket::start).thenComparing(StepBucket::workflow));
            return out;
        });
    }

    /**
     * The metrics table (delivery's counts and latency histograms) summed over steps and outcomes per
     * workflow into buckets of {@code bucket}, oldest first. Outcomes other than {@code sent} and {@code ok}
     * count as errors.
     *
     * @throws IllegalArgumentException when the bucket is not positive or the range is empty or reversed
     */
    public List<MetricsBucket> metrics(Instant from, Instant to, Duration bucket) {
        checkRange(from, to, bucket);
        return db.inTransaction(() -> {
            Map<String, MetricsBucket> sums = new TreeMap<>();
            int bins = MetricsLog.BOUNDS_MICROS.length + 1;
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT workflow, outcome, bucket_start,"
                    + " event_count, latency_sum_us, le_1ms, le_10ms, le_100ms, le_1s, le_10s, le_60s, gt_60s"
                    + " FROM metrics WHERE bucket_start >= ? AND bucket_start < ?")) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String workflow = rs.getString(1);
                        String outcome = rs.getString(2).toLowerCase(Locale.ROOT);
                        Instant start = bucketStart(from, rs.getTimestamp(3).toInstant(), bucket);
                        long count = rs.getLong(4);
                        long[] h = new long[bins];
                        for (int i = 0; i < bins; i++) {
                            h[i] = rs.getLong(6 + i);
                        }
                        long errors = "sent".equals(outcome) || "ok".equals(outcome) ? 0 : count;
                        sums.merge(start + "\u0000" + workflow, new MetricsBucket(workflow, start, count, errors,
                                rs.getLong(5), h), SagaStats::plus);
                    }
                }
            }
            List<MetricsBucket> out = new ArrayList<>(sums.values());
            out.sort(Comparator.comparing(MetricsBucket::start).thenComparing(MetricsBucket::workflow));
            return out;
        });
    }

    private static MetricsBucket plus(MetricsBucket a, MetricsBucket b) {
        long[] h = a.histogram().clone();
        for (int i = 0; i < h.length; i++) {
            h[i] += b.histogram()[i];
        }
        return new MetricsBucket(a.workflow(), a.start(), a.count() + b.count(), a.errors() + b.errors(),
                a.latencySumMicros() + b.latencySumMicros(), h);
    }

    /**
     * The upper bound (micros) of the histogram bucket in which the share {@code q} (0..1) of observations is
     * reached; for the open last bucket, twice the last bound. 0 for an empty histogram.
     */
    public static long percentileMicros(long[] histogram, double q) {
        long total = 0;
        for (long n : histogram) {
            total += n;
        }
        if (total == 0) {
            return 0;
        }
        long wanted = (long) Math.ceil(Math.min(1, Math.max(0, q)) * total);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= Math.max(1, wanted)) {
                return i < MetricsLog.BOUNDS_MICROS.length ? MetricsLog.BOUNDS_MICROS[i]
                        : 2 * MetricsLog.BOUNDS_MICROS[MetricsLog.BOUNDS_MICROS.length - 1];
            }
        }
        return 2 * MetricsLog.BOUNDS_MICROS[MetricsLog.BOUNDS_MICROS.length - 1];
    }

    private static void checkRange(Instant from, Instant to, Duration bucket) {
        if (bucket == null || bucket.isZero() || bucket.isNegative()) {
            throw new IllegalArgumentException("The bucket size must be positive, not " + bucket + ".");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("The time range " + from + " to " + to + " is empty or reversed;"
                    + " 'from' must be before 'to'.");
        }
    }

    private static Instant bucketStart(Instant from, Instant at, Duration bucket) {
        long size = bucket.toMillis();
        long offset = Math.floorDiv(at.toEpochMilli() - from.toEpochMilli(), size) * size;
        return from.plusMillis(offset);
    }

    // ---------------------------------------------------------------- follow one transaction

    /**
     * Follows one business transaction by what an analyst knows of it - a deal id, a time entry id, an
     * invoice number or id, a customer's id in any system: the sagas whose business key contains the text
     * (case-insensitive), whose steps made or found a record with that id, whose step details or payloads
     * contain it, and the billing sagas of invoices the billing ledger ties to it (an entry billed on them,
     * their number or id). Then one hop further across workflows: sagas that wrote to or read from the same
     * records as those found (the deal's customer and project, the project's invoices). Each saga comes with
     * its steps and the exceptions filed under its business key, the saga started first coming first.
     *
     * @param text  what to look for; at least two characters after trimming
     * @param limit at most this many sagas (capped at {@link #MAX_FOLLOWED})
     * @throws IllegalArgumentException when the text is blank or shorter than two characters
     */
    public Timeline follow(String text, int limit) {
        String q = text == null ? "" : text.trim();
        if (q.length() < 2) {
            throw new IllegalArgumentException("Type at least two characters of a deal id, time entry id or invoice"
                    + " number to follow; '" + q + "' is too short.");
        }
        int max = Math.max(1, Math.min(limit, MAX_FOLLOWED));
        return db.inTransaction(() -> {
            Map<Long, String> found = new LinkedHashMap<>(); // saga id -> how it was found
            String like = "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            collect(found, "business key", "SELECT id FROM saga WHERE LOWER(business_key) LIKE ? ESCAPE '\\'"
                    + " ORDER BY updated_at DESC", like);
            collect(found, "id in a step", "SELECT DISTINCT saga_id FROM saga_step WHERE LOWER(target_id) = ?",
                    q.toLowerCase(Locale.ROOT));
            Set<String> invoiceKeys = new LinkedHashSet<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT DISTINCT invoice_key FROM billing_ledger"
                    + " WHERE LOWER(item_id) = ? OR LOWER(invoice_number) = ? OR LOWER(invoice_id) = ?")) {
                String lower = q.toLowerCase(Locale.ROOT);
                ps.setString(1, lower);
                ps.setString(2, lower);
                ps.setString(3, lower);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        invoiceKeys.add("invoice:" + rs.getString(1));
                    }
                }
            }
            for (String key : invoiceKeys) {
                collect(found, "billing ledger", "SELECT id FROM saga WHERE business_key = ?", key);
            }
            collect(found, "step detail", "SELECT DISTINCT saga_id FROM saga_step WHERE LOWER(detail) LIKE ?"
                    + " ESCAPE '\\'", like);
            if (q.length() >= 3) {
                try (PreparedStatement ps = db.writer().prepareStatement("SELECT DISTINCT saga_id FROM saga_step"
                        + " WHERE payload IS NOT NULL AND POSITION(? IN payload) > 0")) {
                    ps.setBytes(1, q.getBytes(StandardCharsets.UTF_8));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.putIfAbsent(rs.getLong(1), "payload");
                        }
                    }
                }
            }
            // one hop across workflows: the records the found sagas made or found
            Set<String> related = new LinkedHashSet<>();
            for (long sagaId : List.copyOf(found.keySet())) {
                for (Sagas.Step s : db.sagas().steps(sagaId)) {
                    if (s.targetId() != null && !s.targetId().isBlank()) {
                        related.add(s.targetId());
                    }
                }
            }
            for (String id : related) {
                collect(found, "same record " + id, "SELECT DISTINCT saga_id FROM saga_step WHERE target_id = ?", id);
                collect(found, "same record " + id, "SELECT id FROM saga WHERE business_key LIKE ? ESCAPE '\\'",
                        "%:" + id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
                try (PreparedStatement ps = db.writer().prepareStatement("SELECT DISTINCT invoice_key FROM"
                        + " billing_ledger WHERE project_id = ?")) {
                    ps.setString(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            collect(found, "invoice of project " + id, "SELECT id FROM saga WHERE business_key = ?",
                                    "invoice:" + rs.getString(1));
                        }
                    }
                }
            }
            List<FollowedSaga> out = new ArrayList<>();
            for (Map.Entry<Long, String> e : found.entrySet()) {
                if (out.size() >= max) {
                    break;
                }
                Sagas.Saga saga = sagaById(e.getKey());
                if (saga == null) {
                    continue;
                }
                List<StoredException> exceptions = new ArrayList<>(db.exceptions().find(
                        ExceptionFilter.all().withBusinessKey(saga.businessKey()).withLimit(100)));
                if (saga.exceptionId() != null && exceptions.stream().noneMatch(x -> x.id() == saga.exceptionId())) {
                    db.exceptions().get(saga.exceptionId()).ifPresent(exceptions::add);
                }
                exceptions.sort(Comparator.comparing(StoredException::createdAt));
                out.add(new FollowedSaga(saga, db.sagas().steps(saga.id()), List.copyOf(exceptions), e.getValue()));
            }
            out.sort(Comparator.comparing((FollowedSaga f) -> f.saga().startedAt()));
            return new Timeline(q, List.copyOf(out));
        });
    }

    private void collect(Map<Long, String> found, String how, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = db.writer().prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next() && n++ < MAX_FOLLOWED) {
                    found.putIfAbsent(rs.getLong(1), how);
                }
            }
        }
    }

    private Sagas.Saga sagaById(long id) throws SQLException {
        try (PreparedStatement ps = db.writer().prepareStatement("SELECT workflow, business_key FROM saga"
                + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? db.sagas().find(rs.getString(1), rs.getString(2)).orElse(null) : null;
            }
        }
    }
}
