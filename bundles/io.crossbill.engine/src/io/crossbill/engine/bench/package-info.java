/**
 * The time-entry ingest benchmark of {@code BENCHMARKS.md} ({@code ./crossbill bench --entries N}): synthetic
 * Xero Projects time entries, a hand-written mapping to the canonical time entry and its validation, and the
 * raw batched-insert baseline measured in the same run.
 */
package io.crossbill.engine.bench;
