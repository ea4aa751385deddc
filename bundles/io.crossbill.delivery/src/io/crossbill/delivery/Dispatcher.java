package io.crossbill.delivery;

import io.crossbill.engine.api.Connector;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Runs delivery for target systems: per system a number of {@link DeliveryWorker} threads (by default
 * as many as the system allows requests in flight), all sharing the system's {@link SystemGate}.
 */
public final class Dispatcher implements AutoCloseable {

    /** How many entries ended in each kind of outcome since the dispatcher was made. */
    public record Counts(long sent, long failed, long dead, long requeued) {
        public long total() {
            return sent + failed + dead + requeued;
        }
    }

    private final DeliveryQueue queue;
    private final SystemGates gates;
    private final Delivery.Settings settings;
    private final int batchSize;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<DeliveryOutcome.Kind, AtomicLong> counts = new EnumMap<>(DeliveryOutcome.Kind.class);
    private final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Dispatcher(DeliveryQueue queue, SystemGates gates, Delivery.Settings settings, int batchSize) {
        this.queue = queue;
        this.gates = gates;
        this.settings = settings;
        this.batchSize = batchSize;
        for (DeliveryOutcome.Kind k : DeliveryOutcome.Kind.values()) {
            counts.put(k, new AtomicLong());
        }
    }

    /**
     * Starts delivery to a connector's system.
     *
     * @param workers     threads; {@code 0} for the system's concurrency limit
     * @param moreMayCome see {@link DeliveryWorker}; {@code () -> false} to stop once nothing is pending
     */
    public synchronized void start(Connector connector, int workers, BooleanSupplier moreMayCome) {
        SystemGate gate = gates.of(connector.system());
        int n = workers > 0 ? workers : gate.limits().maxConcurrent();
        Delivery delivery = new Delivery(connector, gate, gates.clock(), settings);
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(new DeliveryWorker(connector.system(), queue, delivery, batchSize, moreMayCome, 20,
                    this::count), "delivery-" + connector.system() + "-" + i);
            t.setDaemon(true);
            // a worker ends this way only when the queue itself fails (the database); its claimed entries
            // stay in doubt and come back after a restart
            t.setUncaughtExceptionHandler((thread, e) -> failures.add(e));
            threads.add(t);
            t.start();
        }
    }

    /** Delivers everything pending for a connector's system, then returns. */
    public Counts drain(Connector connector, int workers) throws InterruptedException {
        start(connector, workers, () -> false);
        awaitWorkers();
        return counts();
    }

    /**
     * Waits until all workers have ended.
     *
     * @throws IllegalStateException when a worker ended because the queue failed
     */
    public void awaitWorkers() throws InterruptedException {
        List<Thread> running;
        synchronized (this) {
            running = List.copyOf(threads);
        }
        for (Thread t : running) {
            t.join();
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("delivery stopped: " + failures.get(0).getMessage(),
                    failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    public Counts counts() {
        return new Counts(counts.get(DeliveryOutcome.Kind.SENT).get(), counts.get(DeliveryOutcome.Kind.FAILED).get(),
                counts.get(DeliveryOutcome.Kind.DEAD).get(), counts.get(DeliveryOutcome.Kind.REQUEUED).get());
    }

    private void count(List<DeliveryOutcome> outcomes) {
        for (DeliveryOutcome o : outcomes) {
            counts.get(o.kind()).incrementAndGet();
        }
    }

    /** Stops the workers: entries in hand are requeued and recorded. */
    @Override
    public void close() {
        List<Thread> running;
        synchronized (this) {
            running = List.copyOf(threads);
        }
        running.forEach(Thread::interrupt);
        try {
            for (Thread t : running) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
