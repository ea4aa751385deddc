package io.crossbill.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The input a result refers to: at hand when the result was just made, or still being read when the result
 * came from a {@link ReconciliationStore} (its breaks, totals and KPIs are read first, the million entries
 * behind them only when somebody asks: a drill-down, or a view that {@linkplain #start() starts} reading them
 * ahead). Whoever needs a record waits for it here.
 */
final class InputSource {

    private final CompletableFuture<ReconciliationInput> future;
    private final Runnable reader;
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

    private InputSource(CompletableFuture<ReconciliationInput> future, Runnable reader) {
        this.future = future;
        this.reader = reader;
    }

    static InputSource of(ReconciliationInput input) {
        return new InputSource(CompletableFuture.completedFuture(input), () -> {
        });
    }

    /** An input that {@code reader} reads (on a thread of its own) into {@code future} once it is first wanted. */
    static InputSource reading(CompletableFuture<ReconciliationInput> future, Runnable reader) {
        return new InputSource(future, reader);
    }

    /** Starts reading the input if nobody has yet; returns at once. */
    CompletableFuture<ReconciliationInput> start() {
        if (started.compareAndSet(false, true)) {
            reader.run();
        }
        return future;
    }

    /** The input, reading it and waiting for it if need be. */
    ReconciliationInput get() {
        start();
        try {
            ReconciliationInput done = future.getNow(null);
            return done != null ? done : future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io.getMessage(), io);
            }
            throw cause instanceof RuntimeException r ? r : e;
        }
    }

    /** Done when the input is at hand (or could not be read); does not start reading it. */
    CompletableFuture<ReconciliationInput> ready() {
        return future;
    }
}
