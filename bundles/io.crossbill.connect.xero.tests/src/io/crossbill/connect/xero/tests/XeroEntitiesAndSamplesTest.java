package io.crossbill.connect.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.connect.xero.XeroAccountingConnector;
import io.crossbill.connect.xero.XeroApiException;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.connect.xero.XeroProjectsReader;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.WriteResult;
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

/** Credit notes, items, tax rates, currencies and samples through the connectors, against a real sandbox. */
class XeroEntitiesAndSamplesTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final AtomicInteger ids = new AtomicInteger();
    private XeroSandbox sandbox;
    private XeroClient client;
    private XeroAccountingConnector accounting;
    private String contactId;

    @BeforeEach
    void start() throws Exception {
        sandbox = XeroSandbox.builder().clock(clock).limits(5, 10_000, 100_000).build().start();
        client = new XeroClient(new XeroConnection(sandbox.accountingBaseUrl(), sandbox.projectsBaseUrl(),
                sandbox.tenantId(), sandbox::token), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .build(), Duration.ofSeconds(10), clock);
        accounting = new XeroAccountingConnector(client, 10);
        contactId = accounting.contacts(null, false).get(0).path("ContactID").asText();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private WriteResult write(String entity, String key, String json) {
        return accounting.write(new OutboxEntry(ids.incrementAndGet(), key, "xero", entity,
                json.getBytes(StandardCharsets.UTF_8), 0, "lineage-" + key));
    }

    @Test
    void creditNoteIsWrittenOnceReadAndFoundByNumberAndReference() {
        String note = """
                {"Type":"ACCRECCREDIT","Contact":{"ContactID":"%s"},"Date":"2026-12-01","Reference":"CB-CN-7",
                 "Status":"DRAFT","CurrencyCode":"GBP","LineItems":[{"Description":"Overbilled hours","Quantity":2,
                 "UnitAmount":100,"AccountCode":"200","TaxType":"OUTPUT2"}]}""".formatted(contactId);
        WriteResult first = write("CreditNote", "cn-key-7", note);
        WriteResult again = write("CreditNote", "cn-key-7", note);
        assertEquals(WriteResult.Outcome.DONE, first.outcome(), first.detail());
        assertEquals(first.targetId(), again.targetId(), "same key, same credit note");
        List<JsonNode> all = accounting.creditNotes(null);
        assertEquals(1, all.size());
        assertEquals(240.0, all.get(0).path("Total").asDouble(), 0.001);
        assertEquals(1, all.get(0).path("LineItems").size(), "read with its lines");
        String number = all.get(0).path("CreditNoteNumber").asText();
        assertEquals(first.targetId(), accounting.findByReference("CreditNote", number).orElseThrow());
        assertEquals(first.targetId(), accounting.findByReference("CreditNote", "CB-CN-7").orElseThrow());
        assertTrue(accounting.findByReference("CreditNote", "CB-CN-8").isEmpty());

        WriteResult authorise = write("CreditNote", "cn-key-7b", """
                {"CreditNoteID":"%s","Status":"AUTHORISED"}""".formatted(first.targetId()));
        assertEquals(WriteResult.Outcome.DONE, authorise.outcome(), authorise.detail());
        clock.advance(Duration.ofMinutes(5));
        assertTrue(accounting.creditNotes(clock.instant()).isEmpty(), "nothing changed since now");
        assertEquals("AUTHORISED", accounting.creditNotes(null).get(0).path("Status").asText());

        WriteResult back = write("CreditNote", "cn-key-7c", """
                {"CreditNoteID":"%s","Status":"DRAFT"}""".formatted(first.targetId()));
        assertEquals(WriteResult.Outcome.FAILED, back.outcome());
        assertEquals(ExceptionClass.REJECTED, back.failureClass());
        assertTrue(back.detail().startsWith("Xero refused to update the CreditNote: Credit Note not of valid status"
                + " for modification"), back.detail());
    }

    @Test
    void itemIsSavedByCodeAndFound() {
        WriteResult created = write("Item", "item-1", """
                {"Code":"CONSULT-DAY","Name":"Consulting day","SalesDetails":{"UnitPrice":1200,"AccountCode":"200"}}""");
        assertEquals(WriteResult.Outcome.DONE, created.outcome(), created.detail());
        WriteResult renamed = write("Item", "item-2", """
                {"Code":"CONSULT-DAY","Name":"Consulting day (senior)"}""");
        assertEquals(created.targetId(), renamed.targetId(), "the same Code updates the same item");
        List<JsonNode> items = accounting.items();
        assertEquals(1, items.size());
        assertEquals("Consulting day (senior)", items.get(0).path("Name").asText());
        assertEquals(created.targetId(), accounting.findByReference("Item", "consult-day").orElseThrow());

        WriteResult noCode = write("Item", "item-3", "{\"Name\":\"Nameless\"}");
        assertEquals(WriteResult.Outcome.FAILED, noCode.outcome());
        assertEquals(ExceptionClass.MAPPING, noCode.failureClass());
        assertTrue(noCode.detail().contains("needs its Code"), noCode.detail());
        WriteResult tooLong = write("Item", "item-4", "{\"Code\":\"" + "X".repeat(31) + "\"}");
        assertEquals(ExceptionClass.REJECTED, tooLong.failureClass(), tooLong.detail());
        assertTrue(tooLong.detail().contains("Item code must not exceed 30 characters"), tooLong.detail());
        assertEquals(1, accounting.items().size());
    }

    @Test
    void taxRatesAndCurrenciesAreReadAndACurrencyIsEnabled() {
        Set<String> types = new HashSet<>();
        accounting.taxRates().forEach(t -> types.add(t.path("TaxType").asText()));
        assertTrue(types.containsAll(Set.of("OUTPUT2", "NONE")), types.toString());
        List<String> codes = accounting.currencies().stream().map(c -> c.path("Code").asText()).toList();
        assertEquals(List.of("GBP", "USD", "EUR", "AUD", "NZD"), codes);

        assertEquals("Swedish Krona", accounting.enableCurrency("sek").path("Description").asText());
        assertTrue(accounting.currencies().stream().anyMatch(c -> c.path("Code").asText().equals("SEK")));
        IllegalArgumentException notACode = assertThrows(IllegalArgumentException.class,
                () -> accounting.enableCurrency("S1"));
        assertTrue(notACode.getMessage().contains("'S1'"), notACode.getMessage());
        XeroApiException unknown = assertThrows(XeroApiException.class, () -> accounting.enableCurrency("XYZ"));
        assertEquals(ExceptionClass.REJECTED, unknown.exceptionClass());
        assertTrue(unknown.getMessage().contains("'XYZ' is not a valid ISO 4217 currency code"), unknown.getMessage());
    }

    @Test
    void accountingSamplesAreRealRecordsFromOnePage() {
        List<JsonNode> contacts = accounting.samples("Contact", 5);
        assertEquals(5, contacts.size());
        Set<String> known = new HashSet<>();
        accounting.contacts(null, false).forEach(c -> known.add(c.path("ContactID").asText()));
        contacts.forEach(c -> assertTrue(known.contains(c.path("ContactID").asText()), c.toString()));
        List<JsonNode> lines = accounting.samples("LineItem", 4);
        assertEquals(4, lines.size());
        lines.forEach(l -> assertTrue(l.hasNonNull("LineAmount"), l.toString()));
        assertEquals(6, accounting.samples("Invoice", 50).size(), "all six seeded invoices, fewer than asked");
        assertTrue(accounting.samples("CreditNote", 3).isEmpty(), "the demo firm has no credit notes");
        assertEquals(2, accounting.samples("Currency", 2).size());
        assertTrue(accounting.samples("TaxComponent", 1).get(0).has("Rate"));
        assertEquals(accounting.schema().entities().size(), 9);

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> accounting.samples("Payment", 3));
        assertTrue(unknown.getMessage().contains("'Payment'") && unknown.getMessage().contains("CreditNote"),
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> accounting.samples("Contact", 0));
    }

    @Test
    void projectsSamplesReadOnePageOrAsLittleAsNeeded() {
        XeroProjectsReader reader = new XeroProjectsReader(client);
        List<JsonNode> projects = reader.samples("Project", 3);
        assertEquals(3, projects.size());
        assertEquals(1, reader.requests(), "one page of three");
        List<JsonNode> time = reader.samples("TimeEntry", 20);
        assertEquals(20, time.size());
        assertEquals(20, time.stream().map(t -> t.path("timeEntryId").asText()).distinct().count());
        List<JsonNode> tasks = reader.samples("Task", 4);
        assertEquals(4, tasks.size());
        tasks.forEach(t -> assertTrue(t.has("chargeType"), t.toString()));
        List<JsonNode> amounts = reader.samples("Amount", 5);
        assertEquals(5, amounts.size());
        amounts.forEach(a -> assertTrue(a.has("currency") && a.has("value"), a.toString()));
        assertThrows(IllegalArgumentException.class, () -> reader.samples("Invoice", 1));
    }
}
