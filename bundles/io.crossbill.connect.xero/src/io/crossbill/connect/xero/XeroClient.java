package io.crossbill.connect.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.WriteResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A small Xero HTTP client on {@code java.net.http}. Every request carries {@code Authorization: Bearer},
 * {@code Xero-Tenant-Id} and {@code Accept: application/json}; every write carries {@code Idempotency-Key}.
 * Non-2xx answers become {@link XeroApiException}s in plain words ({@link XeroErrors}); transport faults
 * become CONNECTIVITY. Nothing is logged, and the token never appears in a message.
 */
public final class XeroClient {

    /** Which of the two Xero APIs a request goes to. */
    public enum Api { ACCOUNTING, PROJECTS }

    /**
     * A raw answer.
     *
     * @param rateLimits Xero's rate-limit headers the answer carried ({@code X-DayLimit-Remaining},
     *                   {@code X-MinLimit-Remaining}, {@code X-AppMinLimit-Remaining}), by that spelling; empty
     *                   when it carried none
     */
    public record Answer(int status, String body, String retryAfter, String rateLimitProblem,
            Map<String, String> rateLimits) {

        public Answer {
            rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
        }

        public Answer(int status, String body, String retryAfter, String rateLimitProblem) {
            this(status, body, retryAfter, rateLimitProblem, Map.of());
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The rate-limit headers Xero sends with its answers, as {@link Answer#rateLimits()} names them. */
    public static final java.util.List<String> RATE_LIMIT_HEADERS = java.util.List.of("X-DayLimit-Remaining",
            "X-MinLimit-Remaining", "X-AppMinLimit-Remaining");

    /** Xero's documented maximum length of an {@code Idempotency-Key}. */
    public static final int MAX_KEY_LENGTH = 128;

    static final ObjectMapper JSON = new ObjectMapper();

    private final XeroConnection connection;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public XeroClient(XeroConnection connection) {
        this(connection, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build(), Duration.ofSeconds(60), Clock.systemUTC());
    }

    public XeroClient(XeroConnection connection, HttpClient http, Duration timeout, Clock clock) {
        this.connection = Objects.requireNonNull(connection);
        this.http = Objects.requireNonNull(http);
        this.timeout = Objects.requireNonNull(timeout);
        this.clock = Objects.requireNonNull(clock);
    }

    private volatile java.util.function.Consumer<Map<String, String>> rateLimitsSeen = limits -> {
    };

    /**
     * Hears the rate-limit headers of every answer that carried any (called on the thread that made the request):
     * how the engine keeps the API budget each system says is left.
     */
    public XeroClient onRateLimits(java.util.function.Consumer<Map<String, String>> listener) {
        this.rateLimitsSeen = Objects.requireNonNull(listener);
        return this;
    }

    public XeroConnection connection() {
        return connection;
    }

    /**
     * {@code GET} and parse; throws for anything but 2xx.
     *
     * @param query           query parameters (values are encoded here); may be empty
     * @param ifModifiedSince sent as {@code If-Modified-Since} when not {@code null}
     */
    public JsonNode get(Api api, String path, Map<String, String> query, Instant ifModifiedSince) {
        HttpRequest.Builder b = request(api, path, query);
        if (ifModifiedSince != null) {
            b.header("If-Modified-Since", XeroDates.ifModifiedSince(ifModifiedSince));
        }
        Answer a = exchange(b.GET().build(), "read " + path);
        if (!a.ok()) {
            throw XeroErrors.toException("read " + path, a.status(), a.body(), a.retryAfter(), a.rateLimitProblem(),
                    clock.instant());
        }
        try {
            return JSON.readTree(a.body());
        } catch (IOException | RuntimeException e) {
            throw new XeroApiException(ExceptionClass.CONNECTIVITY, a.status(), null, null,
                    "Xero answered " + path + " with HTTP " + a.status() + " but the answer is not readable JSON.");
        }
    }

    /**
     * {@code GET} and return the raw answer, whatever its status, with its rate-limit headers: for a
     * connection test. Throws {@link XeroApiException} (CONNECTIVITY) only when no answer arrived.
     */
    public Answer read(Api api, String path, Map<String, String> query) {
        return exchange(request(api, path, query).GET().build(), "read " + path);
    }

    /**
     * A write ({@code PUT}, {@code POST}, {@code PATCH}) with the JSON body and the idempotency key; returns
     * the raw answer, whatever its status. Throws {@link XeroApiException} (CONNECTIVITY) only when no answer
     * arrived.
     */
    public Answer write(Api api, String method, String path, Map<String, String> query, String jsonBody,
            String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("every Xero write needs an Idempotency-Key");
        }
        if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Xero's Idempotency-Key is at most " + MAX_KEY_LENGTH + " characters");
        }
        HttpRequest r = request(api, path, query).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)).build();
        return exchange(r, method + " " + path);
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Makes a write for the engine's delivery and turns Xero's answer into a {@link WriteResult}: transport
     * faults and transient answers (429, 5xx) are RETRY, refusals FAILED with Xero's reason in plain words, a
     * 2xx whose record id cannot be read RETRY (the write was probably made; the same Idempotency-Key gets the
     * first answer again), anything else DONE with the id {@code idOf} finds in the answer.
     *
     * @param what  what the write does, for messages ("create the invoice")
     * @param idOf  the record's id in the parsed answer (an empty answer is parsed as a missing node)
     */
    WriteResult writeForDelivery(Api api, String method, String path, String jsonBody,
            String idempotencyKey, String what, java.util.function.Function<JsonNode, String> idOf) {
        Answer a;
        try {
            a = write(api, method, path, Map.of(), jsonBody, idempotencyKey);
        } catch (XeroApiException e) {
            return WriteResult.retry(e.exceptionClass(), e.getMessage(), null);
        }
        String raw = XeroErrors.raw(a.status(), a.body());
        if (!a.ok()) {
            XeroApiException e = XeroErrors.toException(what, a.status(), a.body(), a.retryAfter(),
                    a.rateLimitProblem(), now());
            return e.exceptionClass().isTransient()
                    ? WriteResult.retry(e.exceptionClass(), e.getMessage() + "\n" + raw,
                            e.retryAfter())
                    : WriteResult.failed(e.exceptionClass(), e.getMessage() + "\n" + raw);
        }
        String id = null;
        try {
            String body = a.body();
            id = idOf.apply(body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body));
        } catch (IOException | RuntimeException unreadable) {
            // falls through
        }
        if (id == null || id.isBlank()) {
            return WriteResult.retry(ExceptionClass.CONNECTIVITY, "Xero answered HTTP "
                    + a.status() + " to " + what + " but the answer could not be read; the write was probably made"
                    + " and will be asked for again with the same Idempotency-Key.\n" + raw, null);
        }
        return WriteResult.done(id, raw);
    }

    private HttpRequest.Builder request(Api api, String path, Map<String, String> query) {
        URI base = api == Api.ACCOUNTING ? connection.accountingBase() : connection.projectsBase();
        StringBuilder uri = new StringBuilder(base.toString()).append(path.startsWith("/") ? "" : "/").append(path);
        if (query != null && !query.isEmpty()) {
            char sep = '?';
            for (Map.Entry<String, String> q : query.entrySet()) {
                uri.append(sep).append(enc(q.getKey())).append('=').append(enc(q.getValue()));
                sep = '&';
            }
        }
        return HttpRequest.newBuilder(URI.create(uri.toString())).timeout(timeout)
                .header("Authorization", connection.authorization())
                .header("Xero-Tenant-Id", connection.tenantId())
                .header("Accept", "application/json");
    }

    private Answer exchange(HttpRequest r, String what) {
        try {
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> limits = new java.util.LinkedHashMap<>();
            for (String h : RATE_LIMIT_HEADERS) {
                res.headers().firstValue(h).ifPresent(v -> limits.put(h, v));
            }
            if (!limits.isEmpty()) {
                rateLimitsSeen.accept(java.util.Collections.unmodifiableMap(limits));
            }
            return new Answer(res.statusCode(), res.body(), res.headers().firstValue("Retry-After").orElse(null),
                    res.headers().firstValue("X-Rate-Limit-Problem").orElse(null), limits);
        } catch (HttpTimeoutException e) {
            throw new XeroApiException(ExceptionClass.CONNECTIVITY, 0, null, null, "Xero did not answer in time ("
                    + timeout.toSeconds() + " s) to " + what + "; a write may or may not have been made.", e);
        } catch (java.net.ConnectException e) {
            throw new XeroApiException(ExceptionClass.CONNECTIVITY, 0, null, null, "Could not reach Xero at "
                    + r.uri().getHost() + " to " + what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + "; nothing was sent.", e);
        } catch (IOException e) {
            // connected, then lost: the request may have arrived and been applied
            throw new XeroApiException(ExceptionClass.CONNECTIVITY, 0, null, null, "The connection to Xero at "
                    + r.uri().getHost() + " was lost before it answered to " + what + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); a write may or may not have been"
                    + " made.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XeroApiException(ExceptionClass.CONNECTIVITY, 0, null, null, "Interrupted while waiting for"
                    + " Xero to " + what + ".", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "XeroClient[" + connection + "]";
    }
}
