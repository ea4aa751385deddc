package io.crossbill.delivery.http;

import io.crossbill.delivery.DeliveryClock;
import io.crossbill.delivery.LookupFailedException;
import io.crossbill.engine.api.Connector;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.WriteResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A connector for a JSON-over-HTTP target: {@code POST <base>/<entity>} with the canonical payload, the
 * outbox entry's idempotency key in {@code Idempotency-Key} and as our reference in
 * {@code X-Crossbill-Reference}; {@code GET <base>/<entity>?reference=<key>} finds an earlier write. The
 * vendor connectors add authentication and their own payload shapes on top of the same answer rules
 * ({@link HttpAnswers}).
 */
public final class JsonHttpConnector implements Connector {

    /** The header a Xero-style target deduplicates by. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The header carrying our reference, which the target stores and can be searched by. */
    public static final String REFERENCE = "X-Crossbill-Reference";

    private final String system;
    private final URI base;
    private final HttpClient client;
    private final Duration timeout;
    private final boolean honoursKey;
    private final DeliveryClock clock;

    /**
     * @param honoursKey whether the target deduplicates by {@code Idempotency-Key}
     * @param timeout    how long to wait for an answer before the attempt counts as a timeout
     */
    public JsonHttpConnector(String system, URI base, HttpClient client, Duration timeout, boolean honoursKey,
            DeliveryClock clock) {
        this.system = system;
        this.base = base;
        this.client = client;
        this.timeout = timeout;
        this.honoursKey = honoursKey;
        this.clock = clock;
    }

    /** A client suited to delivery: HTTP/1.1, a short connect timeout. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public String system() {
        return system;
    }

    @Override
    public boolean honoursIdempotencyKey() {
        return honoursKey;
    }

    @Override
    public WriteResult write(OutboxEntry entry) {
        HttpRequest request = HttpRequest.newBuilder(entityUri(entry.entity(), null)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header(IDEMPOTENCY_KEY, entry.idempotencyKey()).header(REFERENCE, entry.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(entry.payload())).build();
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            return HttpAnswers.classify(system, answer.statusCode(),
                    answer.headers().firstValue("Retry-After").orElse(null), answer.body(), clock.now());
        } catch (IOException e) {
            return transportFault(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WriteResult.retry(ExceptionClass.CONNECTIVITY, "The write to " + system
                    + " was interrupted before an answer came; the write may have been made.", null);
        }
    }

    @Override
    public Optional<String> findByReference(String entity, String reference) {
        HttpRequest request = HttpRequest.newBuilder(entityUri(entity, reference)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> answer;
        try {
            answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LookupFailedException(transportFault(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupFailedException(WriteResult.retry(ExceptionClass.CONNECTIVITY,
                    "The look-up in " + system + " was interrupted.", null));
        }
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        WriteResult r = HttpAnswers.classify(system, answer.statusCode(),
                answer.headers().firstValue("Retry-After").orElse(null), answer.body(), clock.now());
        if (r.outcome() == WriteResult.Outcome.DONE) {
            return Optional.of(r.targetId());
        }
        throw new LookupFailedException(r);
    }

    private WriteResult transportFault(IOException e) {
        String what;
        if (e instanceof HttpTimeoutException) {
            what = system + " did not answer within " + timeout.toMillis() + " ms; the write may have been made.";
        } else if (e instanceof ConnectException) {
            what = "Crossbill could not connect to " + system + " at " + base + " (connection refused or"
                    + " unreachable).";
        } else {
            what = "The connection to " + system + " failed before a full answer came; the write may have been"
                    + " made.";
        }
        return WriteResult.retry(ExceptionClass.CONNECTIVITY, what + "\n" + e, null);
    }

    private URI entityUri(String entity, String reference) {
        String b = base.toString();
        String path = (b.endsWith("/") ? b : b + "/") + URLEncoder.encode(entity, StandardCharsets.UTF_8);
        return URI.create(reference == null ? path
                : path + "?reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8));
    }
}
