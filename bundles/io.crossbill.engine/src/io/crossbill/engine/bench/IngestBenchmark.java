package io.crossbill.engine.bench;

import io.crossbill.engine.DesignRecordMapper;
import io.crossbill.engine.IngestOptions;
import io.crossbill.engine.IngestPipeline;
import io.crossbill.engine.IngestResult;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.api.RecordMapper;
import io.crossbill.store.EngineDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The time-entry ingest benchmark of BENCHMARKS.md. N synthetic Xero time entries are generated up front
 * (seeded; not timed); 50,000 others warm up both paths; then, each on a fresh H2 file in a temporary
 * folder, the baseline (plain JDBC batched inserts of the raw payloads into one table, 1,000 a batch, one
 * transaction a batch, H2's default settings) and the engine's ingest pipeline (content hash, parse, map,
 * validate, idempotency check, inbox + outbox + key committed per batch) are timed.
 * <p>
 * The mapping step runs the shipped design {@value #DESIGN} compiled once ({@link Mapper#DESIGN}, the
 * default) or the hand-written {@link XeroTimeEntryMapper} ({@link Mapper#HAND}), so the two can be compared.
 * <p>
 * Run: {@code java -Xmx1g -cp ... io.crossbill.engine.bench.IngestBenchmark --entries 1000000 [--json]
 * [--mapper design|hand]}.
 */
public final class IngestBenchmark {

    static {
        // the same H2 value-cache setting for the baseline as for the engine: set before H2 first loads
        EngineDatabase.configureH2();
    }

    /** The shipped mapping design the benchmark maps with by default. */
    public static final String DESIGN = "xero-time-entries";

    /** Which mapper the engine's mapping step uses. */
    public enum Mapper {
        /** The shipped design {@value IngestBenchmark#DESIGN}, compiled once. */
        DESIGN,
        /** The hand-written {@link XeroTimeEntryMapper}. */
        HAND;

        RecordMapper create() {
            return this == HAND ? new XeroTimeEntryMapper() : DesignRecordMapper.shipped(IngestBenchmark.DESIGN);
        }
    }

    /** Records in the warm-up of each path. */
    public static final int WARM_UP = 50_000;

    /**
     * The figures of one run; the field names are those of {@code bench --json}.
     *
     * @param peak_heap_mb      the largest sampled heap use, garbage included (G1 lets the heap fill before
     *                          it collects, so this approaches -Xmx)
     * @param peak_live_heap_mb the largest heap occupancy right after a garbage collection (the heap pools'
     *                          usage after their last collection, summed), i.e. what was still reachable
     * @param mapper            {@code design} or {@code hand}
     * @param full_gc_live_heap_mb the largest heap occupancy right after a full collection (the whole heap
     *                          marked and compacted, so only reachable data is left; there is always one, the
     *                          System.gc() once the input is generated); unlike peak_live_heap_mb it does not
     *                          count young collections that failed to evacuate in a full heap
     */
    public record Result(double records_per_s, double baseline_records_per_s, double ratio, double peak_heap_mb,
            long n, double cpu_us_per_record, double baseline_cpu_us_per_record, double peak_live_heap_mb,
            String mapper, double full_gc_live_heap_mb) {

        public String toJson() {
            return String.format(Locale.ROOT, "{\"n\":%d,\"mapper\":\"%s\",\"records_per_s\":%.0f,"
                    + "\"baseline_records_per_s\":%.0f,\"ratio\":%.3f,\"peak_heap_mb\":%.0f,\"peak_live_heap_mb\":%.0f,"
                    + "\"full_gc_live_heap_mb\":%.0f,\"cpu_us_per_record\":%.2f,\"baseline_cpu_us_per_record\":%.2f}",
                    n, mapper, records_per_s, baseline_records_per_s, ratio, peak_heap_mb, peak_live_heap_mb,
                    full_gc_live_heap_mb, cpu_us_per_record, baseline_cpu_us_per_record);
        }

        public String toText() {
            return String.format(Locale.ROOT, "entries:            %,d%nmapper:             %s%n"
                    + "engine records/s:   %,.0f%nbaseline records/s: %,.0f%nratio:              %.3f%n"
                    + "peak heap:          %,.0f MB (after a GC: %,.0f MB, after a full GC: %,.0f MB)%n"
                    + "process CPU per record: engine %.2f us, baseline %.2f us",
                    n, mapper, records_per_s, baseline_records_per_s, ratio, peak_heap_mb, peak_live_heap_mb,
                    full_gc_live_heap_mb, cpu_us_per_record, baseline_cpu_us_per_record);
        }
    }

    private IngestBenchmark() {
    }

    public static void main(String[] args) {
        int n = 1_000_000;
        boolean json = false;
        Mapper mapper = Mapper.DESIGN;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--entries" -> n = Integer.parseInt(args[++i].replace("_", ""));
                case "--json" -> json = true;
                case "--mapper" -> mapper = Mapper.valueOf(args[++i].toUpperCase(Locale.ROOT));
                default -> {
                    System.err.println("usage: IngestBenchmark [--entries N] [--json] [--mapper design|hand]");
                    System.exit(2);
                }
            }
        }
        Result r = run(n, mapper);
        System.out.println(json ? r.toJson() : r.toText());
    }

    /** Runs the benchmark for N entries with the shipped design in a temporary folder that is deleted afterwards. */
    public static Result run(int n) {
        return run(n, Mapper.DESIGN);
    }

    /** Runs the benchmark for N entries with the given mapper in a temporary folder that is deleted afterwards. */
    public static Result run(int n, Mapper mapper) {
        Path dir;
        try {
            dir = Files.createTempDirectory("crossbill-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return run(n, mapper, dir);
        } finally {
            deleteTree(dir);
        }
    }

    /** Runs the benchmark for N entries with the shipped design and its H2 files under {@code dir}. */
    public static Result run(int n, Path dir) {
        return run(n, Mapper.DESIGN, dir);
    }

    /** Runs the benchmark for N entries with the given mapper and its H2 files under {@code dir}. */
    public static Result run(int n, Mapper mapper, Path dir) {
        HeapSampler heap = new HeapSampler();
        try {
            return run(n, mapper, dir, heap);
        } finally {
            heap.stop();
        }
    }

    private static Result run(int n, Mapper mapper, Path dir, HeapSampler heap) {
        RecordMapper recordMapper = mapper.create(); // compiled once, shared by warm-up and timed run
        TimeEntryGenerator.Entries warmUp = TimeEntryGenerator.generate(WARM_UP, 7);
        TimeEntryGenerator.Entries entries = TimeEntryGenerator.generate(n, 42);

        baseline(warmUp, dir.resolve("warm-baseline"));
        engine(warmUp, dir.resolve("warm-engine"), recordMapper);
        deleteTree(dir.resolve("warm-baseline"));
        deleteTree(dir.resolve("warm-engine"));
        System.gc();

        long cpu0 = processCpuNanos();
        double baselineRate = baseline(entries, dir.resolve("baseline"));
        long cpu1 = processCpuNanos();
        double engineRate = engine(entries, dir.resolve("engine"), recordMapper);
        long cpu2 = processCpuNanos();
        return new Result(engineRate, baselineRate, engineRate / baselineRate, heap.peakMb(), n,
                (cpu2 - cpu1) / 1e3 / n, (cpu1 - cpu0) / 1e3 / n, heap.peakLiveMb(),
                mapper.name().toLowerCase(Locale.ROOT), heap.fullGcLiveMb());
    }

    /**
     * CPU time of the whole process (all threads, GC included), or 0 where the JVM cannot tell. Unlike
     * records/s it does not depend on what else the machine is doing.
     */
    static long processCpuNanos() {
        try {
            // through the MBean server, so the bundle needs no com.sun.management import
            Object cpu = ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new javax.management.ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
            return cpu instanceof Long l ? l : 0;
        } catch (javax.management.JMException e) {
            return 0;
        }
    }

    /** Plain JDBC batched inserts of the raw payloads; returns records/s. */
    static double baseline(TimeEntryGenerator.Entries entries, Path folder) {
        try {
            Files.createDirectories(folder);
            try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + folder.resolve("baseline"),
                    new Properties())) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE raw_payload (id BIGINT NOT NULL PRIMARY KEY, payload BYTEA NOT NULL)");
                }
                c.setAutoCommit(false);
                long t0 = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw_payload (id, payload) VALUES (?, ?)")) {
                    byte[][] payloads = entries.payloads();
                    for (int i = 0; i < payloads.length; i++) {
                        ps.setLong(1, i + 1);
                        ps.setBytes(2, payloads[i]);
                        ps.addBatch();
                        if ((i + 1) % 1_000 == 0 || i == payloads.length - 1) {
                            ps.executeBatch();
                            c.commit();
                        }
                    }
                }
                long t1 = System.nanoTime();
                return entries.size() / ((t1 - t0) / 1e9);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("baseline failed: " + e.getMessage(), e);
        }
    }

    /** The engine's ingest pipeline; returns records/s, counting only committed (accepted) records. */
    static double engine(TimeEntryGenerator.Entries entries, Path workspace, RecordMapper mapper) {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            IngestPipeline pipeline = new IngestPipeline(db,
                    IngestOptions.of("time-to-billing", "TimeEntry", "erp", "TimeEntry"),
                    mapper, new TimeEntryValidator());
            long t0 = System.nanoTime();
            IngestResult result = pipeline.ingest(envelopes(entries));
            long t1 = System.nanoTime();
            if (result.accepted() != entries.size()) {
                throw new IllegalStateException("the engine accepted " + result.accepted() + " of "
                        + entries.size() + " records: " + result);
            }
            return result.accepted() / ((t1 - t0) / 1e9);
        }
    }

    /** Envelopes as a connector would hand them over: source has no version, so the content hash is used. */
    static Iterator<RecordEnvelope> envelopes(TimeEntryGenerator.Entries entries) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < entries.size();
            }

            @Override
            public RecordEnvelope next() {
                if (next >= entries.size()) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return RecordEnvelope.unversioned("xero", "TimeEntry", entries.ids()[i], entries.payloads()[i],
                        Instant.now());
            }
        };
    }

    /**
     * Peak heap in use (live data and garbage not yet collected), from MemoryMXBean samples every 10 ms.
     * The heap pools' own peak figures are not summed: their peaks do not coincide, and the sum can exceed
     * -Xmx.
     * <p>
     * Peak live heap: the largest heap occupancy right after a collection, from the collectors'
     * notifications (each carries every pool's usage after that collection, summed here over the heap
     * pools). Pauses of a concurrent cycle (G1's remark and cleanup) move no objects and are left out. Read
     * through open MBean data, so the bundle needs no com.sun.management import. With G1 the figure after a
     * young collection still holds old-generation garbage not yet marked, so it is an upper bound of what was
     * reachable.
     */
    static final class HeapSampler {
        private final java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final java.util.Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        private final java.util.List<Runnable> unsubscribe = new java.util.ArrayList<>();
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong peakLive = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong fullGcLive = new java.util.concurrent.atomic.AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler() {
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    javax.management.NotificationListener listener = (notification, handback) -> afterGc(notification);
                    emitter.addNotificationListener(listener, null, null);
                    unsubscribe.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (javax.management.ListenerNotFoundException e) {
                            // already gone
                        }
                    });
                }
            }
            thread = Thread.ofPlatform().daemon().name("bench-heap-sampler").start(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() {
            unsubscribe.forEach(Runnable::run);
            running = false;
            thread.interrupt();
        }

        /** "com.sun.management.gc.notification": gcInfo.memoryUsageAfterGc, summed over the heap pools. */
        private void afterGc(javax.management.Notification notification) {
            if (!"com.sun.management.gc.notification".equals(notification.getType())
                    || !(notification.getUserData() instanceof javax.management.openmbean.CompositeData info)) {
                return;
            }
            Object name = info.get("gcName");
            if (name != null && name.toString().contains("Concurrent")) {
                return;
            }
            if (!(info.get("gcInfo") instanceof javax.management.openmbean.CompositeData gcInfo)
                    || !(gcInfo.get("memoryUsageAfterGc") instanceof javax.management.openmbean.TabularData after)) {
                return;
            }
            long sum = 0;
            for (Object row : after.values()) {
                javax.management.openmbean.CompositeData entry = (javax.management.openmbean.CompositeData) row;
                if (heapPools.contains(String.valueOf(entry.get("key")))
                        && entry.get("value") instanceof javax.management.openmbean.CompositeData usage) {
                    sum += java.lang.management.MemoryUsage.from(usage).getUsed();
                }
            }
            peakLive.accumulateAndGet(sum, Math::max);
            Object action = info.get("gcAction");
            if (action != null && action.toString().contains("major")) { // "end of major GC": a full collection
                fullGcLive.accumulateAndGet(sum, Math::max);
            }
        }

        /** The largest heap occupancy right after a full collection so far (0 before any). */
        double fullGcLiveMb() {
            return fullGcLive.get() / (1024.0 * 1024.0);
        }

        /** The largest heap occupancy right after a collection so far (0 before any collection). */
        double peakLiveMb() {
            return peakLive.get() / (1024.0 * 1024.0);
        }

        double peakMb() {
            return Math.max(peak.get(), memory.getHeapMemoryUsage().getUsed()) / (1024.0 * 1024.0);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
