package io.crossbill.delivery.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.delivery.RetryAfter;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.WriteResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a target system's HTTP answer to a write into a {@link WriteResult}: what is worth retrying, what
 * is final, and in what words. The vendors' quirks live here: Salesforce says "over the limit" with a
 * 403 and {@code REQUEST_LIMIT_EXCEEDED}, Kantata sends 429 without Retry-After.
 * <p>
 * The result's {@code detail} is the plain-language message on its first line, then the raw answer.
 */
public final class HttpAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RAW_LIMIT = 2000;

    private HttpAnswers() {
    }

    /**
     * @param system     the target's name, for the message
     * @param status     the HTTP status
     * @param retryAfter the {@code Retry-After} header, or {@code null}
     * @param body       the answer's body, or {@code null}
     * @param now        when the answer arrived (for a Retry-After date)
     */
    public static WriteResult classify(String system, int status, String retryAfter, String body, Instant now) {
        String raw = "HTTP " + status + (body == null || body.isEmpty() ? "" : " " + clip(body));
        if (status >= 200 && status < 300) {
            String id = targetId(body);
            if (id == null) {
                return WriteResult.failed(ExceptionClass.CONNECTIVITY, system + " answered HTTP " + status
                        + " but its answer could not be read (not JSON, or no record id in it); the write may"
                        + " have been made.\n" + raw);
            }
            return WriteResult.done(id, raw);
        }
        Duration wait = RetryAfter.parse(retryAfter, now).orElse(null);
        if (status == 429) {
            return WriteResult.retry(ExceptionClass.RATE_LIMITED, system + " is over its rate limit (HTTP 429"
                    + (wait == null ? ", no Retry-After" : ", Retry-After " + wait.toSeconds() + " s") + ").\n" + raw,
                    wait);
        }
        if (status == 403 && body != null && body.contains("REQUEST_LIMIT_EXCEEDED")) {
            return WriteResult.retry(ExceptionClass.RATE_LIMITED, system
                    + " is over its API request limit (HTTP 403 REQUEST_LIMIT_EXCEEDED).\n" + raw, wait);
        }
        if (status == 401 || status == 403) {
            return WriteResult.failed(ExceptionClass.AUTH, system + " refused Crossbill's credentials (HTTP "
                    + status + ")" + vendorSays(body) + ".\n" + raw);
        }
        if (status == 408 || status >= 500) {
            return WriteResult.retry(ExceptionClass.CONNECTIVITY, system + " could not take the write now (HTTP "
                    + status + ")" + vendorSays(body) + ".\n" + raw, wait);
        }
        if (status == 409) {
            return WriteResult.failed(ExceptionClass.DUPLICATE, system + " says the record already exists"
                    + vendorSays(body) + ".\n" + raw);
        }
        if (status >= 400) {
            return WriteResult.failed(ExceptionClass.REJECTED, system + " refused the write (HTTP " + status + ")"
                    + vendorSays(body) + ".\n" + raw);
        }
        return WriteResult.failed(ExceptionClass.CONNECTIVITY, system + " gave an answer Crossbill does not"
                + " understand (HTTP " + status + ").\n" + raw);
    }

    /** The record id in a JSON answer ({@code id}, {@code Id} or {@code ID} at the top), or {@code null}. */
    public static String targetId(String body) {
        JsonNode tree = parse(body);
        if (tree == null || !tree.isObject()) {
            return null;
        }
        for (String name : new String[] {"id", "Id", "ID"}) {
            JsonNode id = tree.get(name);
            if (id != null && (id.isTextual() || id.isNumber()) && !id.asText().isEmpty()) {
                return id.asText();
            }
        }
        return null;
    }

    /**
     * The vendor's own explanation, looked for where the common APIs put it: {@code message} or
     * {@code Message} fields at any depth (Xero's {@code Elements[].ValidationErrors[].Message} under a
     * generic top-level {@code Message}, Salesforce's {@code [{"message": ...}]}, HubSpot's {@code message}),
     * else {@code error_description} / {@code error}. Nested messages are the specific ones, so they win over
     * a top-level one; up to three are joined.
     */
    static String vendorMessage(String body) {
        JsonNode tree = parse(body);
        if (tree == null) {
            return body == null || body.isBlank() ? null : clip(body.strip());
        }
        for (String name : new String[] {"message", "error_description", "error"}) {
            List<String> top = new ArrayList<>();
            List<String> nested = new ArrayList<>();
            collect(tree, name, 0, top, nested);
            List<String> found = nested.isEmpty() ? top : nested;
            if (!found.isEmpty()) {
                return String.join("; ", found.stream().distinct().limit(3).toList());
            }
        }
        return null;
    }

    private static void collect(JsonNode node, String name, int depth, List<String> top, List<String> nested) {
        if (depth > 8) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                if (f.getKey().equalsIgnoreCase(name) && f.getValue().isTextual() && !f.getValue().asText().isBlank()) {
                    (depth == 0 ? top : nested).add(f.getValue().asText());
                }
            }
        }
        // the elements of a top-level array (Salesforce) count as top level
        int childDepth = node.isArray() && depth == 0 ? 0 : depth + 1;
        for (JsonNode child : node) {
            collect(child, name, childDepth, top, nested);
        }
    }

    private static String vendorSays(String body) {
        String m = vendorMessage(body);
        return m == null ? "" : ": " + m;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String clip(String s) {
        return s.length() <= RAW_LIMIT ? s : s.substring(0, RAW_LIMIT) + "\u2026";
    }
}
