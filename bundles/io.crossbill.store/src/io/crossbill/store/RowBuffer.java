package io.crossbill.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of one table waiting for the commit, written as multi-row {@code INSERT ... VALUES (...), (...)}
 * statements of {@value #ROWS_PER_STATEMENT} rows: H2 spends much of a single-row insert on running the
 * statement rather than storing the row, so this halves the writer's cost per row.
 */
final class RowBuffer<T> {

    static final int ROWS_PER_STATEMENT = 100;

    /** Binds one row's values starting at parameter {@code offset + 1}. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement ps, int offset, T row) throws SQLException;
    }

    private final String insertPrefix;
    private final int columns;
    private final Binder<T> binder;
    private final List<T> rows = new ArrayList<>();
    private PreparedStatement multi;
    private PreparedStatement single;

    /**
     * @param insertPrefix e.g. {@code INSERT INTO inbox (id, payload) VALUES }
     * @param columns      values a row has
     */
    RowBuffer(String insertPrefix, int columns, Binder<T> binder) {
        this.insertPrefix = insertPrefix;
        this.columns = columns;
        this.binder = binder;
    }

    void add(T row) {
        rows.add(row);
    }

    int size() {
        return rows.size();
    }

    /** Forgets the buffered rows and any half-built JDBC batch, after a rollback. */
    void discard() {
        rows.clear();
        for (PreparedStatement ps : new PreparedStatement[] {multi, single}) {
            if (ps != null) {
                try {
                    ps.clearBatch();
                } catch (SQLException ignored) {
                    // the statement is unusable; nothing to keep
                }
            }
        }
    }

    /** Writes the buffered rows (inside the transaction) and empties the buffer. */
    void flush(Connection c) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int full = rows.size() / ROWS_PER_STATEMENT;
        if (full > 0) {
            if (multi == null) {
                multi = c.prepareStatement(sql(ROWS_PER_STATEMENT));
            }
            for (int s = 0; s < full; s++) {
                for (int r = 0; r < ROWS_PER_STATEMENT; r++) {
                    binder.bind(multi, r * columns, rows.get(s * ROWS_PER_STATEMENT + r));
                }
                multi.addBatch();
            }
            multi.executeBatch();
        }
        int rest = full * ROWS_PER_STATEMENT;
        if (rest < rows.size()) {
            if (single == null) {
                single = c.prepareStatement(sql(1));
            }
            for (int i = rest; i < rows.size(); i++) {
                binder.bind(single, 0, rows.get(i));
                single.addBatch();
            }
            single.executeBatch();
        }
        rows.clear();
    }

    private String sql(int rowCount) {
        StringBuilder one = new StringBuilder("(");
        for (int i = 0; i < columns; i++) {
            one.append(i == 0 ? "?" : ", ?");
        }
        one.append(')');
        StringBuilder sb = new StringBuilder(insertPrefix);
        for (int r = 0; r < rowCount; r++) {
            sb.append(r == 0 ? "" : ", ").append(one);
        }
        return sb.toString();
    }
}
