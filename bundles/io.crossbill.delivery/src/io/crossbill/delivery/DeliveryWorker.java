package io.crossbill.delivery;

import io.crossbill.engine.api.OutboxEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One worker of one target system: claims a small batch of pending outbox entries, delivers them one by
 * one, and records the outcomes of the batch in one transaction. Several workers of a system run side by
 * side; the system's {@link SystemGate} keeps them within its limits together.
 */
public final class DeliveryWorker implements Runnable {

    private final String system;
    private final DeliveryQueue queue;
    private final Delivery delivery;
    private final int batchSize;
    private final BooleanSupplier moreMayCome;
    private final long idleMillis;
    private final Consumer<List<DeliveryOutcome>> recorded;

    /**
     * @param moreMayCome asked when nothing is pending: {@code false} ends the worker, {@code true} makes it
     *                    wait {@code idleMillis} and look again
     * @param recorded    told of each batch after it was recorded (counts, the monitor)
     */
    public DeliveryWorker(String system, DeliveryQueue queue, Delivery delivery, int batchSize,
            BooleanSupplier moreMayCome, long idleMillis, Consumer<List<DeliveryOutcome>> recorded) {
        this.system = system;
        this.queue = queue;
        this.delivery = delivery;
        this.batchSize = batchSize;
        this.moreMayCome = moreMayCome;
        this.idleMillis = idleMillis;
        this.recorded = recorded;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            List<OutboxEntry> batch = queue.claim(system, batchSize);
            if (batch.isEmpty()) {
                if (!moreMayCome.getAsBoolean()) {
                    return;
                }
                try {
                    // idle polling is not delivery timing, so it uses real time even under a test clock
                    Thread.sleep(idleMillis);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            List<DeliveryOutcome> outcomes = new ArrayList<>(batch.size());
            boolean stopping = false;
            for (OutboxEntry entry : batch) {
                if (stopping) {
                    outcomes.add(requeue(entry));
                    continue;
                }
                long started = System.nanoTime();
                try {
                    outcomes.add(delivery.deliver(entry).timed((System.nanoTime() - started) / 1_000));
                } catch (InterruptedException e) {
                    stopping = true;
                    outcomes.add(requeue(entry));
                }
            }
            queue.record(outcomes);
            recorded.accept(outcomes);
            if (stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static DeliveryOutcome requeue(OutboxEntry entry) {
        // it may have been sent (an attempt was under way); one attempt more makes the next run look first
        return new DeliveryOutcome(entry, DeliveryOutcome.Kind.REQUEUED, entry.attempts() + 1, null, null, null);
    }
}
