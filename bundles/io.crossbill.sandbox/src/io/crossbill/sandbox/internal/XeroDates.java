package io.crossbill.sandbox.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Xero Accounting's Microsoft JSON dates ({@code /Date(1552327126164+0000)/}) and friends. */
public final class XeroDates {
    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private XeroDates() {
    }

    public static String msDate(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + "+0000)/";
    }

    public static String msDate(LocalDate date) {
        return msDate(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** "2019-03-11T00:00:00" as in Xero's DateString fields. */
    public static String dateString(LocalDate date) {
        return date + "T00:00:00";
    }

    /** Accepts /Date(ms)/, yyyy-MM-dd, yyyy-MM-ddTHH:mm:ss with or without offset. Null if unparseable. */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = MS_DATE.matcher(text.trim());
        if (m.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(m.group(1))).atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            // try longer forms
        }
        try {
            return LocalDateTime.parse(text.trim()).toLocalDate();
        } catch (DateTimeParseException e) {
            // try with offset
        }
        try {
            return OffsetDateTime.parse(text.trim()).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The If-Modified-Since header as Xero accepts it: ISO-8601 (with or without offset, UTC assumed
     * when absent) or an RFC 1123 HTTP date. Null if unparseable.
     */
    public static Instant parseIfModifiedSince(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** ISO-8601 UTC instant for the Projects API; null if unparseable. */
    public static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
