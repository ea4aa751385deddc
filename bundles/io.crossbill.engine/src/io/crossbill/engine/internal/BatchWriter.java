package io.crossbill.engine.internal;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.MetricsLog;
import io.crossbill.store.StoreException;
import java.time.Instant;
import java.util.List;

/**
 * The second stage of ingest, the single writer: one transaction per batch holding the inbox rows, outbox
 * rows, idempotency keys, exceptions, metrics and one audit entry. If the batch's transaction fails, the
 * records are written one transaction each so that one bad record cannot take the others down with it.
 */
public final class BatchWriter {

    /** Counts of one written batch. */
    public record Counts(long accepted, long duplicates, long failed) {
    }

    private final EngineDatabase db;
    private final String workflow;
    private final String targetSystem;
    private final String canonicalEntity;
    private final MetricsLog.Tally tally = new MetricsLog.Tally();

    public BatchWriter(EngineDatabase db, String workflow, String targetSystem, String canonicalEntity) {
        this.db = db;
        this.workflow = workflow;
        this.targetSystem = targetSystem;
        this.canonicalEntity = canonicalEntity;
    }

    /**
     * Writes one batch.
     *
     * @param startedNanos when the batch's first record entered the pipeline, for the latency metric
     */
    public Counts write(List<PreparedRecord> batch, long startedNanos) {
        try {
            return db.inTransaction(() -> writeAll(batch, startedNanos));
        } catch (StoreException batchFailure) {
            long accepted = 0;
            long duplicates = 0;
            long failed = 0;
            for (PreparedRecord r : batch) {
                Counts c = writeAlone(r, startedNanos);
                accepted += c.accepted();
                duplicates += c.duplicates();
                failed += c.failed();
            }
            return new Counts(accepted, duplicates, failed);
        }
    }

    private Counts writeAlone(PreparedRecord r, long startedNanos) {
        try {
            return db.inTransaction(() -> writeAll(List.of(r), startedNanos));
        } catch (StoreException e) {
            RecordEnvelope env = r.envelope();
            ExceptionReport report = r.isFailure() ? r.failure()
                    : new ExceptionReport(ExceptionClass.INTERNAL, workflow, "store", env.system(), env.entity(),
                            env.externalId(), env.lineageId(), env.payload(), r.canonical(),
                            "The record could not be stored: " + e.getMessage(),
                            "Check the database file and free disk space, then replay.", String.valueOf(e.getCause()), 0);
            // if even this fails the database is unusable and the caller hears about it
            db.inTransaction(() -> {
                db.exceptions().report(report);
            });
            return new Counts(0, 0, 1);
        }
    }

    private Counts writeAll(List<PreparedRecord> batch, long startedNanos) {
        long accepted = 0;
        long duplicates = 0;
        long failed = 0;
        long firstInbox = -1;
        long lastInbox = -1;
        Instant now = Instant.now();
        List<PreparedRecord> failures = null;
        for (PreparedRecord r : batch) {
            if (r.isFailure()) {
                db.exceptions().report(r.failure());
                failures = failures == null ? new java.util.ArrayList<>() : failures;
                failures.add(r);
                failed++;
                continue;
            }
            RecordEnvelope env = r.envelope();
            long inboxId = db.inbox().appendOrMinusOne(env, r.key(), r.versionIsHash());
            if (inboxId < 0) {
                duplicates++;
                continue;
            }
            String lineage = env.lineageId() != null ? env.lineageId() : Long.toString(inboxId);
            db.outbox().add(inboxId, r.key(), workflow, targetSystem, canonicalEntity, env.externalId(),
                    r.canonical(), lineage, now);
            if (firstInbox < 0) {
                firstInbox = inboxId;
            }
            lastInbox = inboxId;
            accepted++;
        }
        recordMetrics(batch, accepted, duplicates, failures, startedNanos, now);
        db.audit().append("engine", "ingest.batch", accepted > 0 ? "inbox:" + firstInbox + "-" + lastInbox : "inbox:-",
                "workflow " + workflow + ": " + accepted + " accepted, " + duplicates + " duplicates, " + failed
                        + " exceptions");
        return new Counts(accepted, duplicates, failed);
    }

    /**
     * Metrics of one batch, aggregated before they reach the store: step {@code ingest} counts accepted and
     * duplicate records with their latency from entering the pipeline to the commit; step {@code prepare}
     * holds the CPU time of preparing each record (hash, parse, map, validate) as a histogram; a failed
     * record counts under the step where it failed ({@code receive}, {@code parse}, {@code map},
     * {@code validate}) with its exception class as outcome.
     */
    private void recordMetrics(List<PreparedRecord> batch, long accepted, long duplicates,
            List<PreparedRecord> failures, long startedNanos, Instant now) {
        long latencyMicros = (System.nanoTime() - startedNanos) / 1_000;
        MetricsLog metrics = db.metrics();
        if (accepted > 0) {
            tally.clear();
            tally.record(accepted, latencyMicros);
            metrics.add(workflow, "ingest", "accepted", now, tally);
        }
        if (duplicates > 0) {
            tally.clear();
            tally.record(duplicates, latencyMicros);
            metrics.add(workflow, "ingest", "duplicate", now, tally);
        }
        tally.clear();
        for (PreparedRecord r : batch) {
            if (!r.isFailure()) {
                tally.record(r.prepareMicros());
            }
        }
        metrics.add(workflow, "prepare", "ok", now, tally);
        if (failures != null) {
            for (PreparedRecord r : failures) {
                tally.clear();
                tally.record(r.prepareMicros());
                metrics.add(workflow, r.failure().step(), r.failure().exceptionClass().name(), now, tally);
            }
        }
    }
}
