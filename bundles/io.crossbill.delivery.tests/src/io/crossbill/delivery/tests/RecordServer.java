package io.crossbill.delivery.tests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target system on 127.0.0.1 that takes {@code POST /<entity>} of JSON records and counts what they
 * cause: one effect per record created, by the record's business {@code reference}. Like Xero it honours
 * {@code Idempotency-Key} (a repeat with a known key gets the first answer and no second effect) unless
 * made without; {@code GET /<entity>?reference=<our reference>} finds a record. It can be told to answer
 * the next requests badly, or at random.
 */
public final class RecordServer implements AutoCloseable {

    /** A bad answer. */
    public enum Fault {
        /** 429 with the Retry-After given to {@link RecordServer#failNext(int, Fault, String)}, or none. */
        TOO_MANY_REQUESTS,
        /** 500, nothing created. */
        SERVER_ERROR,
        /** Salesforce: 403 with {@code REQUEST_LIMIT_EXCEEDED}. */
        REQUEST_LIMIT_EXCEEDED,
        /** Xero-style 400 validation error with the message given. */
        VALIDATION_ERROR,
        /** 401. */
        UNAUTHORIZED,
        /** 200 with a body that is not JSON; the record is created. */
        GARBAGE,
        /** The record is created, then the answer is 500 (the answer is lost, the effect is not). */
        EFFECT_THEN_ERROR,
        /** The record is created, then no answer for {@link RecordServer#hangMillis}. */
        EFFECT_THEN_HANG
    }

    private record Answer(int status, String body) {
    }

    private record Scripted(Fault fault, String argument) {
    }

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final boolean honoursKeys;
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final Map<String, Answer> answersByKey = new ConcurrentHashMap<>();
    private final Map<String, String> idsByOurReference = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long delayMillis;
    private volatile long hangMillis = 5_000;
    private volatile Random random;
    private volatile double randomErrorRate;
    private volatile double randomLostAnswerRate;

    /** A server on an ephemeral port of 127.0.0.1. */
    public RecordServer(boolean honoursKeys) throws IOException {
        this.honoursKeys = honoursKeys;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The next {@code n} writes get this fault. */
    public RecordServer failNext(int n, Fault fault) {
        return failNext(n, fault, null);
    }

    /** The next {@code n} writes get this fault; {@code argument} is the Retry-After or the message. */
    public synchronized RecordServer failNext(int n, Fault fault, String argument) {
        for (int i = 0; i < n; i++) {
            script.add(new Scripted(fault, argument));
        }
        return this;
    }

    /** Every write answers after this many milliseconds (to make requests overlap). */
    public RecordServer delay(long millis) {
        delayMillis = millis;
        return this;
    }

    public RecordServer hangMillis(long millis) {
        hangMillis = millis;
        return this;
    }

    /**
     * Unscripted writes fail at random: {@code errorRate} get a 503 before anything is created,
     * {@code lostAnswerRate} create the record and then answer 500.
     */
    public RecordServer randomFaults(long seed, double errorRate, double lostAnswerRate) {
        random = new Random(seed);
        randomErrorRate = errorRate;
        randomLostAnswerRate = lostAnswerRate;
        return this;
    }

    /** How many records a business reference created. */
    public int effects(String reference) {
        AtomicInteger n = effects.get(reference);
        return n == null ? 0 : n.get();
    }

    /** Business references that created more than one record, or none. */
    public Map<String, Integer> doubled() {
        Map<String, Integer> d = new java.util.TreeMap<>();
        effects.forEach((ref, n) -> {
            if (n.get() > 1) {
                d.put(ref, n.get());
            }
        });
        return d;
    }

    /** How many different references created a record. */
    public int distinctEffects() {
        return effects.size();
    }

    /** Write requests received. */
    public int posts() {
        return posts.get();
    }

    /** Look-ups by reference received. */
    public int lookups() {
        return lookups.get();
    }

    /** The most write requests that were being answered at one time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                lookups.incrementAndGet();
                lookUp(exchange);
                return;
            }
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            Answer answer;
            try {
                posts.incrementAndGet();
                answer = write(exchange);
            } finally {
                // before the answer goes out: once the client has it, it may send the next request
                inFlight.decrementAndGet();
            }
            send(exchange, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer write(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (delayMillis > 0) {
            Thread.sleep(delayMillis);
        }
        Scripted scripted;
        synchronized (this) {
            scripted = script.poll();
        }
        Fault fault = scripted == null ? randomFault() : scripted.fault();
        String argument = scripted == null ? null : scripted.argument();
        if (fault != null) {
            switch (fault) {
                case TOO_MANY_REQUESTS -> {
                    if (argument != null) {
                        exchange.getResponseHeaders().add("Retry-After", argument);
                    }
                    return new Answer(429, "{\"message\":\"Too many requests\"}");
                }
                case SERVER_ERROR -> {
                    return new Answer(scripted == null ? 503 : 500, "<html>Internal error</html>");
                }
                case REQUEST_LIMIT_EXCEEDED -> {
                    return new Answer(403, "[{\"message\":\"TotalRequests Limit exceeded.\","
                            + "\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
                }
                case VALIDATION_ERROR -> {
                    return new Answer(400, "{\"ErrorNumber\":10,\"Type\":\"ValidationException\","
                            + "\"Message\":\"A validation exception occurred\",\"Elements\":[{\"ValidationErrors\":"
                            + "[{\"Message\":\"" + argument + "\"}]}]}");
                }
                case UNAUTHORIZED -> {
                    return new Answer(401, "{\"Title\":\"Unauthorized\",\"Detail\":\"TokenExpired\"}");
                }
                default -> {
                    // the faults below create the record first
                }
            }
        }
        Answer answer = create(exchange, body);
        if (fault == Fault.GARBAGE) {
            return new Answer(200, "<<not json>> \u0000 ok?");
        }
        if (fault == Fault.EFFECT_THEN_ERROR) {
            return new Answer(500, "{\"message\":\"Internal error\"}");
        }
        if (fault == Fault.EFFECT_THEN_HANG) {
            Thread.sleep(hangMillis);
        }
        return answer;
    }

    /** Creates the record unless the key was seen; returns the (first) answer. */
    private Answer create(HttpExchange exchange, byte[] body) {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String ours = exchange.getRequestHeaders().getFirst("X-Crossbill-Reference");
        if (honoursKeys && key != null) {
            return answersByKey.computeIfAbsent(key, k -> effect(body, ours));
        }
        return effect(body, ours);
    }

    private Answer effect(byte[] body, String ours) {
        Matcher m = REFERENCE.matcher(new String(body, StandardCharsets.UTF_8));
        String reference = m.find() ? m.group(1) : "(none)";
        String id = "R" + nextId.getAndIncrement();
        effects.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
        if (ours != null) {
            idsByOurReference.put(ours, id);
        }
        return new Answer(200, "{\"id\":\"" + id + "\",\"reference\":\"" + reference + "\"}");
    }

    private Fault randomFault() {
        Random r = random;
        if (r == null) {
            return null;
        }
        double x;
        synchronized (r) {
            x = r.nextDouble();
        }
        if (x < randomErrorRate) {
            return Fault.SERVER_ERROR;
        }
        return x < randomErrorRate + randomLostAnswerRate ? Fault.EFFECT_THEN_ERROR : null;
    }

    private void lookUp(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String ours = null;
        if (query != null && query.startsWith("reference=")) {
            ours = URLDecoder.decode(query.substring("reference=".length()), StandardCharsets.UTF_8);
        }
        String id = ours == null ? null : idsByOurReference.get(ours);
        send(exchange, id == null ? new Answer(404, "{\"message\":\"not found\"}")
                : new Answer(200, "{\"id\":\"" + id + "\"}"));
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] b = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), b.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
