package io.crossbill.delivery;

/**
 * Implemented by a {@link io.crossbill.engine.api.Connector} whose target honours the idempotency key it
 * sends (Xero's {@code Idempotency-Key}: a repeat with the same key returns the first answer and has no
 * second effect). For such a target, a write that may or may not have arrived is simply sent again with
 * the same key; for any other target, delivery first asks {@code findByReference}.
 * <p>
 * Belongs on {@code Connector} itself as a default method; it lives here until the engine API has it.
 */
public interface KeyedWrites {

    boolean honoursIdempotencyKey();
}
