package io.crossbill.engine.exceptions;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.StoredException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Finds an exception's outbox entry in the store: the entry the exception recorded when delivery filed it
 * (schema version 3 on). An exception filed earlier records none; for it the one {@code FAILED} entry to the
 * same system with the same lineage is taken, and none when there are several, so a retry never guesses.
 */
public final class StoreOutboxLocator implements OutboxLocator {

    private final EngineDatabase db;

    public StoreOutboxLocator(EngineDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public OptionalLong outboxIdOf(StoredException exception) {
        if (exception.outboxId() != null) {
            return OptionalLong.of(exception.outboxId());
        }
        return db.outbox().failedEntryFor(exception.system(), exception.lineageId());
    }
}
