package io.crossbill.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.sandbox.Faults;
import io.crossbill.sandbox.HubSpotSandbox;
import io.crossbill.sandbox.ManualClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Auth, HubSpot's rate limits and fault injection: what every HubSpot request goes through. */
class HubSpotFrontDoorTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
    private HubSpotSandbox sandbox;

    private SandboxClient start(HubSpotSandbox.Builder b) throws Exception {
        sandbox = b.clock(clock).build().start();
        return new SandboxClient(sandbox.baseUrl(), sandbox.token(), null);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void missingOrWrongTokenIs401InvalidAuthentication() throws Exception {
        start(HubSpotSandbox.builder().demoData(false));
        for (String token : new String[] {null, "pat-na1-wrong"}) {
            var r = new SandboxClient(sandbox.baseUrl(), token, null).get("/crm/v3/objects/deals");
            assertEquals(401, r.status());
            assertEquals("INVALID_AUTHENTICATION", r.json().path("category").asText());
            assertEquals("error", r.json().path("status").asText());
            assertTrue(r.json().path("message").asText().startsWith("Authentication credentials not found"));
        }
        sandbox.revokeToken(sandbox.token());
        assertEquals(401, new SandboxClient(sandbox.baseUrl(), sandbox.token(), null).get("/crm/v3/objects/deals")
                .status());
    }

    @Test
    void request191InTenSecondsIs429TenSecondlyRolling() throws Exception {
        SandboxClient api = start(HubSpotSandbox.builder().demoData(false));
        for (int i = 0; i < 190; i++) {
            if (i % 19 == 0) {
                clock.advance(Duration.ofMillis(500)); // 190 spread over 4.5 s
            }
            var r = api.get("/crm/v3/objects/companies");
            assertEquals(200, r.status(), "request " + (i + 1));
            assertEquals(Integer.toString(189 - i), r.header("X-HubSpot-RateLimit-Remaining"));
        }
        var refused = api.get("/crm/v3/objects/companies");
        assertEquals(429, refused.status());
        assertEquals("RATE_LIMITS", refused.json().path("category").asText());
        assertEquals("TEN_SECONDLY_ROLLING", refused.json().path("policyName").asText());
        assertEquals("190", refused.header("X-HubSpot-RateLimit-Max"));
        assertEquals("10000", refused.header("X-HubSpot-RateLimit-Interval-Milliseconds"));
        assertEquals("0", refused.header("X-HubSpot-RateLimit-Remaining"));
        assertEquals("649810", refused.header("X-HubSpot-RateLimit-Daily-Remaining"));
        assertEquals("6", refused.header("Retry-After"), "the first 19 leave the window 10 s after t+0.5 s");
        clock.advance(Duration.ofSeconds(6));
        var again = api.get("/crm/v3/objects/companies");
        assertEquals(200, again.status());
        assertEquals("650000", again.header("X-HubSpot-RateLimit-Daily"));
    }

    @Test
    void dailyCapIs429DailyUntilMidnight() throws Exception {
        SandboxClient api = start(HubSpotSandbox.builder().demoData(false).limits(190, 3));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.get("/crm/v3/objects/deals").status());
        }
        var r = api.get("/crm/v3/objects/deals");
        assertEquals(429, r.status());
        assertEquals("DAILY", r.json().path("policyName").asText());
        assertEquals("You have reached your daily limit.", r.json().path("message").asText());
        assertEquals(Long.toString(15 * 3600), r.header("Retry-After"), "09:00 to midnight UTC");
        clock.set(Instant.parse("2026-12-02T00:00:01Z"));
        assertEquals(200, api.get("/crm/v3/objects/deals").status());
    }

    @Test
    void injectedFaultsAnswerBeforeAnyEffectExceptMalformedJson() throws Exception {
        SandboxClient api = start(HubSpotSandbox.builder().demoData(false));
        String create = "{\"properties\":{\"name\":\"Fault Test Ltd\"}}";
        sandbox.faults().next(1, Faults.Kind.SERVER_ERROR, "/companies");
        sandbox.faults().next(1, Faults.Kind.SERVICE_UNAVAILABLE, "/companies");
        sandbox.faults().next(1, Faults.Kind.RATE_LIMIT, "/companies");
        assertEquals(500, api.send("POST", "/crm/v3/objects/companies", create).status());
        assertEquals(503, api.send("POST", "/crm/v3/objects/companies", create).status());
        var limited = api.send("POST", "/crm/v3/objects/companies", create);
        assertEquals(429, limited.status());
        assertEquals("10", limited.header("Retry-After"));
        assertEquals(0, sandbox.counts().get("companies"), "none of them created anything");
        sandbox.faults().next(1, Faults.Kind.MALFORMED_JSON, "/companies");
        var garbled = api.send("POST", "/crm/v3/objects/companies", create);
        assertEquals(200, garbled.status());
        assertThrows(AssertionError.class, garbled::json, "the body is cut off");
        assertEquals(1, sandbox.counts().get("companies"), "the write was applied");
    }

    @Test
    void droppedConnectionAfterTheWriteWasApplied() throws Exception {
        start(HubSpotSandbox.builder().demoData(false));
        sandbox.dropConnectionAfterWrite(1, "/companies");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest post = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/crm/v3/objects/companies"))
                .header("Authorization", "Bearer " + sandbox.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"properties\":{\"name\":\"Dropped Ltd\"}}")).build();
        assertThrows(IOException.class, () -> http.send(post, HttpResponse.BodyHandlers.ofString()));
        assertEquals(1, sandbox.counts().get("companies"), "applied although no answer arrived");
        assertEquals(201, http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode(), "only once");
    }

    @Test
    void slowAnswerArrivesLate() throws Exception {
        SandboxClient api = start(HubSpotSandbox.builder().demoData(false));
        sandbox.faults().slow(1, Duration.ofMillis(400), "/deals");
        long t0 = System.nanoTime();
        assertEquals(200, api.get("/crm/v3/objects/deals").status());
        assertTrue(System.nanoTime() - t0 >= 400_000_000L);
    }

    @Test
    void unknownPathsAndObjectTypes() throws Exception {
        SandboxClient api = start(HubSpotSandbox.builder().demoData(false));
        assertEquals(404, api.get("/crm/v3/owners").status());
        var r = api.get("/crm/v3/objects/tickets");
        assertEquals(400, r.status());
        assertEquals("Unable to infer object type from: tickets", r.json().path("message").asText());
        assertEquals(405, api.send("PUT", "/crm/v3/objects/deals", "{}").status());
    }
}
