package io.crossbill.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.sandbox.Faults;
import io.crossbill.sandbox.ManualClock;
import io.crossbill.sandbox.XeroSandbox;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auth, tenant, rate limits and fault injection: what both Xero APIs do before any route. */
class FrontDoorTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T09:00:00Z"));
    private XeroSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = XeroSandbox.builder().clock(clock).build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void missingOrWrongTokenIs401WithXeroBody() {
        for (String token : new String[] {null, "not-a-token"}) {
            var r = new SandboxClient(sandbox.accountingBaseUrl(), token, sandbox.tenantId()).get("/Contacts");
            assertEquals(401, r.status());
            assertEquals("Unauthorized", r.json().path("Title").asText());
            assertEquals(401, r.json().path("Status").asInt());
            assertEquals("AuthenticationUnsuccessful", r.json().path("Detail").asText());
        }
        var p = new SandboxClient(sandbox.projectsBaseUrl(), null, sandbox.tenantId()).get("/Projects");
        assertEquals(401, p.status());
    }

    @Test
    void missingOrUnknownTenantIs403() {
        var r = new SandboxClient(sandbox.projectsBaseUrl(), sandbox.token(), null).get("/Projects");
        assertEquals(403, r.status());
        assertEquals("Forbidden", r.json().path("Title").asText());
        var u = new SandboxClient(sandbox.accountingBaseUrl(), sandbox.token(), "00000000-0000-0000-0000-000000000001")
                .get("/Contacts");
        assertEquals(403, u.status());
    }

    @Test
    void sixtyFirstRequestInAMinuteIs429WithRetryAfter() {
        var acc = SandboxClient.accounting(sandbox);
        var prj = SandboxClient.projects(sandbox);
        for (int i = 0; i < 60; i++) {
            clock.advance(Duration.ofMillis(500));
            var r = (i % 2 == 0 ? acc.get("/Contacts?page=1") : prj.get("/ProjectsUsers"));
            assertEquals(200, r.status(), "request " + (i + 1));
            assertEquals(Integer.toString(59 - i), r.header("X-MinLimit-Remaining"));
        }
        var limited = acc.get("/Contacts?page=1");
        assertEquals(429, limited.status());
        assertEquals("minute", limited.header("X-Rate-Limit-Problem"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // the first request leaves the window 60 s after it was made: 30.5 s from now
        assertEquals(31, retryAfter);
        clock.advance(Duration.ofSeconds(retryAfter));
        assertEquals(200, acc.get("/Contacts?page=1").status());
    }

    @Test
    void sixthConcurrentRequestIs429Concurrent() throws Exception {
        var acc = SandboxClient.accounting(sandbox);
        sandbox.faults().slow(5, Duration.ofMillis(1500), "/Contacts");
        java.util.List<java.util.concurrent.CompletableFuture<SandboxClient.Answer>> slow = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slow.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> acc.get("/Contacts")));
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sandbox.faults().pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        var sixth = acc.get("/Invoices");
        assertEquals(429, sixth.status());
        assertEquals("concurrent", sixth.header("X-Rate-Limit-Problem"));
        for (var f : slow) {
            assertEquals(200, f.get().status());
        }
        assertEquals(200, acc.get("/Invoices").status());
    }

    @Test
    void armedFaultsAnswerTheNextRequestsThenStop() {
        var acc = SandboxClient.accounting(sandbox);
        sandbox.faults().next(2, Faults.Kind.SERVER_ERROR);
        sandbox.faults().next(1, Faults.Kind.RATE_LIMIT, "/Invoices");
        assertEquals(500, acc.get("/Contacts").status());
        assertEquals(500, acc.get("/Contacts").status());
        assertEquals(200, acc.get("/Contacts").status());
        var limited = acc.get("/Invoices");
        assertEquals(429, limited.status());
        assertEquals("60", limited.header("Retry-After"));
        assertEquals(200, acc.get("/Invoices").status());
        assertEquals(0, sandbox.faults().pending());
    }

    @Test
    void malformedAnswerAfterAWriteIsRecoveredByIdempotentRetry() {
        var acc = SandboxClient.accounting(sandbox);
        int before = sandbox.counts().get("contacts");
        sandbox.faults().next(1, Faults.Kind.MALFORMED_JSON, "/Contacts");
        String body = "{\"Name\":\"Lost Answer Ltd\"}";
        var spoiled = acc.send("PUT", "/Contacts", body, "Idempotency-Key", "k-lost-1");
        assertEquals(200, spoiled.status());
        assertThrows(AssertionError.class, spoiled::json);
        assertEquals(before + 1, sandbox.counts().get("contacts"));
        var retry = acc.send("PUT", "/Contacts", body, "Idempotency-Key", "k-lost-1");
        assertEquals(200, retry.status());
        assertEquals("Lost Answer Ltd", retry.json().path("Contacts").get(0).path("Name").asText());
        assertEquals(before + 1, sandbox.counts().get("contacts"));
    }
}
