package io.crossbill.store;

import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.api.IdempotencyKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Retries and edit-and-replays of exceptions asked for while the systems cannot be reached - typically from
 * the month-end review, which works offline on a snapshot. A request waits {@link State#PENDING} until the
 * engine runs it at the start of a run whose systems answer ({@link ReplayQueueDrainer}); it then becomes
 * {@link State#DONE} or {@link State#FAILED} with the outcome in words. A failed request stays visible and
 * can be queued again ({@link #requeue}), which adds a new request. Every change is appended to the
 * {@link AuditTrail} in the same transaction; an edited payload is audited by size and hash, never by content.
 */
public final class PendingReplays {

    /** What is asked for. */
    public enum Action {
        /** Run the exception again as it is (re-ingest its payload, or put its delivery back). */
        RETRY,
        /** Replay the exception's record with an edited payload. */
        REPLAY
    }

    /** Where a request is. */
    public enum State {
        /** Waiting for the systems to answer. */
        PENDING,
        /** Run; the outcome says what it did. */
        DONE,
        /** Run and failed (or refused); the outcome says why. It can be queued again. */
        FAILED
    }

    /**
     * One request.
     *
     * @param payload     the edited payload of a {@link Action#REPLAY}; {@code null} for a retry
     * @param outcome     what running it did, or why it failed; {@code null} while pending
     * @param doneAt      when it was run; {@code null} while pending
     */
    public record Request(long id, long exceptionId, Action action, byte[] payload, String requestedBy,
            Instant requestedAt, State state, String outcome, Instant doneAt) {

        /** "retry" or "replay", as the analyst reads it. */
        public String what() {
            return action == Action.RETRY ? "retry" : "replay";
        }

        /** Names the request without its payload, which may hold customer data. */
        @Override
        public String toString() {
            return "Request[" + id + ", exception " + exceptionId + ", " + action + (payload == null ? ""
                    : ", " + payload.length + " payload bytes") + ", by " + requestedBy + " at " + requestedAt + ", "
                    + state + (outcome == null ? "" : ": " + outcome) + "]";
        }
    }

    /** The actor of the audit entries written when the engine runs a request. */
    public static final String ENGINE = "engine";

    private static final int MAX_OUTCOME = 2000;
    private static final String COLUMNS = "id, exception_id, action, payload, requested_by, requested_at, state,"
            + " outcome, done_at";

    private final EngineDatabase db;

    /** The queue of an open database. */
    public PendingReplays(EngineDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Queues a retry or replay of an exception until the systems answer.
     *
     * @param payload the edited payload for a {@link Action#REPLAY}; must be {@code null} for a retry
     * @throws IllegalArgumentException when the actor is missing, a replay has no payload (or one over 1 MiB),
     *                                  or a retry has one
     * @throws NoSuchElementException   when there is no such exception
     * @throws IllegalStateException    when the exception is resolved already, or a request for it is pending
     *                                  already (the message says whose and since when)
     */
    public Request request(long exceptionId, Action action, byte[] payload, String actor) {
        Objects.requireNonNull(action, "action");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("Missing who asks for the " + action.name().toLowerCase()
                    + " (the audit trail names them).");
        }
        if (action == Action.REPLAY && (payload == null || payload.length == 0)) {
            throw new IllegalArgumentException("A replay of exception " + exceptionId + " needs the edited payload;"
                    + " to run it again as it is, queue a retry.");
        }
        if (action == Action.RETRY && payload != null) {
            throw new IllegalArgumentException("A retry of exception " + exceptionId + " runs its stored payload;"
                    + " to run an edited payload, queue a replay.");
        }
        if (payload != null && payload.length > ExceptionQueue.MAX_STORED_PAYLOAD) {
            throw new IllegalArgumentException("The edited payload of exception " + exceptionId + " has "
                    + String.format("%,d", payload.length) + " bytes; at most " + String.format("%,d",
                            ExceptionQueue.MAX_STORED_PAYLOAD) + " can be queued.");
        }
        String who = actor.strip();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return db.inTransaction(() -> {
            StoredException e = db.exceptions().get(exceptionId).orElseThrow(() -> new NoSuchElementException(
                    "There is no exception " + exceptionId + " in the queue."));
            if (e.state() == ExceptionState.RESOLVED) {
                throw new IllegalStateException("Exception " + exceptionId + " is resolved already; there is"
                        + " nothing to " + action.name().toLowerCase() + ".");
            }
            Optional<Request> waiting = latestFor(exceptionId).filter(r -> r.state() == State.PENDING);
            if (waiting.isPresent()) {
                Request w = waiting.get();
                throw new IllegalStateException("A " + w.what() + " of exception " + exceptionId + " is queued"
                        + " already (by " + w.requestedBy() + " at " + w.requestedAt().truncatedTo(ChronoUnit.SECONDS)
                        + "); it runs when the systems answer.");
            }
            long id;
            try (PreparedStatement ps = db.writer().prepareStatement("INSERT INTO pending_replay (exception_id,"
                    + " action, payload, requested_by, requested_at, state) VALUES (?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setLong(1, exceptionId);
                ps.setString(2, action.name());
                ps.setBytes(3, payload);
                ps.setString(4, who);
                ps.setTimestamp(5, Timestamp.from(at));
                ps.setString(6, State.PENDING.name());
                ps.executeUpdate();
                id = generated(ps);
            }
            db.audit().append(who, "replay.queued", "exception:" + exceptionId, action.name().toLowerCase()
                    + " queued as request " + id + " until the systems answer" + (payload == null ? ""
                            : "; edited payload " + payload.length + " bytes, sha-256 "
                                    + IdempotencyKey.contentHash(payload)));
            return new Request(id, exceptionId, action, payload == null ? null : payload.clone(), who, at,
                    State.PENDING, null, null);
        });
    }

    /** The requests still waiting, oldest first. */
    public List<Request> pending() {
        return query("SELECT " + COLUMNS + " FROM pending_replay WHERE state = 'PENDING' ORDER BY id", null);
    }

    /** One request. */
    public Optional<Request> get(long requestId) {
        List<Request> found = query("SELECT " + COLUMNS + " FROM pending_replay WHERE id = ?", requestId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The latest request about an exception (pending, done or failed), if there is one. */
    public Optional<Request> latestFor(long exceptionId) {
        List<Request> found = query("SELECT " + COLUMNS + " FROM pending_replay WHERE exception_id = ?"
                + " ORDER BY id DESC LIMIT 1", exceptionId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The latest request about each of these exceptions that has one, by exception id. */
    public Map<Long, Request> latestFor(Collection<Long> exceptionIds) {
        Map<Long, Request> out = new LinkedHashMap<>();
        for (Long id : exceptionIds) {
            if (id != null && !out.containsKey(id)) {
                latestFor(id).ifPresent(r -> out.put(id, r));
            }
        }
        return out;
    }

    /**
     * The latest request about every exception that has one, by exception id (the review shows it beside the
     * break). The queue holds what analysts asked for by hand, so it is read whole.
     */
    public Map<Long, Request> latestByException() {
        Map<Long, Request> out = new LinkedHashMap<>();
        for (Request r : query("SELECT " + COLUMNS + " FROM pending_replay ORDER BY id", null)) {
            out.put(r.exceptionId(), r);
        }
        return out;
    }

    /**
     * Records that a pending request was run.
     *
     * @param outcome what it did, in words
     * @throws IllegalStateException when the request is not pending (it was run already)
     */
    public Request markDone(long requestId, String outcome) {
        return finish(requestId, State.DONE, outcome);
    }

    /**
     * Records that a pending request failed or was refused; it stays visible as FAILED with the reason.
     *
     * @param reason why, in words the analyst can act on
     * @throws IllegalStateException when the request is not pending (it was run already)
     */
    public Request markFailed(long requestId, String reason) {
        return finish(requestId, State.FAILED, reason);
    }

    /**
     * Queues a failed request again: a new pending request with the same action and payload; the failed one
     * stays as it was.
     *
     * @throws NoSuchElementException when there is no such request
     * @throws IllegalStateException  when it did not fail, the exception is resolved meanwhile, or another
     *                                request for the exception is pending
     */
    public Request requeue(long requestId, String actor) {
        return db.inTransaction(() -> {
            Request failed = get(requestId).orElseThrow(() -> new NoSuchElementException("There is no queued"
                    + " replay " + requestId + "."));
            if (failed.state() != State.FAILED) {
                throw new IllegalStateException("The " + failed.what() + " of exception " + failed.exceptionId()
                        + " is " + failed.state() + ", not FAILED; only a failed one is queued again.");
            }
            return request(failed.exceptionId(), failed.action(), failed.payload(), actor);
        });
    }

    private Request finish(long requestId, State to, String outcome) {
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("Missing the outcome of queued replay " + requestId + ".");
        }
        String text = outcome.strip();
        String kept = text.length() > MAX_OUTCOME ? text.substring(0, MAX_OUTCOME - 1) + "\u2026" : text;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return db.inTransaction(() -> {
            Request r = get(requestId).orElseThrow(() -> new NoSuchElementException("There is no queued replay "
                    + requestId + "."));
            try (PreparedStatement ps = db.writer().prepareStatement("UPDATE pending_replay SET state = ?,"
                    + " outcome = ?, done_at = ? WHERE id = ? AND state = 'PENDING'")) {
                ps.setString(1, to.name());
                ps.setString(2, kept);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setLong(4, requestId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("The " + r.what() + " of exception " + r.exceptionId()
                            + " (request " + requestId + ") is " + r.state() + " already, not pending.");
                }
            }
            db.audit().append(ENGINE, to == State.DONE ? "replay.done" : "replay.failed", "exception:"
                    + r.exceptionId(), r.what() + " queued as request " + requestId + " by " + r.requestedBy() + ": "
                    + kept);
            return new Request(r.id(), r.exceptionId(), r.action(), r.payload(), r.requestedBy(), r.requestedAt(), to,
                    kept, at);
        });
    }

    private List<Request> query(String sql, Long parameter) {
        return db.inTransaction(() -> {
            List<Request> out = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement(sql)) {
                if (parameter != null) {
                    ps.setLong(1, parameter);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp done = rs.getTimestamp(9);
                        out.add(new Request(rs.getLong(1), rs.getLong(2), Action.valueOf(rs.getString(3)),
                                rs.getBytes(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                                State.valueOf(rs.getString(7)), rs.getString(8), done == null ? null
                                        : done.toInstant()));
                    }
                }
            }
            return out;
        });
    }

    private static long generated(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
