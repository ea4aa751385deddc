package io.crossbill.engine.exceptions;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.StoredException;
import java.util.OptionalLong;

/**
 * Finds the outbox entry whose delivery failed into an exception, so a retry can put it back to pending.
 * <p>
 * Delivery records the outbox entry with each exception it files; {@link #of(EngineDatabase)} reads it from
 * the store ({@link StoreOutboxLocator}). {@link #NONE} knows no entries, so a delivery retry through it is
 * refused with a reason instead of guessing.
 */
@FunctionalInterface
public interface OutboxLocator {

    /** Knows no outbox entries. */
    OutboxLocator NONE = exception -> OptionalLong.empty();

    /** The locator over a workspace's store: what the exception recorded, or the one failed entry it was about. */
    static OutboxLocator of(EngineDatabase db) {
        return new StoreOutboxLocator(db);
    }

    /** The id of the outbox entry the exception is about, or empty when it cannot be told. */
    OptionalLong outboxIdOf(StoredException exception);
}
