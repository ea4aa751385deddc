package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseFileTest {

    @TempDir
    Path workspace;

    @Test
    void garbageWhereTheDatabaseShouldBeIsRefusedByNameAndLeftUntouched() throws Exception {
        Path file = workspace.resolve("crossbill.mv.db");
        byte[] garbage = new byte[64 * 1024];
        new Random(3).nextBytes(garbage);
        Files.write(file, garbage);
        FileTime modified = Files.getLastModifiedTime(file);

        StoreException e = assertThrows(StoreException.class, () -> EngineDatabase.open(workspace));

        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a Crossbill database"), e.getMessage());
        assertEquals(file.toAbsolutePath(), e.file());
        assertArrayEquals(garbage, Files.readAllBytes(file));
        assertEquals(modified, Files.getLastModifiedTime(file));
    }

    @Test
    void damagedH2FileIsRefusedByNameAndNotRecreated() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            db.audit().append("test", "marker", "x", null);
        }
        Path file = workspace.resolve("crossbill.mv.db");
        byte[] bytes = Files.readAllBytes(file);
        // keep H2's header, wreck everything after the first 4 KB block
        for (int i = 4096; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);

        StoreException e = assertThrows(StoreException.class, () -> EngineDatabase.open(workspace));

        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void anotherApplicationsH2DatabaseIsRefused() throws Exception {
        try (Connection c = StoreTestSupport.rawConnection(workspace); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100))");
            s.execute("INSERT INTO customers VALUES (1, 'Acme')");
        }
        Path file = workspace.resolve("crossbill.mv.db").toAbsolutePath();

        StoreException e = assertThrows(StoreException.class, () -> EngineDatabase.open(workspace));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a Crossbill database"), e.getMessage());
    }
}
