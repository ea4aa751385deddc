package io.crossbill.engine.api;

/** Where an exception is in its life. */
public enum ExceptionState {
    /** Waiting for an analyst. */
    OPEN,
    /** Being retried automatically or replayed after a fix. */
    RETRYING,
    /** Done: replayed successfully or resolved with a reason. */
    RESOLVED,
    /** The retry budget is spent; needs a human decision. */
    DEAD
}
