package io.crossbill.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs the {@link PendingReplays} that wait, oldest first, through a function that does the real work (in the
 * workbench: the exception queue's retry and replay), and records each outcome. It knows nothing of the engine,
 * so the caller decides when the systems answer; a request the function cannot run yet ({@link Outcome#notNow})
 * stays pending and the drain stops there, so nothing is lost when the systems go away mid-way.
 */
public final class ReplayQueueDrainer {

    /** What running one request came to. */
    public record Outcome(Kind kind, String message) {

        /** How it ended. */
        public enum Kind {
            /** Run; the request becomes DONE. */
            DONE,
            /** Failed or refused; the request becomes FAILED with the message as the reason. */
            FAILED,
            /** Not run (the systems stopped answering); the request stays PENDING and the drain stops. */
            NOT_NOW
        }

        public Outcome {
            Objects.requireNonNull(kind, "kind");
            if (message == null || message.isBlank()) {
                throw new IllegalArgumentException("An outcome needs a message saying what happened.");
            }
        }

        public static Outcome done(String message) {
            return new Outcome(Kind.DONE, message);
        }

        public static Outcome failed(String reason) {
            return new Outcome(Kind.FAILED, reason);
        }

        public static Outcome notNow(String why) {
            return new Outcome(Kind.NOT_NOW, why);
        }
    }

    /**
     * What one drain did.
     *
     * @param done     requests run
     * @param failed   requests that failed (they stay visible as FAILED)
     * @param left     requests still pending (not reached, or the systems stopped answering)
     * @param stoppedBecause why the drain stopped early; {@code null} when it went through
     */
    public record Summary(int done, int failed, int left, String stoppedBecause) {

        /** "2 queued replays run, 1 failed" or "" when there was nothing to do. */
        public String describe() {
            if (done + failed + left == 0) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            if (done > 0) {
                parts.add(done + " queued " + (done == 1 ? "replay" : "replays") + " run");
            }
            if (failed > 0) {
                parts.add(failed + " queued " + (failed == 1 ? "replay" : "replays") + " failed");
            }
            if (left > 0) {
                parts.add(left + " still queued" + (stoppedBecause == null ? "" : " (" + stoppedBecause + ")"));
            }
            return String.join(", ", parts);
        }
    }

    private final PendingReplays queue;
    private final Function<PendingReplays.Request, Outcome> runner;

    /**
     * @param runner runs one request; a {@link RuntimeException} it throws fails that request with the exception's
     *               message and the drain goes on
     */
    public ReplayQueueDrainer(PendingReplays queue, Function<PendingReplays.Request, Outcome> runner) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Runs every pending request. */
    public Summary drain() {
        return drain(() -> false);
    }

    /**
     * Runs the pending requests, oldest first, until they are all run, one cannot be run now, or
     * {@code cancelled} says so (checked before each).
     */
    public Summary drain(BooleanSupplier cancelled) {
        List<PendingReplays.Request> waiting = queue.pending();
        int done = 0;
        int failed = 0;
        for (int i = 0; i < waiting.size(); i++) {
            if (cancelled.getAsBoolean()) {
                return new Summary(done, failed, waiting.size() - i, "cancelled");
            }
            PendingReplays.Request r = waiting.get(i);
            Outcome o;
            try {
                o = runner.apply(r);
            } catch (RuntimeException e) {
                o = Outcome.failed("The " + r.what() + " could not be run: " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()));
            }
            switch (o.kind()) {
                case DONE -> {
                    queue.markDone(r.id(), o.message());
                    done++;
                }
                case FAILED -> {
                    queue.markFailed(r.id(), o.message());
                    failed++;
                }
                case NOT_NOW -> {
                    return new Summary(done, failed, waiting.size() - i, o.message());
                }
            }
        }
        return new Summary(done, failed, 0, null);
    }
}
