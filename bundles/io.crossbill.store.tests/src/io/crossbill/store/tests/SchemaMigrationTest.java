package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.store.EngineDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    @TempDir
    Path workspace;

    @Test
    void freshWorkspaceGetsTheDatabaseFileAndTheLatestSchemaVersion() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            assertEquals(10, db.schemaVersion());
            assertEquals(workspace.toAbsolutePath().resolve("crossbill.mv.db"), db.file());
        }
        assertTrue(Files.exists(workspace.resolve("crossbill.mv.db")));
    }

    @Test
    void migrationsRunOnceAndAreRecordedWithTheirVersion() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            db.audit().append("test", "marker", "schema", "data that a second migration run would destroy");
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            assertEquals(10, db.schemaVersion());
            assertEquals(1, db.audit().lastSeq(), "reopening kept the data instead of re-creating tables");
        }
        List<String> history = new ArrayList<>();
        try (Connection c = StoreTestSupport.rawConnection(workspace); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, script, checksum FROM schema_history ORDER BY version")) {
            while (rs.next()) {
                history.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3).length());
            }
        }
        assertEquals(List.of("1 V1__engine_tables.sql 64", "2 V2__outbox_workflow_and_business_key.sql 64",
                "3 V3__exception_outbox_id.sql 64", "4 V4__workflows.sql 64",
                "5 V5__exception_queue.sql 64", "6 V6__review.sql 64", "7 V7__design_versions.sql 64",
                "8 V8__exception_queue_speed.sql 64", "9 V9__review_notes_and_pending_replays.sql 64", "10 V10__gauges.sql 64"), history);
    }

    @Test
    void allEngineTablesExist() throws Exception {
        EngineDatabase.open(workspace).close();
        List<String> tables = new ArrayList<>();
        try (Connection c = StoreTestSupport.rawConnection(workspace); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT LOWER(table_name) FROM information_schema.tables"
                        + " WHERE table_schema = 'PUBLIC' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertEquals(List.of("audit_log", "billing_ledger", "design_version", "exception_history", "exceptions",
                "gauge_sample", "idempotency_key_block", "inbox", "master_baseline", "metrics", "outbox", "pending_replay",
                "review_annotation", "review_match_decision", "review_signoff", "saga", "saga_step", "schema_history",
                "workflow_control", "workflow_run", "xref"), tables);
    }
}
