package io.crossbill.reconcile;

import java.time.Instant;

/** Lead to project: when the deal closed and when its project was ready (null while not ready). */
public record ProjectSetup(String projectId, Instant dealClosedAt, Instant projectReadyAt) {
}
