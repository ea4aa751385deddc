package io.crossbill.delivery.store;

import io.crossbill.store.EngineDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Puts outbox entries that a killed process had claimed back to pending, counting one attempt for each,
 * because its write may have reached the target: the next delivery then re-sends with the same
 * idempotency key, or looks the record up first where the target has no such key.
 * <p>
 * A stop-gap: the store's {@code Outbox} has no way yet to hand out claimed entries after a restart, so
 * this opens the database file directly, before {@link EngineDatabase#open} does (H2 lets one process
 * have the file). It belongs in the store, run when the database is opened.
 */
public final class InDoubtRecovery {

    private InDoubtRecovery() {
    }

    /**
     * @param workspace the folder holding {@code crossbill.mv.db}; nothing happens when there is no database
     * @return how many entries were put back
     */
    public static int requeue(Path workspace) throws SQLException {
        Path folder = workspace.toAbsolutePath().normalize();
        if (!Files.exists(folder.resolve(EngineDatabase.DATABASE_NAME + ".mv.db"))) {
            return 0;
        }
        String url = "jdbc:h2:file:" + folder.resolve(EngineDatabase.DATABASE_NAME) + ";IFEXISTS=TRUE";
        try (Connection c = new org.h2.Driver().connect(url, new Properties())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (!s.executeQuery("SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) = 'OUTBOX'")
                        .next()) {
                    return 0;
                }
                int n = s.executeUpdate("UPDATE outbox SET state = 'PENDING', attempts = attempts + 1"
                        + " WHERE state = 'CLAIMED'");
                c.commit();
                return n;
            }
        }
    }
}
