package io.crossbill.store;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The exception queue as the analyst browses it: how many exceptions a filter matches, one page of light
 * rows (no payloads) in a chosen order, the root causes with their counts, the values the filter choices
 * offer, and assigning an exception to someone with a note.
 * <p>
 * Built to stay fast at a million exceptions: H2 reads every matching row to count or group them, which
 * takes seconds at that size whatever the indexes, so the browser keeps the light columns of every
 * exception in memory (about 40 bytes each), brought up to date before every call (new exceptions by id,
 * changed ones by {@code updated_at}, schema version 5). Counting, filtering, sorting and grouping then
 * take milliseconds; a page's rows are read by primary key.
 * <p>
 * Reading those columns of a million exceptions takes several seconds, so the first call starts it on a
 * background thread, in steps of {@value #LOAD_STEP} rows that each hold the database briefly; until it
 * is done, counts, pages and ids are answered by H2 directly (the newest-first page from the index on
 * {@code created_at}, schema version 8), with the same rows in the same order. Root causes and filter
 * choices wait for the load ({@link #indexReady()}); the business-key order is built once at its end. The
 * cause ({@code cause_key}, the cause with ids, numbers and quoted values taken out) is a column the
 * database computes. Each method runs in a transaction of its own on the engine's database; thread-safe.
 * Free text matches the business key or the root cause (not the ids inside a message: those are the
 * business keys and the root cause's {@code #}).
 */
public final class ExceptionBrowser {

    /** The assignee filter value that matches exceptions nobody is assigned to. */
    public static final String UNASSIGNED = "";

    /** Characters of the cause a {@link Row} carries; the detail has all of it. */
    public static final int ROW_CAUSE_CHARS = 300;

    private static final String ROW_COLUMNS = "id, exception_class, state, workflow, step, system_name, entity,"
            + " business_key, LEFT(cause, " + ROW_CAUSE_CHARS + "), cause_key, attempts, created_at, updated_at,"
            + " assignee, note";

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern UUID = Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    private static final Pattern WITH_DIGIT = Pattern.compile("[A-Za-z_]*[0-9]([A-Za-z0-9_./:+-]*[A-Za-z0-9])?");

    /** Rows the background load reads per transaction. */
    public static final int LOAD_STEP = 25_000;

    private final EngineDatabase db;
    private final boolean useIndex;
    private final ExceptionIndex index = new ExceptionIndex();
    private final AtomicBoolean loadStarted = new AtomicBoolean();
    private final CompletableFuture<Void> indexReady = new CompletableFuture<>();
    private volatile boolean indexLoaded;
    private int[] cachedPositions;
    private int[] cachedSortedPositions;
    private Filter cachedFilter;
    private Sort cachedSort;
    private long cachedVersion = -1;
    private Instant cachedAt;

    /** A browser over the exception queue of an open database; the in-memory index loads on first use. */
    public ExceptionBrowser(EngineDatabase db) {
        this(db, true);
    }

    /**
     * @param useIndex {@code false} answers every call from the database alone (no background load, no
     *                 memory held): for a one-off query, e.g. from the command line
     */
    public ExceptionBrowser(EngineDatabase db, boolean useIndex) {
        this.db = Objects.requireNonNull(db, "db");
        this.useIndex = useIndex;
        if (!useIndex) {
            indexReady.complete(null);
        }
    }

    /**
     * Completes when the in-memory index is loaded and calls answer from it (at once for a browser without
     * index); completes exceptionally when the load failed, and calls then go on answering from the database.
     * Starts the load if nothing has yet.
     */
    public CompletableFuture<Void> indexReady() {
        startLoad();
        return indexReady.copy();
    }

    /** Whether calls are answered from the in-memory index now. */
    public boolean indexLoaded() {
        return indexLoaded;
    }

    // ---- what the screen asks for -----------------------------------------------------------------------

    /** How old an exception is, as the age filter offers it. */
    public enum Age {
        ANY("any age", null, null),
        LAST_DAY("last 24 hours", Duration.ofDays(1), null),
        LAST_WEEK("last 7 days", Duration.ofDays(7), null),
        LAST_30_DAYS("last 30 days", Duration.ofDays(30), null),
        OLDER_THAN_30_DAYS("older than 30 days", null, Duration.ofDays(30)),
        OLDER_THAN_60_DAYS("older than 60 days", null, Duration.ofDays(60));

        private final String label;
        private final Duration newerThan;
        private final Duration olderThan;

        Age(String label, Duration newerThan, Duration olderThan) {
            this.label = label;
            this.newerThan = newerThan;
            this.olderThan = olderThan;
        }

        /** The words the filter shows, e.g. "last 7 days". */
        public String label() {
            return label;
        }

        Duration newerThan() {
            return newerThan;
        }

        Duration olderThan() {
            return olderThan;
        }
    }

    /**
     * Which exceptions to show. Fields that are {@code null} (or an empty state set) do not filter.
     *
     * @param states         the states to show, e.g. everything but RESOLVED
     * @param assignee       a user name, or {@link #UNASSIGNED} for exceptions nobody has
     * @param text           case-insensitive text searched in the business key and the cause
     * @param rootCause      a root cause ({@link RootCause#causeKey()}), to look into one group; with
     *                       {@code exceptionClass} it names a group exactly
     */
    public record Filter(Set<ExceptionState> states, String workflow, ExceptionClass exceptionClass, String system,
            Age age, String assignee, String text, String rootCause) {

        public Filter {
            states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
            age = age == null ? Age.ANY : age;
            text = text == null || text.isBlank() ? null : text.strip();
        }

        /** Everything. */
        public static Filter all() {
            return new Filter(Set.of(), null, null, null, Age.ANY, null, null, null);
        }

        /** What the queue shows first: everything not resolved. */
        public static Filter unresolved() {
            return all().withStates(EnumSet.complementOf(EnumSet.of(ExceptionState.RESOLVED)));
        }

        public Filter withStates(Set<ExceptionState> s) {
            return new Filter(s, workflow, exceptionClass, system, age, assignee, text, rootCause);
        }

        public Filter withWorkflow(String w) {
            return new Filter(states, w, exceptionClass, system, age, assignee, text, rootCause);
        }

        public Filter withClass(ExceptionClass c) {
            return new Filter(states, workflow, c, system, age, assignee, text, rootCause);
        }

        public Filter withSystem(String s) {
            return new Filter(states, workflow, exceptionClass, s, age, assignee, text, rootCause);
        }

        public Filter withAge(Age a) {
            return new Filter(states, workflow, exceptionClass, system, a, assignee, text, rootCause);
        }

        public Filter withAssignee(String a) {
            return new Filter(states, workflow, exceptionClass, system, age, a, text, rootCause);
        }

        public Filter withText(String t) {
            return new Filter(states, workflow, exceptionClass, system, age, assignee, t, rootCause);
        }

        public Filter withRootCause(ExceptionClass c, String causeKey) {
            return new Filter(states, workflow, c, system, age, assignee, text, causeKey);
        }
    }

    /** The columns the queue can be sorted by. */
    public enum SortColumn {
        CREATED, ID, CLASS, STATE, WORKFLOW, SYSTEM, BUSINESS_KEY, ATTEMPTS, ASSIGNEE, UPDATED
    }

    /** An order: a column, ascending or descending; ties are broken by id in the same direction. */
    public record Sort(SortColumn column, boolean ascending) {

        public Sort {
            Objects.requireNonNull(column, "column");
        }

        /** Newest first, the default. */
        public static Sort newestFirst() {
            return new Sort(SortColumn.CREATED, false);
        }
    }

    /** One exception as a table row: everything but payloads, detail and history. */
    public record Row(long id, ExceptionClass exceptionClass, ExceptionState state, String workflow, String step,
            String system, String entity, String businessKey, String cause, String causeKey, int attempts,
            Instant createdAt, Instant updatedAt, String assignee, String note) {
    }

    /**
     * A root cause: the exceptions of one class whose causes differ only in ids, numbers and quoted values.
     *
     * @param causeKey    the cause with those taken out, e.g. {@code Project PRJ-# not found in Xero Projects}
     * @param sampleId    the newest exception of the group
     * @param sampleCause that exception's cause, as a readable example
     */
    public record RootCause(ExceptionClass exceptionClass, String causeKey, long count, long sampleId,
            String sampleCause, Instant newest) {
    }

    /** The values present in the queue, for the filter choices; sorted. */
    public record FilterValues(List<String> workflows, List<String> systems, List<String> assignees) {
    }

    // ---- queries ----------------------------------------------------------------------------------------

    /** How many exceptions match the filter. */
    public long count(Filter filter) {
        return count(filter, Instant.now());
    }

    /** {@link #count(Filter)} with the age measured from a given moment. */
    public long count(Filter filter, Instant now) {
        Objects.requireNonNull(filter, "filter");
        if (!fromIndex()) {
            return db.inTransaction(() -> sqlCount(filter, now));
        }
        return db.inTransaction(() -> ordered(filter, null, now).length);
    }

    /**
     * One page of the exceptions a filter matches, in the given order.
     *
     * @param offset how many matches to skip
     * @param limit  at most this many rows (1 to 10,000)
     */
    public List<Row> page(Filter filter, Sort sort, long offset, int limit) {
        return page(filter, sort, offset, limit, Instant.now());
    }

    /** {@link #page(Filter, Sort, long, int)} with the age measured from a given moment. */
    public List<Row> page(Filter filter, Sort sort, long offset, int limit, Instant now) {
        Objects.requireNonNull(sort, "sort");
        if (offset < 0) {
            throw new IllegalArgumentException("A page cannot start before the first row (offset " + offset + ").");
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("A page holds 1 to 10,000 rows, not " + limit + ".");
        }
        Objects.requireNonNull(filter, "filter");
        if (!fromIndex()) {
            return db.inTransaction(() -> sqlPage(filter, sort, offset, limit, now));
        }
        return db.inTransaction(() -> {
            int[] positions = ordered(filter, sort, now);
            int from = (int) Math.min(offset, positions.length);
            int to = Math.min(positions.length, from + limit);
            long[] ids = new long[to - from];
            for (int i = from; i < to; i++) {
                ids[i - from] = index.id(positions[i]);
            }
            return rows(ids);
        });
    }

    /**
     * The ids of the exceptions a filter matches, in the given order, up to a limit: what a bulk action on
     * "everything matching the filter" works through.
     */
    public List<Long> ids(Filter filter, Sort sort, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The limit must be at least 1, not " + limit + ".");
        }
        Objects.requireNonNull(filter, "filter");
        if (!fromIndex()) {
            return db.inTransaction(() -> sqlIds(filter, sort == null ? new Sort(SortColumn.ID, true) : sort, limit));
        }
        return db.inTransaction(() -> {
            int[] positions = ordered(filter, sort, Instant.now());
            List<Long> ids = new ArrayList<>(Math.min(limit, positions.length));
            for (int i = 0; i < positions.length && i < limit; i++) {
                ids.add(index.id(positions[i]));
            }
            return ids;
        });
    }

    /** One exception as a row (with its assignee and note), or empty when there is none with that id. */
    public Optional<Row> row(long id) {
        return db.inTransaction(() -> {
            List<Row> rows = rows(new long[] {id});
            return rows.isEmpty() ? Optional.<Row>empty() : Optional.of(rows.get(0));
        });
    }

    /**
     * The root causes among the exceptions a filter matches, most frequent first (at most {@code limit}),
     * so that thousands of failures read as the handful of problems behind them.
     */
    public List<RootCause> rootCauses(Filter filter, int limit) {
        Objects.requireNonNull(filter, "filter");
        if (!awaitIndex()) {
            return db.inTransaction(() -> sqlRootCauses(filter, limit, Instant.now()));
        }
        return db.inTransaction(() -> {
            int[] positions = ordered(filter, null, Instant.now());
            int classes = ExceptionClass.values().length;
            Map<Integer, long[]> groups = new HashMap<>(); // class + cause -> {count, newest id}
            for (int p : positions) {
                int key = (index.causeCode(p) + 1) * classes + index.classOrdinal(p);
                long[] g = groups.computeIfAbsent(key, k -> new long[2]);
                g[0]++;
                g[1] = Math.max(g[1], index.id(p));
            }
            List<Map.Entry<Integer, long[]>> top = new ArrayList<>(groups.entrySet());
            top.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                    : Long.compare(b.getValue()[1], a.getValue()[1]));
            List<RootCause> result = new ArrayList<>();
            for (Map.Entry<Integer, long[]> e : top.subList(0, Math.min(Math.max(1, limit), top.size()))) {
                long sample = e.getValue()[1];
                Row r = rows(new long[] {sample}).get(0);
                result.add(new RootCause(ExceptionClass.values()[e.getKey() % classes],
                        index.causes.value(e.getKey() / classes - 1), e.getValue()[0], sample, r.cause(),
                        r.createdAt()));
            }
            return result;
        });
    }

    /** The workflows, systems and assignees present in the queue, for the filter choices. */
    public FilterValues filterValues() {
        if (!awaitIndex()) {
            return db.inTransaction(() -> new FilterValues(distinct("workflow"), distinct("system_name"),
                    distinct("assignee")));
        }
        return db.inTransaction(() -> {
            index.catchUp(db.writer());
            boolean[][] used = index.inUse();
            return new FilterValues(used(index.workflows, used[0]), used(index.systems, used[1]),
                    used(index.assignees, used[2]));
        });
    }

    private static List<String> used(ExceptionIndex.Dictionary d, boolean[] inUse) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < inUse.length; i++) {
            if (inUse[i]) {
                values.add(d.value(i));
            }
        }
        values.sort(null);
        return values;
    }

    /** The matching positions in order (id order without a sort), cached for the last filter and sort. */
    private int[] ordered(Filter filter, Sort sort, Instant now) throws SQLException {
        Objects.requireNonNull(filter, "filter");
        index.catchUp(db.writer());
        Sort effective = sort == null ? new Sort(SortColumn.ID, true) : sort;
        boolean fresh = cachedPositions != null && cachedVersion == index.version() && filter.equals(cachedFilter)
                && (filter.age() == Age.ANY || Math.abs(now.toEpochMilli() - cachedAt.toEpochMilli()) < 60_000);
        if (!fresh) {
            cachedPositions = index.match(filter, now);
            cachedFilter = filter;
            cachedVersion = index.version();
            cachedAt = now;
            cachedSort = null;
        }
        if (sort == null) {
            return cachedPositions;
        }
        if (!effective.equals(cachedSort)) {
            cachedSortedPositions = cachedPositions.clone();
            index.sort(cachedSortedPositions, effective);
            cachedSort = effective;
        }
        return cachedSortedPositions;
    }

    // ---- the background load -----------------------------------------------------------------------------

    /** Whether to answer from the index; starts loading it when it is not there. */
    private boolean fromIndex() {
        if (indexLoaded) {
            return true;
        }
        startLoad();
        return false;
    }

    /** Waits for the load; {@code false} when there is no index to answer from (disabled or failed). */
    private boolean awaitIndex() {
        if (indexLoaded) {
            return true;
        }
        if (!useIndex) {
            return false;
        }
        startLoad();
        try {
            indexReady.join();
            return true;
        } catch (RuntimeException failed) {
            return false;
        }
    }

    private void startLoad() {
        if (!useIndex || !loadStarted.compareAndSet(false, true)) {
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                boolean done = false;
                while (!done) {
                    done = db.inTransaction(() -> index.loadStep(db.writer(), LOAD_STEP));
                }
                db.inTransaction(() -> {
                    index.catchUp(db.writer());
                    index.businessKeyRanks();
                });
                indexLoaded = true;
                indexReady.complete(null);
            } catch (RuntimeException | Error e) {
                indexReady.completeExceptionally(e);
            }
        }, "crossbill exception index load");
        loader.setDaemon(true);
        loader.start();
    }

    // ---- answers from the database while the index loads -------------------------------------------------

    /** A WHERE clause with its parameters (strings and time stamps). */
    private record Where(String sql, List<Object> params) {

        int bind(PreparedStatement ps) throws SQLException {
            int i = 0;
            for (Object p : params) {
                if (p instanceof Timestamp t) {
                    ps.setTimestamp(++i, t);
                } else {
                    ps.setString(++i, (String) p);
                }
            }
            return i;
        }
    }

    /** The filter as SQL, matching exactly what {@code ExceptionIndex.match} lets through. */
    private static Where where(Filter f, Instant now) {
        List<String> terms = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!f.states().isEmpty() && f.states().size() < ExceptionState.values().length) {
            StringBuilder in = new StringBuilder("state IN (");
            for (ExceptionState s : EnumSet.copyOf(f.states())) {
                in.append(params.isEmpty() ? "?" : ", ?");
                params.add(s.name());
            }
            terms.add(in.append(')').toString());
        }
        equal(terms, params, "workflow", f.workflow());
        equal(terms, params, "exception_class", f.exceptionClass() == null ? null : f.exceptionClass().name());
        equal(terms, params, "system_name", f.system());
        if (f.assignee() != null) {
            if (f.assignee().isEmpty()) {
                terms.add("assignee IS NULL");
            } else {
                equal(terms, params, "assignee", f.assignee());
            }
        }
        equal(terms, params, "cause_key", f.rootCause());
        if (f.age().newerThan() != null) {
            terms.add("created_at >= ?");
            params.add(Timestamp.from(now.minus(f.age().newerThan())));
        }
        if (f.age().olderThan() != null) {
            terms.add("created_at < ?");
            params.add(Timestamp.from(now.minus(f.age().olderThan())));
        }
        if (f.text() != null) {
            String like = "%" + f.text().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            terms.add("(LOWER(cause_key) LIKE ? ESCAPE '\\' OR LOWER(business_key) LIKE ? ESCAPE '\\')");
            params.add(like);
            params.add(like);
        }
        return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), params);
    }

    private static void equal(List<String> terms, List<Object> params, String column, String value) {
        if (value != null) {
            terms.add(column + " = ?");
            params.add(value);
        }
    }

    /** The order as SQL, as {@code ExceptionIndex.sort} orders (ties by id in the same direction). */
    private static String orderBy(Sort sort) {
        String dir = sort.ascending() ? " ASC" : " DESC";
        String first = switch (sort.column()) {
            case CREATED -> "created_at" + dir;
            case UPDATED -> "updated_at" + dir;
            case ID -> null;
            case CLASS -> byOrdinal("exception_class", ExceptionClass.values()) + dir;
            case STATE -> byOrdinal("state", ExceptionState.values()) + dir;
            case WORKFLOW -> "workflow" + dir;
            case SYSTEM -> "system_name" + dir;
            case ATTEMPTS -> "LEAST(attempts, 127)" + dir;
            case ASSIGNEE -> "assignee" + dir + (sort.ascending() ? " NULLS LAST" : " NULLS FIRST");
            case BUSINESS_KEY -> "COALESCE(LOWER(business_key), '')" + dir; // no key sorts as an empty one
        };
        return " ORDER BY " + (first == null ? "" : first + ", ") + "id" + dir;
    }

    /**
     * For the time orders, walk the index on {@code created_at} (schema version 8) and stop after a page.
     * H2 otherwise picks the index on state for a state filter, then reads and sorts every match: 730,000
     * wide rows for "unresolved" at a million, a minute on a cold cache, against 30 ms this way. H2 syntax.
     */
    private String hint(Sort sort) {
        return sort.column() == SortColumn.CREATED && db.schemaVersion() >= 8 ? " USE INDEX (exceptions_by_created)"
                : "";
    }

    private static String byOrdinal(String column, Enum<?>[] values) {
        StringBuilder b = new StringBuilder("CASE ").append(column);
        for (Enum<?> v : values) {
            b.append(" WHEN '").append(v.name()).append("' THEN ").append(v.ordinal());
        }
        return b.append(" END").toString();
    }

    private long sqlCount(Filter filter, Instant now) throws SQLException {
        Where w = where(filter, now);
        try (PreparedStatement ps = db.writer().prepareStatement("SELECT COUNT(*) FROM exceptions" + w.sql())) {
            w.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<Row> sqlPage(Filter filter, Sort sort, long offset, int limit, Instant now) throws SQLException {
        Where w = where(filter, now);
        try (PreparedStatement ps = db.writer().prepareStatement("SELECT " + ROW_COLUMNS + " FROM exceptions"
                + hint(sort) + w.sql() + orderBy(sort) + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int i = w.bind(ps);
            ps.setLong(i + 1, offset);
            ps.setInt(i + 2, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    private List<Long> sqlIds(Filter filter, Sort sort, int limit) throws SQLException {
        Where w = where(filter, Instant.now());
        try (PreparedStatement ps = db.writer().prepareStatement("SELECT id FROM exceptions" + hint(sort) + w.sql()
                + orderBy(sort) + " FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(w.bind(ps) + 1, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private List<RootCause> sqlRootCauses(Filter filter, int limit, Instant now) throws SQLException {
        Where w = where(filter, now);
        List<RootCause> result = new ArrayList<>();
        try (PreparedStatement ps = db.writer().prepareStatement("SELECT exception_class, cause_key, COUNT(*),"
                + " MAX(id) FROM exceptions" + w.sql() + " GROUP BY exception_class, cause_key"
                + " ORDER BY COUNT(*) DESC, MAX(id) DESC FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(w.bind(ps) + 1, Math.max(1, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = rows(new long[] {rs.getLong(4)}).get(0);
                    result.add(new RootCause(ExceptionClass.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3),
                            r.id(), r.cause(), r.createdAt()));
                }
            }
        }
        return result;
    }

    private List<String> distinct(String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = db.writer().prepareStatement("SELECT DISTINCT " + column + " FROM exceptions"
                + " WHERE " + column + " IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        values.sort(null);
        return values;
    }

    /** The rows of some ids, in the order of the ids (ids that do not exist are left out). */
    private List<Row> rows(long[] ids) throws SQLException {
        if (ids.length == 0) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + ROW_COLUMNS + " FROM exceptions WHERE id IN (");
        for (int i = 0; i < ids.length; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        Map<Long, Row> byId = new HashMap<>();
        try (PreparedStatement ps = db.writer().prepareStatement(sql.append(')').toString())) {
            for (int i = 0; i < ids.length; i++) {
                ps.setLong(i + 1, ids[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = row(rs);
                    byId.put(r.id(), r);
                }
            }
        }
        List<Row> rows = new ArrayList<>(ids.length);
        for (long id : ids) {
            Row r = byId.get(id);
            if (r != null) {
                rows.add(r);
            }
        }
        return rows;
    }

    // ---- writing ----------------------------------------------------------------------------------------

    /**
     * Assigns an exception to someone and/or adds a note, with a history row and an audit entry naming the
     * actor. The state does not change.
     *
     * @param assignee who looks after it; {@code null} or blank takes the assignment away
     * @param note     why, or what was found; may be {@code null} when only the assignee changes
     * @throws StoreException           when there is no such exception
     * @throws IllegalArgumentException when the actor is blank
     */
    public void assign(long id, String assignee, String note, String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("An actor name is needed for the audit trail.");
        }
        String who = assignee == null || assignee.isBlank() ? null : cut(assignee.strip(), 128);
        String text = note == null || note.isBlank() ? null : cut(note.strip(), 2000);
        db.inTransaction(() -> {
            Connection c = db.writer();
            String state;
            String before;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state, assignee FROM exceptions WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException(db.file(), "There is no exception " + id + " in the queue.", null);
                    }
                    state = rs.getString(1);
                    before = rs.getString(2);
                }
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement("UPDATE exceptions SET assignee = ?,"
                    + " note = COALESCE(?, note), updated_at = ? WHERE id = ?")) {
                ps.setString(1, who);
                ps.setString(2, text);
                ps.setTimestamp(3, now);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            boolean reassigned = !Objects.equals(before, who);
            String action = reassigned ? "assign" : "note";
            String what = (reassigned ? (who == null ? "unassigned" : "assigned to " + who) : "note")
                    + (text == null ? "" : ": " + text);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO exception_history (exception_id, at, action,"
                    + " actor, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setTimestamp(2, now);
                ps.setString(3, action);
                ps.setString(4, cut(actor.strip(), 128));
                ps.setString(5, state);
                ps.setString(6, state);
                ps.setString(7, cut(what, 2000));
                ps.executeUpdate();
            }
            db.audit().append(actor.strip(), "exception." + action, "exception:" + id, cut(what, 4000));
        });
    }

    // ---- root causes ------------------------------------------------------------------------------------

    /**
     * The root cause of a message as the database computes it for {@code cause_key}: quoted values become
     * {@code '...'}, UUIDs and every word with a digit in it (ids, amounts, dates) become {@code #}; at most
     * 255 characters. E.g. {@code Project PRJ-1042 not found} becomes {@code Project PRJ-# not found}.
     */
    public static String rootCauseOf(String cause) {
        if (cause == null) {
            return null;
        }
        String s = QUOTED.matcher(cause).replaceAll("'...'");
        s = UUID.matcher(s).replaceAll("#");
        s = WITH_DIGIT.matcher(s).replaceAll("#");
        return s.length() <= 255 ? s : s.substring(0, 255);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), ExceptionClass.valueOf(rs.getString(2)), ExceptionState.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getInt(11), rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant(),
                rs.getString(14), rs.getString(15));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
