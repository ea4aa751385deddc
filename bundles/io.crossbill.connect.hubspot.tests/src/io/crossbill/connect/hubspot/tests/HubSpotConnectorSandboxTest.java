package io.crossbill.connect.hubspot.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.connect.hubspot.HubSpotApiException;
import io.crossbill.connect.hubspot.HubSpotClient;
import io.crossbill.connect.hubspot.HubSpotConnection;
import io.crossbill.connect.hubspot.HubSpotCrmConnector;
import io.crossbill.connect.hubspot.RequestWindow;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.WriteResult;
import io.crossbill.sandbox.Faults;
import io.crossbill.sandbox.HubSpotSandbox;
import io.crossbill.sandbox.ManualClock;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HubSpot connector against a real {@link HubSpotSandbox} on 127.0.0.1. */
class HubSpotConnectorSandboxTest {
    private static final String SECRET = "pat-na1-s3cret-do-not-leak";
    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final AtomicInteger keys = new AtomicInteger();
    private HubSpotSandbox sandbox;

    private HubSpotCrmConnector start(HubSpotSandbox.Builder b, int searchPage) throws Exception {
        sandbox = b.token(SECRET).build().start();
        return new HubSpotCrmConnector(client(SECRET, Duration.ofSeconds(10), 10_000), searchPage);
    }

    private HubSpotCrmConnector start() throws Exception {
        return start(HubSpotSandbox.builder().clock(clock), 200);
    }

    /** The client's limiter runs on the system clock; the sandbox on the manual one. */
    private HubSpotClient client(String token, Duration timeout, int perWindow) {
        return new HubSpotClient(new HubSpotConnection(sandbox.baseUrl(), () -> token),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), timeout, Clock.systemUTC(),
                new RequestWindow(perWindow, Duration.ofSeconds(10), Clock.systemUTC()),
                new RequestWindow(1000, Duration.ofSeconds(1), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private OutboxEntry entry(String entity, String json) {
        int n = keys.incrementAndGet();
        return new OutboxEntry(n, "lead-to-project:deal:" + n, "hubspot", entity, json.getBytes(StandardCharsets.UTF_8),
                0, "lineage-" + n);
    }

    @Test
    void closedWonDealsSinceNovemberEachOnce() throws Exception {
        HubSpotCrmConnector hubspot = start(HubSpotSandbox.builder().clock(clock), 3);
        List<JsonNode> won = hubspot.closedWonDeals(NOV_1);
        assertEquals(10, won.size());
        assertEquals(10, won.stream().map(d -> d.path("id").asText()).distinct().count());
        String last = "";
        for (JsonNode d : won) {
            assertEquals("closedwon", d.path("properties").path("dealstage").asText());
            assertTrue(d.path("properties").has("crossbill_billing_method"), "schema properties are asked for");
            String mod = d.path("properties").path("hs_lastmodifieddate").asText();
            assertTrue(mod.compareTo(last) >= 0);
            last = mod;
        }
        assertEquals(won.size(), hubspot.closedWonDeals(null).size());
        assertTrue(hubspot.closedWonDeals(Instant.parse("2026-11-20T00:00:00Z")).size() < 10);
    }

    @Test
    void dealsChangedInTheSameMillisecondArePagedWithoutLoss() throws Exception {
        HubSpotCrmConnector hubspot = start(HubSpotSandbox.builder().clock(clock), 2);
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) { // the manual clock does not move: seven deals, one change time
            WriteResult r = hubspot.write(entry("deal", "{\"properties\":{\"dealname\":\"Tie " + i
                    + "\",\"dealstage\":\"closedwon\",\"amount\":\"1000\"}}"));
            assertEquals(WriteResult.Outcome.DONE, r.outcome(), r.detail());
            created.add(r.targetId());
        }
        List<JsonNode> since = hubspot.closedWonDeals(clock.instant());
        assertEquals(created, Set.copyOf(since.stream().map(d -> d.path("id").asText()).toList()));
        assertEquals(7, since.size());
        assertEquals(17, hubspot.closedWonDeals(NOV_1).size());
    }

    @Test
    void writeBackOfErpAndPsaIdsThenReadBack() throws Exception {
        HubSpotCrmConnector hubspot = start();
        JsonNode deal = hubspot.closedWonDeals(NOV_1).get(0);
        String id = deal.path("id").asText();
        clock.advance(Duration.ofMinutes(3));
        WriteResult r = hubspot.write(entry("deal", """
                {"id":"%s","properties":{"crossbill_erp_customer_id":"3b0e7c1a-2f4d-4e8b-9c6a-1d2e3f4a5b6c",
                 "crossbill_psa_project_id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"}}""".formatted(id)));
        assertEquals(WriteResult.Outcome.DONE, r.outcome(), r.detail());
        assertEquals(id, r.targetId());
        JsonNode read = hubspot.deal(id).orElseThrow();
        assertEquals("3b0e7c1a-2f4d-4e8b-9c6a-1d2e3f4a5b6c",
                read.path("properties").path("crossbill_erp_customer_id").asText());
        assertEquals("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                read.path("properties").path("crossbill_psa_project_id").asText());
        assertEquals("2026-12-01T09:03:00.000Z", read.path("properties").path("hs_lastmodifieddate").asText());
        List<JsonNode> changed = hubspot.closedWonDeals(clock.instant());
        assertEquals(List.of(id), changed.stream().map(d -> d.path("id").asText()).toList());
        assertEquals(id, hubspot.findByReference("deal", "lead-to-project:deal:1").orElseThrow());
        assertTrue(hubspot.findByReference("deal", "lead-to-project:deal:999").isEmpty());
        assertTrue(hubspot.deal("1").isEmpty());
        JsonNode flagged = hubspot.updateProperties("company", hubspot.companiesOf(id).get(0).path("id").asText(),
                Map.of("crossbill_expansion_flag", "true"));
        assertEquals("true", flagged.path("properties").path("crossbill_expansion_flag").asText());
    }

    @Test
    void createdCompanyIsFoundByReferenceAndByTaxId() throws Exception {
        HubSpotCrmConnector hubspot = start();
        WriteResult r = hubspot.write(entry("company", """
                {"properties":{"name":"Fjord Analytics AS","country":"Norway","crossbill_currency":"EUR",
                 "crossbill_tax_id":"NO123456789MVA"}}"""));
        assertEquals(WriteResult.Outcome.DONE, r.outcome(), r.detail());
        assertTrue(r.targetId().matches("\\d+"), r.targetId());
        assertEquals(r.targetId(), hubspot.findByReference("company", "lead-to-project:deal:1").orElseThrow());
        assertEquals(r.targetId(), hubspot.findBy("company", "crossbill_tax_id", "NO123456789MVA").orElseThrow()
                .path("id").asText());
        assertEquals(27, hubspot.companies(null).size());
        assertEquals(List.of(r.targetId()), hubspot.companies(clock.instant()).stream()
                .map(c -> c.path("id").asText()).toList());
        assertEquals(52, hubspot.contacts(null).size());
        assertEquals(0, hubspot.contacts(clock.instant()).size());
    }

    @Test
    void companiesAndMilestonesOfAFixedFeeDeal() throws Exception {
        HubSpotCrmConnector hubspot = start();
        JsonNode wattle = hubspot.closedWonDeals(NOV_1).stream()
                .filter(d -> d.path("properties").path("dealname").asText().startsWith("Wattle Energy")).findFirst()
                .orElseThrow();
        String id = wattle.path("id").asText();
        List<JsonNode> companies = hubspot.companiesOf(id);
        assertEquals(1, companies.size());
        assertEquals("Wattle Energy Pty Ltd", companies.get(0).path("properties").path("name").asText());
        assertEquals("AUD", companies.get(0).path("properties").path("crossbill_currency").asText());
        List<JsonNode> milestones = hubspot.lineItemsOf(id);
        assertEquals(3, milestones.size());
        double sum = milestones.stream().mapToDouble(m -> m.path("properties").path("amount").asDouble()).sum();
        assertEquals(wattle.path("properties").path("amount").asDouble(), sum, 0.001);
        assertTrue(milestones.get(0).path("properties").path("name").asText().startsWith("Milestone 1"));
        JsonNode tm = hubspot.closedWonDeals(NOV_1).get(0);
        assertEquals("time_and_materials", tm.path("properties").path("crossbill_billing_method").asText());
        assertTrue(hubspot.lineItemsOf(tm.path("id").asText()).isEmpty());
    }

    @Test
    void wrongTokenIsAuthAndNeverShown() throws Exception {
        start();
        HubSpotCrmConnector wrong = new HubSpotCrmConnector(client("pat-na1-wrong-token", Duration.ofSeconds(10),
                100));
        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> wrong.closedWonDeals(NOV_1));
        assertEquals(ExceptionClass.AUTH, e.exceptionClass());
        assertEquals(401, e.status());
        assertFalse(e.getMessage().contains("pat-na1-wrong-token"));
        WriteResult r = wrong.write(entry("deal", "{\"id\":\"1\",\"properties\":{\"dealname\":\"x\"}}"));
        assertEquals(WriteResult.Outcome.FAILED, r.outcome());
        assertEquals(ExceptionClass.AUTH, r.failureClass());
        assertFalse(wrong.toString().contains("pat-na1"), wrong.toString());
        assertFalse(r.detail().contains("pat-na1"));
    }

    @Test
    void overTheLimitIsRateLimitedWithRetryAfter() throws Exception {
        HubSpotCrmConnector hubspot = start(HubSpotSandbox.builder().clock(clock).limits(190, 650_000), 200);
        for (int i = 0; i < 190; i++) {
            hubspot.samples("Company", 1);
        }
        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> hubspot.deal("10"));
        assertEquals(ExceptionClass.RATE_LIMITED, e.exceptionClass());
        assertEquals(Duration.ofSeconds(10), e.retryAfter(), "the whole window was used at one instant");
        assertEquals("RATE_LIMITS", e.category());
        assertTrue(e.getMessage().contains("10-second request limit"), e.getMessage());
        WriteResult w = hubspot.write(entry("company", "{\"properties\":{\"name\":\"Later Ltd\"}}"));
        assertEquals(WriteResult.Outcome.RETRY, w.outcome());
        assertEquals(ExceptionClass.RATE_LIMITED, w.failureClass());
        assertEquals(Duration.ofSeconds(10), w.retryAfter());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(WriteResult.Outcome.DONE, hubspot.write(entry("company",
                "{\"properties\":{\"name\":\"Later Ltd\"}}")).outcome());
    }

    @Test
    void clientSideLimitKeepsUnderTheServersWindow() throws Exception {
        sandbox = HubSpotSandbox.builder().token(SECRET).demoData(false).limits(5, Duration.ofMillis(300), 1000)
                .build().start();
        HubSpotClient unlimited = new HubSpotClient(new HubSpotConnection(sandbox.baseUrl(), () -> SECRET),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(5),
                Clock.systemUTC(), new RequestWindow(1000, Duration.ofMillis(300), Clock.systemUTC()),
                new RequestWindow(1000, Duration.ofSeconds(1), Clock.systemUTC()));
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            refused += unlimited.send("GET", "/crm/v3/objects/deals", Map.of(), null).status() == 429 ? 1 : 0;
        }
        assertTrue(refused > 0, "without a client-side limit the burst meets 429s");
        Thread.sleep(350);
        HubSpotClient limited = new HubSpotClient(new HubSpotConnection(sandbox.baseUrl(), () -> SECRET),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(5),
                Clock.systemUTC(), new RequestWindow(5, Duration.ofMillis(300), Clock.systemUTC()),
                new RequestWindow(1000, Duration.ofSeconds(1), Clock.systemUTC()));
        long t0 = System.nanoTime();
        for (int i = 0; i < 16; i++) {
            assertEquals(200, limited.send("GET", "/crm/v3/objects/deals", Map.of(), null).status(), "request " + i);
        }
        assertTrue(System.nanoTime() - t0 >= 900_000_000L, "16 requests at 5 per 300 ms take at least 3 windows");
        assertEquals(16, limited.requests());
    }

    @Test
    void injectedServerErrorIsConnectivityAndRetried() throws Exception {
        HubSpotCrmConnector hubspot = start();
        sandbox.faults().next(1, Faults.Kind.SERVER_ERROR, "/companies");
        WriteResult r = hubspot.write(entry("company", "{\"properties\":{\"name\":\"Five Hundred Ltd\"}}"));
        assertEquals(WriteResult.Outcome.RETRY, r.outcome());
        assertEquals(ExceptionClass.CONNECTIVITY, r.failureClass());
        assertTrue(r.detail().startsWith("HubSpot could not create the company now: internal error (HTTP 500)."),
                r.detail());
        assertEquals(26, sandbox.counts().get("companies"));
        sandbox.faults().next(1, Faults.Kind.SERVICE_UNAVAILABLE, "/deals/search");
        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> hubspot.closedWonDeals(NOV_1));
        assertEquals(ExceptionClass.CONNECTIVITY, e.exceptionClass());
        assertEquals(503, e.status());
    }

    @Test
    void malformedAnswerAfterAWriteIsRetriedAndFoundByReference() throws Exception {
        HubSpotCrmConnector hubspot = start();
        String id = hubspot.closedWonDeals(NOV_1).get(1).path("id").asText();
        sandbox.faults().next(1, Faults.Kind.MALFORMED_JSON, "/deals/");
        WriteResult r = hubspot.write(entry("deal", "{\"id\":\"" + id
                + "\",\"properties\":{\"crossbill_psa_project_id\":\"P-77\"}}"));
        assertEquals(WriteResult.Outcome.RETRY, r.outcome());
        assertEquals(ExceptionClass.CONNECTIVITY, r.failureClass());
        assertTrue(r.detail().contains("could not be read"), r.detail());
        assertEquals(id, hubspot.findByReference("deal", "lead-to-project:deal:1").orElseThrow(),
                "the update arrived and is found by its key");
        assertEquals("P-77", hubspot.deal(id).orElseThrow().path("properties").path("crossbill_psa_project_id")
                .asText());
        sandbox.faults().next(1, Faults.Kind.MALFORMED_JSON, "/deals/");
        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> hubspot.deal(id));
        assertEquals(ExceptionClass.CONNECTIVITY, e.exceptionClass());
        assertTrue(e.getMessage().contains("not readable JSON"), e.getMessage());
    }

    @Test
    void droppedConnectionAfterCreateIsRetriedAndNotCreatedTwice() throws Exception {
        HubSpotCrmConnector hubspot = start();
        sandbox.dropConnectionAfterWrite(1, "/companies");
        OutboxEntry e = entry("company", "{\"properties\":{\"name\":\"Halfway Ltd\"}}");
        WriteResult r = hubspot.write(e);
        assertEquals(WriteResult.Outcome.RETRY, r.outcome());
        assertEquals(ExceptionClass.CONNECTIVITY, r.failureClass());
        assertTrue(r.detail().contains("may or may not have been made"), r.detail());
        assertEquals(27, sandbox.counts().get("companies"), "the company was created before the drop");
        String found = hubspot.findByReference("company", e.idempotencyKey()).orElseThrow();
        assertEquals("Halfway Ltd", hubspot.findBy("company", "hs_object_id", found).orElseThrow()
                .path("properties").path("name").asText());
    }

    @Test
    void slowAnswerPastTheTimeoutIsConnectivity() throws Exception {
        start();
        HubSpotCrmConnector impatient = new HubSpotCrmConnector(client(SECRET, Duration.ofMillis(300), 100));
        sandbox.faults().slow(1, Duration.ofMillis(1500), "/deals/");
        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> impatient.deal("10"));
        assertEquals(ExceptionClass.CONNECTIVITY, e.exceptionClass());
        assertTrue(e.getMessage().startsWith("HubSpot did not answer in time"), e.getMessage());
    }

    @Test
    void unknownPropertyIsValidationNamingTheProperty() throws Exception {
        HubSpotCrmConnector hubspot = start();
        String id = hubspot.closedWonDeals(NOV_1).get(0).path("id").asText();
        WriteResult r = hubspot.write(entry("deal", "{\"id\":\"" + id
                + "\",\"properties\":{\"crossbill_psa_project\":\"P-1\"}}"));
        assertEquals(WriteResult.Outcome.FAILED, r.outcome());
        assertEquals(ExceptionClass.VALIDATION, r.failureClass());
        String first = r.detail().lines().findFirst().orElseThrow();
        assertEquals("HubSpot refused to update the deal " + id + ": Property \"crossbill_psa_project\" does not"
                + " exist (HTTP 400).", first);
        WriteResult stage = hubspot.write(entry("deal", "{\"id\":\"" + id + "\",\"properties\":{\"dealstage\":"
                + "\"won\"}}"));
        assertEquals(ExceptionClass.VALIDATION, stage.failureClass());
        assertTrue(stage.detail().lines().findFirst().orElseThrow().contains("won was not one of the allowed options"),
                stage.detail());
        WriteResult missing = hubspot.write(entry("deal", "{\"id\":\"1\",\"properties\":{\"dealname\":\"x\"}}"));
        assertEquals(ExceptionClass.REFERENCE, missing.failureClass());
        WriteResult notMapped = hubspot.write(entry("deal", "[1,2]"));
        assertEquals(ExceptionClass.MAPPING, notMapped.failureClass());
        assertEquals(ExceptionClass.INTERNAL, hubspot.write(entry("invoice", "{\"properties\":{}}")).failureClass());
    }

    @Test
    void duplicateContactEmailIsDuplicate() throws Exception {
        HubSpotCrmConnector hubspot = start();
        List<JsonNode> contacts = hubspot.contacts(null);
        String other = contacts.get(1).path("properties").path("email").asText();
        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> hubspot.updateProperties("contact",
                contacts.get(0).path("id").asText(), Map.of("email", other)));
        assertEquals(ExceptionClass.DUPLICATE, e.exceptionClass());
        assertTrue(e.getMessage().contains("Contact already exists. Existing ID: " + contacts.get(1).path("id")
                .asText()), e.getMessage());
    }

    @Test
    void schemaAndRealSamples() throws Exception {
        HubSpotCrmConnector hubspot = start();
        var schema = hubspot.schema();
        assertEquals("hubspot", schema.system());
        assertEquals(List.of("Company", "Contact", "Deal", "LineItem"), schema.entities().stream()
                .map(en -> en.name()).toList());
        var deal = schema.entity("Deal").orElseThrow();
        assertEquals(io.crossbill.engine.api.ConnectorSchema.Type.NUMBER,
                deal.field("properties.amount").orElseThrow().type());
        assertTrue(deal.field("properties.hs_lastmodifieddate").orElseThrow().readOnly());
        assertTrue(schema.entity("Contact").orElseThrow().field("properties.lastmodifieddate").isPresent());
        List<JsonNode> samples = hubspot.samples("Deal", 3);
        assertEquals(3, samples.size());
        for (JsonNode s : samples) {
            assertFalse(s.path("properties").path("dealname").asText().isEmpty());
        }
        assertEquals(10, hubspot.samples("LineItem", 50).size());
        assertThrows(IllegalArgumentException.class, () -> hubspot.samples("Invoice", 1));
    }
}
