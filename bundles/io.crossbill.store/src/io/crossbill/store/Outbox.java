package io.crossbill.store;

import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.store.internal.H2Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox: every write to a target system, with its idempotency key, from {@link State#PENDING} through
 * {@link State#CLAIMED} (being sent) to {@link State#SENT}. Rows have sequential ids and no secondary
 * index, so appending is cheap; claiming walks the primary key upwards from a low-water mark below which
 * nothing is pending.
 */
public final class Outbox implements TransactionParticipant {

    /** Where an outbox entry is. */
    public enum State {
        /** Waiting to be sent. */
        PENDING,
        /** Handed to a sender; after a crash such an entry is in doubt and must be looked up before re-sending. */
        CLAIMED,
        /** The target accepted it; the answer is recorded. */
        SENT,
        /** Given up on; an exception in the queue tells why. */
        FAILED
    }

    private record Pending(long id, long inboxId, IdempotencyKey key, String workflow, String targetSystem,
            String entity, String businessKey, byte[] payload, String lineageId, Instant createdAt) {
    }

    /** Attempt count meaning "one more than stored". */
    private static final int COUNT_ONE_MORE = -1;

    private final EngineDatabase db;
    private final RowBuffer<Pending> rows = new RowBuffer<>("INSERT INTO outbox (id, inbox_id, key_high, key_low,"
            + " target_system, entity, state, attempts, lineage_id, created_at, payload, workflow, business_key)"
            + " VALUES ", 13, this::bind);
    /** String columns: 0 target system, 1 entity, 2 state, 3 workflow. */
    private final H2Values values = new H2Values(4);
    private long nextId;
    private long firstIdOfTransaction;
    private int requeuedAtOpen;
    private PreparedStatement updateState;
    /** Per target system: no entry below this id is pending. Forgotten on rollback, then rescanned. */
    private final Map<String, Long> lowWaterMarks = new java.util.HashMap<>();

    Outbox(EngineDatabase db) {
        this.db = db;
        db.inTransaction(() -> {
            try (Statement s = db.writer().createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT MAX(id) FROM outbox")) {
                    rs.next();
                    nextId = rs.getLong(1) + 1;
                }
            }
        });
        firstIdOfTransaction = nextId;
    }

    /**
     * Adds a write to be made (written at commit), without workflow or business key.
     *
     * @param lineageId the record's lineage id, or {@code null} when it is the inbox id
     * @return the outbox id
     */
    public long add(long inboxId, IdempotencyKey key, String targetSystem, String entity, byte[] payload,
            String lineageId, Instant createdAt) {
        return add(inboxId, key, null, targetSystem, entity, null, payload, lineageId, createdAt);
    }

    /**
     * Adds a write to be made (written at commit).
     *
     * @param inboxId     the inbox row it was made from (its original payload)
     * @param workflow    the workflow making it, so that a failed delivery is filed under it; may be {@code null}
     * @param businessKey what an analyst searches by, e.g. the time entry id; may be {@code null}
     * @param payload     the canonical record as UTF-8 JSON; kept as it is (not copied) until the commit
     * @param lineageId   the record's lineage id, or {@code null} when it is the inbox id
     * @return the outbox id
     */
    public long add(long inboxId, IdempotencyKey key, String workflow, String targetSystem, String entity,
            String businessKey, byte[] payload, String lineageId, Instant createdAt) {
        if (!db.inTransactionOnThisThread()) {
            return db.inTransaction(() -> add(inboxId, key, workflow, targetSystem, entity, businessKey, payload,
                    lineageId, createdAt));
        }
        long id = nextId++;
        rows.add(new Pending(id, inboxId, key, workflow, targetSystem, entity, businessKey, payload, lineageId,
                createdAt));
        return id;
    }

    private void bind(PreparedStatement ps, int o, Pending p) throws SQLException {
        ps.setLong(o + 1, p.id());
        ps.setLong(o + 2, p.inboxId());
        ps.setLong(o + 3, p.key().high());
        ps.setLong(o + 4, p.key().low());
        ps.setObject(o + 5, values.varchar(0, p.targetSystem()));
        ps.setObject(o + 6, values.varchar(1, p.entity()));
        ps.setObject(o + 7, values.varchar(2, State.PENDING.name()));
        ps.setInt(o + 8, 0);
        ps.setString(o + 9, p.lineageId());
        ps.setObject(o + 10, values.timestamp(p.createdAt()));
        // the canonical record is the engine's own array, not changed after it was added
        ps.setObject(o + 11, H2Values.bytesNoCopy(p.payload()));
        ps.setObject(o + 12, values.varchar(3, p.workflow()));
        ps.setString(o + 13, p.businessKey());
    }

    /**
     * Claims up to {@code max} pending entries for a target system, oldest first, marking them
     * {@link State#CLAIMED}.
     */
    public List<OutboxEntry> claim(String targetSystem, int max) {
        return db.inTransaction(() -> {
            List<OutboxEntry> claimed = new ArrayList<>();
            Connection c = db.writer();
            beforeCommit(c); // entries added earlier in this transaction must be visible to the scan
            long mark = lowWaterMark(c, targetSystem);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, key_high, key_low, target_system, entity,"
                    + " payload, attempts, COALESCE(lineage_id, CAST(inbox_id AS VARCHAR(64))), inbox_id, workflow,"
                    + " business_key FROM outbox WHERE id >= ? AND state = 'PENDING' AND target_system = ?"
                    + " ORDER BY id FETCH FIRST " + max + " ROWS ONLY")) {
                ps.setLong(1, mark);
                ps.setString(2, targetSystem);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new OutboxEntry(rs.getLong(1),
                                new IdempotencyKey(rs.getLong(2), rs.getLong(3)).text(), rs.getString(4),
                                rs.getString(5), rs.getBytes(6), rs.getInt(7), rs.getString(8), rs.getLong(9),
                                rs.getString(10), rs.getString(11)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET state = 'CLAIMED', claimed_at = ? WHERE id = ?")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (OutboxEntry e : claimed) {
                    ps.setTimestamp(1, now);
                    ps.setLong(2, e.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            lowWaterMarks.put(targetSystem, claimed.size() < max ? nextId : claimed.get(claimed.size() - 1).id() + 1);
            return claimed;
        });
    }

    private long lowWaterMark(Connection c, String targetSystem) throws SQLException {
        Long mark = lowWaterMarks.get(targetSystem);
        if (mark == null) {
            // one sequential scan per target system and process; afterwards the mark moves with the claims
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(id) FROM outbox WHERE state = 'PENDING' AND target_system = ?")) {
                ps.setString(1, targetSystem);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long min = rs.getLong(1);
                    mark = rs.wasNull() ? nextId : min;
                }
            }
            lowWaterMarks.put(targetSystem, mark);
        }
        return mark;
    }

    /**
     * Puts entries that were {@link State#CLAIMED} when the process that claimed them died back to
     * {@link State#PENDING}, counting one attempt for each: their write may have reached the target, so the
     * next delivery re-sends with the same idempotency key or looks the record up first.
     * {@link EngineDatabase#open} runs this: H2 lets one process have the file, so at open no live sender can
     * hold a claim. One sequential scan of the outbox.
     *
     * @return how many entries were put back
     */
    public int requeueInDoubt() {
        return db.inTransaction(() -> {
            int n;
            try (Statement s = db.writer().createStatement()) {
                n = s.executeUpdate("UPDATE outbox SET state = 'PENDING', attempts = attempts + 1, claimed_at = NULL"
                        + " WHERE state = 'CLAIMED'");
            }
            if (n > 0) {
                lowWaterMarks.clear();
                db.audit().append("engine", "outbox.requeue-in-doubt", "outbox",
                        n + " entries claimed by a process that ended without recording them are pending again"
                                + " (one attempt counted each)");
            }
            return n;
        });
    }

    /** How many in-doubt entries {@link EngineDatabase#open} put back to pending. */
    public int requeuedAtOpen() {
        return requeuedAtOpen;
    }

    void requeueAtOpen() {
        requeuedAtOpen = requeueInDoubt();
    }

    /**
     * Records the target's answer: the entry is {@link State#SENT}.
     *
     * @param attempts calls made to the target for it in all, this run's and earlier ones
     */
    public void markSent(long id, int attempts, String targetId, byte[] answer) {
        update(id, State.SENT, attempts, targetId, answer);
    }

    /** Puts a claimed entry back to {@link State#PENDING} (a transient failure, or delivery stopping). */
    public void markForRetry(long id, int attempts, byte[] answer) {
        update(id, State.PENDING, attempts, null, answer);
        lowWaterMarks.replaceAll((target, mark) -> Math.min(mark, id));
    }

    /** Gives up on an entry: {@link State#FAILED}; the caller files the exception. */
    public void markFailed(long id, int attempts, byte[] answer) {
        update(id, State.FAILED, attempts, null, answer);
    }

    /**
     * Puts an entry back to {@link State#PENDING}, counting one attempt more than stored (an exception's
     * retry, or a caller that does not know the count); delivery uses {@link #markForRetry(long, int, byte[])}.
     */
    public void markForRetry(long id, byte[] answer) {
        markForRetry(id, COUNT_ONE_MORE, answer);
    }

    /** Gives up on an entry, counting one attempt more than stored; see {@link #markFailed(long, int, byte[])}. */
    public void markFailed(long id, byte[] answer) {
        markFailed(id, COUNT_ONE_MORE, answer);
    }

    /** Records a sent entry, counting one attempt more than stored; see {@link #markSent(long, int, String, byte[])}. */
    public void markSent(long id, String targetId, byte[] answer) {
        markSent(id, COUNT_ONE_MORE, targetId, answer);
    }

    private void update(long id, State state, int attempts, String targetId, byte[] answer) {
        db.inTransaction(() -> {
            if (updateState == null) {
                updateState = db.writer().prepareStatement("UPDATE outbox SET state = ?, target_id ="
                        + " COALESCE(?, target_id), answer = ?, sent_at = ?,"
                        + " attempts = CASE WHEN ? < 0 THEN attempts + 1 ELSE ? END WHERE id = ?");
            }
            PreparedStatement ps = updateState;
            ps.setString(1, state.name());
            ps.setString(2, targetId);
            ps.setBytes(3, answer);
            ps.setTimestamp(4, state == State.SENT ? Timestamp.from(Instant.now()) : null);
            ps.setInt(5, attempts);
            ps.setInt(6, attempts);
            ps.setLong(7, id);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no outbox entry " + id);
            }
        });
    }

    /** How many entries are in each state. */
    public Map<State, Long> countByState() {
        return db.inTransaction(() -> {
            Map<State, Long> counts = new EnumMap<>(State.class);
            for (State s : State.values()) {
                counts.put(s, 0L);
            }
            try (Statement s = db.writer().createStatement();
                    ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM outbox GROUP BY state")) {
                while (rs.next()) {
                    counts.put(State.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /**
     * The one {@link State#FAILED} entry for a target system and lineage id (an entry without its own lineage
     * id has its inbox id as lineage), for exceptions filed before they recorded their outbox entry. Empty
     * when there is none, or more than one, so that a caller never picks one by guessing. One sequential
     * scan of the outbox.
     */
    public java.util.OptionalLong failedEntryFor(String targetSystem, String lineageId) {
        if (targetSystem == null || lineageId == null) {
            return java.util.OptionalLong.empty();
        }
        return db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT id FROM outbox WHERE state = 'FAILED'"
                    + " AND target_system = ? AND COALESCE(lineage_id, CAST(inbox_id AS VARCHAR(64))) = ?"
                    + " FETCH FIRST 2 ROWS ONLY")) {
                ps.setString(1, targetSystem);
                ps.setString(2, lineageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return java.util.OptionalLong.empty();
                    }
                    long id = rs.getLong(1);
                    return rs.next() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(id);
                }
            }
        });
    }

    /** The state of one entry, for tests and the monitor. */
    public State state(long id) {
        return db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT state FROM outbox WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no outbox entry " + id);
                    }
                    return State.valueOf(rs.getString(1));
                }
            }
        });
    }

    @Override
    public void beforeCommit(Connection connection) throws SQLException {
        rows.flush(connection);
    }

    @Override
    public void afterCommit() {
        firstIdOfTransaction = nextId;
    }

    @Override
    public void afterRollback() {
        rows.discard();
        nextId = firstIdOfTransaction;
        lowWaterMarks.clear();
    }
}
