package io.crossbill.workflow;

import io.crossbill.engine.api.ExceptionClass;

/** A read a workflow needs failed for good; the run stops without writing anything half-read. */
public final class ReadFailedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ExceptionClass exceptionClass;

    public ReadFailedException(ExceptionClass exceptionClass, String message, Throwable cause) {
        super(message, cause);
        this.exceptionClass = exceptionClass;
    }

    public ExceptionClass exceptionClass() {
        return exceptionClass;
    }
}
