package io.crossbill.store;

import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.OutboxEntry;
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

    private record Pending(long id, long inboxId, IdempotencyKey key, String targetSystem, String entity,
            byte[] payload, String lineageId, Instant createdAt) {
    }

    private final EngineDatabase db;
    private final RowBuffer<Pending> rows = new RowBuffer<>("INSERT INTO outbox (id, inbox_id, key_high, key_low,"
            + " target_system, entity, state, attempts, lineage_id, created_at, payload) VALUES ", 11, Outbox::bind);
    private long nextId;
    private long firstIdOfTransaction;
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
     * Adds a write to be made (written at commit).
     *
     * @param lineageId the record's lineage id, or {@code null} when it is the inbox id
     * @return the outbox id
     */
    public long add(long inboxId, IdempotencyKey key, String targetSystem, String entity, byte[] payload,
            String lineageId, Instant createdAt) {
        return db.inTransaction(() -> {
            long id = nextId++;
            rows.add(new Pending(id, inboxId, key, targetSystem, entity, payload, lineageId, createdAt));
            return id;
        });
    }

    private static void bind(PreparedStatement ps, int o, Pending p) throws SQLException {
        ps.setLong(o + 1, p.id());
        ps.setLong(o + 2, p.inboxId());
        ps.setLong(o + 3, p.key().high());
        ps.setLong(o + 4, p.key().low());
        ps.setString(o + 5, p.targetSystem());
        ps.setString(o + 6, p.entity());
        ps.setString(o + 7, State.PENDING.name());
        ps.setInt(o + 8, 0);
        ps.setString(o + 9, p.lineageId());
        ps.setObject(o + 10, p.createdAt());
        ps.setBytes(o + 11, p.payload());
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
                    + " payload, attempts, COALESCE(lineage_id, CAST(inbox_id AS VARCHAR(64))) FROM outbox WHERE id >= ? AND state = 'PENDING'"
                    + " AND target_system = ? ORDER BY id FETCH FIRST " + max + " ROWS ONLY")) {
                ps.setLong(1, mark);
                ps.setString(2, targetSystem);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new OutboxEntry(rs.getLong(1),
                                new IdempotencyKey(rs.getLong(2), rs.getLong(3)).text(), rs.getString(4),
                                rs.getString(5), rs.getBytes(6), rs.getInt(7), rs.getString(8)));
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

    /** Records the target's answer: the entry is {@link State#SENT}. */
    public void markSent(long id, String targetId, byte[] answer) {
        update(id, State.SENT, targetId, answer, false);
    }

    /** Puts a claimed entry back to {@link State#PENDING} after a transient failure, counting the attempt. */
    public void markForRetry(long id, byte[] answer) {
        update(id, State.PENDING, null, answer, true);
        lowWaterMarks.replaceAll((target, mark) -> Math.min(mark, id));
    }

    /** Gives up on an entry: {@link State#FAILED}; the caller files the exception. */
    public void markFailed(long id, byte[] answer) {
        update(id, State.FAILED, null, answer, true);
    }

    private void update(long id, State state, String targetId, byte[] answer, boolean countAttempt) {
        db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("UPDATE outbox SET state = ?, target_id ="
                    + " COALESCE(?, target_id), answer = ?, sent_at = ?, attempts = attempts + ? WHERE id = ?")) {
                ps.setString(1, state.name());
                ps.setString(2, targetId);
                ps.setBytes(3, answer);
                ps.setTimestamp(4, state == State.SENT ? Timestamp.from(Instant.now()) : null);
                ps.setInt(5, countAttempt || state == State.SENT ? 1 : 0);
                ps.setLong(6, id);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("no outbox entry " + id);
                }
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
