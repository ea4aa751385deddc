package io.crossbill.connect.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.engine.api.ExceptionClass;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Xero's error answers in plain words and exception classes: 400 ValidationException
 * ({@code Elements[].ValidationErrors[].Message}), other Accounting exceptions ({@code Message}), Projects'
 * {@code {"message", "modelState"}}, the identity layer's 401/403 problem body, and 429 with
 * {@code Retry-After} and {@code X-Rate-Limit-Problem}.
 */
public final class XeroErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RAW_LIMIT = 2000;

    private XeroErrors() {
    }

    /**
     * The exception for a non-2xx answer.
     *
     * @param what       what was being done, e.g. "write the Invoice" (goes into the message)
     * @param retryAfter the {@code Retry-After} header or {@code null}
     * @param problem    the {@code X-Rate-Limit-Problem} header or {@code null}
     */
    public static XeroApiException toException(String what, int status, String body, String retryAfter,
            String problem, Instant now) {
        Duration wait = parseRetryAfter(retryAfter, now);
        if (status == 429) {
            return new XeroApiException(ExceptionClass.RATE_LIMITED, 429, wait, problem, "Xero is over its "
                    + (problem == null || problem.isBlank() ? "rate" : problem) + " limit and refused to " + what
                    + (wait == null ? "" : "; it asks to wait " + wait.toSeconds() + " s") + " (HTTP 429).");
        }
        String says = message(body);
        if (status == 401) {
            return new XeroApiException(ExceptionClass.AUTH, 401, null, null, "Xero did not accept the access token"
                    + " when trying to " + what + (says == null ? "" : " (" + says + ")")
                    + "; reconnect the Xero organisation (HTTP 401).");
        }
        if (status == 403) {
            return new XeroApiException(ExceptionClass.AUTH, 403, null, null, "Xero refused access to the"
                    + " organisation when trying to " + what + (says == null ? "" : " (" + says + ")")
                    + "; check the tenant id and that the connection is authorised for it (HTTP 403).");
        }
        if (status == 408 || status >= 500) {
            return new XeroApiException(ExceptionClass.CONNECTIVITY, status, wait, null, "Xero could not " + what
                    + " now" + (says == null ? "" : ": " + says) + " (HTTP " + status + ").");
        }
        if (status == 409) {
            return new XeroApiException(ExceptionClass.DUPLICATE, status, null, null, "Xero says the record already"
                    + " exists" + (says == null ? "" : ": " + says) + " (HTTP 409).");
        }
        if (status == 404) {
            return new XeroApiException(ExceptionClass.REFERENCE, status, null, null, "Xero could not find what was"
                    + " needed to " + what + (says == null ? "" : ": " + says) + " (HTTP 404).");
        }
        return new XeroApiException(ExceptionClass.REJECTED, status, null, null, "Xero refused to " + what
                + (says == null ? "" : ": " + says) + " (HTTP " + status + ").");
    }

    /**
     * Xero's own explanation in one sentence: the distinct validation messages of all elements, else
     * Projects' {@code modelState} ("field: message"), else the top-level {@code Message}/{@code message},
     * else the identity layer's {@code Detail}; {@code null} when the body says nothing useful.
     */
    public static String message(String body) {
        JsonNode tree = parse(body);
        if (tree == null) {
            return body == null || body.isBlank() || body.length() > 300 ? null : body.strip();
        }
        Set<String> found = new LinkedHashSet<>();
        for (JsonNode element : tree.path("Elements")) {
            for (JsonNode error : element.path("ValidationErrors")) {
                addText(found, error.path("Message"));
            }
        }
        if (found.isEmpty()) {
            for (Map.Entry<String, JsonNode> f : tree.path("modelState").properties()) {
                List<String> msgs = new ArrayList<>();
                for (JsonNode m : f.getValue()) {
                    msgs.add(m.asText());
                }
                String field = f.getKey().isEmpty() ? "" : f.getKey() + ": ";
                found.add(field + String.join(", ", msgs));
            }
        }
        if (found.isEmpty()) {
            addText(found, tree.path("Message"));
            addText(found, tree.path("message"));
        }
        if (found.isEmpty()) {
            addText(found, tree.path("Detail"));
            addText(found, tree.path("Title"));
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
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
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

    private static void addText(Set<String> into, JsonNode n) {
        if (n.isTextual() && !n.asText().isBlank()) {
            into.add(n.asText().strip());
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
