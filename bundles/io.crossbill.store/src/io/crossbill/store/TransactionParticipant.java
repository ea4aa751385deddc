package io.crossbill.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Something that holds per-transaction state on the writer connection: pending JDBC batches, reserved
 * keys, the audit chain's tail. {@link EngineDatabase} calls it around every commit and rollback.
 */
interface TransactionParticipant {

    /** Writes what is pending; runs inside the transaction, just before commit. */
    void beforeCommit(Connection connection) throws SQLException;

    /** The transaction committed. */
    void afterCommit();

    /** The transaction rolled back: forget what was pending. */
    void afterRollback();
}
