package io.crossbill.store.internal;

import io.crossbill.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the SQL scripts listed in {@code db/migration/migrations.list} in order, each once, and records
 * them in {@code schema_history} with a checksum.
 * <p>
 * Why not Flyway: Flyway finds its database support and resolvers through {@code java.util.ServiceLoader},
 * which inside OSGi sees only the Flyway bundle's own class loader unless SPI Fly weaves it, and it lists
 * migration folders by scanning the class path, which a bundle class loader does not offer. Thirty lines of
 * migrator avoid both problems; the file naming ({@code V<n>__<description>.sql}) stays Flyway's, so a
 * later switch is possible.
 */
public final class SchemaMigrator {

    private static final String LIST = "/db/migration/migrations.list";

    private final Connection connection;
    private final Path file;
    private final boolean fileExisted;

    public SchemaMigrator(Connection connection, Path file, boolean fileExisted) {
        this.connection = connection;
        this.file = file;
        this.fileExisted = fileExisted;
    }

    /** A migration script: version, description, resource name, text. */
    record Script(int version, String description, String name, String sql, String checksum) {
    }

    /** Brings the schema up to date; returns the schema version. */
    public int migrate() throws SQLException {
        List<Script> scripts = loadScripts();
        boolean hasHistory = tableExists("SCHEMA_HISTORY");
        if (!hasHistory && fileExisted && hasOtherTables()) {
            throw new StoreException(file, "The file " + file + " is an H2 database but not a Crossbill database"
                    + " (it has tables but no Crossbill schema history). It was left untouched; choose another"
                    + " workspace.", null);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_history ("
                    + " version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL,"
                    + " script VARCHAR(200) NOT NULL,"
                    + " checksum CHAR(64) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " duration_ms BIGINT NOT NULL)");
        }
        connection.commit();
        Map<Integer, String> applied = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, checksum FROM schema_history ORDER BY version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        int known = scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
        for (int version : applied.keySet()) {
            if (version > known) {
                throw new StoreException(file, "The Crossbill database " + file + " has schema version " + version
                        + ", newer than this Crossbill knows (" + known + "). Use a newer Crossbill.", null);
            }
        }
        int current = 0;
        for (Script script : scripts) {
            String checksum = applied.get(script.version());
            if (checksum != null) {
                if (!checksum.equals(script.checksum())) {
                    throw new StoreException(file, "Migration " + script.name() + " was changed after it was applied"
                            + " to " + file + " (checksum differs). Released migrations must not change.", null);
                }
            } else {
                apply(script);
            }
            current = script.version();
        }
        return current;
    }

    private void apply(Script script) throws SQLException {
        long start = System.nanoTime();
        // H2 commits DDL implicitly, so a failing script can leave part of it behind; scripts are small
        // and each is recorded only when all of it ran.
        try (Statement s = connection.createStatement()) {
            for (String statement : statements(script.sql())) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            connection.rollback();
            throw new StoreException(file, "Migration " + script.name() + " failed on " + file + ": "
                    + e.getMessage(), e);
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO schema_history (version, description, script, checksum, applied_at, duration_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, script.version());
            ps.setString(2, script.description());
            ps.setString(3, script.name());
            ps.setString(4, script.checksum());
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.setLong(6, (System.nanoTime() - start) / 1_000_000);
            ps.executeUpdate();
        }
        connection.commit();
    }

    /** Splits a script at semicolons that end a line; strips {@code --} comment lines. */
    static List<String> statements(String sql) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                result.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    static List<Script> loadScripts() {
        List<Script> scripts = new ArrayList<>();
        for (String line : read(LIST).split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!name.matches("V\\d+__\\w+\\.sql")) {
                throw new IllegalStateException("bad migration name in " + LIST + ": " + name);
            }
            int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
            String description = name.substring(name.indexOf("__") + 2, name.length() - 4).replace('_', ' ');
            String sql = read("/db/migration/" + name);
            if (!scripts.isEmpty() && version <= scripts.get(scripts.size() - 1).version()) {
                throw new IllegalStateException("migrations out of order in " + LIST + ": " + name);
            }
            scripts.add(new Script(version, description, name, sql, sha256(sql)));
        }
        return scripts;
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " in the io.crossbill.store bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean tableExists(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE UPPER(table_name) = ? AND UPPER(table_schema) = 'PUBLIC'")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private boolean hasOtherTables() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE UPPER(table_schema) = 'PUBLIC'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
