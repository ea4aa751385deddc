package io.crossbill.delivery;

import io.crossbill.engine.api.WriteResult;

/**
 * A connector's look-up by reference got no usable answer. Carries the answer classified like a write's,
 * so delivery treats it the same way: retry a transient fault, file an exception for the rest. Any other
 * runtime exception from a look-up counts as a connectivity fault.
 */
public final class LookupFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient WriteResult result;

    public LookupFailedException(WriteResult result) {
        super(DeliveryOutcome.plainMessage(result.detail()));
        this.result = result;
    }

    public WriteResult result() {
        return result;
    }
}
