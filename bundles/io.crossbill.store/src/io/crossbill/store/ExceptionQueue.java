package io.crossbill.store;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.ExceptionSink;
import io.crossbill.engine.api.ExceptionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exception queue: every failure that was not retried away, classified, with the payload, the mapped
 * output, a plain-language cause and a suggested fix, and its history as rows of
 * {@code exception_history}. Human actions on it are also written to the {@link AuditTrail}.
 */
public final class ExceptionQueue implements ExceptionSink, TransactionParticipant {

    /** Payloads larger than this are stored truncated (with their full size); 1 MiB. */
    public static final int MAX_STORED_PAYLOAD = 1 << 20;

    private static final String COLUMNS = "id, exception_class, state, workflow, step, system_name, entity,"
            + " business_key, lineage_id, original_payload, payload_size, payload_truncated, mapped_output, cause,"
            + " suggested_fix, detail, attempts, created_at, updated_at, outbox_id";

    private final EngineDatabase db;
    private final AuditTrail audit;

    ExceptionQueue(EngineDatabase db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public long report(ExceptionReport r) {
        return report(r, ExceptionState.OPEN);
    }

    /**
     * Files a failure in a given first state, with one history row ({@code created}, to that state):
     * {@link ExceptionState#DEAD} for a dead letter (the retry budget is spent), {@link ExceptionState#OPEN}
     * otherwise.
     *
     * @return the exception's id
     */
    public long report(ExceptionReport r, ExceptionState initialState) {
        return db.inTransaction(() -> {
            Connection c = db.writer();
            Timestamp now = Timestamp.from(Instant.now());
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO exceptions (exception_class, state, workflow,"
                    + " step, system_name, entity, business_key, lineage_id, original_payload, payload_size,"
                    + " payload_truncated, mapped_output, cause, suggested_fix, detail, attempts, created_at,"
                    + " updated_at, outbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                byte[] payload = r.originalPayload();
                boolean truncated = payload != null && payload.length > MAX_STORED_PAYLOAD;
                ps.setString(1, r.exceptionClass().name());
                ps.setString(2, initialState.name());
                ps.setString(3, cut(r.workflow(), 64));
                ps.setString(4, cut(r.step(), 64));
                ps.setString(5, cut(r.system(), 64));
                ps.setString(6, cut(r.entity(), 64));
                ps.setString(7, cut(r.businessKey(), 255));
                ps.setString(8, cut(r.lineageId(), 64));
                ps.setBytes(9, truncated ? Arrays.copyOf(payload, MAX_STORED_PAYLOAD) : payload);
                ps.setLong(10, payload == null ? 0 : payload.length);
                ps.setBoolean(11, truncated);
                ps.setBytes(12, r.mappedOutput());
                ps.setString(13, cut(r.cause(), 2000));
                ps.setString(14, cut(r.suggestedFix(), 2000));
                ps.setString(15, cut(r.detail(), 8000));
                ps.setInt(16, r.attempts());
                ps.setTimestamp(17, now);
                ps.setTimestamp(18, now);
                ps.setObject(19, r.outboxId(), Types.BIGINT);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            addHistory(c, id, "created", "engine", null, initialState, r.cause(), now);
            return id;
        });
    }

    /** Finds exceptions matching a filter, newest first, without history. */
    public List<StoredException> find(ExceptionFilter filter) {
        return db.inTransaction(() -> {
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM exceptions WHERE 1 = 1");
            List<String> args = new ArrayList<>();
            where(sql, args, "exception_class", filter.exceptionClass() == null ? null : filter.exceptionClass().name());
            where(sql, args, "state", filter.state() == null ? null : filter.state().name());
            where(sql, args, "system_name", filter.system());
            where(sql, args, "workflow", filter.workflow());
            where(sql, args, "business_key", filter.businessKey());
            sql.append(" ORDER BY id DESC FETCH FIRST ").append(Math.max(1, filter.limit())).append(" ROWS ONLY");
            List<StoredException> result = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(read(rs, List.of()));
                    }
                }
            }
            return result;
        });
    }

    /** One exception with its history. */
    public Optional<StoredException> get(long id) {
        return db.inTransaction(() -> {
            Connection c = db.writer();
            List<StoredException.HistoryEntry> history = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT at, action, actor, from_state, to_state, note"
                    + " FROM exception_history WHERE exception_id = ? ORDER BY id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String from = rs.getString(4);
                        history.add(new StoredException.HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                                rs.getString(3), from == null ? null : ExceptionState.valueOf(from),
                                ExceptionState.valueOf(rs.getString(5)), rs.getString(6)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM exceptions WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs, List.copyOf(history))) : Optional.<StoredException>empty();
                }
            }
        });
    }

    /**
     * Moves an exception to another state, with a history row and an audit entry.
     *
     * @param action e.g. {@code retry}, {@code replay}, {@code resolve}, {@code dead-letter}
     * @param actor  who: a user name, or {@code engine}
     * @param note   the reason, shown in the history
     * @throws StoreException when there is no such exception
     */
    public void changeState(long id, ExceptionState to, String action, String actor, String note) {
        changeState(id, to, action, actor, note, null);
    }

    /**
     * Moves an exception to another state because the same failure came back (a retried delivery failed
     * again): its class, cause, suggested fix, detail and attempt count become the new report's, with a
     * history row and an audit entry, instead of a second exception being filed.
     *
     * @param to     {@link ExceptionState#OPEN}, or {@link ExceptionState#DEAD} when the retry budget is spent
     * @param action e.g. {@code retry-failed}
     * @throws StoreException when there is no such exception
     */
    public void refile(long id, ExceptionState to, ExceptionReport r, String action, String actor) {
        changeState(id, to, action, actor, r.cause(), r);
    }

    /**
     * The exceptions in state {@link ExceptionState#RETRYING} that are about the given outbox entries: outbox
     * id to exception id (the newest, should there be more than one).
     */
    public Map<Long, Long> retryingForOutbox(Collection<Long> outboxIds) {
        Map<Long, Long> found = new HashMap<>();
        if (outboxIds.isEmpty()) {
            return found;
        }
        return db.inTransaction(() -> {
            StringBuilder sql = new StringBuilder("SELECT outbox_id, id FROM exceptions WHERE state = 'RETRYING'"
                    + " AND outbox_id IN (");
            for (int i = 0; i < outboxIds.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            sql.append(") ORDER BY id");
            try (PreparedStatement ps = db.writer().prepareStatement(sql.toString())) {
                int i = 1;
                for (Long outboxId : outboxIds) {
                    ps.setLong(i++, outboxId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            return found;
        });
    }

    private void changeState(long id, ExceptionState to, String action, String actor, String note,
            ExceptionReport again) {
        db.inTransaction(() -> {
            Connection c = db.writer();
            ExceptionState from;
            try (PreparedStatement ps = c.prepareStatement("SELECT state FROM exceptions WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException(db.file(), "There is no exception " + id + " in the queue.", null);
                    }
                    from = ExceptionState.valueOf(rs.getString(1));
                }
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE exceptions SET state = ?, updated_at = ?, attempts = attempts + ? WHERE id = ?")) {
                ps.setString(1, to.name());
                ps.setTimestamp(2, now);
                ps.setInt(3, to == ExceptionState.RETRYING ? 1 : 0);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            if (again != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE exceptions SET exception_class = ?, cause = ?,"
                        + " suggested_fix = ?, detail = ?, attempts = CASE WHEN attempts < ? THEN ? ELSE attempts END"
                        + " WHERE id = ?")) {
                    ps.setString(1, again.exceptionClass().name());
                    ps.setString(2, cut(again.cause(), 2000));
                    ps.setString(3, cut(again.suggestedFix(), 2000));
                    ps.setString(4, cut(again.detail(), 8000));
                    ps.setInt(5, again.attempts());
                    ps.setInt(6, again.attempts());
                    ps.setLong(7, id);
                    ps.executeUpdate();
                }
            }
            addHistory(c, id, action, actor, from, to, note, now);
            audit.append(actor, "exception." + action, "exception:" + id,
                    from + " -> " + to + (note == null ? "" : ": " + note));
        });
    }

    /** Resolves an exception with a reason. */
    public void resolve(long id, String actor, String reason) {
        changeState(id, ExceptionState.RESOLVED, "resolve", actor, reason);
    }

    /** How many exceptions match a filter (the filter's limit does not apply). */
    public long count(ExceptionFilter filter) {
        return db.inTransaction(() -> {
            StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM exceptions WHERE 1 = 1");
            List<String> args = new ArrayList<>();
            where(sql, args, "exception_class", filter.exceptionClass() == null ? null : filter.exceptionClass().name());
            where(sql, args, "state", filter.state() == null ? null : filter.state().name());
            where(sql, args, "system_name", filter.system());
            where(sql, args, "workflow", filter.workflow());
            where(sql, args, "business_key", filter.businessKey());
            try (PreparedStatement ps = db.writer().prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static void where(StringBuilder sql, List<String> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static void addHistory(Connection c, long id, String action, String actor, ExceptionState from,
            ExceptionState to, String note, Timestamp at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exception_history (exception_id, at, action, actor,"
                + " from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setTimestamp(2, at);
            ps.setString(3, cut(action, 32));
            ps.setString(4, cut(actor, 128));
            ps.setString(5, from == null ? null : from.name());
            ps.setString(6, to.name());
            ps.setString(7, cut(note, 2000));
            ps.executeUpdate();
        }
    }

    private static StoredException read(ResultSet rs, List<StoredException.HistoryEntry> history) throws SQLException {
        return new StoredException(rs.getLong(1), ExceptionClass.valueOf(rs.getString(2)),
                ExceptionState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getBytes(10), rs.getLong(11), rs.getBoolean(12),
                rs.getBytes(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getInt(17),
                rs.getTimestamp(18).toInstant(), rs.getTimestamp(19).toInstant(), history,
                rs.getObject(20, Long.class));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    @Override
    public void beforeCommit(Connection connection) {
        // exceptions are rare; they are inserted at once, not batched
    }

    @Override
    public void afterCommit() {
        // nothing held
    }

    @Override
    public void afterRollback() {
        // nothing held
    }
}
