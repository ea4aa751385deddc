package io.crossbill.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.crossbill.sandbox.internal.HubSpotDemo;
import io.crossbill.sandbox.internal.HubSpotHttpHandler;
import io.crossbill.sandbox.internal.HubSpotRateLimiter;
import io.crossbill.sandbox.internal.HubSpotSchema.ObjectType;
import io.crossbill.sandbox.internal.HubSpotStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local, stateful stand-in for the HubSpot CRM v3 API (companies, contacts, deals, line items, search,
 * batch read, associations v4) on 127.0.0.1, with HubSpot's bearer-token check, rate limits, error bodies and
 * fault injection, seeded with the demo firm's CRM.
 *
 * <pre>
 * try (HubSpotSandbox s = HubSpotSandbox.builder().build().start()) {
 *     URI api = s.baseUrl();   // http://127.0.0.1:port, the counterpart of https://api.hubapi.com
 *     // Authorization: Bearer s.token()
 * }
 * </pre>
 */
public final class HubSpotSandbox implements AutoCloseable {
    public static final String DEFAULT_TOKEN = "crossbill-hubspot-sandbox-token";
    /** The same default seed as {@link XeroSandbox}, so the shared customers agree. */
    public static final long DEFAULT_SEED = XeroSandbox.DEFAULT_SEED;

    /** Settings; every one has a working default. */
    public static final class Builder {
        private int port;
        private Clock clock = Clock.systemUTC();
        private long seed = DEFAULT_SEED;
        private boolean demoData = true;
        private String token = DEFAULT_TOKEN;
        private int perInterval = 190;
        private Duration interval = Duration.ofSeconds(10);
        private int perDay = 650_000;
        private int searchPerSecond;
        private int searchResultCap = 10_000;

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The clock behind rate limits and timestamps; use {@link ManualClock} in tests. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** false: start with an empty portal. */
        public Builder demoData(boolean demoData) {
            this.demoData = demoData;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** HubSpot's limits: 190 per rolling 10 s and 650,000 per day by default. */
        public Builder limits(int perTenSeconds, int perDay) {
            return limits(perTenSeconds, Duration.ofSeconds(10), perDay);
        }

        /** The rolling limit over another interval (tests use a short one with the system clock). */
        public Builder limits(int perInterval, Duration interval, int perDay) {
            if (perInterval < 1 || perDay < 1 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("limits must be positive");
            }
            this.perInterval = perInterval;
            this.interval = interval;
            this.perDay = perDay;
            return this;
        }

        /**
         * HubSpot's separate limit on the search endpoints (five per second per token). Off (0) by default,
         * because tests on a {@link ManualClock} never see a second pass.
         */
        public Builder searchPerSecond(int searchPerSecond) {
            this.searchPerSecond = searchPerSecond;
            return this;
        }

        /** How many results a search can page through (HubSpot: 10,000). */
        public Builder searchResultCap(int cap) {
            this.searchResultCap = cap;
            return this;
        }

        public HubSpotSandbox build() {
            return new HubSpotSandbox(this);
        }
    }

    private final Builder cfg;
    private final HubSpotStore store;
    private final Faults faults = new Faults();
    private final Set<String> tokens = new CopyOnWriteArraySet<>();
    private final HubSpotHttpHandler handler;
    private HttpServer server;
    private ExecutorService executor;

    private HubSpotSandbox(Builder b) {
        this.cfg = b;
        this.store = new HubSpotStore(b.clock, b.seed);
        tokens.add(b.token);
        HubSpotRateLimiter limiter = new HubSpotRateLimiter(b.clock, b.perInterval, b.interval, b.perDay,
                b.searchPerSecond);
        this.handler = new HubSpotHttpHandler(() -> tokens, limiter, faults, store, b.searchResultCap);
        if (b.demoData) {
            new HubSpotDemo(store, b.seed).seed();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the server on 127.0.0.1. */
    public synchronized HubSpotSandbox start() throws IOException {
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), cfg.port), 64);
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        return this;
    }

    /** e.g. http://127.0.0.1:54323 (no trailing slash); paths start with /crm/v3 or /crm/v4 as at HubSpot. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String token() {
        return cfg.token;
    }

    /** Accepts one more bearer token. */
    public void addToken(String token) {
        tokens.add(token);
    }

    /** Revokes a token: later requests with it get 401. */
    public void revokeToken(String token) {
        tokens.remove(token);
    }

    /**
     * Armed faults: RATE_LIMIT (429, policy TEN_SECONDLY_ROLLING), SERVER_ERROR (500), SERVICE_UNAVAILABLE (503)
     * answer before the request has any effect; MALFORMED_JSON applies it and answers a truncated body; SLOW
     * answers late.
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Arms {@code count} dropped connections for requests whose path contains {@code pathContains} (null: any):
     * the request is applied, then the connection is closed without an answer.
     */
    public void dropConnectionAfterWrite(int count, String pathContains) {
        handler.dropAfterApplying(count, pathContains);
    }

    /** How many live (not archived) records of each type the portal holds now, and the association pairs. */
    public Map<String, Integer> counts() {
        synchronized (store) {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (ObjectType t : ObjectType.values()) {
                m.put(t.path, (int) store.records(t).values().stream()
                        .filter(r -> !r.path("archived").asBoolean()).count());
            }
            m.put("associations", store.associationCount());
            return m;
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Starts the server with the demo CRM and prints its base URL and token. Argument: [port]. */
    public static void main(String[] args) throws Exception {
        Builder b = builder();
        if (args.length > 0) {
            b.port(Integer.parseInt(args[0]));
        }
        HubSpotSandbox s = b.build().start();
        System.out.println("HubSpot CRM:   " + s.baseUrl());
        System.out.println("Authorization: Bearer " + s.token());
        System.out.println("Seeded:        " + s.counts());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.close();
            stop.countDown();
        }));
        stop.await();
    }
}
