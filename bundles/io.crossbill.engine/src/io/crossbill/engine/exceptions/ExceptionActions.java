package io.crossbill.engine.exceptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.engine.IngestPipeline;
import io.crossbill.engine.IngestResult;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.exceptions.ActionOutcome.Verdict;
import io.crossbill.engine.internal.PreparedRecord;
import io.crossbill.engine.internal.RecordPreparer;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.ExceptionQueue;
import io.crossbill.store.Outbox;
import io.crossbill.store.StoreException;
import io.crossbill.store.StoredException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The analyst's actions on the exception queue: retry, edit-and-replay, resolve with a reason, each for one
 * exception or for every exception a query matches, and each with a dry run that reads but writes nothing.
 * <p>
 * Every write moves the exception's state through {@link ExceptionQueue#changeState}, which adds a history
 * row and an audit entry naming the actor. A retry or replay that re-runs a payload first marks the
 * exception {@link ExceptionState#RETRYING} and commits that, then ingests, then records the outcome: if
 * the process dies in between, the exception stays visibly RETRYING and can be retried again (ingest is
 * idempotent, so a record taken in before counts as a duplicate, not twice).
 * <p>
 * Which side failed decides what a retry does: a failure while taking a record in (parse, map, validate,
 * store) re-runs the stored original payload through the workflow's ingest; a failure while delivering
 * puts the outbox entry back to pending for the delivery workers. An exception of a workflow that takes its
 * subjects up again by itself ({@link NextRun}: the saga workflows) is marked RETRYING and its next run asked
 * for; its payload cannot be edited and replayed, since such a workflow builds its writes from the systems.
 */
public final class ExceptionActions {

    /** The step name delivery files its failures under. */
    public static final String DELIVERY_STEP = "deliver";

    private final EngineDatabase db;
    private final Workflows workflows;
    private final OutboxLocator outboxes;
    private final NextRun nextRun;
    private final String actor;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param actor who acts: the user's name ({@link #currentUser()} by default), written into history and
     *              audit
     */
    public ExceptionActions(EngineDatabase db, Workflows workflows, OutboxLocator outboxes, String actor) {
        this(db, workflows, outboxes, NextRun.NONE, actor);
    }

    /**
     * @param nextRun the workflows that take their subjects up again by themselves, and how to ask for their
     *                next run (the workbench's embedded engine)
     * @param actor   who acts, written into history and audit
     */
    public ExceptionActions(EngineDatabase db, Workflows workflows, OutboxLocator outboxes, NextRun nextRun,
            String actor) {
        this.db = Objects.requireNonNull(db, "db");
        this.workflows = Objects.requireNonNull(workflows, "workflows");
        this.outboxes = Objects.requireNonNull(outboxes, "outboxes");
        this.nextRun = Objects.requireNonNull(nextRun, "nextRun");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("An actor name is needed for the audit trail.");
        }
        this.actor = actor.strip();
    }

    /**
     * Actions that cannot put delivery failures back ({@link OutboxLocator#NONE}); the command line uses
     * {@link OutboxLocator#of(EngineDatabase)}.
     */
    public ExceptionActions(EngineDatabase db, Workflows workflows, String actor) {
        this(db, workflows, OutboxLocator.NONE, actor);
    }

    /** The operating-system user running Crossbill, the default actor. */
    public static String currentUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    /** The actor written into history and audit. */
    public String actor() {
        return actor;
    }

    // ---- one exception -------------------------------------------------------------------------------

    /**
     * Puts an exception back for another attempt.
     *
     * @throws NoSuchElementException when there is no such exception
     */
    public ActionOutcome retry(long id, boolean dryRun) {
        return retry(load(id), dryRun);
    }

    /**
     * Replays an exception's record with an edited payload. The payload is parsed, mapped with the
     * workflow's mapper and validated first; an edit that fails changes nothing and the outcome says why.
     *
     * @throws NoSuchElementException when there is no such exception
     */
    public ActionOutcome replay(long id, byte[] editedPayload, boolean dryRun) {
        return replay(load(id), Objects.requireNonNull(editedPayload, "editedPayload"), dryRun);
    }

    /**
     * Resolves an exception with a reason.
     *
     * @throws IllegalArgumentException when the reason is blank
     * @throws NoSuchElementException   when there is no such exception
     */
    public ActionOutcome resolve(long id, String reason, boolean dryRun) {
        requireReason(reason);
        return resolve(load(id), reason.strip(), dryRun);
    }

    // ---- every exception a query matches --------------------------------------------------------------

    /** {@link #retry} for every exception the filter matches (up to its limit), newest first. */
    public List<ActionOutcome> retryAll(ExceptionFilter filter, boolean dryRun) {
        List<ActionOutcome> outcomes = new ArrayList<>();
        for (StoredException e : db.exceptions().find(filter)) {
            outcomes.add(retry(e, dryRun));
        }
        return outcomes;
    }

    /** {@link #resolve} for every exception the filter matches (up to its limit), with one reason. */
    public List<ActionOutcome> resolveAll(ExceptionFilter filter, String reason, boolean dryRun) {
        requireReason(reason);
        List<ActionOutcome> outcomes = new ArrayList<>();
        for (StoredException e : db.exceptions().find(filter)) {
            outcomes.add(resolve(e, reason.strip(), dryRun));
        }
        return outcomes;
    }

    /**
     * Applies one edit to the stored payload of every exception the filter matches and replays each
     * edited payload, validated one by one like {@link #replay}.
     */
    public List<ActionOutcome> replayAll(ExceptionFilter filter, PayloadEdit edit, boolean dryRun) {
        Objects.requireNonNull(edit, "edit");
        List<ActionOutcome> outcomes = new ArrayList<>();
        for (StoredException e : db.exceptions().find(filter)) {
            String missing = payloadProblem(e);
            if (missing != null) {
                outcomes.add(refused(e, "replay", missing));
                continue;
            }
            byte[] edited;
            try {
                edited = edit.applyTo(e.originalPayload());
            } catch (IllegalArgumentException bad) {
                outcomes.add(refused(e, "replay", bad.getMessage()));
                continue;
            }
            outcomes.add(replay(e, edited, dryRun));
        }
        return outcomes;
    }

    /**
     * What a bulk edit with an expression did (or, in a dry run, would do) to one exception.
     *
     * @param before   the field's value in the stored payload; {@code null} when it could not be read
     *                 (a missing field is a missing node)
     * @param after    the value the expression computed; {@code null} when it failed
     * @param outcome  the replay's outcome: its verdict, and in {@code problems} what validation found
     */
    public record FieldChange(long exceptionId, String businessKey, com.fasterxml.jackson.databind.JsonNode before,
            com.fasterxml.jackson.databind.JsonNode after, ActionOutcome outcome) {
    }

    /**
     * Sets one field of each exception's stored payload to what a JSONata expression computes from that
     * payload, and replays each edited payload (validated one by one like {@link #replay}). A record the
     * expression fails on, or whose edited payload does not validate, is refused with the reason and the
     * batch goes on. A dry run computes and validates everything and writes nothing; each real replay is
     * recorded in the exception's history and the audit trail with the expression.
     *
     * @param ids the exceptions, e.g. the selection or the ids a filter matches; unknown ids are refused
     * @throws IllegalArgumentException when the pointer or the expression is not valid (nothing is done)
     */
    public List<FieldChange> replayAllWithExpression(List<Long> ids, String pointer, String expression,
            boolean dryRun) {
        FieldExpression fx = new FieldExpression(pointer, expression);
        List<FieldChange> changes = new ArrayList<>();
        for (long id : ids) {
            Optional<StoredException> found = db.exceptions().get(id);
            if (found.isEmpty()) {
                changes.add(new FieldChange(id, null, null, null, new ActionOutcome(id, "replay", Verdict.REFUSED,
                        ExceptionState.OPEN, ExceptionState.OPEN, "There is no exception " + id + " in the queue.",
                        List.of())));
                continue;
            }
            changes.add(replayWithExpression(found.get(), fx, dryRun));
        }
        return changes;
    }

    /** {@link #replayAllWithExpression(List, String, String, boolean)} for every exception a query matches. */
    public List<FieldChange> replayAllWithExpression(ExceptionFilter filter, String pointer, String expression,
            boolean dryRun) {
        List<Long> ids = new ArrayList<>();
        new FieldExpression(pointer, expression); // refuse a bad expression before reading anything
        for (StoredException e : db.exceptions().find(filter)) {
            ids.add(e.id());
        }
        return replayAllWithExpression(ids, pointer, expression, dryRun);
    }

    private FieldChange replayWithExpression(StoredException e, FieldExpression fx, boolean dryRun) {
        String missing = payloadProblem(e);
        if (missing != null) {
            return new FieldChange(e.id(), e.businessKey(), null, null, refused(e, "replay", missing));
        }
        FieldExpression.Change change;
        try {
            change = fx.apply(e.originalPayload());
        } catch (IllegalArgumentException bad) {
            com.fasterxml.jackson.databind.JsonNode before = null;
            try {
                before = json.readTree(e.originalPayload()).at(fx.pointer());
            } catch (java.io.IOException | RuntimeException unreadable) {
                // the message below says the payload is not JSON
            }
            return new FieldChange(e.id(), e.businessKey(), before, null, new ActionOutcome(e.id(), "replay",
                    Verdict.REFUSED, e.state(), e.state(), bad.getMessage(), List.of(bad.getMessage())));
        }
        ActionOutcome outcome = replay(e, change.editedPayload(), dryRun, "bulk edit " + fx + " (was "
                + change.before() + ", now " + change.after() + ")");
        return new FieldChange(e.id(), e.businessKey(), change.before(), change.after(), outcome);
    }

    // ---- the actions -----------------------------------------------------------------------------------

    private ActionOutcome retry(StoredException e, boolean dryRun) {
        if (e.state() == ExceptionState.RESOLVED) {
            return refused(e, "retry", "It is resolved already.");
        }
        if (isDeliveryFailure(e)) {
            return retryDelivery(e, dryRun);
        }
        if (!isIngestFailure(e) && nextRun.takesUp(e)) {
            return retryOnNextRun(e, dryRun);
        }
        Optional<Workflow> workflow = workflows.find(e.workflow());
        if (workflow.isEmpty()) {
            return refused(e, "retry", noWorkflow(e));
        }
        String problem = payloadProblem(e);
        if (problem == null) {
            problem = envelopeProblem(e);
        }
        if (problem != null) {
            return refused(e, "retry", problem);
        }
        RecordEnvelope envelope = envelope(e, e.originalPayload());
        Check check = check(workflow.get(), envelope);
        if (dryRun) {
            if (check.problem() != null) {
                return new ActionOutcome(e.id(), "retry", Verdict.WOULD_DO, e.state(), ExceptionState.OPEN,
                        "It would be re-run and fail again: " + check.problem(), List.of(check.problem()));
            }
            return new ActionOutcome(e.id(), "retry", Verdict.WOULD_DO, e.state(), ExceptionState.RESOLVED,
                    check.duplicate() ? "It was taken in since; it would be resolved as a duplicate."
                            : "It would be re-run and taken in; the exception would be resolved.",
                    List.of());
        }
        changeState(e, ExceptionState.RETRYING, "retry", "re-running the stored payload through workflow "
                + e.workflow());
        if (check.problem() != null) {
            changeState(e, ExceptionState.OPEN, "retry-failed", check.problem());
            return new ActionOutcome(e.id(), "retry", Verdict.DONE, e.state(), ExceptionState.OPEN,
                    "Re-run; it failed again: " + check.problem(), List.of(check.problem()));
        }
        return ingest(e, workflow.get(), envelope, "retry");
    }

    private ActionOutcome retryOnNextRun(StoredException e, boolean dryRun) {
        String subject = e.businessKey() == null ? "the record" : e.businessKey();
        if (e.state() == ExceptionState.RETRYING) {
            return refused(e, "retry", "It waits for the next run of workflow " + e.workflow() + " already, which"
                    + " takes " + subject + " up again.");
        }
        if (dryRun) {
            return new ActionOutcome(e.id(), "retry", Verdict.WOULD_DO, e.state(), ExceptionState.RETRYING,
                    "The next run of workflow " + e.workflow() + " would take " + subject + " up again.", List.of());
        }
        changeState(e, ExceptionState.RETRYING, "retry", "queued for the next run of workflow " + e.workflow()
                + ", which takes " + subject + " up again");
        String when = nextRun.request(e.workflow());
        return new ActionOutcome(e.id(), "retry", Verdict.DONE, e.state(), ExceptionState.RETRYING,
                "Queued: workflow " + e.workflow() + " takes " + subject + " up again " + when + ".", List.of());
    }

    private ActionOutcome retryDelivery(StoredException e, boolean dryRun) {
        OptionalLong outboxId = outboxes.outboxIdOf(e);
        if (outboxId.isEmpty()) {
            return refused(e, "retry", "The exception does not say which outbox entry failed, so it cannot be put"
                    + " back for delivery; check " + e.system() + " and resolve it, or re-send the record from its"
                    + " source.");
        }
        long entry = outboxId.getAsLong();
        Outbox.State state;
        try {
            state = db.outbox().state(entry);
        } catch (StoreException missing) {
            return refused(e, "retry", "Its outbox entry " + entry + " is not in the outbox.");
        }
        if (state != Outbox.State.FAILED) {
            return refused(e, "retry", "Its outbox entry " + entry + " is " + state + ", not FAILED, so there is"
                    + " nothing to put back.");
        }
        if (dryRun) {
            return new ActionOutcome(e.id(), "retry", Verdict.WOULD_DO, e.state(), ExceptionState.RETRYING,
                    "Outbox entry " + entry + " would go back to pending for another delivery to " + e.system()
                            + ".", List.of());
        }
        db.inTransaction(() -> {
            changeState(e, ExceptionState.RETRYING, "retry", "outbox entry " + entry + " back to pending");
            // attempts stay above 0, so delivery treats the write as possibly made: same key, or look-up first
            db.outbox().markForRetry(entry, Math.max(1, e.attempts()), null);
        });
        return new ActionOutcome(e.id(), "retry", Verdict.DONE, e.state(), ExceptionState.RETRYING,
                "Outbox entry " + entry + " is pending again; delivery to " + e.system() + " will try it.",
                List.of());
    }

    private ActionOutcome replay(StoredException e, byte[] payload, boolean dryRun) {
        return replay(e, payload, dryRun, "edited payload");
    }

    private ActionOutcome replay(StoredException e, byte[] payload, boolean dryRun, String how) {
        if (e.state() == ExceptionState.RESOLVED) {
            return refused(e, "replay", "It is resolved already.");
        }
        if (isDeliveryFailure(e)) {
            return refused(e, "replay", "It failed while writing to " + e.system() + "; edit-and-replay works on"
                    + " received payloads. Correct the record at its source, or retry the delivery.");
        }
        if (!isIngestFailure(e) && nextRun.takesUp(e)) {
            return refused(e, "replay", "Workflow " + e.workflow() + " reads its records from the systems again at"
                    + " every run, so there is no payload to edit and replay. Correct the record where the suggested"
                    + " fix says, then retry the exception.");
        }
        Optional<Workflow> workflow = workflows.find(e.workflow());
        if (workflow.isEmpty()) {
            return refused(e, "replay", noWorkflow(e));
        }
        String problem = envelopeProblem(e);
        if (problem != null) {
            return refused(e, "replay", problem);
        }
        RecordEnvelope envelope = envelope(e, payload);
        Check check = check(workflow.get(), envelope);
        if (check.problem() != null) {
            return new ActionOutcome(e.id(), "replay", Verdict.REFUSED, e.state(), e.state(),
                    "The edited payload was not accepted: " + check.problem(), List.of(check.problem()));
        }
        if (check.duplicate()) {
            return refused(e, "replay", "The edited payload is the same as a version taken in before, so there is"
                    + " nothing new to replay; resolve the exception if that version is right.");
        }
        if (dryRun) {
            return new ActionOutcome(e.id(), "replay", Verdict.WOULD_DO, e.state(), ExceptionState.RESOLVED,
                    "The edited payload is valid; it would be taken in and the exception resolved.", List.of());
        }
        changeState(e, ExceptionState.RETRYING, "replay", how + ", " + payload.length + " bytes, sha-256 "
                + IdempotencyKey.contentHash(payload));
        return ingest(e, workflow.get(), envelope, "replay");
    }

    private ActionOutcome resolve(StoredException e, String reason, boolean dryRun) {
        if (e.state() == ExceptionState.RESOLVED) {
            return refused(e, "resolve", "It is resolved already.");
        }
        if (dryRun) {
            return new ActionOutcome(e.id(), "resolve", Verdict.WOULD_DO, e.state(), ExceptionState.RESOLVED,
                    "It would be resolved: " + reason, List.of());
        }
        db.exceptions().resolve(e.id(), actor, reason);
        return new ActionOutcome(e.id(), "resolve", Verdict.DONE, e.state(), ExceptionState.RESOLVED,
                "Resolved: " + reason, List.of());
    }

    /** Runs a checked record through ingest and moves the exception (now RETRYING) to where that leads. */
    private ActionOutcome ingest(StoredException e, Workflow w, RecordEnvelope envelope, String action) {
        IngestResult result = new IngestPipeline(db, w.options(), w.mapper(), w.validator(), json)
                .ingest(List.of(envelope));
        if (result.accepted() == 1 || result.duplicates() == 1) {
            String note = result.accepted() == 1 ? "taken in; the record goes on to " + w.options().targetSystem()
                    : "the same version had been taken in already";
            changeState(e, ExceptionState.RESOLVED, action + "-ok", note);
            return new ActionOutcome(e.id(), action, Verdict.DONE, e.state(), ExceptionState.RESOLVED,
                    capitalise(note) + ".", List.of());
        }
        // the payload was checked just before, so only the store can have failed here; ingest filed it
        String note = "ingest did not take the record in; a new exception tells why";
        changeState(e, ExceptionState.OPEN, action + "-failed", note);
        return new ActionOutcome(e.id(), action, Verdict.DONE, e.state(), ExceptionState.OPEN, capitalise(note) + ".",
                List.of(note));
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** What ingest would make of a record, without writing: the first problem, or whether it is a duplicate. */
    private record Check(String problem, boolean duplicate) {
    }

    private Check check(Workflow w, RecordEnvelope envelope) {
        RecordPreparer preparer = new RecordPreparer(json, w.mapper(), w.validator(), w.name(),
                w.options().sourceEntity(), w.options().maxPayloadBytes());
        PreparedRecord prepared = preparer.prepare(envelope);
        if (prepared.isFailure()) {
            return new Check(prepared.failure().cause(), false);
        }
        return new Check(null, db.idempotencyKeys().contains(prepared.key()));
    }

    /** The record as a connector would hand it over again: no source version, so the content hash is one. */
    private static RecordEnvelope envelope(StoredException e, byte[] payload) {
        return new RecordEnvelope(e.system(), e.entity(), e.businessKey(), null, payload, Instant.now(),
                e.lineageId());
    }

    /** Delivery files its failures at step {@code deliver}, with the outbound record and no original payload. */
    static boolean isDeliveryFailure(StoredException e) {
        return DELIVERY_STEP.equals(e.step()) || (e.originalPayload() == null && e.mappedOutput() != null);
    }

    /**
     * Whether taking the record in failed (received, parsed, mapped or validated by ingest), rather than a
     * workflow step or a delivery.
     */
    public static boolean isIngestFailure(StoredException e) {
        return INGEST_STEPS.contains(e.step());
    }

    /** The steps at which ingest files its failures (see {@code RecordPreparer}). */
    private static final java.util.Set<String> INGEST_STEPS = java.util.Set.of("receive", "parse", "map",
            "validate");

    private static String payloadProblem(StoredException e) {
        if (e.originalPayload() == null) {
            return "The exception holds no original payload to re-run.";
        }
        if (e.payloadTruncated()) {
            return "Only the first " + e.originalPayload().length + " of its " + e.payloadSize() + " payload bytes"
                    + " were kept, so it cannot be re-run; replay it with the full payload.";
        }
        return null;
    }

    private static String envelopeProblem(StoredException e) {
        if (e.entity() == null || e.businessKey() == null) {
            return "The exception does not record the record's entity and id, so it cannot be re-run.";
        }
        return null;
    }

    private static String noWorkflow(StoredException e) {
        return "This installation does not run workflow '" + e.workflow() + "', so the record cannot be re-run.";
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A reason is needed to resolve an exception.");
        }
    }

    private void changeState(StoredException e, ExceptionState to, String action, String note) {
        db.exceptions().changeState(e.id(), to, action, actor, note);
    }

    private StoredException load(long id) {
        return db.exceptions().get(id)
                .orElseThrow(() -> new NoSuchElementException("There is no exception " + id + " in the queue."));
    }

    private static ActionOutcome refused(StoredException e, String action, String why) {
        return new ActionOutcome(e.id(), action, Verdict.REFUSED, e.state(), e.state(), why, List.of());
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
