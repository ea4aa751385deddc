package io.crossbill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.connect.hubspot.HubSpotApiException;
import io.crossbill.connect.hubspot.HubSpotClient;
import io.crossbill.connect.hubspot.HubSpotConnection;
import io.crossbill.connect.hubspot.HubSpotErrors;
import io.crossbill.connect.xero.XeroApiException;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.connect.xero.XeroClientCredentials;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.connect.xero.XeroErrors;
import io.crossbill.credentials.CredentialStore;
import io.crossbill.sandbox.HubSpotSandbox;
import io.crossbill.sandbox.XeroSandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The systems the workflows of a workspace run against. {@code <workspace>/systems.json} names real ones:
 *
 * <pre>
 * {"hubspot": {"baseUrl": "https://api.hubapi.com"},
 *  "xero": {"accountingBaseUrl": "https://api.xero.com/api.xro/2.0",
 *           "projectsBaseUrl": "https://api.xero.com/projects.xro/2.0", "tenantId": "..."}}
 * </pre>
 *
 * Their credentials come from the workspace's secure storage (system {@code hubspot} key {@code token};
 * system {@code xero} key {@code token}, or keys {@code client_id} and {@code client_secret} for a custom
 * connection), set with {@code ./crossbill credentials set} or the workbench's Systems view; never from files
 * or the command line. Without a {@code systems.json} (or with {@code "sandbox": true} in
 * {@code engine.json}, see {@link EngineSettings}) the workspace runs on the built-in sandbox: the demo firm's
 * HubSpot, Xero Projects and Xero Accounting on 127.0.0.1, the Xero organisation kept in
 * {@code <workspace>/sandbox/xero.json} between runs (the sandboxed HubSpot starts from the demo data each
 * time). Expense reports (Xero Projects has no expense API) are the CSV files in
 * {@code <workspace>/expenses/}; on the sandbox, the demo firm's.
 * <p>
 * {@link #testConnection(String)} makes one cheap real read of a system and reports whether it answered,
 * how fast, and the API budget its answer said is left.
 */
public final class WorkspaceSystems implements AutoCloseable {

    /** The CRM's name in endpoints, outbox rows and connection tests. */
    public static final String HUBSPOT = "hubspot";
    /** The PSA's name. */
    public static final String XERO_PROJECTS = "xero-projects";
    /** The ERP's name. */
    public static final String XERO_ACCOUNTING = "xero-accounting";
    /** The systems in the order they are shown. */
    public static final List<String> NAMES = List.of(HUBSPOT, XERO_PROJECTS, XERO_ACCOUNTING);

    /**
     * Where one system is reached.
     *
     * @param system      {@link #HUBSPOT}, {@link #XERO_PROJECTS} or {@link #XERO_ACCOUNTING}
     * @param label       the name an analyst knows it by ("HubSpot CRM")
     * @param kind        CRM, PSA or ERP
     * @param baseUrl     the API's base URL
     * @param credentials which secure-storage system its credentials are kept under ({@code hubspot},
     *                    {@code xero})
     */
    public record Endpoint(String system, String label, String kind, URI baseUrl, String credentials) {
    }

    /**
     * The outcome of one connection test.
     *
     * @param system     the system tested
     * @param ok         {@code true} when the system answered the read with success
     * @param message    what happened, in plain words (never a secret)
     * @param latency    how long the answer took (zero when nothing answered)
     * @param rateLimits the rate-limit headers of the answer, by header name; empty when it carried none
     * @param at         when the test was made
     */
    public record ConnectionTest(String system, boolean ok, String message, Duration latency,
            Map<String, String> rateLimits, Instant at) {

        public ConnectionTest {
            rateLimits = Map.copyOf(rateLimits);
        }

        /**
         * The API budget left, in words: "58/min, 4,990/day" for Xero, "187 in 10 s, 649,800/day" for HubSpot;
         * empty when the answer carried no rate-limit headers.
         */
        public String budget() {
            return String.join(", ", ApiBudgets.parse(rateLimits, Map.of(), at).stream()
                    .filter(b -> !b.window().equals("app minute")).map(ApiBudgets.Budget::compact).toList());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Systems systems;
    private final ApiBudgets budgets;
    private final HubSpotConnection hubspot;
    private final XeroConnection xero;
    private final XeroSandbox xeroSandbox;
    private final HubSpotSandbox hubSpotSandbox;

    private WorkspaceSystems(Systems systems, HubSpotConnection hubspot, XeroConnection xero, XeroSandbox xs,
            HubSpotSandbox hs, ApiBudgets budgets) {
        this.budgets = budgets;
        this.systems = systems;
        this.hubspot = hubspot;
        this.xero = xero;
        this.xeroSandbox = xs;
        this.hubSpotSandbox = hs;
    }

    /**
     * Opens the systems of a workspace: those of its {@code systems.json}, or the built-in sandbox (started on
     * 127.0.0.1) without one or when {@code engine.json} asks for it.
     *
     * @throws IllegalArgumentException naming the file when {@code systems.json} or {@code engine.json} is
     *                                  not valid
     * @throws IllegalStateException    when credentials are missing or the sandbox cannot start
     */
    public static WorkspaceSystems open(Path workspace) {
        return open(workspace, EngineSettings.load(workspace).sandbox(), null);
    }

    /**
     * Where a connection's credentials are looked up: by system ({@code hubspot}, {@code xero}) and key
     * ({@code token}, {@code client_id}, {@code client_secret}); {@code CredentialStore::get} is one.
     */
    @FunctionalInterface
    public interface Credentials {
        Optional<char[]> get(String system, String key);
    }

    /**
     * Opens the systems of a workspace.
     *
     * @param forceSandbox {@code true}: the built-in sandbox even when {@code systems.json} names real systems
     * @param store        where the credentials are; {@code null} for the workspace's own secure storage
     */
    public static WorkspaceSystems open(Path workspace, boolean forceSandbox, Credentials store) {
        Path config = workspace.resolve("systems.json");
        if (forceSandbox || !Files.isRegularFile(config)) {
            return sandbox(workspace);
        }
        JsonNode n = readConfig(config);
        JsonNode hs = n.path("hubspot");
        JsonNode x = n.path("xero");
        if (!hs.isObject() || !x.isObject() || x.path("tenantId").asText("").isBlank()) {
            throw new IllegalArgumentException(config + " must name \"hubspot\" and \"xero\" (with its \"tenantId\");"
                    + " see README.");
        }
        Credentials creds = store != null ? store : CredentialStore.open(workspace)::get;
        Supplier<String> hubspotToken = token(creds, "hubspot", "CROSSBILL_HUBSPOT_TOKEN");
        Supplier<String> xeroToken;
        Optional<char[]> clientId = creds.get("xero", "client_id");
        if (clientId.isPresent()) {
            char[] secret = creds.get("xero", "client_secret").orElseThrow(() -> new IllegalStateException("The"
                    + " secure storage has a Xero client_id but no client_secret; set it with ./crossbill credentials"
                    + " set xero client_secret (or Set credentials... in the Systems view)."));
            xeroToken = XeroClientCredentials.xero(new String(clientId.get()), secret, x.path("scope").asText(null));
        } else {
            xeroToken = token(creds, "xero", "CROSSBILL_XERO_TOKEN");
        }
        XeroConnection xc = new XeroConnection(url(config, x, "accountingBaseUrl", XeroConnection.XERO_ACCOUNTING),
                url(config, x, "projectsBaseUrl", XeroConnection.XERO_PROJECTS), x.path("tenantId").asText(),
                xeroToken);
        HubSpotConnection hc = new HubSpotConnection(url(config, hs, "baseUrl", HubSpotConnection.HUBSPOT_API),
                hubspotToken);
        ApiBudgets budgets = new ApiBudgets(ApiBudgets.XERO_LIMITS, java.time.Clock.systemUTC());
        return new WorkspaceSystems(Systems.connect(hc, xc, budgets::seen).withExpenses(Systems.expensesFrom(
                expenseFiles(workspace))), hc, xc, null, null, budgets);
    }

    /** The API budget left per system and window, as the systems' latest answers said. */
    public ApiBudgets apiBudgets() {
        return budgets;
    }

    /** The connectors the workflows use. */
    public Systems systems() {
        return systems;
    }

    /** {@code true} when these are the built-in sandbox's systems on 127.0.0.1. */
    public boolean isSandbox() {
        return xeroSandbox != null;
    }

    /** Where each system is reached, in the order of {@link #NAMES}. */
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint(HUBSPOT, "HubSpot CRM", "CRM", hubspot.base(), "hubspot"),
                new Endpoint(XERO_PROJECTS, "Xero Projects", "PSA", xero.projectsBase(), "xero"),
                new Endpoint(XERO_ACCOUNTING, "Xero Accounting", "ERP", xero.accountingBase(), "xero"));
    }

    /** The endpoint of one system. */
    public Endpoint endpoint(String system) {
        return endpoints().stream().filter(e -> e.system().equals(system)).findFirst()
                .orElseThrow(() -> unknown(system));
    }

    /**
     * One cheap real read of a system: HubSpot's companies (limit 1), Xero Projects' projects (page 1, one
     * item), Xero Accounting's contacts (page 1). Never throws for a failed read: the outcome says why.
     */
    public ConnectionTest testConnection(String system) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        try {
            return switch (system) {
                case HUBSPOT -> {
                    HubSpotClient.Answer a = new HubSpotClient(hubspot).onRateLimits(l -> budgets.seen("hubspot", l))
                            .send("GET", "/crm/v3/objects/companies",
                            Map.of("limit", "1"), null);
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    String message = a.ok() ? "HubSpot answered: the companies can be read."
                            : HubSpotErrors.toException("read the companies", a.status(), a.body(), a.retryAfter(),
                                    Duration.ofSeconds(10), Instant.now()).getMessage();
                    yield new ConnectionTest(system, a.ok(), message, took, a.rateLimits(), at);
                }
                case XERO_PROJECTS -> xeroTest(system, XeroClient.Api.PROJECTS, "/projects",
                        Map.of("page", "1", "pageSize", "1"), "Xero Projects answered: the projects can be read.",
                        "read the projects", start, at);
                case XERO_ACCOUNTING -> xeroTest(system, XeroClient.Api.ACCOUNTING, "/Contacts", Map.of("page", "1"),
                        "Xero Accounting answered: the contacts can be read.", "read the contacts", start, at);
                default -> throw unknown(system);
            };
        } catch (HubSpotApiException | XeroApiException e) {
            return new ConnectionTest(system, false, e.getMessage(), Duration.ZERO, Map.of(), at);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && !NAMES.contains(system)) {
                throw e;
            }
            // a token that cannot be had (client credentials refused) arrives here
            return new ConnectionTest(system, false, "The test of " + system + " could not be made: "
                    + e.getMessage(), Duration.ZERO, Map.of(), at);
        }
    }

    private ConnectionTest xeroTest(String system, XeroClient.Api api, String path, Map<String, String> query,
            String okMessage, String what, long start, Instant at) {
        XeroClient.Answer a = new XeroClient(xero).onRateLimits(l -> budgets.seen("xero", l)).read(api, path, query);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String message = a.ok() ? okMessage
                : XeroErrors.toException(what, a.status(), a.body(), a.retryAfter(), a.rateLimitProblem(),
                        Clock.systemUTC().instant()).getMessage();
        return new ConnectionTest(system, a.ok(), message, took, a.rateLimits(), at);
    }

    private static IllegalArgumentException unknown(String system) {
        return new IllegalArgumentException("There is no system '" + system + "'; the systems are "
                + String.join(", ", NAMES) + ".");
    }

    /**
     * Writes the base URL of one system into {@code <workspace>/systems.json}, creating the file (with the
     * vendors' public URLs for the other systems) when there is none. A workspace that ran on the sandbox runs
     * on the systems of the file from then on, so a Xero tenant id is needed too.
     *
     * @param tenantId the Xero tenant id to keep; {@code null} keeps the file's
     * @throws IllegalArgumentException when the URL is not an http(s) URL or the file is not valid
     */
    public static void saveEndpoint(Path workspace, String system, URI baseUrl, String tenantId) throws IOException {
        if (!NAMES.contains(system)) {
            throw unknown(system);
        }
        if (baseUrl == null || baseUrl.getScheme() == null || !baseUrl.getScheme().matches("https?")
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("The endpoint of " + system + " must be an http or https URL such as"
                    + " https://api.xero.com/api.xro/2.0, not '" + baseUrl + "'.");
        }
        Path config = workspace.resolve("systems.json");
        ObjectNode root = Files.isRegularFile(config) && readConfig(config) instanceof ObjectNode o ? o
                : JSON.createObjectNode();
        ObjectNode hs = root.has("hubspot") && root.get("hubspot").isObject() ? (ObjectNode) root.get("hubspot")
                : root.putObject("hubspot");
        ObjectNode x = root.has("xero") && root.get("xero").isObject() ? (ObjectNode) root.get("xero")
                : root.putObject("xero");
        if (!hs.has("baseUrl")) {
            hs.put("baseUrl", HubSpotConnection.HUBSPOT_API.toString());
        }
        if (!x.has("accountingBaseUrl")) {
            x.put("accountingBaseUrl", XeroConnection.XERO_ACCOUNTING.toString());
        }
        if (!x.has("projectsBaseUrl")) {
            x.put("projectsBaseUrl", XeroConnection.XERO_PROJECTS.toString());
        }
        switch (system) {
            case HUBSPOT -> hs.put("baseUrl", baseUrl.toString());
            case XERO_PROJECTS -> x.put("projectsBaseUrl", baseUrl.toString());
            default -> x.put("accountingBaseUrl", baseUrl.toString());
        }
        if (tenantId != null && !tenantId.isBlank()) {
            x.put("tenantId", tenantId.trim());
        }
        Files.createDirectories(workspace);
        Path tmp = Files.createTempFile(workspace, "systems", ".tmp");
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The endpoints {@code systems.json} names, read without opening anything (no credentials needed); empty
     * when there is no file (the workspace runs on the built-in sandbox).
     *
     * @throws IllegalArgumentException naming the file when it is not valid
     */
    public static List<Endpoint> configuredEndpoints(Path workspace) {
        Path config = workspace.resolve("systems.json");
        if (!Files.isRegularFile(config)) {
            return List.of();
        }
        JsonNode n = readConfig(config);
        JsonNode x = n.path("xero");
        return List.of(new Endpoint(HUBSPOT, "HubSpot CRM", "CRM", url(config, n.path("hubspot"), "baseUrl",
                HubSpotConnection.HUBSPOT_API), "hubspot"),
                new Endpoint(XERO_PROJECTS, "Xero Projects", "PSA", url(config, x, "projectsBaseUrl",
                        XeroConnection.XERO_PROJECTS), "xero"),
                new Endpoint(XERO_ACCOUNTING, "Xero Accounting", "ERP", url(config, x, "accountingBaseUrl",
                        XeroConnection.XERO_ACCOUNTING), "xero"));
    }

    /** The Xero tenant id of {@code systems.json}, empty when there is no file or none in it. */
    public static Optional<String> tenantId(Path workspace) {
        Path config = workspace.resolve("systems.json");
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        String t = readConfig(config).path("xero").path("tenantId").asText("");
        return t.isBlank() ? Optional.empty() : Optional.of(t);
    }

    private static JsonNode readConfig(Path config) {
        try {
            JsonNode n = JSON.readTree(config.toFile());
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException(config + " must hold one JSON object naming \"hubspot\" and"
                        + " \"xero\"; see README.");
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException(config + " is not valid JSON: " + e.getMessage());
        }
    }

    private static URI url(Path config, JsonNode n, String field, URI fallback) {
        String s = n.path(field).asText(fallback.toString());
        try {
            URI u = URI.create(s);
            if (u.getScheme() == null || u.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(config + ": \"" + field + "\" is not a URL: '" + s + "'.");
        }
    }

    /** The expense tool's exports: every {@code *.csv} in {@code <workspace>/expenses/}. */
    private static List<Path> expenseFiles(Path workspace) {
        Path folder = workspace.resolve("expenses");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("could not list the expense files in " + folder + ": " + e.getMessage());
        }
    }

    private static Supplier<String> token(Credentials store, String system, String env) {
        Optional<char[]> stored = store.get(system, "token");
        if (stored.isPresent()) {
            String t = new String(stored.get());
            return () -> t;
        }
        String fromEnv = System.getenv(env);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return () -> fromEnv;
        }
        throw new IllegalStateException("No credentials for " + system + ": set them with ./crossbill credentials set "
                + system + " token (or the " + env + " environment variable, or Set credentials... in the Systems"
                + " view).");
    }

    /**
     * Whether the secure storage holds credentials for a system's connection ({@code hubspot}: a token;
     * {@code xero}: a token or a client id and secret). Reads no secret into a string.
     */
    public static boolean credentialsSet(CredentialStore store, String credentialSystem) {
        List<String> keys = store.keys(credentialSystem);
        return keys.contains("token") || (keys.contains("client_id") && keys.contains("client_secret"));
    }

    /** The built-in sandbox's Xero limits: far above Xero's own, so a demo is never throttled. */
    private static final int SANDBOX_PER_MINUTE = 100_000;
    private static final int SANDBOX_PER_DAY = 1_000_000;

    private static WorkspaceSystems sandbox(Path workspace) {
        XeroSandbox xero = null;
        try {
            Path state = workspace.resolve("sandbox").resolve("xero.json");
            xero = XeroSandbox.builder().stateFile(state).limits(5, SANDBOX_PER_MINUTE, SANDBOX_PER_DAY).build()
                    .start();
            HubSpotSandbox hubspot = HubSpotSandbox.builder().build().start();
            XeroConnection xc = new XeroConnection(xero.accountingBaseUrl(), xero.projectsBaseUrl(), xero.tenantId(),
                    xero::token);
            HubSpotConnection hc = new HubSpotConnection(hubspot.baseUrl(), hubspot::token);
            ApiBudgets budgets = new ApiBudgets(Map.of("xero/minute", (long) SANDBOX_PER_MINUTE, "xero/day",
                    (long) SANDBOX_PER_DAY), java.time.Clock.systemUTC());
            return new WorkspaceSystems(Systems.connect(hc, xc, budgets::seen)
                    .withExpenses(Systems.expensesFrom(XeroSandbox::demoExpenses, "expenses-2026-11.csv")), hc, xc,
                    xero, hubspot, budgets);
        } catch (IOException e) {
            if (xero != null) {
                xero.close();
            }
            throw new IllegalStateException("the built-in sandbox could not start: " + e.getMessage(), e);
        }
    }

    /** Saves the sandbox's Xero organisation (when on the sandbox) and stops the sandbox's servers. */
    @Override
    public void close() {
        if (xeroSandbox != null) {
            xeroSandbox.saveState();
            xeroSandbox.close();
        }
        if (hubSpotSandbox != null) {
            hubSpotSandbox.close();
        }
    }

    @Override
    public String toString() {
        return "WorkspaceSystems[" + (isSandbox() ? "built-in sandbox" : "systems.json") + ", " + endpoints().stream()
                .map(e -> e.system() + "=" + e.baseUrl()).toList() + "]";
    }
}
