package io.crossbill.connect.xero;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xero Accounting's Microsoft-JSON dates: {@code /Date(1793404800000+0000)/}. The number is milliseconds
 * since the epoch in UTC; the optional {@code +hhmm}/{@code -hhmm} is the organisation's offset, kept for
 * display but not applied to the instant.
 */
public final class XeroDates {
    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private XeroDates() {
    }

    /** The instant of a {@code /Date(ms+zzzz)/} value, or of an ISO-8601 date-time; {@code null} for null. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        Matcher m = MS_DATE.matcher(t);
        if (m.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (RuntimeException notOffset) {
            try {
                return java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException notLocal) {
                try {
                    return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (RuntimeException notDate) {
                    throw new IllegalArgumentException("not a Xero date: " + t);
                }
            }
        }
    }

    /** The offset in a {@code /Date(ms+zzzz)/} value, or UTC when it has none. */
    public static ZoneOffset offset(String text) {
        Matcher m = text == null ? null : MS_DATE.matcher(text.trim());
        if (m == null || !m.matches() || m.group(2) == null) {
            return ZoneOffset.UTC;
        }
        String o = m.group(2);
        return ZoneOffset.ofHoursMinutes(Integer.parseInt(o.substring(0, 3)),
                Integer.parseInt(o.charAt(0) + o.substring(3)));
    }

    /** {@code /Date(ms+0000)/}. */
    public static String format(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + "+0000)/";
    }

    /** The {@code If-Modified-Since} value Xero documents: ISO-8601 with offset, UTC. */
    public static String ifModifiedSince(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
