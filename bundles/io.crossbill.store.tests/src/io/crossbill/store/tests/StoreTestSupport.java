package io.crossbill.store.tests;

import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.store.EngineDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Properties;

/** Helpers shared by the store tests. */
final class StoreTestSupport {

    private StoreTestSupport() {
    }

    static RecordEnvelope envelope(String id, String version, String json) {
        return new RecordEnvelope("xero", "TimeEntry", id, version, json.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-03-01T10:15:30Z"), null);
    }

    static IdempotencyKey keyOf(RecordEnvelope e) {
        return IdempotencyKey.of(e.system(), e.externalId(), e.sourceVersion());
    }

    /** A plain connection to a closed workspace database, to look at or tamper with it from outside. */
    static Connection rawConnection(Path workspace) throws SQLException {
        return new org.h2.Driver().connect("jdbc:h2:file:" + workspace.toAbsolutePath().resolve(
                EngineDatabase.DATABASE_NAME), new Properties());
    }
}
