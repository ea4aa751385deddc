package io.crossbill.connect.xero.contract.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that hands every call to a real client and keeps what Prism said about it: the
 * status, the {@code sl-violations} header and, when Prism answered itself (422 for a request that breaks the
 * spec, 500 for an answer that does), its problem document. The connector under test uses it unchanged
 * through {@code XeroClient}'s constructor, so its own requests are the ones checked.
 */
final class RecordingHttpClient extends HttpClient {

    /** One validator finding: where ({@code request.body.Invoices.0.Type}), how bad, and what. */
    record Violation(String location, String severity, String message) {
        @Override
        public String toString() {
            return severity + " at " + location + ": " + message;
        }
    }

    /** One request and what came back through Prism. */
    record Exchange(String method, String target, int status, boolean viaPrism, String prismProblem,
            List<Violation> violations) {

        /**
         * The findings that break the contract: everything except Prism's warning that the spec declares no
         * answer for a status code in {@code undeclaredStatuses} (the specs leave out 401, 403, 404 and 429,
         * which Xero does send).
         */
        List<String> breaches(Set<Integer> undeclaredStatuses) {
            List<String> out = new ArrayList<>();
            if (!viaPrism) {
                out.add("the answer did not come through Prism (no CORS header Prism adds)");
            }
            if (prismProblem != null) {
                out.add("Prism answered itself: " + prismProblem);
            }
            for (Violation v : violations) {
                boolean undeclaredStatus = "Warning".equals(v.severity())
                        && v.message().startsWith("Unable to match the returned status code")
                        && undeclaredStatuses.contains(status);
                if (!undeclaredStatus) {
                    out.add(v.toString());
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return method + " " + target + " -> " + status;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient delegate;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    RecordingHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** Every exchange so far, oldest first. */
    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The exchanges after the first {@code from} ones. */
    List<Exchange> since(int from) {
        List<Exchange> all = exchanges();
        return all.subList(Math.min(from, all.size()), all.size());
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<T> response = delegate.send(request, handler);
        record(request, response);
        return response;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler).thenApply(r -> {
            record(request, r);
            return r;
        });
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
        return delegate.sendAsync(request, handler, push).thenApply(r -> {
            record(request, r);
            return r;
        });
    }

    private void record(HttpRequest request, HttpResponse<?> response) {
        HttpHeaders h = response.headers();
        List<Violation> violations = new ArrayList<>();
        h.firstValue("sl-violations").ifPresent(v -> violations.addAll(parse(v, "sl-violations header")));
        String problem = null;
        boolean prismProblem = h.firstValue("content-type").orElse("").startsWith("application/problem+json");
        if (prismProblem) {
            JsonNode doc = read(String.valueOf(response.body()));
            problem = response.statusCode() + " " + doc.path("title").asText("") + " - "
                    + doc.path("detail").asText("");
            if (doc.has("validation")) {
                violations.addAll(parse(doc.path("validation").toString(), "problem document"));
            }
        }
        String target = request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
        // with --errors Prism lists a finding both in the header and in its problem document: once is enough
        exchanges.add(new Exchange(request.method(), target, response.statusCode(),
                h.firstValue("access-control-allow-origin").isPresent(), problem,
                List.copyOf(new LinkedHashSet<>(violations))));
    }

    private static List<Violation> parse(String json, String where) {
        List<Violation> out = new ArrayList<>();
        String text = json.startsWith("Too many violations! ") ? json.substring(21) : json;
        JsonNode list = read(text);
        if (!list.isArray()) {
            out.add(new Violation(where, "Error", "Prism's findings could not be read: " + json));
            return out;
        }
        for (JsonNode v : list) {
            List<String> path = new ArrayList<>();
            v.path("location").forEach(p -> path.add(p.asText()));
            out.add(new Violation(String.join(".", path), v.path("severity").asText("?"),
                    v.path("message").asText(v.toString())));
        }
        return out;
    }

    private static JsonNode read(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n == null ? JSON.missingNode() : n;
        } catch (IOException | RuntimeException e) {
            return JSON.missingNode();
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
