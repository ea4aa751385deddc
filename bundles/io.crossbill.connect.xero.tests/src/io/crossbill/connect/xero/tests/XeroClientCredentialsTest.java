package io.crossbill.connect.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.connect.xero.XeroApiException;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.connect.xero.XeroClientCredentials;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.sandbox.ManualClock;
import io.crossbill.sandbox.XeroSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client-credentials grant against the sandbox's token endpoint, and the tokens used on the API. */
class XeroClientCredentialsTest {
    private static final String ID = "crossbill-test-client";
    private static final String SECRET = "cs-9f8e7d6c5b4a-do-not-leak";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
    private XeroSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = XeroSandbox.builder().clock(clock).clientCredentials(ID, SECRET).demoData(false)
                .limits(5, 10_000, 100_000).build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private XeroClientCredentials credentials(String secret) {
        return XeroClientCredentials.at(sandbox.identityUrl(), ID, secret.toCharArray(), "accounting.contacts", clock);
    }

    /** Reads contacts with the token the supplier gives; throws XeroApiException when the API refuses it. */
    private void readContacts(java.util.function.Supplier<String> token) {
        XeroConnection c = new XeroConnection(sandbox.accountingBaseUrl(), sandbox.projectsBaseUrl(),
                sandbox.tenantId(), token);
        new XeroClient(c, HttpClient.newHttpClient(), Duration.ofSeconds(10), clock).get(XeroClient.Api.ACCOUNTING,
                "/Contacts", Map.of(), null);
    }

    @Test
    void aTokenIsFetchedOnceReusedAndAcceptedByTheApi() {
        XeroClientCredentials creds = credentials(SECRET);
        String first = creds.get();
        readContacts(creds);
        readContacts(creds);
        assertEquals(first, creds.get());
        assertEquals(1, sandbox.tokensIssued());
        assertEquals(1, creds.fetches());
    }

    @Test
    void aTokenIsRenewedAMinuteBeforeItExpiresAndTheOldOneStopsWorking() {
        XeroClientCredentials creds = credentials(SECRET);
        String first = creds.get();
        clock.advance(Duration.ofMinutes(28).plusSeconds(59));
        assertEquals(first, creds.get(), "more than a minute left: still the same token");
        clock.advance(Duration.ofSeconds(1));
        String second = creds.get();
        assertNotEquals(first, second, "60 s before expiry: renewed");
        assertEquals(2, sandbox.tokensIssued());
        readContacts(creds);

        clock.advance(Duration.ofSeconds(60));
        XeroApiException expired = assertThrows(XeroApiException.class, () -> readContacts(() -> first));
        assertEquals(ExceptionClass.AUTH, expired.exceptionClass(), "the sandbox no longer accepts the first token");
        readContacts(() -> second);
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        XeroClientCredentials creds = credentials(SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> calls = java.util.Collections.nCopies(8, creds::get);
            Set<String> tokens = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                tokens.add(f.get());
            }
            assertEquals(1, tokens.size());
            assertEquals(1, sandbox.tokensIssued());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrongSecretIsAnAuthErrorThatDoesNotShowTheSecret() {
        XeroClientCredentials creds = credentials("wrong-" + SECRET);
        XeroApiException e = assertThrows(XeroApiException.class, creds::get);
        assertEquals(ExceptionClass.AUTH, e.exceptionClass());
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("invalid_client") && e.getMessage().contains(ID), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertEquals(0, sandbox.tokensIssued());
    }

    @Test
    void noSecretOrTokenInToString() {
        XeroClientCredentials creds = credentials(SECRET);
        String token = creds.get();
        String s = creds.toString();
        assertFalse(s.contains(SECRET) || s.contains(token), s);
        assertTrue(s.contains("secret=****"), s);
        creds.close();
        assertThrows(IllegalStateException.class, creds::get);
    }

    @Test
    void noAnswerIsAConnectivityError() throws Exception {
        URI nowhere;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            nowhere = URI.create("http://127.0.0.1:" + s.getLocalPort() + "/connect/token");
        }
        XeroClientCredentials creds = XeroClientCredentials.at(nowhere, ID, SECRET.toCharArray(), null, clock);
        XeroApiException e = assertThrows(XeroApiException.class, creds::get);
        assertEquals(ExceptionClass.CONNECTIVITY, e.exceptionClass());
        assertTrue(e.exceptionClass().isTransient());
    }
}
