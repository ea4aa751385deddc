package io.crossbill.reconcile;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The month under review, the zone that decides which day (and so which month) a piece of work belongs
 * to, and the close instant ages are measured at.
 *
 * @param month   the calendar month, e.g. 2026-01
 * @param zone    the zone used to turn instants into local dates (default UTC)
 * @param closeAt when the period closes; by default the first instant of the next month in {@code zone}
 */
public record ReconciliationPeriod(YearMonth month, ZoneId zone, Instant closeAt) {

    public ReconciliationPeriod {
        Objects.requireNonNull(month, "month");
        zone = zone == null ? ZoneOffset.UTC : zone;
        closeAt = closeAt == null ? month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant() : closeAt;
    }

    /** The month in UTC, closing at its end. */
    public static ReconciliationPeriod of(YearMonth month) {
        return new ReconciliationPeriod(month, ZoneOffset.UTC, null);
    }

    /** The month in {@code zone}, closing at its end. */
    public static ReconciliationPeriod of(YearMonth month, ZoneId zone) {
        return new ReconciliationPeriod(month, zone, null);
    }

    /**
     * Reads {@code YYYY-MM} (and an optional zone id, null for UTC).
     *
     * @throws IllegalArgumentException naming the text that is not a month or not a zone
     */
    public static ReconciliationPeriod parse(String month, String zone) {
        YearMonth m;
        try {
            m = YearMonth.parse(month == null ? "" : month.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Period '" + month + "' is not a month; write it as YYYY-MM, e.g. 2026-01.");
        }
        ZoneId z;
        try {
            z = zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Time zone '" + zone + "' is not known; use a region id such as"
                    + " Pacific/Auckland or UTC.");
        }
        return of(m, z);
    }

    /** The first day of the month. */
    public LocalDate firstDay() {
        return month.atDay(1);
    }

    /** The last day of the month. */
    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    /** The day an instant falls on in the period's zone. */
    public LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** Whether the instant falls inside the month in the period's zone. */
    public boolean contains(Instant instant) {
        return YearMonth.from(localDate(instant)).equals(month);
    }

    /** The first instant of a local day in the period's zone (for systems that give only a date). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The local date of the close instant; ages in days are counted to it. */
    public LocalDate closeDate() {
        return localDate(closeAt);
    }

    /** {@code YYYY-MM}. */
    public String key() {
        return month.toString();
    }
}
