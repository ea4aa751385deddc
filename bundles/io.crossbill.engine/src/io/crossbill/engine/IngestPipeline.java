package io.crossbill.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.api.RecordMapper;
import io.crossbill.engine.api.RecordValidator;
import io.crossbill.engine.internal.BatchWriter;
import io.crossbill.engine.internal.PreparedRecord;
import io.crossbill.engine.internal.RecordPreparer;
import io.crossbill.store.EngineDatabase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes received records into the engine: content hash as source version (when the source has none),
 * parse, map, validate, idempotency check keyed by (system, external id, version), then inbox row and
 * outbox row with its idempotency key, committed together per batch.
 * <p>
 * Two stages on two threads: the calling thread prepares records (all CPU work) while a writer thread
 * commits the previous batch, handing batches over through a short queue. A record counts as accepted once
 * its transaction has committed. A record that fails becomes a classified exception in the queue and the
 * rest of its batch goes on; a record whose version was taken in before is counted as a duplicate and not
 * written again, also after a restart.
 * <p>
 * One pipeline may run at a time per database (the database has a single writer).
 */
public final class IngestPipeline {

    private final EngineDatabase db;
    private final IngestOptions options;
    private final RecordPreparer preparer;
    private final BatchWriter writer;

    public IngestPipeline(EngineDatabase db, IngestOptions options, RecordMapper mapper, RecordValidator validator) {
        this(db, options, mapper, validator, new ObjectMapper());
    }

    public IngestPipeline(EngineDatabase db, IngestOptions options, RecordMapper mapper, RecordValidator validator,
            ObjectMapper json) {
        this.db = db;
        this.options = options;
        this.preparer = new RecordPreparer(json, mapper, validator, options.workflow(), options.sourceEntity(),
                options.maxPayloadBytes());
        this.writer = new BatchWriter(db, options.workflow(), options.targetSystem(), options.canonicalEntity());
    }

    /** Ingests one batch on the calling thread (for small batches, tests, replay). */
    public IngestResult ingest(List<RecordEnvelope> batch) {
        long started = System.nanoTime();
        List<PreparedRecord> prepared = new ArrayList<>(batch.size());
        for (RecordEnvelope e : batch) {
            prepared.add(preparer.prepare(e));
        }
        BatchWriter.Counts c = writer.write(prepared, started);
        return new IngestResult(batch.size(), c.accepted(), c.duplicates(), c.failed());
    }

    /**
     * Ingests a stream of records, pipelined: this thread prepares, a writer thread commits batches of
     * {@link IngestOptions#batchSize()}. Returns when every record is committed or filed as an exception.
     *
     * @throws io.crossbill.store.StoreException when the database itself fails (disk full, file gone);
     *         batches committed before stay committed
     */
    public IngestResult ingest(Iterator<RecordEnvelope> records) {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(options.queueDepth());
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        long[] totals = new long[3];
        Thread writerThread = Thread.ofPlatform().name("crossbill-ingest-writer").start(() -> {
            try {
                for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
                    BatchWriter.Counts c = writer.write(batch.records(), batch.startedNanos());
                    totals[0] += c.accepted();
                    totals[1] += c.duplicates();
                    totals[2] += c.failed();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                writerFailure.set(e);
            }
        });
        long received = 0;
        try {
            List<PreparedRecord> batch = new ArrayList<>(options.batchSize());
            long started = System.nanoTime();
            while (records.hasNext() && writerThread.isAlive()) {
                if (batch.isEmpty()) {
                    started = System.nanoTime();
                }
                batch.add(preparer.prepare(records.next()));
                received++;
                if (batch.size() == options.batchSize()) {
                    hand(queue, new Batch(batch, started), writerThread);
                    batch = new ArrayList<>(options.batchSize());
                }
            }
            if (!batch.isEmpty()) {
                hand(queue, new Batch(batch, started), writerThread);
            }
            hand(queue, END, writerThread);
            writerThread.join();
        } catch (InterruptedException e) {
            writerThread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted; committed batches stay committed", e);
        }
        Throwable failure = writerFailure.get();
        if (failure instanceof RuntimeException re) {
            throw re;
        } else if (failure instanceof Error err) {
            throw err;
        } else if (failure != null) {
            throw new IllegalStateException(failure);
        }
        // the writer thread's totals are visible here: join() happens-before
        return new IngestResult(received, totals[0], totals[1], totals[2]);
    }

    /** A prepared batch and when its first record entered the pipeline. */
    private record Batch(List<PreparedRecord> records, long startedNanos) {
    }

    private static final Batch END = new Batch(List.of(), 0);

    /** Hands a batch to the writer, giving up when the writer has died (its failure is thrown after). */
    private static void hand(BlockingQueue<Batch> queue, Batch batch, Thread writerThread) throws InterruptedException {
        while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            if (!writerThread.isAlive()) {
                return;
            }
        }
    }

    /** The database this pipeline writes to. */
    public EngineDatabase database() {
        return db;
    }
}
