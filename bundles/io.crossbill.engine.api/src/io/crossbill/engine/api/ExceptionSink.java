package io.crossbill.engine.api;

import java.util.List;

/**
 * Where failures that are not retried away go: the exception queue. Camel would call it a dead-letter
 * channel; here every failure is visible, classified and replayable.
 */
public interface ExceptionSink {

    /** Records one failure; returns the exception's id in the queue. */
    long report(ExceptionReport report);

    /** Records several failures at once (the engine reports per batch). */
    default void reportAll(List<ExceptionReport> reports) {
        for (ExceptionReport report : reports) {
            report(report);
        }
    }
}
