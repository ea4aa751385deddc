package io.crossbill.workflow;

import io.crossbill.engine.api.ExceptionClass;

/** A saga step that could not be made; the exception queue holds the details when {@link #exceptionId} is set. */
public final class StepFailedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Long exceptionId;
    private final ExceptionClass exceptionClass;

    public StepFailedException(Long exceptionId, ExceptionClass exceptionClass, String message) {
        super(message);
        this.exceptionId = exceptionId;
        this.exceptionClass = exceptionClass;
    }

    /** The exception filed in the queue, or {@code null} when the step is simply to be made again. */
    public Long exceptionId() {
        return exceptionId;
    }

    public ExceptionClass exceptionClass() {
        return exceptionClass;
    }
}
