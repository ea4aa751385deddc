package io.crossbill.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.credentials.CredentialStore;
import io.crossbill.sandbox.HubSpotSandbox;
import io.crossbill.workflow.ApiBudgets;
import io.crossbill.sandbox.XeroSandbox;
import io.crossbill.workflow.WorkspaceSystems;
import io.crossbill.workflow.WorkspaceSystems.ConnectionTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systems of a workspace: the built-in sandbox without a systems.json, real endpoints with one, and the
 * connection test: one real read on 127.0.0.1 that reports health, latency and the API budget left.
 */
class WorkspaceSystemsTest {

    @TempDir
    Path workspace;

    @Test
    void withoutSystemsJsonTheSandboxRunsAndEverySystemAnswersItsTestWithABudget() {
        try (WorkspaceSystems s = WorkspaceSystems.open(workspace)) {
            assertTrue(s.isSandbox());
            assertEquals(WorkspaceSystems.NAMES, s.endpoints().stream().map(WorkspaceSystems.Endpoint::system).toList());
            for (WorkspaceSystems.Endpoint e : s.endpoints()) {
                assertEquals("127.0.0.1", e.baseUrl().getHost(), e.toString());
                ConnectionTest t = s.testConnection(e.system());
                assertTrue(t.ok(), t.message());
                assertTrue(t.latency().compareTo(Duration.ZERO) > 0 && t.latency().compareTo(Duration.ofSeconds(10)) < 0,
                        t.latency().toString());
                assertFalse(t.budget().isEmpty(), "the answer carried the rate-limit headers: " + t.rateLimits());
            }
            ConnectionTest xero = s.testConnection(WorkspaceSystems.XERO_ACCOUNTING);
            // the sandbox allows 100,000 a minute; two Xero reads were made before this one at most a minute ago
            long minuteLeft = Long.parseLong(xero.rateLimits().get("X-MinLimit-Remaining"));
            assertTrue(minuteLeft < 100_000 && minuteLeft >= 99_990, xero.rateLimits().toString());
            assertTrue(xero.rateLimits().containsKey("X-DayLimit-Remaining"));
            ConnectionTest hubspot = s.testConnection(WorkspaceSystems.HUBSPOT);
            assertTrue(hubspot.rateLimits().containsKey("X-HubSpot-RateLimit-Remaining"), hubspot.rateLimits().toString());
            assertTrue(hubspot.rateLimits().containsKey("X-HubSpot-RateLimit-Daily-Remaining"));
            assertTrue(hubspot.budget().contains("in 10 s") && hubspot.budget().contains("/day"), hubspot.budget());

            // the engine's budgets hear the tests' answers and the workflows' reads alike
            s.systems().erp().contacts(null, false);
            Map<String, ApiBudgets.Budget> budgets = new java.util.HashMap<>();
            s.apiBudgets().current().forEach(b -> budgets.put(b.subject(), b));
            assertTrue(budgets.keySet().containsAll(java.util.Set.of("xero/minute", "xero/day", "hubspot/10 s",
                    "hubspot/day")), ApiBudgets.describe(s.apiBudgets().current()));
            ApiBudgets.Budget day = budgets.get("xero/day");
            assertEquals(1_000_000L, day.limit(), "the sandbox's own daily limit");
            assertTrue(day.left() < 1_000_000 && day.left() >= 999_990, day.toString());
            assertTrue(budgets.get("hubspot/10 s").limit() != null, "HubSpot sends its limits with its answers");
        }
        assertTrue(Files.isRegularFile(workspace.resolve("sandbox").resolve("xero.json")),
                "the sandbox's Xero organisation is kept in the workspace");
    }

    @Test
    void systemsJsonNamesRealSystemsAndAFailedTestSaysWhyInPlainWords() throws Exception {
        try (XeroSandbox xero = XeroSandbox.builder().build().start();
                HubSpotSandbox hubspot = HubSpotSandbox.builder().build().start()) {
            WorkspaceSystems.saveEndpoint(workspace, WorkspaceSystems.HUBSPOT, hubspot.baseUrl(), null);
            WorkspaceSystems.saveEndpoint(workspace, WorkspaceSystems.XERO_ACCOUNTING, xero.accountingBaseUrl(),
                    xero.tenantId());
            WorkspaceSystems.saveEndpoint(workspace, WorkspaceSystems.XERO_PROJECTS, xero.projectsBaseUrl(), null);
            Map<String, char[]> secrets = new HashMap<>();
            WorkspaceSystems.Credentials store = (system, key) -> Optional.ofNullable(secrets.get(system + "/" + key));
            IllegalStateException missing = assertThrows(IllegalStateException.class,
                    () -> WorkspaceSystems.open(workspace, false, store));
            assertTrue(missing.getMessage().contains("No credentials for hubspot"), missing.getMessage());

            secrets.put("hubspot/token", hubspot.token().toCharArray());
            secrets.put("xero/token", "not-the-token".toCharArray());
            try (WorkspaceSystems s = WorkspaceSystems.open(workspace, false, store)) {
                assertFalse(s.isSandbox());
                assertEquals(xero.accountingBaseUrl(), s.endpoint(WorkspaceSystems.XERO_ACCOUNTING).baseUrl());
                assertTrue(s.testConnection(WorkspaceSystems.HUBSPOT).ok());
                ConnectionTest refused = s.testConnection(WorkspaceSystems.XERO_PROJECTS);
                assertFalse(refused.ok());
                assertTrue(refused.message().contains("401") || refused.message().toLowerCase().contains("token"),
                        refused.message());
                assertFalse(refused.message().contains("not-the-token"), "never the secret: " + refused.message());
                assertFalse(s.toString().contains(hubspot.token()));
            }
            // the sandbox toggle wins over systems.json
            try (WorkspaceSystems s = WorkspaceSystems.open(workspace, true, store)) {
                assertTrue(s.isSandbox());
            }
        }
    }

    @Test
    void aSystemThatIsNotThereFailsItsTestWithoutThrowing() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        WorkspaceSystems.saveEndpoint(workspace, WorkspaceSystems.HUBSPOT,
                URI.create("http://127.0.0.1:" + closedPort + "/"), "tenant-1");
        WorkspaceSystems.Credentials store = (system, key) -> Optional.of("t0k3n-value".toCharArray());
        try (WorkspaceSystems s = WorkspaceSystems.open(workspace, false, store)) {
            ConnectionTest t = s.testConnection(WorkspaceSystems.HUBSPOT);
            assertFalse(t.ok());
            assertTrue(t.message().contains("127.0.0.1"), t.message());
            assertTrue(t.budget().isEmpty());
        }
    }

    /** Runs inside OSGi only: Eclipse secure storage needs its bundle started. */
    @Test
    void theSecureStorageSaysWhetherAConnectionHasCredentialsWithoutShowingThem() {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.osgi.framework.FrameworkUtil.getBundle(getClass()) != null,
                "secure storage needs OSGi");
        CredentialStore store = CredentialStore.open(workspace, workspace.resolve("test.key"));
        assertFalse(WorkspaceSystems.credentialsSet(store, "xero"));
        store.put("xero", "client_id", "id".toCharArray());
        assertFalse(WorkspaceSystems.credentialsSet(store, "xero"), "a client id without its secret is not enough");
        store.put("xero", "client_secret", "s3cret-value".toCharArray());
        assertTrue(WorkspaceSystems.credentialsSet(store, "xero"));
    }

    @Test
    void badSystemsJsonAndBadEndpointsAreRefusedNamingWhatIsWrong() throws Exception {
        Path f = workspace.resolve("systems.json");
        Files.writeString(f, "{\"hubspot\": {}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkspaceSystems.open(workspace, false, null));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("tenantId"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WorkspaceSystems.saveEndpoint(workspace,
                WorkspaceSystems.HUBSPOT, URI.create("ftp://example.com"), null));
        assertTrue(e.getMessage().contains("http or https"), e.getMessage());
        assertEquals("{\"hubspot\": {}}", Files.readString(f), "a refused endpoint changes nothing");
        e = assertThrows(IllegalArgumentException.class, () -> WorkspaceSystems.saveEndpoint(workspace, "salesforce",
                URI.create("https://example.com"), null));
        assertTrue(e.getMessage().contains("salesforce"), e.getMessage());
    }
}
