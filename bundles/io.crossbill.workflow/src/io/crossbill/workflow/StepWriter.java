package io.crossbill.workflow;

import io.crossbill.delivery.Delivery;
import io.crossbill.delivery.DeliveryOutcome;
import io.crossbill.engine.api.Connector;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Makes one write of a saga step through the delivery engine: the target's limits, retries with backoff
 * and Retry-After, and the idempotency key that makes a repeated step (after a crash, on a second run)
 * land once. A write refused for good, or whose retries ran out, is filed in the exception queue and
 * thrown as {@link StepFailedException}; every write made is in the audit trail.
 */
final class StepWriter {
    private final WorkflowContext ctx;
    private final String workflow;
    private int writes;

    StepWriter(WorkflowContext ctx, String workflow) {
        this.ctx = ctx;
        this.workflow = workflow;
    }

    /** A write made: the target's id for the record and its answer. */
    record Written(String targetId, String answer) {
    }

    /**
     * Writes one record.
     *
     * @param connector   the target
     * @param entity      the connector's entity name
     * @param businessKey what the analyst searches by
     * @param step        the saga step, e.g. {@code create-project}
     * @param keySeed     what makes the write unique (the same seed, the same idempotency key)
     * @param payload     the JSON the connector sends
     */
    Written write(Connector connector, String entity, String businessKey, String step, String keySeed,
            String payload) throws StepFailedException {
        String key = idempotencyKey(workflow + "|" + step + "|" + keySeed);
        OutboxEntry entry = new OutboxEntry(0, key, connector.system(), entity, payload.getBytes(StandardCharsets.UTF_8),
                0, null, 0, workflow, businessKey);
        Delivery delivery = new Delivery(connector, ctx.gates().of(WorkflowContext.gateName(connector.system())),
                ctx.waits(), new Delivery.Settings(workflow, step, e -> businessKey));
        DeliveryOutcome outcome;
        long started = System.nanoTime();
        try {
            outcome = delivery.deliver(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailedException(null, ExceptionClass.CONNECTIVITY, "The run was stopped while writing to "
                    + connector.system() + "; the step is made again on the next run.");
        }
        // the monitor's throughput and latency charts read these
        ctx.db().metrics().add(workflow, step.replaceFirst(":\\d+$", ""), outcome.kind().name().toLowerCase(
                java.util.Locale.ROOT), ctx.waits().now(), 1, (System.nanoTime() - started) / 1_000);
        if (outcome.kind() == DeliveryOutcome.Kind.SENT) {
            writes++;
            ctx.db().audit().append(ctx.actor(), "write " + entity, connector.system() + "/" + outcome.targetId(),
                    workflow + " " + step + " for " + businessKey + " (Idempotency-Key " + key + ")");
            return new Written(outcome.targetId(), outcome.answer());
        }
        ExceptionReport r = outcome.exception();
        if (r == null) {
            throw new StepFailedException(null, ExceptionClass.CONNECTIVITY, "The write to " + connector.system()
                    + " did not finish; the step is made again on the next run.");
        }
        // not an outbox row: the saga keeps the write, so the report must not point at the outbox
        ExceptionReport filed = new ExceptionReport(r.exceptionClass(), workflow, step, r.system(), r.entity(),
                businessKey, r.lineageId(), payload.getBytes(StandardCharsets.UTF_8), r.mappedOutput(), r.cause(),
                r.suggestedFix(), r.detail(), r.attempts());
        long id = ctx.db().exceptions().report(filed);
        throw new StepFailedException(id, r.exceptionClass(), r.cause());
    }

    /** How many writes were made. */
    int writes() {
        return writes;
    }

    /** A stable idempotency key of at most 40 characters. */
    static String idempotencyKey(String seed) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "cb-" + HexFormat.of().formatHex(d, 0, 18);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
