package io.crossbill.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Values sampled over time (table {@code gauge_sample}): the work waiting per workflow and each system's API
 * budget left, recorded after every engine run so the monitor can draw them over an hour, a day or a month.
 * Every method runs one short transaction of its own.
 */
public final class Gauges {

    /** Work waiting per workflow: sagas in flight, failed or blocked, and its unsettled exceptions. */
    public static final String QUEUE_DEPTH = "queue_depth";
    /** API calls left in a system's rate-limit window, as its last answer said. */
    public static final String API_BUDGET_LEFT = "api_budget_left";

    /**
     * One value of one gauge.
     *
     * @param subject  of what: a workflow, or a system and its window ({@code xero/day})
     * @param capacity what the value is out of (the window's limit), or {@code null} when not known
     */
    public record Sample(String name, String subject, Instant at, double value, Double capacity) {

        public Sample {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(at, "at");
            if (name.isBlank() || name.length() > 64 || subject.isBlank() || subject.length() > 200) {
                throw new IllegalArgumentException("A gauge needs a name (up to 64 characters) and a subject (up to"
                        + " 200): '" + name + "', '" + subject + "'.");
            }
            if (!Double.isFinite(value) || capacity != null && !Double.isFinite(capacity)) {
                throw new IllegalArgumentException("The gauge " + name + " of " + subject + " needs a finite value,"
                        + " not " + value + (capacity == null ? "" : " of " + capacity) + ".");
            }
        }
    }

    private final EngineDatabase db;

    public Gauges(EngineDatabase db) {
        this.db = db;
    }

    /** Records samples in one transaction; a sample of the same gauge, subject and moment replaces the old one. */
    public void record(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        db.inTransaction(() -> {
            try (PreparedStatement delete = db.writer().prepareStatement("DELETE FROM gauge_sample WHERE name = ?"
                    + " AND subject = ? AND sampled_at = ?");
                    PreparedStatement insert = db.writer().prepareStatement("INSERT INTO gauge_sample (name, subject,"
                            + " sampled_at, sample_value, capacity) VALUES (?, ?, ?, ?, ?)")) {
                for (Sample s : samples) {
                    delete.setString(1, s.name());
                    delete.setString(2, s.subject());
                    delete.setTimestamp(3, Timestamp.from(s.at()));
                    delete.executeUpdate();
                    insert.setString(1, s.name());
                    insert.setString(2, s.subject());
                    insert.setTimestamp(3, Timestamp.from(s.at()));
                    insert.setDouble(4, s.value());
                    if (s.capacity() == null) {
                        insert.setNull(5, Types.DOUBLE);
                    } else {
                        insert.setDouble(5, s.capacity());
                    }
                    insert.executeUpdate();
                }
            }
        });
    }

    /** The samples of one gauge taken in {@code [from, to)}, oldest first, every subject. */
    public List<Sample> series(String name, Instant from, Instant to) {
        return db.inTransaction(() -> {
            List<Sample> out = new ArrayList<>();
            try (PreparedStatement ps = db.writer().prepareStatement("SELECT subject, sampled_at, sample_value,"
                    + " capacity FROM gauge_sample WHERE name = ? AND sampled_at >= ? AND sampled_at < ?"
                    + " ORDER BY sampled_at, subject")) {
                ps.setString(1, name);
                ps.setTimestamp(2, Timestamp.from(from));
                ps.setTimestamp(3, Timestamp.from(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double c = rs.getDouble(4);
                        Double capacity = rs.wasNull() ? null : c;
                        out.add(new Sample(name, rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getDouble(3),
                                capacity));
                    }
                }
            }
            return out;
        });
    }

    /** Removes the samples taken before {@code before}; returns how many. */
    public int prune(Instant before) {
        return db.inTransaction(() -> {
            try (PreparedStatement ps = db.writer().prepareStatement("DELETE FROM gauge_sample WHERE sampled_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(before));
                return ps.executeUpdate();
            }
        });
    }
}
