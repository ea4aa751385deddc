package io.crossbill.connect.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.engine.api.ExceptionClass;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Access tokens for a Xero "custom connection": the OAuth2 client-credentials grant. {@link #get()}
 * returns a cached token while it has more than a minute left and otherwise fetches a new one with
 * {@code POST <identity endpoint>}, form {@code grant_type=client_credentials[&scope=...]}, HTTP Basic
 * {@code client_id:client_secret}. Pass it to {@link XeroConnection} as the token supplier.
 * <p>
 * Failures are {@link XeroApiException}s: a refused id or secret ({@code invalid_client},
 * {@code unauthorized_client}, 401) is AUTH; 429 RATE_LIMITED; 5xx, timeouts, no answer and an answer
 * without a token CONNECTIVITY. Neither the secret nor a token appears in a message, a log or
 * {@link #toString()}; the secret is kept as a char array and can be wiped with {@link #close()}.
 */
public final class XeroClientCredentials implements Supplier<String>, AutoCloseable {
    /** Xero's token endpoint. */
    public static final URI XERO_IDENTITY = URI.create("https://identity.xero.com/connect/token");
    /** A token is renewed when less than this is left of its lifetime. */
    public static final Duration MARGIN = Duration.ofSeconds(60);

    private final URI endpoint;
    private final String clientId;
    private final char[] clientSecret;
    private final String scope;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;
    private int fetches;
    private boolean closed;

    /**
     * @param endpoint     the token endpoint ({@link #XERO_IDENTITY} for Xero)
     * @param clientId     the custom connection's client id
     * @param clientSecret its secret; copied, so the caller may wipe its array
     * @param scope        space-separated scopes, or {@code null} for the connection's default scopes
     * @param clock        decides when a token is due for renewal
     */
    public XeroClientCredentials(URI endpoint, String clientId, char[] clientSecret, String scope, HttpClient http,
            Duration timeout, Clock clock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("a Xero client id is required");
        }
        if (clientSecret == null || clientSecret.length == 0) {
            throw new IllegalArgumentException("a Xero client secret is required");
        }
        this.clientId = clientId.strip();
        this.clientSecret = clientSecret.clone();
        this.scope = scope == null || scope.isBlank() ? null : scope.strip();
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** For Xero's identity service, with a 30-second timeout and the system clock. */
    public static XeroClientCredentials xero(String clientId, char[] clientSecret, String scope) {
        return new XeroClientCredentials(XERO_IDENTITY, clientId, clientSecret, scope, defaultHttp(),
                Duration.ofSeconds(30), Clock.systemUTC());
    }

    /** For another token endpoint (e.g. the sandbox's), with the given clock. */
    public static XeroClientCredentials at(URI endpoint, String clientId, char[] clientSecret, String scope,
            Clock clock) {
        return new XeroClientCredentials(endpoint, clientId, clientSecret, scope, defaultHttp(),
                Duration.ofSeconds(30), clock);
    }

    private static HttpClient defaultHttp() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A valid access token, fetched when there is none or less than {@link #MARGIN} is left of it. */
    @Override
    public synchronized String get() {
        if (closed) {
            throw new IllegalStateException("these Xero client credentials were closed");
        }
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    /** Forgets the cached token, so the next {@link #get()} fetches one (e.g. after the API answered 401). */
    public synchronized void invalidate() {
        token = null;
    }

    /** How many tokens were fetched so far. */
    public synchronized int fetches() {
        return fetches;
    }

    private void fetch() {
        String form = "grant_type=client_credentials"
                + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", basic())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Instant asked = clock.instant();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new XeroApiException(ExceptionClass.CONNECTIVITY, 0, null, null, "Could not reach Xero's identity"
                    + " service at " + endpoint + " to get an access token (" + e.getClass().getSimpleName()
                    + "); check the network connection, Crossbill retries.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XeroApiException(ExceptionClass.CONNECTIVITY, 0, null, null,
                    "Getting a Xero access token was interrupted.", e);
        }
        int status = answer.statusCode();
        String error = errorCode(answer.body());
        if (status == 400 && ("invalid_client".equals(error) || "unauthorized_client".equals(error))
                || status == 401) {
            throw new XeroApiException(ExceptionClass.AUTH, status, null, null, "Xero refused the client id "
                    + clientId + " or its secret (" + (error == null ? "HTTP " + status : error) + "): check the"
                    + " custom connection's client id and secret in Crossbill's credentials against the Xero"
                    + " developer portal, and that the connection is still authorised.");
        }
        if (status == 400 && "invalid_scope".equals(error)) {
            throw new XeroApiException(ExceptionClass.AUTH, status, null, null, "Xero refused the scopes '" + scope
                    + "' for client " + clientId + " (invalid_scope): ask only for scopes the custom connection"
                    + " was granted.");
        }
        if (status == 429) {
            String retry = answer.headers().firstValue("Retry-After").orElse(null);
            throw new XeroApiException(ExceptionClass.RATE_LIMITED, status, seconds(retry), null,
                    "Xero's identity service is limiting requests (HTTP 429); Crossbill retries later.");
        }
        if (status < 200 || status >= 300) {
            ExceptionClass c = status >= 500 || status == 408 ? ExceptionClass.CONNECTIVITY : ExceptionClass.REJECTED;
            throw new XeroApiException(c, status, null, null, "Xero's identity service answered HTTP " + status
                    + (error == null ? "" : " (" + error + ")") + " to the token request.");
        }
        JsonNode json = parse(answer.body());
        String access = json == null ? null : json.path("access_token").asText(null);
        long expiresIn = json == null ? 0 : json.path("expires_in").asLong(0);
        if (access == null || access.isBlank() || expiresIn <= 0) {
            throw new XeroApiException(ExceptionClass.CONNECTIVITY, status, null, null, "Xero's identity service"
                    + " answered without an access token and its lifetime; Crossbill retries.");
        }
        token = access;
        renewAt = asked.plusSeconds(expiresIn).minus(MARGIN);
        fetches++;
    }

    private String basic() {
        // RFC 6749 2.3.1: id and secret are form-encoded, then joined with ':' and Base64-encoded
        String id = URLEncoder.encode(clientId, StandardCharsets.UTF_8);
        String secret = URLEncoder.encode(CharBuffer.wrap(clientSecret).toString(), StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String errorCode(String body) {
        JsonNode json = parse(body);
        return json == null ? null : json.path("error").asText(null);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return XeroClient.JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Duration seconds(String retryAfter) {
        try {
            return retryAfter == null ? null : Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Wipes the secret and forgets the token; {@link #get()} fails afterwards. */
    @Override
    public synchronized void close() {
        Arrays.fill(clientSecret, '\0');
        token = null;
        closed = true;
    }

    @Override
    public String toString() {
        return "XeroClientCredentials[endpoint=" + endpoint + ", clientId=" + clientId + ", secret=****, token="
                + (token == null ? "none" : "****") + "]";
    }
}
