package io.crossbill.delivery;

import dev.failsafe.Execution;
import dev.failsafe.RetryPolicy;
import io.crossbill.engine.api.Connector;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.WriteResult;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Delivers one outbox entry to its target with exactly-once effect, retrying transient faults.
 * <p>
 * Exactly once: every write carries the entry's idempotency key. Whenever a write may already have
 * reached the target - the entry was tried in an earlier run, or the previous attempt timed out or got a
 * 5xx - a target that honours the key ({@link Connector#honoursIdempotencyKey()}) is simply sent the same
 * key again and answers as the first time; any other target is first asked by reference ({@link Connector#findByReference}) and
 * written to only if the record is not there.
 * <p>
 * Retries: Failsafe's {@link RetryPolicy} decides the backoff (exponential, with jitter) and the budget
 * ({@link SystemLimits#maxAttempts}, counted across runs); a Retry-After from the target is a floor under
 * that backoff and pauses the whole system's {@link SystemGate}. The waiting itself goes through the
 * {@link DeliveryClock}.
 */
public final class Delivery {

    /** Where and how failures are filed. */
    public record Settings(String workflow, String step, Function<OutboxEntry, String> businessKey) {
        public Settings {
            Objects.requireNonNull(workflow, "workflow");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(businessKey, "businessKey");
        }

        /**
         * Failures filed under step {@code deliver}, with the entry's own workflow and business key where the
         * outbox has them, else under {@code workflow} with the lineage id as business key.
         */
        public static Settings of(String workflow) {
            return new Settings(workflow, "deliver",
                    e -> e.businessKey() != null ? e.businessKey() : e.lineageId());
        }

        /** The workflow to file an entry's failure under: the entry's own, else this default. */
        public String workflowOf(OutboxEntry entry) {
            return entry.workflow() != null ? entry.workflow() : workflow;
        }
    }

    private final Connector connector;
    private final SystemGate gate;
    private final DeliveryClock clock;
    private final Settings settings;
    private final boolean keyed;

    public Delivery(Connector connector, SystemGate gate, DeliveryClock clock, Settings settings) {
        this.connector = connector;
        this.gate = gate;
        this.clock = clock;
        this.settings = settings;
        this.keyed = connector.honoursIdempotencyKey();
    }

    /**
     * Delivers one entry, retrying as the limits allow.
     *
     * @throws InterruptedException when delivery is stopped; the entry is then to be requeued
     */
    public DeliveryOutcome deliver(OutboxEntry entry) throws InterruptedException {
        SystemLimits limits = gate.limits();
        int attempts = entry.attempts();
        Execution<WriteResult> execution = Execution.of(retryPolicy(limits, Math.max(1, limits.maxAttempts()
                - attempts)));
        // an entry tried before (or claimed by a process that died) may already be in the target
        boolean mayHaveArrived = attempts > 0;
        for (;;) {
            WriteResult last = null;
            if (mayHaveArrived && !keyed) {
                last = lookUp(entry);
                attempts++;
                if (last != null && last.outcome() == WriteResult.Outcome.DONE) {
                    return sent(entry, attempts, last);
                }
            }
            if (last == null) {
                last = write(entry);
                attempts++;
                // a rate-limit refusal means the write was not taken; anything else may have been
                mayHaveArrived |= last.failureClass() != ExceptionClass.RATE_LIMITED;
            }
            switch (last.outcome()) {
                case DONE -> {
                    return sent(entry, attempts, last);
                }
                case FAILED -> {
                    return failed(entry, attempts, last, DeliveryOutcome.Kind.FAILED);
                }
                case RETRY -> {
                    execution.recordResult(last);
                    if (execution.isComplete()) {
                        return failed(entry, attempts, last, DeliveryOutcome.Kind.DEAD);
                    }
                    Duration wait = execution.getDelay();
                    if (last.retryAfter() != null) {
                        // the target said when; never sooner, and nobody else should call it sooner either
                        wait = max(wait, last.retryAfter());
                        gate.closeUntil(clock.now().plus(last.retryAfter()));
                    } else if (last.failureClass() == ExceptionClass.RATE_LIMITED) {
                        gate.closeUntil(clock.now().plus(wait));
                    }
                    clock.sleep(wait);
                }
                default -> throw new IllegalStateException("unknown outcome " + last.outcome());
            }
        }
    }

    /**
     * Asks the target whether the record is there: DONE when it is, {@code null} when it is not, a RETRY
     * or FAILED result when the question got no usable answer.
     */
    private WriteResult lookUp(OutboxEntry entry) throws InterruptedException {
        try (SystemGate.Pass pass = gate.enter()) {
            Optional<String> found = connector.findByReference(entry.entity(), entry.idempotencyKey());
            if (found.isPresent()) {
                return WriteResult.done(found.get(), "Found in " + connector.system() + " by reference "
                        + entry.idempotencyKey() + " (an earlier attempt had arrived; not sent again).");
            }
            return null;
        } catch (LookupFailedException e) {
            return e.result();
        } catch (RuntimeException e) {
            return WriteResult.retry(ExceptionClass.CONNECTIVITY, "Looking the record up in " + connector.system()
                    + " failed: " + e.getMessage() + "\n" + e, null);
        }
    }

    private WriteResult write(OutboxEntry entry) throws InterruptedException {
        WriteResult r;
        try (SystemGate.Pass pass = gate.enter()) {
            r = connector.write(entry);
        } catch (RuntimeException e) {
            r = WriteResult.retry(ExceptionClass.CONNECTIVITY, "The write to " + connector.system() + " failed: "
                    + e.getMessage() + "\n" + e, null);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("delivery to " + connector.system() + " stopped");
        }
        return r;
    }

    private static RetryPolicy<WriteResult> retryPolicy(SystemLimits limits, int maxAttempts) {
        var builder = RetryPolicy.<WriteResult>builder()
                .handleResultIf(r -> r.outcome() == WriteResult.Outcome.RETRY)
                .withMaxAttempts(maxAttempts);
        if (limits.maxRetryDelay().compareTo(limits.firstRetryDelay()) > 0) {
            builder.withBackoff(limits.firstRetryDelay(), limits.maxRetryDelay());
        } else {
            builder.withDelay(limits.firstRetryDelay());
        }
        if (limits.jitter() > 0) {
            builder.withJitter(limits.jitter());
        }
        return builder.build();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private DeliveryOutcome sent(OutboxEntry entry, int attempts, WriteResult r) {
        return new DeliveryOutcome(entry, DeliveryOutcome.Kind.SENT, attempts, r.targetId(), r.detail(), null);
    }

    private DeliveryOutcome failed(OutboxEntry entry, int attempts, WriteResult r, DeliveryOutcome.Kind kind) {
        String system = connector.system();
        ExceptionClass cls = r.failureClass() == null ? ExceptionClass.INTERNAL : r.failureClass();
        String message = DeliveryOutcome.plainMessage(r.detail());
        String cause = kind == DeliveryOutcome.Kind.DEAD
                ? "Gave up after " + attempts + " attempts to write to " + system + ": " + message
                : message;
        // the original payload is the inbox row's; the store's queue fills it in (delivery does not read the inbox)
        ExceptionReport report = new ExceptionReport(cls, settings.workflowOf(entry), settings.step(), system,
                entry.entity(), settings.businessKey().apply(entry), entry.lineageId(), null, entry.payload(),
                cause, suggestedFix(cls, kind, system, entry), r.detail(), attempts, entry.id());
        return new DeliveryOutcome(entry, kind, attempts, null, r.detail(), report);
    }

    private static String suggestedFix(ExceptionClass cls, DeliveryOutcome.Kind kind, String system,
            OutboxEntry entry) {
        return switch (cls) {
            case REJECTED -> "Correct the record so " + system + " accepts it, then replay it.";
            case AUTH -> "Reconnect " + system + " (renew its credentials or token), then retry.";
            case DUPLICATE -> "Check whether the record already in " + system + " is the intended one; link it"
                    + " or resolve this exception with a reason.";
            case RATE_LIMITED -> system + "'s API budget is used up; retry when it has reset, or lower"
                    + " Crossbill's rate limit for " + system + ".";
            case CONNECTIVITY -> kind == DeliveryOutcome.Kind.DEAD
                    ? "Check that " + system + " is reachable and working, then retry."
                    : "Check in " + system + " whether the record with reference " + entry.idempotencyKey()
                            + " exists: if it does, resolve this exception; if not, retry it.";
            default -> "Look at the detail; retry once the cause is fixed.";
        };
    }
}
