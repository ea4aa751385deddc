package io.crossbill.delivery;

import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.OutboxEntry;

/**
 * What became of one outbox entry, to be recorded on it (and, for failures, in the exception queue) in
 * one transaction.
 *
 * @param entry     the entry as claimed
 * @param kind      what to record
 * @param attempts  calls made to the target for it, including earlier runs ({@code entry.attempts()})
 * @param targetId  the record's id in the target, for {@link Kind#SENT}
 * @param answer    the target's answer, or how the entry was found there
 * @param exception for {@link Kind#FAILED} and {@link Kind#DEAD}: the exception to file
 * @param micros    how long delivering it took in this run (waits for limits and backoff included), for the
 *                  latency histogram; 0 when not measured
 */
public record DeliveryOutcome(OutboxEntry entry, Kind kind, int attempts, String targetId, String answer,
        ExceptionReport exception, long micros) {

    /** An outcome without a measured duration. */
    public DeliveryOutcome(OutboxEntry entry, Kind kind, int attempts, String targetId, String answer,
            ExceptionReport exception) {
        this(entry, kind, attempts, targetId, answer, exception, 0);
    }

    /** The same outcome with its duration. */
    public DeliveryOutcome timed(long micros) {
        return new DeliveryOutcome(entry, kind, attempts, targetId, answer, exception, micros);
    }

    public enum Kind {
        /** The target has the record (answered now, or found by reference). */
        SENT,
        /** Refused for good (validation, auth, unreadable answer): an OPEN exception. */
        FAILED,
        /** Transient failures used up the retry budget: an exception in state DEAD. */
        DEAD,
        /** Not finished (delivery is stopping); back to pending, to be delivered later. */
        REQUEUED
    }

    /**
     * The plain-language message of a connector's detail: its first line (connectors put the readable
     * message first and the raw answer after it).
     */
    public static String plainMessage(String detail) {
        if (detail == null) {
            return null;
        }
        int nl = detail.indexOf('\n');
        return nl < 0 ? detail : detail.substring(0, nl);
    }
}
