package io.crossbill.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.crossbill.sandbox.internal.AccountingHandler;
import io.crossbill.sandbox.internal.DemoFirm;
import io.crossbill.sandbox.internal.IdentityHandler;
import io.crossbill.sandbox.internal.ProjectsHandler;
import io.crossbill.sandbox.internal.RateLimiter;
import io.crossbill.sandbox.internal.XeroHttpHandler;
import io.crossbill.sandbox.internal.XeroState;
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
 * Local, stateful stand-ins for Xero Accounting ({@code /api.xro/2.0}) and Xero Projects
 * ({@code /projects.xro/2.0}) on 127.0.0.1, sharing one organisation (tenant): what one creates
 * the other sees, a Projects {@code contactId} is an Accounting {@code ContactID}.
 *
 * <pre>
 * try (XeroSandbox s = XeroSandbox.builder().build().start()) {
 *     URI accounting = s.accountingBaseUrl();   // http://127.0.0.1:port/api.xro/2.0
 *     // Authorization: Bearer s.token(), Xero-Tenant-Id: s.tenantId()
 * }
 * </pre>
 */
public final class XeroSandbox implements AutoCloseable {
    public static final String DEFAULT_TOKEN = "crossbill-sandbox-token";
    public static final String DEFAULT_TENANT_ID = "7c5a0bde-1d2b-4c9e-9f3a-0a1b2c3d4e5f";
    public static final long DEFAULT_SEED = 20261001L;
    /** The custom connection's client id that {@code POST /connect/token} accepts by default. */
    public static final String DEFAULT_CLIENT_ID = "crossbill-sandbox-client";
    /** The custom connection's client secret that {@code POST /connect/token} accepts by default. */
    public static final String DEFAULT_CLIENT_SECRET = "crossbill-sandbox-secret";

    /** Settings; every one has a working default. */
    public static final class Builder {
        private int accountingPort;
        private int projectsPort;
        private Clock clock = Clock.systemUTC();
        private long seed = DEFAULT_SEED;
        private boolean demoData = true;
        private java.nio.file.Path stateFile;
        private java.nio.file.Path seedFile;
        private String token = DEFAULT_TOKEN;
        private String tenantId = DEFAULT_TENANT_ID;
        private int concurrent = 5;
        private int perMinute = 60;
        private int perDay = 5000;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private Duration tokenLifetime = Duration.ofMinutes(30);

        /** 0 (the default) picks a free port. */
        public Builder accountingPort(int port) {
            this.accountingPort = port;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder projectsPort(int port) {
            this.projectsPort = port;
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

        /**
         * Keeps the organisation in a file (format: {@code XeroStateFile}): loaded when the sandbox is built if
         * the file exists (instead of the demo data), written by {@link XeroSandbox#saveState()}.
         */
        public Builder stateFile(java.nio.file.Path file) {
            this.stateFile = file;
            return this;
        }

        /**
         * Starts from the organisation in a seed file (the documented JSON format of {@code XeroStateFile})
         * instead of the demo data.
         */
        public Builder seedFile(java.nio.file.Path file) {
            this.seedFile = file;
            return this;
        }

        /** false: start with an empty organisation. */
        public Builder demoData(boolean demoData) {
            this.demoData = demoData;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Xero's per-tenant limits (5 concurrent, 60 per minute, 5,000 per day by default). */
        public Builder limits(int concurrent, int perMinute, int perDay) {
            this.concurrent = concurrent;
            this.perMinute = perMinute;
            this.perDay = perDay;
            return this;
        }

        /** The client id and secret {@code POST /connect/token} accepts. */
        public Builder clientCredentials(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /** How long an issued access token is accepted, on {@link #clock}; 30 minutes as at Xero. */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        public XeroSandbox build() {
            return new XeroSandbox(this);
        }
    }

    private final Builder cfg;
    private final XeroState state;
    private final Faults faults = new Faults();
    private final Set<String> tokens = new CopyOnWriteArraySet<>();
    private final AccountingHandler accounting;
    private final ProjectsHandler projects;
    private final IdentityHandler identity;
    private HttpServer accountingServer;
    private HttpServer projectsServer;
    private ExecutorService executor;

    private XeroSandbox(Builder b) {
        this.cfg = b;
        this.state = new XeroState(b.clock, b.seed);
        tokens.add(b.token);
        this.identity = new IdentityHandler(b.clientId, b.clientSecret, b.tokenLifetime, b.clock, tokens);
        XeroHttpHandler.Context ctx = new XeroHttpHandler.Context(() -> {
            identity.dropExpired();
            return tokens;
        }, b.tenantId,
                new RateLimiter(b.clock, b.concurrent, b.perMinute, b.perDay), faults);
        this.accounting = new AccountingHandler(state, ctx);
        this.projects = new ProjectsHandler(state, ctx);
        if (b.seedFile != null) {
            io.crossbill.sandbox.internal.XeroStateFile.read(b.seedFile, state);
        } else if (b.stateFile != null && java.nio.file.Files.isRegularFile(b.stateFile)) {
            io.crossbill.sandbox.internal.XeroStateFile.read(b.stateFile, state);
        } else if (b.demoData) {
            new DemoFirm(state, accounting, b.seed).seed();
        }
    }

    /**
     * The demo firm's expense reports for November 2026 as its expense tool exports them (the CSV layout of
     * {@code io.crossbill.connect.csv}; 42 rows, two of them deliberately bad). Xero Projects has no expense API.
     */
    public static java.io.InputStream demoExpenses() {
        java.io.InputStream in = XeroSandbox.class.getResourceAsStream("/demo/expenses-2026-11.csv");
        if (in == null) {
            throw new IllegalStateException("The sandbox bundle lacks demo/expenses-2026-11.csv.");
        }
        return in;
    }

    /** Writes the organisation to the builder's state file, if one was given. */
    public void saveState() {
        if (cfg.stateFile != null) {
            saveState(cfg.stateFile);
        }
    }

    /** Writes the organisation to a file, in the seed format (atomically). */
    public void saveState(java.nio.file.Path file) {
        io.crossbill.sandbox.internal.XeroStateFile.write(state, file);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds both servers on 127.0.0.1. */
    public synchronized XeroSandbox start() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        executor = Executors.newVirtualThreadPerTaskExecutor();
        accountingServer = HttpServer.create(new InetSocketAddress(loopback, cfg.accountingPort), 64);
        accountingServer.createContext("/", accounting);
        accountingServer.createContext(IdentityHandler.PATH, identity);
        accountingServer.setExecutor(executor);
        projectsServer = HttpServer.create(new InetSocketAddress(loopback, cfg.projectsPort), 64);
        projectsServer.createContext("/", projects);
        projectsServer.setExecutor(executor);
        accountingServer.start();
        projectsServer.start();
        return this;
    }

    /** e.g. http://127.0.0.1:54321/api.xro/2.0 (no trailing slash). */
    public URI accountingBaseUrl() {
        return URI.create("http://127.0.0.1:" + accountingServer.getAddress().getPort() + AccountingHandler.BASE);
    }

    /** e.g. http://127.0.0.1:54322/projects.xro/2.0 (no trailing slash). */
    public URI projectsBaseUrl() {
        return URI.create("http://127.0.0.1:" + projectsServer.getAddress().getPort() + ProjectsHandler.BASE);
    }

    /**
     * The stand-in for {@code https://identity.xero.com/connect/token} (client-credentials grant), e.g.
     * http://127.0.0.1:54321/connect/token; the tokens it issues are accepted by both APIs until they expire.
     */
    public URI identityUrl() {
        return URI.create("http://127.0.0.1:" + accountingServer.getAddress().getPort() + IdentityHandler.PATH);
    }

    /** How many access tokens {@link #identityUrl()} issued so far. */
    public int tokensIssued() {
        return identity.issued();
    }

    public String token() {
        return cfg.token;
    }

    /** Accepts one more bearer token (e.g. one the workbench pasted). */
    public void addToken(String token) {
        tokens.add(token);
    }

    /** Revokes a token: later requests with it get 401. */
    public void revokeToken(String token) {
        tokens.remove(token);
    }

    public String tenantId() {
        return cfg.tenantId;
    }

    public Faults faults() {
        return faults;
    }

    /** How many of each entity the organisation holds now. */
    public Map<String, Integer> counts() {
        synchronized (state) {
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put("contacts", state.contacts.size());
            m.put("invoices", state.invoices.size());
            m.put("projects", state.projects.size());
            m.put("tasks", state.tasks.size());
            m.put("timeEntries", state.timeEntries.size());
            m.put("users", state.users.size());
            return m;
        }
    }

    /**
     * Sets a time entry's status (ACTIVE, LOCKED, INVOICED) and optionally the invoice it was billed on.
     * The Projects API has no operation for this (Xero does it when a project invoice is raised in its
     * UI), so this is the sandbox's stand-in for that side effect.
     */
    public void setTimeEntryStatus(String timeEntryId, String status, String invoiceId) {
        if (!Set.of("ACTIVE", "LOCKED", "INVOICED").contains(status)) {
            throw new IllegalArgumentException("status must be ACTIVE, LOCKED or INVOICED: " + status);
        }
        synchronized (state) {
            ObjectNode e = state.timeEntries.get(timeEntryId.toLowerCase());
            if (e == null) {
                throw new IllegalArgumentException("no time entry " + timeEntryId);
            }
            e.put("status", status);
            if (invoiceId != null) {
                e.put("_invoiceId", invoiceId.toLowerCase());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (accountingServer != null) {
            accountingServer.stop(0);
        }
        if (projectsServer != null) {
            projectsServer.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /**
     * Starts both servers with the demo firm and prints their base URLs and credentials.
     * Arguments: [accountingPort [projectsPort]] (default: free ports).
     */
    public static void main(String[] args) throws Exception {
        Builder b = builder();
        if (args.length > 0) {
            b.accountingPort(Integer.parseInt(args[0]));
        }
        if (args.length > 1) {
            b.projectsPort(Integer.parseInt(args[1]));
        }
        XeroSandbox s = b.build().start();
        System.out.println("Xero Accounting: " + s.accountingBaseUrl());
        System.out.println("Xero Projects:   " + s.projectsBaseUrl());
        System.out.println("Authorization:   Bearer " + s.token());
        System.out.println("Token endpoint:  " + s.identityUrl() + " (client " + DEFAULT_CLIENT_ID + " / "
                + DEFAULT_CLIENT_SECRET + ")");
        System.out.println("Xero-Tenant-Id:  " + s.tenantId());
        System.out.println("Seeded:          " + s.counts());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.close();
            stop.countDown();
        }));
        stop.await();
    }
}
