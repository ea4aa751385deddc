package io.crossbill.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The billing ledger: every time entry, expense and milestone that went on an invoice, with the invoice
 * line. Its primary key on the item id makes "billed exactly once" a rule of the database: an item can be
 * reserved for one invoice only. Items are {@code RESERVED} for an invoice before it is written to the ERP
 * (with the invoice's idempotency key) and {@code BILLED} once the ERP confirmed it, so a crash between the
 * two leaves reserved items that the next run sends again under the same key.
 */
public final class BillingLedger {

    /** One billed (or reserved) item. */
    public record Item(String itemId, String kind, String projectId, String period, String invoiceKey,
            String lineRef, BigDecimal amount, String currency, String state, String invoiceId, String invoiceNumber,
            Instant reservedAt, Instant billedAt) {
    }

    private static final String COLUMNS = "item_id, kind, project_id, period, invoice_key, line_ref, amount,"
            + " currency, state, invoice_id, invoice_number, reserved_at, billed_at";

    private final EngineDatabase db;

    BillingLedger(EngineDatabase db) {
        this.db = db;
    }

    /** The ids of every item in the ledger, reserved or billed. */
    public Set<String> itemIds() {
        return db.inTransaction(() -> {
            Set<String> out = new HashSet<>();
            try (Statement s = db.writer().createStatement();
                    ResultSet rs = s.executeQuery("SELECT item_id FROM billing_ledger")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /**
     * Reserves items for one invoice, all or none.
     *
     * @throws StoreException when one of them is already in the ledger (it was billed or reserved before)
     */
    public void reserve(Collection<Item> items, Instant now) {
        db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("INSERT INTO billing_ledger (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RESERVED', NULL, NULL, ?, NULL)")) {
                for (Item i : items) {
                    ps.setString(1, i.itemId());
                    ps.setString(2, i.kind());
                    ps.setString(3, i.projectId());
                    ps.setString(4, i.period());
                    ps.setString(5, i.invoiceKey());
                    ps.setString(6, i.lineRef());
                    ps.setBigDecimal(7, i.amount());
                    ps.setString(8, i.currency());
                    ps.setTimestamp(9, Timestamp.from(now));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Marks the items of an invoice billed, with the ERP's invoice id and number. */
    public void markBilled(String invoiceKey, String invoiceId, String invoiceNumber, Instant now) {
        db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("UPDATE billing_ledger SET state = 'BILLED',"
                    + " invoice_id = ?, invoice_number = ?, billed_at = ? WHERE invoice_key = ?")) {
                ps.setString(1, invoiceId);
                ps.setString(2, invoiceNumber);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, invoiceKey);
                ps.executeUpdate();
            }
        });
    }

    /** Drops the reservation of an invoice the ERP refused for good, so its items can be billed again. */
    public void release(String invoiceKey) {
        db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("DELETE FROM billing_ledger WHERE invoice_key = ?"
                    + " AND state = 'RESERVED'")) {
                ps.setString(1, invoiceKey);
                ps.executeUpdate();
            }
        });
    }

    /** The items of one invoice. */
    public List<Item> ofInvoice(String invoiceKey) {
        return query("WHERE invoice_key = ? ORDER BY line_ref, item_id", invoiceKey);
    }

    /** Every item in the ledger. */
    public List<Item> all() {
        return query("ORDER BY invoice_key, line_ref, item_id", null);
    }

    /** The invoice keys with items still RESERVED (an invoice whose writing was interrupted). */
    public List<String> reservedInvoiceKeys() {
        return db.inTransaction(() -> {
            List<String> out = new ArrayList<>();
            try (Statement s = db.writer().createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT"
                    + " invoice_key FROM billing_ledger WHERE state = 'RESERVED' ORDER BY invoice_key")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private List<Item> query(String where, String arg) {
        return db.inTransaction(() -> {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT " + COLUMNS + " FROM billing_ledger "
                    + where)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(item(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Item item(ResultSet rs) throws SQLException {
        Timestamp billed = rs.getTimestamp(13);
        return new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getTimestamp(12).toInstant(), billed == null ? null : billed.toInstant());
    }
}
