package io.crossbill.delivery.store;

import io.crossbill.delivery.DeliveryOutcome;
import io.crossbill.delivery.DeliveryQueue;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.Outbox;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Delivery's queue over the engine's store: claims from its {@link Outbox}, and records each batch's
 * outcomes - outbox state and answer, the exceptions they raise (dead-lettered ones moved to DEAD), and
 * one audit entry for the batch - in one transaction, so an answer is never recorded without its
 * exception or the other way round.
 * <p>
 * Call {@link InDoubtRecovery#requeue} before opening the database after a crash, so entries that a dead
 * process had claimed come back (see {@link DeliveryQueue}'s contract).
 */
public final class StoreDeliveryQueue implements DeliveryQueue {

    private final EngineDatabase db;

    public StoreDeliveryQueue(EngineDatabase db) {
        this.db = db;
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
        db.inTransaction(() -> {
            Outbox outbox = db.outbox();
            int sent = 0;
            int failed = 0;
            int dead = 0;
            int requeued = 0;
            long low = Long.MAX_VALUE;
            long high = Long.MIN_VALUE;
            for (DeliveryOutcome o : outcomes) {
                long id = o.entry().id();
                low = Math.min(low, id);
                high = Math.max(high, id);
                byte[] answer = o.answer() == null ? null : o.answer().getBytes(StandardCharsets.UTF_8);
                switch (o.kind()) {
                    case SENT -> {
                        outbox.markSent(id, o.targetId(), answer);
                        sent++;
                    }
                    case FAILED -> {
                        outbox.markFailed(id, answer);
                        db.exceptions().report(o.exception());
                        failed++;
                    }
                    case DEAD -> {
                        outbox.markFailed(id, answer);
                        long exceptionId = db.exceptions().report(o.exception());
                        db.exceptions().changeState(exceptionId, ExceptionState.DEAD, "dead-letter", "engine",
                                "retry budget spent after " + o.attempts() + " attempts");
                        dead++;
                    }
                    case REQUEUED -> {
                        outbox.markForRetry(id, null);
                        requeued++;
                    }
                    default -> throw new IllegalStateException("unknown outcome " + o.kind());
                }
            }
            db.audit().append("engine", "deliver.batch", "outbox:" + low + "-" + high, "system "
                    + outcomes.get(0).entry().targetSystem() + ": sent " + sent + ", failed " + failed + ", dead "
                    + dead + ", requeued " + requeued);
        });
    }
}
