package io.crossbill.reconcile;

import java.time.Instant;

/** An exception's life, for the recovery-time KPI: raised, and resolved (null while open). */
public record ExceptionEvent(long exceptionId, Instant raisedAt, Instant resolvedAt) {
}
