package io.crossbill.delivery.soak;

import io.crossbill.delivery.Delivery;
import io.crossbill.delivery.DeliveryClock;
import io.crossbill.delivery.Dispatcher;
import io.crossbill.delivery.SystemGates;
import io.crossbill.delivery.SystemLimits;
import io.crossbill.delivery.http.JsonHttpConnector;
import io.crossbill.delivery.store.StoreDeliveryQueue;
import io.crossbill.engine.IngestOptions;
import io.crossbill.engine.IngestPipeline;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.api.RecordValidator;
import io.crossbill.store.EngineDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process that the crash test kills: takes in N synthetic time entries through the engine's
 * {@link IngestPipeline} (inbox, outbox and keys, one transaction a batch) and, at the same time, delivers
 * them to an HTTP target, until all are delivered. Started again after each kill, it carries on where the
 * database says it stopped: records already taken in are recognised by their idempotency keys, entries in
 * doubt (claimed when the process died) are put back to pending when the database opens and re-sent with
 * their key or looked up first.
 * <p>
 * Usage: {@code CrashRunner <workspace> <target base URL> <N> <key|lookup> [workers]}. Prints
 * {@code DONE sent=... failed=... dead=...} when all is delivered and exits 0.
 */
public final class CrashRunner {

    /** The target system's name in the outbox. */
    public static final String TARGET = "target";
    /** The canonical entity written. */
    public static final String ENTITY = "TimeEntry";
    /** The workflow the records belong to. */
    public static final String WORKFLOW = "soak";
    private static final int INGEST_BATCH = 200;

    private CrashRunner() {
    }

    /** The business reference of record {@code i}: what the target counts effects by. */
    public static String reference(int i) {
        return String.format("TE-%07d", i);
    }

    /** The payload of record {@code i}. */
    public static byte[] payload(int i) {
        return ("{\"reference\":\"" + reference(i) + "\",\"person\":\"P" + (i % 97) + "\",\"project\":\"PRJ-"
                + (i % 13) + "\",\"date\":\"2025-03-" + String.format("%02d", 1 + i % 28) + "\",\"hours\":"
                + (1 + i % 8) + ",\"billable\":" + (i % 5 != 0) + "}").getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        URI base = URI.create(args[1]);
        int n = Integer.parseInt(args[2]);
        boolean keyed = !"lookup".equals(args[3]);
        int workers = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        long started = System.nanoTime();

        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            System.out.println("START requeued-in-doubt=" + db.outbox().requeuedAtOpen());
            SystemLimits limits = SystemLimits.concurrencyOnly(TARGET, workers)
                    .withRetries(12, Duration.ofMillis(5), Duration.ofMillis(200), 0.5);
            SystemGates gates = new SystemGates(s -> limits, DeliveryClock.SYSTEM);
            JsonHttpConnector connector = new JsonHttpConnector(TARGET, base, JsonHttpConnector.defaultClient(),
                    Duration.ofSeconds(2), keyed, DeliveryClock.SYSTEM);
            Delivery.Settings settings = Delivery.Settings.of(WORKFLOW);
            Dispatcher dispatcher = new Dispatcher(new StoreDeliveryQueue(db, settings), gates, settings, 50);
            AtomicBoolean ingesting = new AtomicBoolean(true);
            AtomicLong ingested = new AtomicLong();
            Thread ingest = new Thread(() -> {
                try {
                    ingest(db, n, ingested);
                } finally {
                    ingesting.set(false);
                }
            }, "ingest");
            dispatcher.start(connector, workers, ingesting::get);
            ingest.start();
            Thread progress = new Thread(() -> {
                try {
                    for (;;) {
                        Thread.sleep(500);
                        System.out.println("PROGRESS ingested=" + ingested.get() + " delivered="
                                + dispatcher.counts().total());
                    }
                } catch (InterruptedException e) {
                    // done
                }
            }, "progress");
            progress.setDaemon(true);
            progress.start();
            ingest.join();
            dispatcher.awaitWorkers();
            progress.interrupt();
            Dispatcher.Counts c = dispatcher.counts();
            System.out.println("DONE sent=" + c.sent() + " failed=" + c.failed() + " dead=" + c.dead() + " seconds="
                    + (System.nanoTime() - started) / 1_000_000_000.0);
        }
    }

    private static void ingest(EngineDatabase db, int n, AtomicLong ingested) {
        // canonical = the payload as it came: this test is about delivery, not mapping
        IngestPipeline pipeline = new IngestPipeline(db,
                IngestOptions.of(WORKFLOW, ENTITY, TARGET, ENTITY).withBatchSize(INGEST_BATCH),
                (envelope, source) -> source, RecordValidator.ACCEPT_ALL);
        Instant now = Instant.now();
        pipeline.ingest(new java.util.Iterator<RecordEnvelope>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public RecordEnvelope next() {
                int i = next++;
                ingested.set(next);
                String ref = reference(i);
                // the business reference is the external id and the lineage; the version is fixed
                return new RecordEnvelope("psa", ENTITY, ref, "1", payload(i), now, ref);
            }
        });
    }
}
