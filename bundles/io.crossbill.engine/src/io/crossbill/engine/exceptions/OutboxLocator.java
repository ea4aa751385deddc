package io.crossbill.engine.exceptions;

import io.crossbill.store.StoredException;
import java.util.OptionalLong;

/**
 * Finds the outbox entry whose delivery failed into an exception, so a retry can put it back to pending.
 * <p>
 * A seam for now: the exception queue does not yet record which outbox entry an exception came from, and
 * the store has no look-up by target system and lineage, so {@link #NONE} is the default and a delivery
 * retry says so instead of guessing.
 */
@FunctionalInterface
public interface OutboxLocator {

    /** Knows no outbox entries. */
    OutboxLocator NONE = exception -> OptionalLong.empty();

    /** The id of the outbox entry the exception is about, or empty when it cannot be told. */
    OptionalLong outboxIdOf(StoredException exception);
}
