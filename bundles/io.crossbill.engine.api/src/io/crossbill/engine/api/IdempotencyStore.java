package io.crossbill.engine.api;

/**
 * Remembers which record versions have been taken in, so the same version is never processed twice,
 * also across restarts.
 * <p>
 * The protocol is reserve, then confirm or release, because a key must only become durable together
 * with the rows it protects: the engine {@linkplain #reserve reserves} the keys of a batch, writes the
 * batch, and the store makes the reserved keys durable in the same transaction; if the transaction fails,
 * the engine {@linkplain #releaseReserved releases} them so the records can come again.
 * Implementations are used by one writer thread at a time.
 */
public interface IdempotencyStore {

    /**
     * Reserves a key for the current transaction.
     *
     * @return {@code false} when the key is already known (committed earlier, or reserved in this
     *         transaction): the record is a duplicate and must be skipped
     */
    boolean reserve(IdempotencyKey key);

    /** Whether the key is known (committed or reserved). */
    boolean contains(IdempotencyKey key);

    /** Forgets the keys reserved since the last commit, after the transaction was rolled back. */
    void releaseReserved();

    /** How many keys are known. */
    long size();
}
