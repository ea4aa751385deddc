package io.crossbill.store;

import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.IdempotencyStore;
import io.crossbill.store.internal.KeyDigestSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The durable idempotency keys of everything taken into the inbox.
 * <p>
 * The hot path never touches an index on disk: all keys live in memory as 128-bit digests in a
 * {@link KeyDigestSet} owned by the single writer, and the keys reserved during a transaction are written
 * as one row of packed digests ({@code idempotency_key_block}) in that same transaction, so they become
 * durable exactly when the rows they protect do. At open the set is rebuilt by one sequential scan of
 * that table (16 bytes a key; about 16 MB for a million keys).
 */
public final class IdempotencyKeys implements IdempotencyStore, TransactionParticipant {

    private final EngineDatabase db;
    private final KeyDigestSet known;
    private long[] pending = new long[2 * 1024];
    private int pendingCount;
    private long nextBlockId;
    private PreparedStatement insertBlock;

    IdempotencyKeys(EngineDatabase db) throws SQLException {
        this.db = db;
        this.known = new KeyDigestSet(1 << 16);
        db.inTransaction(this::load);
    }

    private void load() throws SQLException {
        long maxId = 0;
        try (Statement s = db.writer().createStatement();
                ResultSet rs = s.executeQuery("SELECT id, key_count, digests FROM idempotency_key_block ORDER BY id")) {
            while (rs.next()) {
                maxId = rs.getLong(1);
                int count = rs.getInt(2);
                byte[] digests = rs.getBytes(3);
                for (int i = 0; i < count; i++) {
                    known.add(readLong(digests, 16 * i), readLong(digests, 16 * i + 8));
                }
            }
        }
        nextBlockId = maxId + 1;
    }

    @Override
    public boolean reserve(IdempotencyKey key) {
        if (!known.add(key.high(), key.low())) {
            return false;
        }
        if (2 * pendingCount + 2 > pending.length) {
            pending = Arrays.copyOf(pending, pending.length * 2);
        }
        pending[2 * pendingCount] = key.high();
        pending[2 * pendingCount + 1] = key.low();
        pendingCount++;
        return true;
    }

    @Override
    public boolean contains(IdempotencyKey key) {
        return known.contains(key.high(), key.low());
    }

    @Override
    public void releaseReserved() {
        for (int i = 0; i < pendingCount; i++) {
            known.remove(pending[2 * i], pending[2 * i + 1]);
        }
        pendingCount = 0;
    }

    @Override
    public long size() {
        return known.size();
    }

    @Override
    public void beforeCommit(Connection connection) throws SQLException {
        if (pendingCount == 0) {
            return;
        }
        byte[] digests = new byte[16 * pendingCount];
        for (int i = 0; i < 2 * pendingCount; i++) {
            writeLong(digests, 8 * i, pending[i]);
        }
        if (insertBlock == null) {
            insertBlock = connection.prepareStatement(
                    "INSERT INTO idempotency_key_block (id, key_count, digests) VALUES (?, ?, ?)");
        }
        insertBlock.setLong(1, nextBlockId);
        insertBlock.setInt(2, pendingCount);
        insertBlock.setBytes(3, digests);
        insertBlock.executeUpdate();
    }

    @Override
    public void afterCommit() {
        if (pendingCount > 0) {
            nextBlockId++;
        }
        pendingCount = 0;
    }

    @Override
    public void afterRollback() {
        releaseReserved();
    }

    private static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    private static void writeLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (56 - 8 * i));
        }
    }
}
