package io.crossbill.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The month-end review's own records: annotations that explain breaks, sign-offs of a period, a legal entity
 * or a project (each with an optional note), and decisions on suggested matches. Rows are only ever added;
 * each write is also appended to the {@link AuditTrail} in the same transaction, so the review's history is in
 * the verified chain.
 */
public final class ReviewRecords {

    /** Why a break is there. */
    public enum Reason {
        /** Work and billing fall in different periods; it clears itself. */
        TIMING,
        /** The difference is written off on purpose. */
        WRITE_OFF,
        /** The rate changed between delivery and billing. */
        RATE_CHANGE,
        /** A mistake that needs a correction. */
        ERROR,
        /** Anything else; the note says what. */
        OTHER
    }

    /** What a sign-off covers. */
    public enum Scope {
        /** The whole period; key is the period ({@code 2026-11}). */
        PERIOD,
        /** One legal entity (customer); key is the customer key. */
        ENTITY,
        /** One project; key is the project id. */
        PROJECT
    }

    /** An explanation of a break. */
    public record Annotation(long id, YearMonth period, String breakId, Reason reason, String note, String actor,
            Instant at) {
    }

    /**
     * A sign-off.
     *
     * @param snapshotId         the snapshot the review was based on ({@code null}: a live load)
     * @param reconciliationHash a hash of the reconciliation the analyst saw (of the scope's breaks)
     * @param note               what the analyst said with the sign-off; {@code null} when nothing
     */
    public record SignOff(long id, YearMonth period, Scope scope, String key, String actor, Instant at,
            String snapshotId, String reconciliationHash, String note) {
    }

    /** The longest note kept on an annotation or a sign-off. */
    public static final int MAX_NOTE = 2000;

    /** An analyst's decision on a suggested match. */
    public record MatchDecision(YearMonth period, String suggestionId, boolean confirmed, String actor, Instant at) {
    }

    private final EngineDatabase db;

    /** The review records of an open database. */
    public ReviewRecords(EngineDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Explains a break.
     *
     * @throws IllegalArgumentException when the break id, the note or the actor is missing, or the note is
     *                                  longer than 2,000 characters
     */
    public Annotation annotate(YearMonth period, String breakId, Reason reason, String note, String actor) {
        require(breakId, "the break id");
        require(note, "a note explaining the break");
        require(actor, "who annotates");
        Objects.requireNonNull(reason, "reason");
        if (note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("The note on break " + breakId + " has " + note.length()
                    + " characters; at most 2,000 are kept. Shorten it.");
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return db.inTransaction(() -> {
            long id;
            try (PreparedStatement ps = db.writer().prepareStatement("INSERT INTO review_annotation (period, break_id,"
                    + " reason, note, actor, at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                ps.setString(1, period.toString());
                ps.setString(2, breakId);
                ps.setString(3, reason.name());
                ps.setString(4, note);
                ps.setString(5, actor);
                ps.setTimestamp(6, Timestamp.from(at));
                ps.executeUpdate();
                id = generated(ps);
            }
            db.audit().append(actor, "review.annotate", "break:" + breakId, period + " " + reason + ": " + note);
            return new Annotation(id, period, breakId, reason, note, actor, at);
        });
    }

    /** The annotations of a period, oldest first. */
    public List<Annotation> annotations(YearMonth period) {
        return db.inTransaction(() -> {
            List<Annotation> out = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT id, break_id, reason, note, actor, at"
                    + " FROM review_annotation WHERE period = ? ORDER BY id")) {
                ps.setString(1, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Annotation(rs.getLong(1), period, rs.getString(2), Reason.valueOf(rs.getString(3)),
                                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    /** The latest annotation of each annotated break of a period, by break id. */
    public Map<String, Annotation> latestAnnotations(YearMonth period) {
        Map<String, Annotation> out = new LinkedHashMap<>();
        for (Annotation a : annotations(period)) {
            out.put(a.breakId(), a);
        }
        return out;
    }

    /**
     * Signs off a period, an entity or a project, without a note.
     *
     * @see #signOff(YearMonth, Scope, String, String, String, String, String)
     */
    public SignOff signOff(YearMonth period, Scope scope, String key, String actor, String snapshotId,
            String reconciliationHash) {
        return signOff(period, scope, key, actor, snapshotId, reconciliationHash, null);
    }

    /**
     * Signs off a period, an entity or a project, with what the analyst wants to say about it. The note is
     * kept with the sign-off and written into its audit entry.
     *
     * @param key                the period, customer key or project id
     * @param snapshotId         the snapshot reviewed, or {@code null}
     * @param reconciliationHash a hash of what the analyst saw (see the review's hash of a scope)
     * @param note               a note, or {@code null} (blank counts as none; kept stripped)
     * @throws IllegalArgumentException when the key, the actor or the hash is missing, or the note is longer than
     *                                  2,000 characters
     */
    public SignOff signOff(YearMonth period, Scope scope, String key, String actor, String snapshotId,
            String reconciliationHash, String note) {
        Objects.requireNonNull(scope, "scope");
        require(key, "what is signed off (" + scope.name().toLowerCase() + ")");
        require(actor, "who signs off");
        require(reconciliationHash, "the hash of the reconciliation signed off");
        String kept = note == null || note.isBlank() ? null : note.strip();
        if (kept != null && kept.length() > MAX_NOTE) {
            throw new IllegalArgumentException("The note on the sign-off of " + scope.name().toLowerCase() + " "
                    + key + " has " + kept.length() + " characters; at most 2,000 are kept. Shorten it.");
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return db.inTransaction(() -> {
            long id;
            try (PreparedStatement ps = db.writer().prepareStatement("INSERT INTO review_signoff (period, scope,"
                    + " scope_key, actor, at, snapshot_id, recon_hash, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setString(1, period.toString());
                ps.setString(2, scope.name());
                ps.setString(3, key);
                ps.setString(4, actor);
                ps.setTimestamp(5, Timestamp.from(at));
                ps.setString(6, snapshotId);
                ps.setString(7, reconciliationHash);
                ps.setString(8, kept);
                ps.executeUpdate();
                id = generated(ps);
            }
            db.audit().append(actor, "review.signoff", scope.name().toLowerCase() + ":" + key, period
                    + " snapshot " + (snapshotId == null ? "live" : snapshotId) + " reconciliation "
                    + reconciliationHash + (kept == null ? "" : " note: " + kept));
            return new SignOff(id, period, scope, key, actor, at, snapshotId, reconciliationHash, kept);
        });
    }

    /** The sign-offs of a period, oldest first. */
    public List<SignOff> signOffs(YearMonth period) {
        return db.inTransaction(() -> {
            List<SignOff> out = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT id, scope, scope_key, actor, at,"
                    + " snapshot_id, recon_hash, note FROM review_signoff WHERE period = ? ORDER BY id")) {
                ps.setString(1, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SignOff(rs.getLong(1), period, Scope.valueOf(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
                                rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    /** The latest sign-off of one scope and key, if there is one. */
    public Optional<SignOff> latestSignOff(YearMonth period, Scope scope, String key) {
        SignOff found = null;
        for (SignOff s : signOffs(period)) {
            if (s.scope() == scope && s.key().equals(key)) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Whether what is seen now differs from what was signed off: the latest sign-off of the scope, when its
     * hash is not {@code currentHash}; empty when it was never signed off or nothing changed.
     */
    public Optional<SignOff> changedSinceSignOff(YearMonth period, Scope scope, String key, String currentHash) {
        return latestSignOff(period, scope, key).filter(s -> !s.reconciliationHash().equals(currentHash));
    }

    /** Records a decision on a suggested match (the latest decision counts). */
    public MatchDecision decide(YearMonth period, String suggestionId, boolean confirm, String actor) {
        require(suggestionId, "the suggestion id");
        require(actor, "who decides");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("INSERT INTO review_match_decision (period,"
                    + " suggestion_id, decision, actor, at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, period.toString());
                ps.setString(2, suggestionId);
                ps.setString(3, confirm ? "CONFIRMED" : "REJECTED");
                ps.setString(4, actor);
                ps.setTimestamp(5, Timestamp.from(at));
                ps.executeUpdate();
            }
            db.audit().append(actor, confirm ? "review.match.confirm" : "review.match.reject",
                    "suggestion:" + suggestionId, period.toString());
        });
        return new MatchDecision(period, suggestionId, confirm, actor, at);
    }

    /** The latest decision per suggestion of a period. */
    public List<MatchDecision> decisions(YearMonth period) {
        return db.inTransaction(() -> {
            Map<String, MatchDecision> out = new LinkedHashMap<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT suggestion_id, decision, actor, at"
                    + " FROM review_match_decision WHERE period = ? ORDER BY id")) {
                ps.setString(1, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new MatchDecision(period, rs.getString(1),
                                "CONFIRMED".equals(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()));
                    }
                }
            }
            return new ArrayList<>(out.values());
        });
    }

    private static long generated(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing " + what + ".");
        }
    }
}
