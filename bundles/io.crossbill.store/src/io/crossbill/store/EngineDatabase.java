package io.crossbill.store;

import io.crossbill.store.internal.SchemaMigrator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine's database: one H2 file, {@code <workspace>/crossbill.mv.db}, opened by one process at a
 * time (H2 locks the file) and written through one connection, the single writer.
 * <p>
 * All writes happen in {@link #inTransaction transactions}; the tables' objects ({@link #inbox()},
 * {@link #outbox()}, ...) batch their inserts and flush them just before the commit, so a batch of
 * records costs a handful of JDBC round trips. Methods are safe to call from several threads; transactions
 * are serialised by a fair lock, so a thread that commits batch after batch (ingest) cannot starve the
 * others (delivery workers recording their outcomes): whoever waits longest goes next.
 * <p>
 * At open, outbox entries that a dead process had claimed are put back to pending
 * ({@link Outbox#requeueInDoubt()}).
 * <p>
 * Durability: the database is opened with {@code WRITE_DELAY=0}, so every commit is written to the file
 * (handed to the operating system) before {@code commit()} returns. A committed transaction therefore
 * survives the Crossbill process being killed; it does not survive a power failure or kernel crash that
 * happens before the operating system writes its cache out, because H2 does not fsync on commit. H2's
 * default (a background writer every 500 ms) would lose up to the last half second of commits even on a
 * plain process kill. Either way a transaction is lost or kept as a whole: inbox rows, outbox rows and
 * idempotency keys of a batch can never part company.
 */
public final class EngineDatabase implements AutoCloseable {

    /** File name of the database inside the workspace folder (H2 appends {@code .mv.db}). */
    public static final String DATABASE_NAME = "crossbill";

    static {
        configureH2();
    }

    /**
     * Turns off H2's value cache ({@code h2.objectCache}) unless the JVM was told otherwise. The cache hashes
     * every string and byte array a statement binds (payloads included) in the hope of sharing equal values;
     * for an append-mostly engine that is a quarter of the writer's time and no gain. H2 reads the property
     * once, when its first class loads, so this runs before the engine touches H2 and whoever opens H2
     * connections before that (the benchmark's baseline) calls it first. Idempotent.
     */
    public static void configureH2() {
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    /** The first bytes of every H2 MVStore file. */
    private static final byte[] H2_FILE_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

    /** Work run inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private final Path file;
    private final Connection writer;
    private final IdempotencyKeys keys;
    private final Inbox inbox;
    private final Outbox outbox;
    private final ExceptionQueue exceptions;
    private final AuditTrail audit;
    private final MetricsLog metrics;
    private final Sagas sagas;
    private final CrossReferences xrefs;
    private final BillingLedger ledger;
    private final MasterBaseline baseline;
    private List<TransactionParticipant> participants = List.of();
    private final int schemaVersion;
    /** Serialises transactions; fair, so that a busy writer hands over to waiting threads between batches. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private int depth;
    private boolean closed;

    private EngineDatabase(Path file, Connection writer, int schemaVersion) throws SQLException {
        this.file = file;
        this.writer = writer;
        this.schemaVersion = schemaVersion;
        // the table objects load their state (keys, id counters, audit tail) in transactions of their own
        this.keys = new IdempotencyKeys(this);
        this.inbox = new Inbox(this, keys);
        this.outbox = new Outbox(this);
        this.audit = new AuditTrail(this);
        this.exceptions = new ExceptionQueue(this, audit);
        this.metrics = new MetricsLog(this);
        this.sagas = new Sagas(this);
        this.xrefs = new CrossReferences(this);
        this.ledger = new BillingLedger(this);
        this.baseline = new MasterBaseline(this);
        // order matters: rows first, then the keys that protect them, then the audit entry that tells of them
        this.participants = List.of(inbox, outbox, keys, exceptions, metrics, audit);
        // H2 lets one process have the file: whatever is still claimed was claimed by a process that died
        outbox.requeueAtOpen();
    }

    /**
     * Opens (or creates) the database in a workspace folder and brings its schema up to date.
     *
     * @throws StoreException naming the file when it is not a Crossbill database, is damaged, is in use by
     *                        another process, or was written by a newer Crossbill
     */
    public static EngineDatabase open(Path workspace) {
        Path folder = workspace.toAbsolutePath().normalize();
        Path file = folder.resolve(DATABASE_NAME + ".mv.db");
        if (folder.toString().contains(";")) {
            throw new StoreException(file, "The workspace path " + folder + " contains ';', which the H2 database"
                    + " URL cannot carry. Choose a workspace folder without ';'.", null);
        }
        checkHeader(file);
        boolean existed = Files.exists(file);
        if (existed) {
            checkReadable(folder, file);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException(file, "Cannot create the workspace folder " + folder + ": " + e.getMessage(), e);
        }
        Connection connection = connect(folder, file);
        try {
            connection.setAutoCommit(false);
            int version = new SchemaMigrator(connection, file, existed).migrate();
            return new EngineDatabase(file, connection, version);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw translate(file, "Cannot prepare the Crossbill database", e);
        }
    }

    /** The database file, {@code <workspace>/crossbill.mv.db}. */
    public Path file() {
        return file;
    }

    /** The schema version after migration. */
    public int schemaVersion() {
        return schemaVersion;
    }

    public Inbox inbox() {
        return inbox;
    }

    public Outbox outbox() {
        return outbox;
    }

    public IdempotencyKeys idempotencyKeys() {
        return keys;
    }

    public ExceptionQueue exceptions() {
        return exceptions;
    }

    public AuditTrail audit() {
        return audit;
    }

    /** The workflows' sagas, runs and controls. */
    public Sagas sagas() {
        return sagas;
    }

    /** Cross-references between the systems' ids. */
    public CrossReferences xrefs() {
        return xrefs;
    }

    /** What was billed, on which invoice line. */
    public BillingLedger ledger() {
        return ledger;
    }

    /** The last agreed customer master data. */
    public MasterBaseline baseline() {
        return baseline;
    }

    public MetricsLog metrics() {
        return metrics;
    }

    /**
     * Runs work in one transaction on the writer connection and commits it, flushing the batched inserts
     * of inbox, outbox, keys, exceptions, metrics and audit first. Nested calls join the outer
     * transaction. On any failure everything is rolled back (including reserved keys) and the failure is
     * rethrown as a {@link StoreException}.
     */
    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            return inTransactionLocked(work);
        } finally {
            lock.unlock();
        }
    }

    private <T> T inTransactionLocked(Work<T> work) {
        checkOpen();
        if (depth > 0) {
            depth++;
            try {
                return work.run();
            } catch (SQLException e) {
                throw translate(file, "A database operation failed", e);
            } finally {
                depth--;
            }
        }
        depth = 1;
        try {
            T result = work.run();
            for (TransactionParticipant p : participants) {
                p.beforeCommit(writer);
            }
            writer.commit();
            for (TransactionParticipant p : participants) {
                p.afterCommit();
            }
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollback();
            if (e instanceof StoreException se) {
                throw se;
            }
            if (e instanceof Error err) {
                throw err;
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw translate(file, "A database transaction failed and was rolled back", e);
        } finally {
            depth = 0;
        }
    }

    /** Runs work in a transaction, for work without a result. */
    public void inTransaction(SqlRunnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Work without a result. */
    @FunctionalInterface
    public interface SqlRunnable {
        void run() throws SQLException;
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the participants still forget their state
        }
        for (TransactionParticipant p : participants) {
            p.afterRollback();
        }
    }

    /**
     * Whether the calling thread is inside {@link #inTransaction}: the table objects' hot-path methods then
     * add to the running transaction directly instead of going through {@code inTransaction} again.
     */
    boolean inTransactionOnThisThread() {
        return lock.isHeldByCurrentThread() && depth > 0;
    }

    /** The writer connection; only for the store's own table objects, inside a transaction. */
    Connection writer() {
        if (depth == 0) {
            throw new IllegalStateException("database work outside a transaction; use inTransaction");
        }
        return writer;
    }

    /** Closes the database. H2 writes its remaining pages and releases the file lock. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (Statement s = writer.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw translate(file, "Closing the Crossbill database failed", e);
            } finally {
                closeQuietly(writer);
            }
        } finally {
            lock.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the Crossbill database " + file + " is closed");
        }
    }

    /**
     * Refuses a file that exists but is not an H2 database, before H2 gets a chance to touch it. The bytes
     * are the user's; the error names the file and the file stays as it is.
     */
    private static void checkHeader(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        byte[] head = new byte[H2_FILE_HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException(file, "Cannot read the Crossbill database " + file + ": " + e.getMessage(), e);
        }
        if (n < head.length || !java.util.Arrays.equals(head, H2_FILE_HEADER)) {
            throw new StoreException(file, "The file " + file + " is not a Crossbill database (it has no H2"
                    + " database header; it may be damaged or a different kind of file). It was left untouched;"
                    + " move it away or choose another workspace.", null);
        }
    }

    /**
     * Opens an existing file read-only first. H2 opens a file whose chunks it cannot read as an empty
     * database and then writes a fresh one over it; read-only it cannot, so damage shows up here as a
     * failure or as a database without Crossbill's schema history, and the user's file stays as it is.
     */
    private static void checkReadable(Path folder, Path file) {
        String url = "jdbc:h2:file:" + folder.resolve(DATABASE_NAME) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        boolean crossbill;
        try (Connection c = new org.h2.Driver().connect(url, new Properties());
                Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE UPPER(table_schema) = 'PUBLIC' AND UPPER(table_name) IN ('SCHEMA_HISTORY', 'INBOX')")) {
            rs.next();
            crossbill = rs.getInt(1) == 2;
            boolean anyTables;
            try (java.sql.ResultSet all = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE UPPER(table_schema) = 'PUBLIC'")) {
                all.next();
                anyTables = all.getInt(1) > 0;
            }
            if (!crossbill && anyTables) {
                throw new StoreException(file, "The file " + file + " is an H2 database but not a Crossbill database"
                        + " (it has tables but no Crossbill schema). It was left untouched; choose another workspace.",
                        null);
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1
                    || e.getErrorCode() == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw translate(file, "Cannot open the Crossbill database", e);
            }
            crossbill = false;
        }
        if (!crossbill) {
            throw new StoreException(file, "The Crossbill database " + file + " is damaged: it holds no readable"
                    + " Crossbill data. It was left untouched; restore it from a backup or move it away and start"
                    + " with an empty workspace.", null);
        }
    }

    private static Connection connect(Path folder, Path file) {
        String url = "jdbc:h2:file:" + folder.resolve(DATABASE_NAME)
                // each commit is written to the file before commit() returns; see the class comment
                + ";WRITE_DELAY=0"
                // page cache in KB: 64 MB keeps the hot right edges of the tables and the exception indexes
                + ";CACHE_SIZE=" + Integer.getInteger("crossbill.h2.cacheKb", 16384)
                // the owner closes the database (bundle stop, CLI exit); no JVM shutdown hook inside OSGi
                + ";DB_CLOSE_ON_EXIT=FALSE";
        try {
            // DriverManager cannot see bundle class loaders inside OSGi, so the driver is used directly
            Connection c = new org.h2.Driver().connect(url, new Properties());
            if (c == null) {
                throw new SQLException("the H2 driver did not accept the URL " + url);
            }
            return c;
        } catch (SQLException e) {
            throw translate(file, "Cannot open the Crossbill database", e);
        }
    }

    /** Turns an H2 error into a message that names the file and says what it means. */
    static StoreException translate(Path file, String what, Throwable e) {
        int code = e instanceof SQLException se ? se.getErrorCode() : 0;
        String message = switch (code) {
            case org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1 ->
                "The Crossbill database " + file + " is in use by another process (another Crossbill window or"
                        + " command?). Close it there and try again.";
            case org.h2.api.ErrorCode.FILE_CORRUPTED_1 ->
                "The Crossbill database " + file + " is damaged and cannot be read. It was left untouched;"
                        + " restore it from a backup or move it away.";
            case org.h2.api.ErrorCode.FILE_VERSION_ERROR_1 ->
                "The Crossbill database " + file + " was written by an H2 version this Crossbill cannot read.";
            case org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD ->
                "The file " + file + " is an H2 database of someone else (it needs a different user or password);"
                        + " it is not a Crossbill database.";
            default -> what + " (" + file + "): " + firstLine(e.getMessage());
        };
        return new StoreException(file, message, e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }
}
