package io.crossbill.store;

import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.store.internal.H2Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The inbox: every record received, stored first, exactly as it came. Rows get sequential ids from the
 * single writer; inserts are batched and flushed at commit.
 */
public final class Inbox implements TransactionParticipant {

    /** What was stored about a received record. */
    public record Row(long id, String system, String entity, String externalId, String sourceVersion,
            boolean versionIsHash, IdempotencyKey key, String lineageId, java.time.Instant receivedAt,
            byte[] payload) {
    }

    private record Pending(long id, RecordEnvelope envelope, IdempotencyKey key, boolean versionIsHash) {
    }

    private final EngineDatabase db;
    private final IdempotencyKeys keys;
    private final RowBuffer<Pending> rows = new RowBuffer<>("INSERT INTO inbox (id, system_name, entity, external_id,"
            + " source_version, version_is_hash, key_high, key_low, lineage_id, received_at, payload) VALUES ", 11,
            this::bind);
    /** String columns: 0 system, 1 entity, 2 lineage. */
    private final H2Values values = new H2Values(3);
    private long nextId;
    private long firstIdOfTransaction;

    Inbox(EngineDatabase db, IdempotencyKeys keys) {
        this.db = db;
        this.keys = keys;
        this.nextId = db.inTransaction(() -> maxId(db.writer()) + 1);
        this.firstIdOfTransaction = nextId;
    }

    private static long maxId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM inbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Appends a received record unless the same version was taken in before (written at commit).
     *
     * @param envelope   the record; its {@code sourceVersion} must be set (the engine puts the content hash
     *                   there when the source has none)
     * @param key        its idempotency key, {@link IdempotencyKey#of} of system, external id and version
     * @param versionIsHash whether the version is a content hash rather than the source's own
     * @return the inbox id, or empty when the record is a duplicate (nothing is written)
     */
    public Optional<Long> append(RecordEnvelope envelope, IdempotencyKey key, boolean versionIsHash) {
        long id = appendOrMinusOne(envelope, key, versionIsHash);
        return id < 0 ? Optional.empty() : Optional.of(id);
    }

    /** As {@link #append}, without boxing for the hot path: returns -1 for a duplicate. */
    public long appendOrMinusOne(RecordEnvelope envelope, IdempotencyKey key, boolean versionIsHash) {
        if (envelope.sourceVersion() == null) {
            throw new IllegalArgumentException("the envelope has no version; use its content hash");
        }
        if (!db.inTransactionOnThisThread()) {
            return db.inTransaction(() -> appendOrMinusOne(envelope, key, versionIsHash));
        }
        if (!keys.reserve(key)) {
            return -1L;
        }
        long id = nextId++;
        rows.add(new Pending(id, envelope, key, versionIsHash));
        return id;
    }

    private void bind(PreparedStatement ps, int o, Pending p) throws SQLException {
        RecordEnvelope e = p.envelope();
        ps.setLong(o + 1, p.id());
        ps.setObject(o + 2, values.varchar(0, e.system()));
        ps.setObject(o + 3, values.varchar(1, e.entity()));
        ps.setString(o + 4, e.externalId());
        ps.setString(o + 5, e.sourceVersion());
        ps.setBoolean(o + 6, p.versionIsHash());
        ps.setLong(o + 7, p.key().high());
        ps.setLong(o + 8, p.key().low());
        ps.setObject(o + 9, values.varchar(2, e.lineageId()));
        ps.setObject(o + 10, values.timestamp(e.receivedAt()));
        // the envelope's payload is not copied and nobody changes it (RecordEnvelope's contract)
        ps.setObject(o + 11, H2Values.bytesNoCopy(e.payload()));
    }

    /** Reads one inbox row. */
    public Optional<Row> get(long id) {
        return db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT id, system_name, entity, external_id,"
                    + " source_version, version_is_hash, key_high, key_low, lineage_id, received_at, payload"
                    + " FROM inbox WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Row>empty();
                    }
                    return Optional.of(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6), new IdempotencyKey(rs.getLong(7), rs.getLong(8)),
                            rs.getString(9) != null ? rs.getString(9) : Long.toString(rs.getLong(1)),
                            rs.getTimestamp(10).toInstant(), rs.getBytes(11)));
                }
            }
        });
    }

    /** How many records the inbox holds. */
    public long count() {
        return db.inTransaction(() -> {
            try (Statement s = db.writer().createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM inbox")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void beforeCommit(Connection connection) throws SQLException {
        rows.flush(connection);
    }

    @Override
    public void afterCommit() {
        firstIdOfTransaction = nextId;
    }

    @Override
    public void afterRollback() {
        rows.discard();
        nextId = firstIdOfTransaction;
    }
}
