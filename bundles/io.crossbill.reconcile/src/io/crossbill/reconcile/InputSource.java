package io.crossbill.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The input a result refers to: at hand when the result was just made, or still being read when the result
 * came from a {@link ReconciliationStore} (its breaks, totals and KPIs are read first, the million entries
 * behind them after). Whoever needs a record waits for it here.
 */
final class InputSource {

    private final CompletableFuture<ReconciliationInput> future;

    private InputSource(CompletableFuture<ReconciliationInput> future) {
        this.future = future;
    }

    static InputSource of(ReconciliationInput input) {
        return new InputSource(CompletableFuture.completedFuture(input));
    }

    static InputSource reading(CompletableFuture<ReconciliationInput> future) {
        return new InputSource(future);
    }

    /** The input, waiting for it to be read if need be. */
    ReconciliationInput get() {
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

    CompletableFuture<ReconciliationInput> ready() {
        return future;
    }
}
