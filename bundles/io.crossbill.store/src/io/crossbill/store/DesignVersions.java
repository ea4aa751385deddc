package io.crossbill.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Every saved version of the workspace's mapping designs, as XMI text (the store knows no EMF), with who saved
 * it, why, and who approved it. Versions are numbered 1, 2, 3, ... per design name and never change once saved,
 * except that each can be approved once. Each save ({@code design.save}) and each approval
 * ({@code design.approve}) is appended to the {@link AuditTrail} in the same transaction.
 */
public final class DesignVersions {

    /** The longest comment kept with a version. */
    public static final int MAX_COMMENT = 2000;

    /**
     * One saved version.
     *
     * @param name       the design's name
     * @param version    1 for the first save of the name, then one more each save
     * @param savedAt    when it was saved
     * @param savedBy    who saved it
     * @param comment    why (may be empty)
     * @param approvedBy who approved it, or {@code null} while it is not approved
     * @param approvedAt when it was approved, or {@code null}
     * @param hash       SHA-256 of the XMI text, in hex
     */
    public record Version(String name, int version, Instant savedAt, String savedBy, String comment,
            String approvedBy, Instant approvedAt, String hash) {

        /** Whether the version was approved (and may be used by the engine). */
        public boolean approved() {
            return approvedBy != null;
        }
    }

    private static final String COLUMNS = "name, version, saved_at, saved_by, comment, approved_by, approved_at,"
            + " content_hash";

    private final EngineDatabase db;

    /** The design versions of an open database. */
    public DesignVersions(EngineDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Saves XMI text as the design's next version; when it is the same text as the latest version (same hash),
     * nothing is saved and the latest version is returned.
     *
     * @throws IllegalArgumentException when the name, the text or the actor is missing, or the comment is too long
     */
    public Version save(String name, String xmiText, String actor, String comment) {
        require(xmiText, "the design's XMI text");
        return save(name, version -> xmiText, actor, comment);
    }

    /**
     * Saves the design's next version, for text that names its own version number (a mapping design's XMI carries
     * its version): {@code xmiForVersion} is asked, inside the save's transaction, for the text as it would be
     * with the latest version's number; when that has the latest version's hash the content is unchanged and
     * nothing is saved. Otherwise it is asked for the text with the new number, which is stored.
     *
     * @throws IllegalArgumentException when the name or the actor is missing, the function gives no text, or the
     *                                  comment is longer than {@value #MAX_COMMENT} characters
     */
    public Version save(String name, IntFunction<String> xmiForVersion, String actor, String comment) {
        require(name, "the design's name");
        require(actor, "who saves the design");
        if (name.length() > 200) {
            throw new IllegalArgumentException("The design name \"" + name.substring(0, 40) + "...\" has "
                    + name.length() + " characters; at most 200 are kept. Choose a shorter name.");
        }
        Objects.requireNonNull(xmiForVersion, "xmiForVersion");
        String note = comment == null ? "" : comment.strip();
        if (note.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("The comment on design \"" + name + "\" has " + note.length()
                    + " characters; at most 2,000 are kept. Shorten it.");
        }
        return db.inTransaction(() -> {
            Optional<Version> latest = latestIn(name);
            if (latest.isPresent()) {
                String same = xmiForVersion.apply(latest.get().version());
                if (same != null && hash(same).equals(latest.get().hash())) {
                    return latest.get();
                }
            }
            int next = latest.map(v -> v.version() + 1).orElse(1);
            String xmi = xmiForVersion.apply(next);
            require(xmi, "the XMI text of design \"" + name + "\"");
            String hash = hash(xmi);
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement ps = db.writer().prepareStatement("INSERT INTO design_version (name, version, xmi,"
                    + " saved_at, saved_by, comment, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setInt(2, next);
                ps.setString(3, xmi);
                ps.setTimestamp(4, Timestamp.from(at));
                ps.setString(5, actor);
                ps.setString(6, note);
                ps.setString(7, hash);
                ps.executeUpdate();
            }
            db.audit().append(actor, "design.save", "design:" + name, "version " + next + " sha-256 " + hash
                    + (note.isEmpty() ? "" : ": " + note));
            return new Version(name, next, at, actor, note, null, null, hash);
        });
    }

    /** Every saved version of the design, newest first; empty when the name was never saved. */
    public List<Version> versions(String name) {
        return db.inTransaction(() -> {
            List<Version> out = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT " + COLUMNS + " FROM design_version"
                    + " WHERE name = ? ORDER BY version DESC")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(version(rs));
                    }
                }
            }
            return out;
        });
    }

    /** One version, if it was saved. */
    public Optional<Version> version(String name, int version) {
        return db.inTransaction(() -> versionIn(name, version));
    }

    /** The XMI text of one version, if it was saved. */
    public Optional<String> load(String name, int version) {
        return db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT xmi FROM design_version WHERE name = ?"
                    + " AND version = ?")) {
                ps.setString(1, name);
                ps.setInt(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** The latest saved version of the design, if any. */
    public Optional<Version> latest(String name) {
        return db.inTransaction(() -> latestIn(name));
    }

    /**
     * The approved version with the highest number, if any: the version the engine runs. (A version saved
     * after it is not used until it is approved too.)
     */
    public Optional<Version> latestApproved(String name) {
        return db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT " + COLUMNS + " FROM design_version"
                    + " WHERE name = ? AND approved_by IS NOT NULL ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(version(rs)) : Optional.<Version>empty();
                }
            }
        });
    }

    /**
     * Approves a saved version, recording who did and the hash of what was approved in the audit trail
     * ({@code design.approve}). Approving a version already approved changes nothing and returns it as it is.
     * Whether the design is fit to be approved is for the caller to decide (the store does not read designs).
     *
     * @throws IllegalArgumentException when the actor is missing or there is no such version (the message names
     *                                  the versions there are)
     */
    public Version approve(String name, int version, String actor) {
        require(name, "the design's name");
        require(actor, "who approves the design");
        return db.inTransaction(() -> {
            Optional<Version> found = versionIn(name, version);
            if (found.isEmpty()) {
                throw new IllegalArgumentException(noSuchVersion(name, version));
            }
            Version v = found.get();
            if (v.approved()) {
                return v;
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement ps = db.writer().prepareStatement("UPDATE design_version SET approved_by = ?,"
                    + " approved_at = ? WHERE name = ? AND version = ? AND approved_by IS NULL")) {
                ps.setString(1, actor);
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setString(3, name);
                ps.setInt(4, version);
                ps.executeUpdate();
            }
            db.audit().append(actor, "design.approve", "design:" + name, "version " + version + " sha-256 " + v.hash());
            return new Version(name, version, v.savedAt(), v.savedBy(), v.comment(), actor, at, v.hash());
        });
    }

    /** The names of every saved design, alphabetically. */
    public List<String> names() {
        return db.inTransaction(() -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT DISTINCT name FROM design_version"
                    + " ORDER BY name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The SHA-256 of a design's XMI text, in hex, as {@link Version#hash()} holds it. */
    public static String hash(String xmiText) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xmiText.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String noSuchVersion(String name, int version) throws SQLException {
        List<Integer> numbers = new ArrayList<>();
        try (PreparedStatement ps = db.writer().prepareStatement("SELECT version FROM design_version WHERE name = ?"
                + " ORDER BY version")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getInt(1));
                }
            }
        }
        return numbers.isEmpty() ? "Design \"" + name + "\" has no saved version, so version " + version
                + " cannot be approved. Save the design first."
                : "Design \"" + name + "\" has no version " + version + "; its saved versions are " + numbers + ".";
    }

    private Optional<Version> latestIn(String name) throws SQLException {
        try (PreparedStatement ps = db.writer().prepareStatement("SELECT " + COLUMNS + " FROM design_version"
                + " WHERE name = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(version(rs)) : Optional.empty();
            }
        }
    }

    private Optional<Version> versionIn(String name, int version) throws SQLException {
        try (PreparedStatement ps = db.writer().prepareStatement("SELECT " + COLUMNS + " FROM design_version"
                + " WHERE name = ? AND version = ?")) {
            ps.setString(1, name);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(version(rs)) : Optional.empty();
            }
        }
    }

    private static Version version(ResultSet rs) throws SQLException {
        Timestamp approvedAt = rs.getTimestamp(7);
        String comment = rs.getString(5);
        return new Version(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                comment == null ? "" : comment, rs.getString(6), approvedAt == null ? null : approvedAt.toInstant(),
                rs.getString(8));
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing " + what + ".");
        }
    }
}
