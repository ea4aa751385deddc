package io.crossbill.connect.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.connect.xero.XeroAccountingConnector;
import io.crossbill.connect.xero.XeroApiException;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.connect.xero.XeroDates;
import io.crossbill.connect.xero.XeroProjectsReader;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.WriteResult;
import io.crossbill.sandbox.Faults;
import io.crossbill.sandbox.ManualClock;
import io.crossbill.sandbox.XeroSandbox;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Xero connectors against a real {@link XeroSandbox} on 127.0.0.1. */
class XeroConnectorSandboxTest {
    private static final String SECRET = "s3cret-token-do-not-leak";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
    private XeroSandbox sandbox;
    private XeroAccountingConnector accounting;
    private final AtomicInteger keys = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        sandbox = XeroSandbox.builder().clock(clock).token(SECRET).limits(5, 10_000, 100_000).build().start();
        accounting = new XeroAccountingConnector(client(SECRET), 10);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private XeroClient client(String token) {
        XeroConnection c = new XeroConnection(sandbox.accountingBaseUrl(), sandbox.projectsBaseUrl(),
                sandbox.tenantId(), () -> token);
        return new XeroClient(c, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                Duration.ofSeconds(10), clock);
    }

    private OutboxEntry entry(String entity, String key, String json) {
        return new OutboxEntry(keys.incrementAndGet(), key, "xero", entity, json.getBytes(StandardCharsets.UTF_8),
                0, "lineage-" + key);
    }

    private String newContact(String number) {
        WriteResult r = accounting.write(entry("Contact", "contact-" + number, """
                {"Name":"Fjord Analytics AS %s","ContactNumber":"%s","EmailAddress":"ap@fjord.example",
                 "DefaultCurrency":"EUR"}""".formatted(number, number)));
        assertEquals(WriteResult.Outcome.DONE, r.outcome(), r.detail());
        return r.targetId();
    }

    @Test
    void createdContactIsFoundByReference() {
        String id = newContact("CB-000123");
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        assertEquals(id, accounting.findByReference("Contact", "CB-000123").orElseThrow());
        assertEquals(id, accounting.findByReference("Contact", "Fjord Analytics AS CB-000123").orElseThrow());
        assertTrue(accounting.findByReference("Contact", "CB-999999").isEmpty());
        assertTrue(accounting.findByReference("Contact", "CB-00012").isEmpty(), "a prefix is not a match");
        assertTrue(accounting.honoursIdempotencyKey());
        assertEquals("xero", accounting.system());
    }

    @Test
    void sameInvoiceTwiceWithSameKeyMakesOneInvoice() {
        String contact = newContact("CB-7");
        int before = sandbox.counts().get("invoices");
        String invoice = """
                {"Type":"ACCREC","Contact":{"ContactID":"%s"},"Date":"2026-12-01","DueDate":"2026-12-31",
                 "Reference":"CB-INV-42","Status":"DRAFT","CurrencyCode":"EUR","LineAmountTypes":"Exclusive",
                 "LineItems":[{"Description":"Consulting, November","Quantity":10,"UnitAmount":150.0,
                               "AccountCode":"200","TaxType":"NONE"}]}""".formatted(contact);
        WriteResult first = accounting.write(entry("Invoice", "inv-key-42", invoice));
        WriteResult second = accounting.write(entry("Invoice", "inv-key-42", invoice));
        assertEquals(WriteResult.Outcome.DONE, first.outcome(), first.detail());
        assertEquals(WriteResult.Outcome.DONE, second.outcome(), second.detail());
        assertEquals(first.targetId(), second.targetId());
        assertEquals(before + 1, sandbox.counts().get("invoices"));
        assertEquals(first.targetId(), accounting.findByReference("Invoice", "CB-INV-42").orElseThrow());

        List<JsonNode> mine = accounting.invoices(null).stream()
                .filter(i -> i.path("InvoiceID").asText().equals(first.targetId())).toList();
        assertEquals(1, mine.size());
        JsonNode read = mine.get(0);
        assertEquals(1500.0, read.path("Total").asDouble(), 0.001);
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), XeroDates.parse(read.path("Date").asText()));
        String number = read.path("InvoiceNumber").asText();
        assertEquals(first.targetId(), accounting.findByReference("Invoice", number).orElseThrow());
    }

    @Test
    void invalidInvoiceIsRejectedInXerosOwnWords() {
        WriteResult r = accounting.write(entry("Invoice", "bad-1", """
                {"Type":"ACCREC","LineItems":[{"Description":"x","Quantity":1,"UnitAmount":10}]}"""));
        assertEquals(WriteResult.Outcome.FAILED, r.outcome());
        assertEquals(ExceptionClass.REJECTED, r.failureClass());
        String firstLine = r.detail().lines().findFirst().orElseThrow();
        assertTrue(firstLine.startsWith("Xero refused to create the Invoice: "), firstLine);
        assertTrue(firstLine.contains("A Contact must be specified for this type of transaction"), firstLine);
        assertFalse(firstLine.contains("{"), "plain words, not JSON: " + firstLine);
        assertTrue(r.detail().contains("HTTP 400"), r.detail());
    }

    @Test
    void allSeededTimeEntriesAreReadExactlyOnceThroughPaging() {
        XeroProjectsReader reader = new XeroProjectsReader(client(SECRET), 7);
        List<JsonNode> projects = reader.projects();
        assertEquals(14, projects.size());
        assertEquals(14, projects.stream().map(p -> p.path("projectId").asText()).distinct().count());
        Set<String> ids = new HashSet<>();
        int[] seen = {0};
        reader.forEachTimeEntry(e -> {
            seen[0]++;
            ids.add(e.path("timeEntryId").asText());
        });
        assertEquals(354, seen[0]);
        assertEquals(354, ids.size());
        assertTrue(reader.requests() > 354 / 7, "paged: " + reader.requests());
        assertEquals(1, reader.projects("CLOSED").size());
    }

    @Test
    void ifModifiedSinceReadsOnlyWhatChanged() {
        int all = accounting.contacts(null, false).size();
        assertEquals(38, all, "38 seeded contacts over four pages of 10");
        clock.advance(Duration.ofHours(1));
        Instant mark = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        String id = newContact("CB-NEW");
        List<JsonNode> changed = accounting.contacts(mark, false);
        assertEquals(1, changed.size());
        assertEquals(id, changed.get(0).path("ContactID").asText());
        assertTrue(XeroDates.parse(changed.get(0).path("UpdatedDateUTC").asText()).isAfter(mark));
    }

    @Test
    void rateLimitIsRateLimitedWithRetryAfter() {
        sandbox.faults().next(1, Faults.Kind.RATE_LIMIT);
        WriteResult r = accounting.write(entry("Contact", "rl-1", "{\"Name\":\"Rate Ltd\"}"));
        assertEquals(WriteResult.Outcome.RETRY, r.outcome());
        assertEquals(ExceptionClass.RATE_LIMITED, r.failureClass());
        assertEquals(Duration.ofSeconds(60), r.retryAfter());
        assertTrue(r.detail().contains("minute limit"), r.detail());
        // the retry with the same key goes through once
        WriteResult again = accounting.write(entry("Contact", "rl-1", "{\"Name\":\"Rate Ltd\"}"));
        assertEquals(WriteResult.Outcome.DONE, again.outcome(), again.detail());

        sandbox.faults().next(1, Faults.Kind.RATE_LIMIT, "/Projects");
        XeroApiException e = assertThrows(XeroApiException.class,
                () -> new XeroProjectsReader(client(SECRET)).projects());
        assertEquals(ExceptionClass.RATE_LIMITED, e.exceptionClass());
        assertEquals(Duration.ofSeconds(60), e.retryAfter());
        assertEquals("minute", e.rateLimitProblem());
    }

    @Test
    void serverErrorIsTransientConnectivity() {
        sandbox.faults().next(1, Faults.Kind.SERVICE_UNAVAILABLE);
        WriteResult r = accounting.write(entry("Contact", "se-1", "{\"Name\":\"Outage Ltd\"}"));
        assertEquals(WriteResult.Outcome.RETRY, r.outcome());
        assertEquals(ExceptionClass.CONNECTIVITY, r.failureClass());
    }

    @Test
    void lostAnswerIsRetriedWithTheSameKeyAndWritesOnce() {
        int before = sandbox.counts().get("contacts");
        sandbox.faults().next(1, Faults.Kind.MALFORMED_JSON);
        WriteResult lost = accounting.write(entry("Contact", "lost-1", "{\"Name\":\"Lost Answer Ltd\"}"));
        assertEquals(WriteResult.Outcome.RETRY, lost.outcome(), lost.detail());
        assertEquals(ExceptionClass.CONNECTIVITY, lost.failureClass());
        WriteResult again = accounting.write(entry("Contact", "lost-1", "{\"Name\":\"Lost Answer Ltd\"}"));
        assertEquals(WriteResult.Outcome.DONE, again.outcome(), again.detail());
        assertEquals(before + 1, sandbox.counts().get("contacts"));
    }

    @Test
    void unreachableXeroIsConnectivity() {
        int port = sandbox.accountingBaseUrl().getPort();
        sandbox.close();
        WriteResult r = accounting.write(entry("Contact", "down-1", "{\"Name\":\"Down Ltd\"}"));
        assertEquals(WriteResult.Outcome.RETRY, r.outcome());
        assertEquals(ExceptionClass.CONNECTIVITY, r.failureClass());
        assertTrue(r.detail().contains("127.0.0.1"), r.detail() + " " + port);
    }

    @Test
    void wrongTokenIsAuthAndNoTokenLeaks() {
        String wrong = "wrong-token-also-secret";
        XeroAccountingConnector bad = new XeroAccountingConnector(client(wrong));
        WriteResult r = bad.write(entry("Contact", "auth-1", "{\"Name\":\"Auth Ltd\"}"));
        assertEquals(WriteResult.Outcome.FAILED, r.outcome());
        assertEquals(ExceptionClass.AUTH, r.failureClass());
        assertTrue(r.detail().contains("HTTP 401"), r.detail());
        assertFalse(r.detail().contains(wrong));

        XeroApiException e = assertThrows(XeroApiException.class, () -> bad.contacts(null, false));
        assertEquals(ExceptionClass.AUTH, e.exceptionClass());
        assertEquals(401, e.status());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());

        XeroClient wrongTenant = new XeroClient(new XeroConnection(sandbox.accountingBaseUrl(),
                sandbox.projectsBaseUrl(), "00000000-0000-0000-0000-000000000000", () -> SECRET));
        XeroApiException f = assertThrows(XeroApiException.class,
                () -> new XeroProjectsReader(wrongTenant).projects());
        assertEquals(ExceptionClass.AUTH, f.exceptionClass());
        assertEquals(403, f.status());

        for (Object o : List.of(bad, accounting, client(SECRET), client(SECRET).connection(),
                new XeroProjectsReader(client(SECRET)))) {
            assertFalse(o.toString().contains(SECRET), o.toString());
            assertFalse(o.toString().contains(wrong), o.toString());
            assertTrue(o.toString().contains("token=***"), o.toString());
        }
        assertFalse(f.getMessage().contains(SECRET), f.getMessage());

        XeroApiException none = assertThrows(XeroApiException.class,
                () -> new XeroAccountingConnector(client(" ")).contacts(null, false));
        assertEquals(ExceptionClass.AUTH, none.exceptionClass());
        assertNotNull(none.getMessage());
    }
}
