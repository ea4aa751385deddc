package io.crossbill.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workflows' sagas: one per workflow and business key, persisted step by step, so that a run resumes
 * where a crash left it and the monitor can show where every deal, billing batch or customer stands. Also
 * the run history and each workflow's control row (paused, polling cursor).
 */
public final class Sagas {

    /** Where a saga stands. */
    public enum State {
        /** Steps are being made. */
        RUNNING,
        /** Every step was made. */
        DONE,
        /** A step failed; an exception in the queue says why. A later run tries again from that step. */
        FAILED,
        /** Stopped by a policy check; an exception in the queue says why; nothing was written. */
        BLOCKED
    }

    /** A saga as stored. */
    public record Saga(long id, String workflow, String businessKey, String sourceVersion, State state, String step,
            Instant startedAt, Instant updatedAt, Long exceptionId, String summary) {
    }

    /** One step as it happened. */
    public record Step(long sagaId, int seq, String step, String state, String system, String targetId, Instant at,
            String detail, String payload) {
    }

    /** One workflow run, for the run history. */
    public record Run(long id, String workflow, Instant startedAt, Instant finishedAt, String state, long itemsRead,
            long writes, long exceptions, String summary) {
    }

    private static final String SAGA_COLUMNS = "id, workflow, business_key, source_version, state, step, started_at,"
            + " updated_at, exception_id, summary";

    private final EngineDatabase db;

    Sagas(EngineDatabase db) {
        this.db = db;
    }

    /** The saga of a workflow and business key, if there is one. */
    public Optional<Saga> find(String workflow, String businessKey) {
        return db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT " + SAGA_COLUMNS
                    + " FROM saga WHERE workflow = ? AND business_key = ?")) {
                ps.setString(1, workflow);
                ps.setString(2, businessKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(saga(rs)) : Optional.<Saga>empty();
                }
            }
        });
    }

    /**
     * The saga of a workflow and business key, created in state RUNNING when there is none; an existing one
     * gets the new source version and goes back to RUNNING unless it is DONE.
     */
    public Saga begin(String workflow, String businessKey, String sourceVersion, Instant now) {
        return db.inTransaction(() -> {
            Optional<Saga> existing = find(workflow, businessKey);
            Connection c = db.writer();
            if (existing.isPresent()) {
                Saga s = existing.get();
                if (s.state() == State.DONE) {
                    return s;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE saga SET state = ?, source_version = ?,"
                        + " updated_at = ?, exception_id = NULL WHERE id = ?")) {
                    ps.setString(1, State.RUNNING.name());
                    ps.setString(2, sourceVersion);
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setLong(4, s.id());
                    ps.executeUpdate();
                }
                return find(workflow, businessKey).orElseThrow();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO saga (workflow, business_key, source_version,"
                    + " state, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, workflow);
                ps.setString(2, businessKey);
                ps.setString(3, sourceVersion);
                ps.setString(4, State.RUNNING.name());
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(now));
                ps.executeUpdate();
            }
            return find(workflow, businessKey).orElseThrow();
        });
    }

    /**
     * Records a step of a saga. {@code state} is what happened: {@code DONE}, {@code FAILED}, {@code SKIPPED}
     * (already there), {@code BLOCKED}.
     */
    public void step(long sagaId, String step, String state, String system, String targetId, String detail,
            String payload, Instant now) {
        db.inTransaction(() -> {
            Connection c = db.writer();
            int seq;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM saga_step"
                    + " WHERE saga_id = ?")) {
                ps.setLong(1, sagaId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO saga_step (saga_id, seq, step, state,"
                    + " system_name, target_id, at, detail, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, sagaId);
                ps.setInt(2, seq);
                ps.setString(3, step);
                ps.setString(4, state);
                ps.setString(5, system);
                ps.setString(6, targetId);
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setString(8, clip(detail, 2000));
                ps.setBytes(9, payload == null ? null : payload.getBytes(StandardCharsets.UTF_8));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE saga SET step = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, step);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setLong(3, sagaId);
                ps.executeUpdate();
            }
        });
    }

    /** Ends a saga (or marks it failed or blocked, with the exception that says why). */
    public void finish(long sagaId, State state, Long exceptionId, String summary, Instant now) {
        db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("UPDATE saga SET state = ?, exception_id = ?,"
                    + " summary = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, state.name());
                if (exceptionId == null) {
                    ps.setNull(2, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(2, exceptionId);
                }
                ps.setString(3, clip(summary, 1000));
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setLong(5, sagaId);
                ps.executeUpdate();
            }
        });
    }

    /** The steps of a saga, in order. */
    public List<Step> steps(long sagaId) {
        return db.inTransaction(() -> {
            List<Step> out = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT saga_id, seq, step, state, system_name,"
                    + " target_id, at, detail, payload FROM saga_step WHERE saga_id = ? ORDER BY seq")) {
                ps.setLong(1, sagaId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] p = rs.getBytes(9);
                        out.add(new Step(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                                p == null ? null : new String(p, StandardCharsets.UTF_8)));
                    }
                }
            }
            return out;
        });
    }

    /** The last step of a saga named {@code step} that ended {@code DONE} or {@code SKIPPED}, if any. */
    public Optional<Step> doneStep(long sagaId, String step) {
        Step found = null;
        for (Step s : steps(sagaId)) {
            if (s.step().equals(step) && ("DONE".equals(s.state()) || "SKIPPED".equals(s.state()))) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Sagas of a workflow (all workflows when {@code null}), newest first. */
    public List<Saga> list(String workflow, State state, int limit) {
        return db.inTransaction(() -> {
            StringBuilder sql = new StringBuilder("SELECT " + SAGA_COLUMNS + " FROM saga WHERE 1 = 1");
            if (workflow != null) {
                sql.append(" AND workflow = ?");
            }
            if (state != null) {
                sql.append(" AND state = ?");
            }
            sql.append(" ORDER BY updated_at DESC, id DESC LIMIT ").append(Math.max(1, limit));
            List<Saga> out = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement(sql.toString())) {
                int i = 1;
                if (workflow != null) {
                    ps.setString(i++, workflow);
                }
                if (state != null) {
                    ps.setString(i, state.name());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(saga(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Sagas whose business key contains {@code text} (case-insensitive), across workflows. */
    public List<Saga> search(String text, int limit) {
        return db.inTransaction(() -> {
            List<Saga> out = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT " + SAGA_COLUMNS + " FROM saga WHERE"
                    + " LOWER(business_key) LIKE ? ORDER BY updated_at DESC LIMIT " + Math.max(1, limit))) {
                ps.setString(1, "%" + text.toLowerCase().replace("%", "") + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(saga(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Per workflow and state: how many sagas, for the monitor. */
    public Map<String, Map<State, Long>> counts() {
        return db.inTransaction(() -> {
            Map<String, Map<State, Long>> out = new LinkedHashMap<>();
            try (Statement s = db.writer().createStatement(); ResultSet rs = s.executeQuery("SELECT workflow, state,"
                    + " COUNT(*) FROM saga GROUP BY workflow, state ORDER BY workflow, state")) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(State.valueOf(rs.getString(2)), rs.getLong(3));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- runs and control

    /** Starts a run of a workflow; returns its id. */
    public long startRun(String workflow, Instant now) {
        return db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("INSERT INTO workflow_run (workflow, started_at,"
                    + " state, items_read, writes, exceptions) VALUES (?, ?, 'RUNNING', 0, 0, 0)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, workflow);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Ends a run with its counts. */
    public void finishRun(long runId, String state, long itemsRead, long writes, long exceptions, String summary,
            Instant now) {
        db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("UPDATE workflow_run SET finished_at = ?,"
                    + " state = ?, items_read = ?, writes = ?, exceptions = ?, summary = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, state);
                ps.setLong(3, itemsRead);
                ps.setLong(4, writes);
                ps.setLong(5, exceptions);
                ps.setString(6, clip(summary, 2000));
                ps.setLong(7, runId);
                ps.executeUpdate();
            }
        });
    }

    /** The latest runs, newest first. */
    public List<Run> runs(int limit) {
        return db.inTransaction(() -> {
            List<Run> out = new ArrayList<>();
            try (Statement s = db.writer().createStatement(); ResultSet rs = s.executeQuery("SELECT id, workflow,"
                    + " started_at, finished_at, state, items_read, writes, exceptions, summary FROM workflow_run"
                    + " ORDER BY id DESC LIMIT " + Math.max(1, limit))) {
                while (rs.next()) {
                    Timestamp f = rs.getTimestamp(4);
                    out.add(new Run(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            f == null ? null : f.toInstant(), rs.getString(5), rs.getLong(6), rs.getLong(7),
                            rs.getLong(8), rs.getString(9)));
                }
            }
            return out;
        });
    }

    /** Whether a workflow is paused. */
    public boolean paused(String workflow) {
        return db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT paused FROM workflow_control"
                    + " WHERE workflow = ?")) {
                ps.setString(1, workflow);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /** Pauses or resumes a workflow. */
    public void setPaused(String workflow, boolean paused, Instant now) {
        upsertControl(workflow, paused, null, now);
    }

    /** The polling cursor of a workflow: the newest modification time it has taken in. */
    public Optional<Instant> cursor(String workflow) {
        return db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT cursor_at FROM workflow_control"
                    + " WHERE workflow = ?")) {
                ps.setString(1, workflow);
                try (ResultSet rs = ps.executeQuery()) {
                    Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                    return Optional.ofNullable(t == null ? null : t.toInstant());
                }
            }
        });
    }

    /** Moves a workflow's polling cursor. */
    public void setCursor(String workflow, Instant cursor, Instant now) {
        upsertControl(workflow, null, cursor, now);
    }

    private void upsertControl(String workflow, Boolean paused, Instant cursor, Instant now) {
        db.inTransaction(() -> {
            Connection c = db.writer();
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM workflow_control WHERE workflow = ?")) {
                ps.setString(1, workflow);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO workflow_control (workflow, paused,"
                        + " cursor_at, updated_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, workflow);
                    ps.setBoolean(2, paused != null && paused);
                    ps.setTimestamp(3, cursor == null ? null : Timestamp.from(cursor));
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.executeUpdate();
                }
                return;
            }
            String set = paused != null ? "paused = ?" : "cursor_at = ?";
            try (PreparedStatement ps = c.prepareStatement("UPDATE workflow_control SET " + set + ", updated_at = ?"
                    + " WHERE workflow = ?")) {
                if (paused != null) {
                    ps.setBoolean(1, paused);
                } else {
                    ps.setTimestamp(1, Timestamp.from(cursor));
                }
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, workflow);
                ps.executeUpdate();
            }
        });
    }

    private static Saga saga(ResultSet rs) throws SQLException {
        long ex = rs.getLong(9);
        Long exceptionId = rs.wasNull() ? null : ex;
        return new Saga(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                State.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant(), exceptionId, rs.getString(10));
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
