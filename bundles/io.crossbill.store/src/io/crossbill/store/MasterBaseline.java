package io.crossbill.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last agreed value of each master-data field of a customer, as of the last sync. A field that differs
 * from it on both sides has been changed on both sides: a conflict survivorship may not decide silently.
 */
public final class MasterBaseline {
    private final EngineDatabase db;

    MasterBaseline(EngineDatabase db) {
        this.db = db;
    }

    /** The agreed fields of a customer (empty before its first sync). */
    public Map<String, String> of(String customerKey) {
        return db.inTransaction(() -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT field, field_value FROM master_baseline"
                    + " WHERE customer_key = ? ORDER BY field")) {
                ps.setString(1, customerKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /** Records the agreed value of fields of a customer. */
    public void agree(String customerKey, Map<String, String> fields, Instant now) {
        db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("MERGE INTO master_baseline (customer_key,"
                    + " field, field_value, synced_at) KEY (customer_key, field) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, String> f : fields.entrySet()) {
                    ps.setString(1, customerKey);
                    ps.setString(2, f.getKey());
                    ps.setString(3, Sagas.clip(f.getValue(), 1000));
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }
}
