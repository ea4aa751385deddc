package io.crossbill.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The append-only audit trail. Each entry stores the previous entry's hash and its own SHA-256 hash over
 * its fields and that previous hash, so changing, removing or reordering an entry breaks the chain at that
 * entry and {@link #verify()} names it.
 * <p>
 * Granularity: every human action is one entry; automated writes are audited per committed batch (one
 * entry says which inbox and outbox id range a batch wrote), so that a million records do not cost a
 * million hash-chained rows on the hot path.
 */
public final class AuditTrail implements TransactionParticipant {

    /** Hash that the first entry chains to. */
    public static final String GENESIS = "0".repeat(64);

    /** One audit entry. */
    public record Entry(long seq, Instant at, String actor, String action, String subject, String detail,
            String previousHash, String hash) {
    }

    /** The result of {@link #verify()}. */
    public record Verification(boolean intact, long entriesChecked, long firstBrokenSeq, String problem) {
        /** A line for the command line and the UI. */
        public String describe() {
            return intact ? "audit trail intact: " + entriesChecked + " entries verified"
                    : "audit trail broken at entry " + firstBrokenSeq + ": " + problem;
        }
    }

    private final EngineDatabase db;
    private long lastSeq;
    private String lastHash;
    private long committedSeq;
    private String committedHash;
    private PreparedStatement insert;

    AuditTrail(EngineDatabase db) {
        this.db = db;
        db.inTransaction(() -> {
            try (Statement s = db.writer().createStatement();
                    ResultSet rs = s.executeQuery("SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC"
                            + " FETCH FIRST 1 ROWS ONLY")) {
                if (rs.next()) {
                    lastSeq = rs.getLong(1);
                    lastHash = rs.getString(2);
                } else {
                    lastSeq = 0;
                    lastHash = GENESIS;
                }
            }
        });
        committedSeq = lastSeq;
        committedHash = lastHash;
    }

    /**
     * Appends an entry (in the current transaction, or in one of its own).
     *
     * @param actor   {@code engine} for automated writes, the user's name for human actions
     * @param action  e.g. {@code ingest.batch}, {@code exception.resolve}
     * @param subject what it concerns, e.g. {@code exception:42}, {@code inbox:1-5000}
     * @param detail  free text; may be {@code null}
     * @return the entry's sequence number
     */
    public long append(String actor, String action, String subject, String detail) {
        return db.inTransaction(() -> {
            if (insert == null) {
                insert = db.writer().prepareStatement("INSERT INTO audit_log (seq, at, actor, action, subject, detail,"
                        + " prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            }
            // stored with microsecond precision, so the hash is over the value that can be read back
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            long seq = lastSeq + 1;
            String hash = hash(seq, at, actor, action, subject, detail, lastHash);
            insert.setLong(1, seq);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setString(3, actor);
            insert.setString(4, action);
            insert.setString(5, subject);
            insert.setString(6, detail);
            insert.setString(7, lastHash);
            insert.setString(8, hash);
            insert.executeUpdate();
            lastSeq = seq;
            lastHash = hash;
            return seq;
        });
    }

    /** Walks the whole chain in order and reports the first entry that does not verify. */
    public Verification verify() {
        return db.inTransaction(() -> {
            long checked = 0;
            long expectedSeq = 1;
            String previous = GENESIS;
            try (Statement s = db.writer().createStatement();
                    ResultSet rs = s.executeQuery("SELECT seq, at, actor, action, subject, detail, prev_hash,"
                            + " entry_hash FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    Entry e = new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
                    if (e.seq() != expectedSeq) {
                        return new Verification(false, checked, e.seq(), "entry " + expectedSeq
                                + " is missing (the chain jumps from " + (expectedSeq - 1) + " to " + e.seq() + ")");
                    }
                    if (!e.previousHash().equals(previous)) {
                        return new Verification(false, checked, e.seq(), "it does not chain to the entry before it"
                                + " (an entry before it was changed or removed)");
                    }
                    String recomputed = hash(e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.detail(),
                            e.previousHash());
                    if (!recomputed.equals(e.hash())) {
                        return new Verification(false, checked, e.seq(), "its content does not match its hash"
                                + " (the entry was changed after it was written)");
                    }
                    previous = e.hash();
                    expectedSeq++;
                    checked++;
                }
            }
            return new Verification(true, checked, 0, null);
        });
    }

    /** The number of the last entry. */
    public long lastSeq() {
        return lastSeq;
    }

    static String hash(long seq, Instant at, String actor, String action, String subject, String detail,
            String previousHash) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // length-prefixed fields: no two different entries encode to the same bytes
        field(sha, Long.toString(seq));
        field(sha, Long.toString(at.getEpochSecond()) + "." + at.getNano());
        field(sha, actor);
        field(sha, action);
        field(sha, subject);
        field(sha, detail);
        field(sha, previousHash);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String value) {
        if (value == null) {
            sha.update((byte) 0xFF);
            return;
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (b.length >>> 24));
        sha.update((byte) (b.length >>> 16));
        sha.update((byte) (b.length >>> 8));
        sha.update((byte) b.length);
        sha.update(b);
    }

    @Override
    public void beforeCommit(Connection connection) {
        // entries are inserted as they are appended; nothing is pending
    }

    @Override
    public void afterCommit() {
        committedSeq = lastSeq;
        committedHash = lastHash;
    }

    @Override
    public void afterRollback() {
        lastSeq = committedSeq;
        lastHash = committedHash;
    }
}
