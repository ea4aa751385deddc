package io.crossbill.connect.hubspot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.engine.api.ExceptionClass;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HubSpot HTTP client on {@code java.net.http}. Every request carries {@code Authorization: Bearer} and
 * {@code Accept: application/json} and first takes a place in the client-side limits (190 per rolling 10 s;
 * the search endpoints also 5 per second), so a well-behaved Crossbill does not meet HubSpot's 429s.
 * Non-2xx answers become {@link HubSpotApiException}s in plain words ({@link HubSpotErrors}); transport faults,
 * timeouts and unreadable answers become CONNECTIVITY. Nothing is logged; the token never appears in a message.
 * <p>
 * The client does not retry: retries with backoff belong to delivery, which honours {@code retryAfter()}.
 */
public final class HubSpotClient {

    /**
     * A raw answer.
     *
     * @param rateLimits HubSpot's rate-limit headers the answer carried ({@code X-HubSpot-RateLimit-Remaining},
     *                   {@code X-HubSpot-RateLimit-Daily-Remaining}, ...), by that spelling; empty when none
     */
    public record Answer(int status, String body, String retryAfter, Map<String, String> rateLimits) {

        public Answer {
            rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
        }

        public Answer(int status, String body, String retryAfter) {
            this(status, body, retryAfter, Map.of());
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The rate-limit headers HubSpot sends with its answers, as {@link Answer#rateLimits()} names them. */
    public static final java.util.List<String> RATE_LIMIT_HEADERS = java.util.List.of(
            "X-HubSpot-RateLimit-Remaining", "X-HubSpot-RateLimit-Max", "X-HubSpot-RateLimit-Daily-Remaining",
            "X-HubSpot-RateLimit-Daily");

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HubSpotConnection connection;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final RequestWindow general;
    private final RequestWindow search;
    private final AtomicInteger requests = new AtomicInteger();

    /** The real limits, 60 s timeout, the system clock. */
    public HubSpotClient(HubSpotConnection connection) {
        this(connection, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build(), Duration.ofSeconds(60), Clock.systemUTC(),
                RequestWindow.hubspotDefault(), RequestWindow.hubspotSearch());
    }

    /**
     * @param general the limit every request takes a place in
     * @param search  the extra limit of the search endpoints
     */
    public HubSpotClient(HubSpotConnection connection, HttpClient http, Duration timeout, Clock clock,
            RequestWindow general, RequestWindow search) {
        this.connection = Objects.requireNonNull(connection);
        this.http = Objects.requireNonNull(http);
        this.timeout = Objects.requireNonNull(timeout);
        this.clock = Objects.requireNonNull(clock);
        this.general = Objects.requireNonNull(general);
        this.search = Objects.requireNonNull(search);
    }

    private volatile java.util.function.Consumer<Map<String, String>> rateLimitsSeen = limits -> {
    };

    /**
     * Hears the rate-limit headers of every answer that carried any (called on the thread that made the request):
     * how the engine keeps the API budget each system says is left.
     */
    public HubSpotClient onRateLimits(java.util.function.Consumer<Map<String, String>> listener) {
        this.rateLimitsSeen = Objects.requireNonNull(listener);
        return this;
    }

    public HubSpotConnection connection() {
        return connection;
    }

    /** How many requests this client has sent (for tests and the workflow monitor). */
    public int requests() {
        return requests.get();
    }

    /** {@code GET} and parse; throws for anything but 2xx. */
    public JsonNode get(String path, Map<String, String> query, String what) {
        return parsed(send("GET", path, query, null), what);
    }

    /** {@code POST} a JSON body and parse the answer; throws for anything but 2xx (207 counts as 2xx). */
    public JsonNode post(String path, String jsonBody, String what) {
        return parsed(send("POST", path, Map.of(), jsonBody), what);
    }

    /** {@code PATCH} a JSON body and parse the answer; throws for anything but 2xx. */
    public JsonNode patch(String path, String jsonBody, String what) {
        return parsed(send("PATCH", path, Map.of(), jsonBody), what);
    }

    /**
     * One request; returns the raw answer, whatever its status. Throws {@link HubSpotApiException}
     * (CONNECTIVITY) only when no answer arrived.
     *
     * @param jsonBody the body, or {@code null} for none
     */
    public Answer send(String method, String path, Map<String, String> query, String jsonBody) {
        StringBuilder uri = new StringBuilder(connection.base().toString()).append(path.startsWith("/") ? "" : "/")
                .append(path);
        if (query != null && !query.isEmpty()) {
            char sep = '?';
            for (Map.Entry<String, String> q : query.entrySet()) {
                uri.append(sep).append(enc(q.getKey())).append('=').append(enc(q.getValue()));
                sep = '&';
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(timeout)
                .header("Authorization", connection.authorization())
                .header("Accept", "application/json");
        if (jsonBody != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(b.build(), method + " " + path, path.endsWith("/search"));
    }

    Instant now() {
        return clock.instant();
    }

    /** The rolling window of the general limit, the wait after a 429 without Retry-After. */
    Duration window() {
        return general.window();
    }

    private JsonNode parsed(Answer a, String what) {
        if (!a.ok()) {
            throw HubSpotErrors.toException(what, a.status(), a.body(), a.retryAfter(), general.window(), now());
        }
        try {
            JsonNode n = JSON.readTree(a.body());
            if (n == null || !n.isObject()) {
                throw new IOException("not a JSON object");
            }
            return n;
        } catch (IOException | RuntimeException e) {
            throw new HubSpotApiException(ExceptionClass.CONNECTIVITY, a.status(), null, null, "HubSpot answered"
                    + " HTTP " + a.status() + " when asked to " + what + ", but the answer is not readable JSON"
                    + " (cut off or garbled on the way); try again.");
        }
    }

    private Answer exchange(HttpRequest r, String what, boolean isSearch) {
        boolean searchTaken = false;
        boolean generalTaken = false;
        try {
            if (isSearch) {
                search.acquire();
                searchTaken = true;
            }
            general.acquire();
            generalTaken = true;
            requests.incrementAndGet();
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> limits = new java.util.LinkedHashMap<>();
            for (String h : RATE_LIMIT_HEADERS) {
                res.headers().firstValue(h).ifPresent(v -> limits.put(h, v));
            }
            if (!limits.isEmpty()) {
                rateLimitsSeen.accept(java.util.Collections.unmodifiableMap(limits));
            }
            return new Answer(res.statusCode(), res.body(), res.headers().firstValue("Retry-After").orElse(null),
                    limits);
        } catch (HttpTimeoutException e) {
            throw new HubSpotApiException(ExceptionClass.CONNECTIVITY, 0, null, null, "HubSpot did not answer in time ("
                    + timeout.toSeconds() + " s) to " + what + "; a write may or may not have been made.", e);
        } catch (IOException e) {
            throw new HubSpotApiException(ExceptionClass.CONNECTIVITY, 0, null, null, "The connection to HubSpot at "
                    + r.uri().getHost() + " failed during " + what + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); a write may or may not have been"
                    + " made.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubSpotApiException(ExceptionClass.CONNECTIVITY, 0, null, null, "Interrupted while waiting for"
                    + " HubSpot to answer " + what + ".", e);
        } finally {
            if (generalTaken) {
                general.release();
            }
            if (searchTaken) {
                search.release();
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "HubSpotClient[" + connection + "]";
    }
}
