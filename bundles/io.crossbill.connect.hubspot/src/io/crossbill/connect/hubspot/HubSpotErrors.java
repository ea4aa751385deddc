package io.crossbill.connect.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.engine.api.ExceptionClass;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * HubSpot's error answers in plain words and exception classes. HubSpot's body is
 * {@code {"status":"error","message":...,"correlationId":...,"category":...}}; for invalid properties the
 * message is "Property values were not valid: [...]" with the per-property errors as embedded JSON, which is
 * unpacked here into their own messages ("Property "foo" does not exist").
 */
public final class HubSpotErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID_PREFIX = "Property values were not valid:";
    private static final int RAW_LIMIT = 2000;

    private HubSpotErrors() {
    }

    /**
     * The exception for a non-2xx answer.
     *
     * @param what        what was being done, e.g. "update the deal" (goes into the message)
     * @param retryAfter  the {@code Retry-After} header or {@code null}
     * @param window      the rolling rate-limit window, the wait when a 429 names no Retry-After
     */
    public static HubSpotApiException toException(String what, int status, String body, String retryAfter,
            Duration window, Instant now) {
        JsonNode tree = parse(body);
        String category = tree == null ? null : text(tree.path("category"));
        String says = message(body);
        if (status == 429) {
            String policy = tree == null ? null : text(tree.path("policyName"));
            Duration wait = parseRetryAfter(retryAfter, now);
            if (wait == null) {
                wait = "DAILY".equals(policy) ? untilMidnightUtc(now) : window;
            }
            String limit = policy == null ? "rate" : switch (policy) {
                case "DAILY" -> "daily";
                case "SECONDLY" -> "per-second search";
                default -> "10-second";
            };
            return new HubSpotApiException(ExceptionClass.RATE_LIMITED, 429, wait, category == null ? "RATE_LIMITS"
                    : category, "HubSpot is over its " + limit + " request limit and refused to " + what
                    + "; wait " + wait.toSeconds() + " s before trying again (HTTP 429).");
        }
        if (status == 401) {
            return new HubSpotApiException(ExceptionClass.AUTH, 401, null, category, "HubSpot did not accept the"
                    + " access token when trying to " + what + "; reconnect the HubSpot portal or paste a new private"
                    + " app token (HTTP 401).");
        }
        if (status == 403) {
            return new HubSpotApiException(ExceptionClass.AUTH, 403, null, category, "HubSpot refused access when"
                    + " trying to " + what + (says == null ? "" : " (" + says + ")") + "; check that the app has the"
                    + " CRM scopes it needs (HTTP 403).");
        }
        if (status == 408 || status >= 500) {
            return new HubSpotApiException(ExceptionClass.CONNECTIVITY, status, null, category, "HubSpot could not "
                    + what + " now" + (says == null ? "" : ": " + says) + " (HTTP " + status + ").");
        }
        if (status == 404) {
            return new HubSpotApiException(ExceptionClass.REFERENCE, 404, null, category, "HubSpot could not find"
                    + " what was needed to " + what + (says == null ? "" : ": " + says) + " (HTTP 404).");
        }
        if (status == 409) {
            return new HubSpotApiException(ExceptionClass.DUPLICATE, 409, null, category, "HubSpot says the record"
                    + " already exists" + (says == null ? "" : ": " + says) + " (HTTP 409).");
        }
        if (status == 400 && "VALIDATION_ERROR".equals(category)) {
            return new HubSpotApiException(ExceptionClass.VALIDATION, 400, null, category, "HubSpot refused to "
                    + what + (says == null ? "" : ": " + says) + " (HTTP 400).");
        }
        return new HubSpotApiException(ExceptionClass.REJECTED, status, null, category, "HubSpot refused to " + what
                + (says == null ? "" : ": " + says) + " (HTTP " + status + ").");
    }

    /**
     * HubSpot's explanation in one sentence: the messages of the invalid properties when the body lists them,
     * else {@code errors[].message}, else {@code message}; {@code null} when the body says nothing useful.
     */
    public static String message(String body) {
        JsonNode tree = parse(body);
        if (tree == null) {
            return body == null || body.isBlank() || body.length() > 300 ? null : body.strip();
        }
        Set<String> found = new LinkedHashSet<>();
        String message = text(tree.path("message"));
        if (message != null && message.startsWith(INVALID_PREFIX)) {
            JsonNode embedded = parse(message.substring(INVALID_PREFIX.length()).strip());
            if (embedded != null) {
                for (JsonNode e : embedded) {
                    add(found, text(e.path("message")));
                }
            }
        }
        if (found.isEmpty()) {
            for (JsonNode e : tree.path("errors")) {
                add(found, text(e.path("message")));
            }
        }
        if (found.isEmpty()) {
            add(found, message);
        }
        if (found.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String s : found) {
            parts.add(s.endsWith(".") ? s.substring(0, s.length() - 1) : s);
        }
        return String.join("; ", parts);
    }

    /** Seconds or an HTTP date; {@code null} when absent or unreadable. */
    public static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }

    /** The answer for the exception queue's detail: status and a clipped body. */
    static String raw(int status, String body) {
        String b = body == null ? "" : body.strip();
        return "HTTP " + status + (b.isEmpty() ? "" : " " + (b.length() <= RAW_LIMIT ? b : b.substring(0, RAW_LIMIT)
                + "\u2026"));
    }

    /** HubSpot resets the daily limit at midnight in the portal's time zone; without it, UTC midnight. */
    private static Duration untilMidnightUtc(Instant now) {
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return Duration.between(now, midnight);
    }

    private static void add(Set<String> into, String s) {
        if (s != null && !s.isBlank()) {
            into.add(s.strip());
        }
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && (n.isObject() || n.isArray()) ? n : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
