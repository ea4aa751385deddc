/**
 * Small contracts of the Crossbill sync engine, in the manner of Apache Camel's API split: what a
 * record looks like when it arrives ({@link io.crossbill.engine.api.RecordEnvelope}), how it is mapped
 * and validated ({@link io.crossbill.engine.api.RecordMapper}, {@link io.crossbill.engine.api.RecordValidator}),
 * how duplicates are kept out ({@link io.crossbill.engine.api.IdempotencyStore}), where failures go
 * ({@link io.crossbill.engine.api.ExceptionSink}), and how a target system is written to
 * ({@link io.crossbill.engine.api.Connector}, {@link io.crossbill.engine.api.RetryPolicy}).
 * <p>
 * The bundle is headless and depends only on Jackson's tree model, so that mappings compiled from a
 * mapping design, connectors and the persistence bundle can all implement these without seeing each other.
 */
package io.crossbill.engine.api;
