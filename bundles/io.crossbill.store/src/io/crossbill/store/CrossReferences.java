package io.crossbill.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cross-references: the id of one business object (a customer, a project, a deal) in each system, keyed by
 * our key for it. Lets a workflow find the ERP customer of a CRM company without searching by name.
 */
public final class CrossReferences {
    private final EngineDatabase db;

    CrossReferences(EngineDatabase db) {
        this.db = db;
    }

    /** The object's id in {@code system}, if known. */
    public Optional<String> find(String entity, String ourKey, String system) {
        return db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT their_id FROM xref WHERE entity = ?"
                    + " AND our_key = ? AND system_name = ?")) {
                ps.setString(1, entity);
                ps.setString(2, ourKey);
                ps.setString(3, system);
                try (ResultSet rs = ps.executeQuery()) {
                    return Optional.ofNullable(rs.next() ? rs.getString(1) : null);
                }
            }
        });
    }

    /** Our key of the object that has id {@code theirId} in {@code system}, if known. */
    public Optional<String> ourKey(String entity, String system, String theirId) {
        return db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT our_key FROM xref WHERE entity = ?"
                    + " AND system_name = ? AND their_id = ?")) {
                ps.setString(1, entity);
                ps.setString(2, system);
                ps.setString(3, theirId);
                try (ResultSet rs = ps.executeQuery()) {
                    return Optional.ofNullable(rs.next() ? rs.getString(1) : null);
                }
            }
        });
    }

    /** Records (or moves) the object's id in {@code system}. */
    public void put(String entity, String ourKey, String system, String theirId, Instant now) {
        db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("MERGE INTO xref (entity, our_key, system_name,"
                    + " their_id, updated_at) KEY (entity, our_key, system_name) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, entity);
                ps.setString(2, ourKey);
                ps.setString(3, system);
                ps.setString(4, theirId);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.executeUpdate();
            }
        });
    }

    /** Every id of one object, by system. */
    public Map<String, String> all(String entity, String ourKey) {
        return db.inTransaction(() -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT system_name, their_id FROM xref"
                    + " WHERE entity = ? AND our_key = ? ORDER BY system_name")) {
                ps.setString(1, entity);
                ps.setString(2, ourKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }
}
