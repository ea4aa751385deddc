package io.crossbill.delivery.store;

import io.crossbill.delivery.Delivery;
import io.crossbill.delivery.DeliveryOutcome;
import io.crossbill.delivery.DeliveryQueue;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.Inbox;
import io.crossbill.store.MetricsLog;
import io.crossbill.store.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivery's queue over the engine's store: claims from its {@link Outbox}, and records each batch's
 * outcomes - outbox state, attempts and answer, the exceptions they raise (dead letters filed as DEAD at
 * once, with the inbox row's original payload), the metrics (count and latency histogram per workflow,
 * step {@code deliver} and outcome) and one audit entry for the batch - in one transaction, so an answer
 * is never recorded without its exception or the other way round.
 * <p>
 * Exceptions carry the id of their outbox entry. When an entry whose exception an analyst retried (state
 * {@code RETRYING}) is delivered, that exception is resolved; when it fails again, the same exception goes
 * back to {@code OPEN} (or {@code DEAD}) with the new cause - no second exception is filed. Both with a
 * history row and an audit entry by actor {@code engine}.
 * <p>
 * Entries that a killed process had claimed come back by themselves: {@link EngineDatabase#open} puts them
 * back to pending with one attempt counted (see {@link DeliveryQueue}'s contract).
 */
public final class StoreDeliveryQueue implements DeliveryQueue {

    /** Who changes an exception's state when delivery settles a retry. */
    private static final String ACTOR = "engine";

    private final EngineDatabase db;
    private final String defaultWorkflow;
    private final String step;

    /** A queue whose metrics go under step {@code deliver}, and workflow {@code delivery} for entries without one. */
    public StoreDeliveryQueue(EngineDatabase db) {
        this(db, "delivery", "deliver");
    }

    /** A queue whose metrics and exceptions use the settings' default workflow and step. */
    public StoreDeliveryQueue(EngineDatabase db, Delivery.Settings settings) {
        this(db, settings.workflow(), settings.step());
    }

    private StoreDeliveryQueue(EngineDatabase db, String defaultWorkflow, String step) {
        this.db = db;
        this.defaultWorkflow = defaultWorkflow;
        this.step = step;
    }

    @Override
    public List<OutboxEntry> claim(String system, int max) {
        return db.outbox().claim(system, max);
    }

    @Override
    public void record(List<DeliveryOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        db.inTransaction(() -> {
            Outbox outbox = db.outbox();
            int sent = 0;
            int failed = 0;
            int dead = 0;
            int requeued = 0;
            long low = Long.MAX_VALUE;
            long high = Long.MIN_VALUE;
            // per (workflow, outcome): count and latency histogram of this batch
            Map<String, Map<DeliveryOutcome.Kind, MetricsLog.Tally>> tallies = new HashMap<>();
            Map<Long, Long> retrying = retryingExceptions(outcomes);
            for (DeliveryOutcome o : outcomes) {
                OutboxEntry entry = o.entry();
                long id = entry.id();
                low = Math.min(low, id);
                high = Math.max(high, id);
                byte[] answer = o.answer() == null ? null : o.answer().getBytes(StandardCharsets.UTF_8);
                switch (o.kind()) {
                    case SENT -> {
                        outbox.markSent(id, o.attempts(), o.targetId(), answer);
                        Long exception = retrying.get(id);
                        if (exception != null) {
                            db.exceptions().changeState(exception, ExceptionState.RESOLVED, "retry-ok", ACTOR,
                                    "outbox entry " + id + " delivered to " + entry.targetSystem()
                                            + (o.targetId() == null ? "" : " as " + o.targetId()));
                        }
                        sent++;
                    }
                    case FAILED -> {
                        outbox.markFailed(id, o.attempts(), answer);
                        file(o, entry, retrying.get(id), ExceptionState.OPEN);
                        failed++;
                    }
                    case DEAD -> {
                        outbox.markFailed(id, o.attempts(), answer);
                        file(o, entry, retrying.get(id), ExceptionState.DEAD);
                        dead++;
                    }
                    case REQUEUED -> {
                        outbox.markForRetry(id, o.attempts(), null);
                        requeued++;
                    }
                    default -> throw new IllegalStateException("unknown outcome " + o.kind());
                }
                String workflow = entry.workflow() != null ? entry.workflow() : defaultWorkflow;
                tallies.computeIfAbsent(workflow, w -> new java.util.EnumMap<>(DeliveryOutcome.Kind.class))
                        .computeIfAbsent(o.kind(), k -> new MetricsLog.Tally()).record(o.micros());
            }
            for (var byWorkflow : tallies.entrySet()) {
                for (var byKind : byWorkflow.getValue().entrySet()) {
                    db.metrics().add(byWorkflow.getKey(), step, outcomeName(byKind.getKey()), now, byKind.getValue());
                }
            }
            db.audit().append("engine", "deliver.batch", "outbox:" + low + "-" + high, "system "
                    + outcomes.get(0).entry().targetSystem() + ": sent " + sent + ", failed " + failed + ", dead "
                    + dead + ", requeued " + requeued);
        });
    }

    /**
     * Files a failure: a new exception about the entry, or, when an analyst's retry of the entry's exception
     * is what failed, that exception back to {@code state} with the new cause.
     */
    private void file(DeliveryOutcome o, OutboxEntry entry, Long retryingException, ExceptionState state) {
        ExceptionReport report = o.exception().withOutboxId(entry.id());
        if (retryingException != null) {
            db.exceptions().refile(retryingException, state, report, "retry-failed", ACTOR);
        } else {
            db.exceptions().report(withOriginalPayload(report, entry), state);
        }
    }

    /**
     * Outbox id to exception id for the entries of a batch whose exception is being retried. Only entries
     * tried before can have one (a retry puts an entry back with at least one attempt counted), so a batch
     * of first attempts costs no query.
     */
    private Map<Long, Long> retryingExceptions(List<DeliveryOutcome> outcomes) {
        List<Long> triedBefore = new ArrayList<>();
        for (DeliveryOutcome o : outcomes) {
            if (o.entry().attempts() > 0 && o.kind() != DeliveryOutcome.Kind.REQUEUED) {
                triedBefore.add(o.entry().id());
            }
        }
        return triedBefore.isEmpty() ? Map.of() : db.exceptions().retryingForOutbox(triedBefore);
    }

    /** The metric outcome name of a kind: {@code sent}, {@code failed}, {@code dead}, {@code requeued}. */
    public static String outcomeName(DeliveryOutcome.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The report with the payload as received, from the entry's inbox row, where there is one. */
    private ExceptionReport withOriginalPayload(ExceptionReport r, OutboxEntry entry) {
        if (r.originalPayload() != null || entry.inboxId() <= 0) {
            return r;
        }
        byte[] original = db.inbox().get(entry.inboxId()).map(Inbox.Row::payload).orElse(null);
        if (original == null) {
            return r;
        }
        return r.withOriginalPayload(original);
    }
}
