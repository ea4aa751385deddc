package io.crossbill.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.sandbox.ManualClock;
import io.crossbill.sandbox.XeroSandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountingSandboxTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-24T09:00:00Z"));
    private XeroSandbox sandbox;
    private SandboxClient api;

    @BeforeEach
    void start() throws Exception {
        sandbox = XeroSandbox.builder().clock(clock).limits(5, 10_000, 100_000).build().start();
        api = SandboxClient.accounting(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void createdContactCanBeReadBack() {
        var put = api.send("PUT", "/Contacts", """
                {"Contacts":[{"Name":"Fjord Analytics AS","EmailAddress":"ap@fjord.example","TaxNumber":"GB123456789",
                  "DefaultCurrency":"EUR","Addresses":[{"AddressType":"POBOX","City":"Oslo","Country":"Norway"}]}]}""");
        assertEquals(200, put.status(), put.body());
        JsonNode created = put.json().path("Contacts").get(0);
        String id = created.path("ContactID").asText();
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        assertEquals("ACTIVE", created.path("ContactStatus").asText());
        assertTrue(created.path("UpdatedDateUTC").asText().matches("/Date\\(\\d+\\+0000\\)/"));

        var get = api.get("/Contacts/" + id);
        assertEquals(200, get.status());
        JsonNode read = get.json().path("Contacts").get(0);
        assertEquals("Fjord Analytics AS", read.path("Name").asText());
        assertEquals("EUR", read.path("DefaultCurrency").asText());
        assertEquals("Oslo", read.path("Addresses").get(0).path("City").asText());
        assertEquals("OK", get.json().path("Status").asText());
        assertEquals(404, api.get("/Contacts/00000000-0000-0000-0000-000000000000").status());
    }

    @Test
    void duplicateContactNameIsAValidationError() {
        var put = api.send("PUT", "/Contacts", "{\"Name\":\"Kauri Timber Ltd\"}");
        assertEquals(400, put.status());
        assertTrue(put.json().path("Elements").get(0).path("ValidationErrors").get(0).path("Message").asText()
                .contains("is already assigned to another contact"), put.body());
    }

    @Test
    void invoiceWithTheSameIdempotencyKeyIsCreatedOnce() {
        String contactId = firstContactId();
        String body = """
                {"Invoices":[{"Type":"ACCREC","Contact":{"ContactID":"%s"},"Date":"2026-11-30","DueDate":"2026-12-30",
                  "Status":"AUTHORISED","LineItems":[{"Description":"Consulting November 2026","Quantity":10,
                  "UnitAmount":150,"AccountCode":"200","TaxType":"OUTPUT2"}]}]}""".formatted(contactId);
        int before = sandbox.counts().get("invoices");
        var first = api.send("PUT", "/Invoices", body, "Idempotency-Key", "inv-nov-0001");
        var second = api.send("PUT", "/Invoices", body, "Idempotency-Key", "inv-nov-0001");
        assertEquals(200, first.status(), first.body());
        assertEquals(200, second.status());
        assertEquals(first.body(), second.body());
        assertEquals(before + 1, sandbox.counts().get("invoices"));
        JsonNode inv = first.json().path("Invoices").get(0);
        assertEquals(0, inv.path("SubTotal").decimalValue().compareTo(new java.math.BigDecimal("1500")));
        assertEquals(0, inv.path("TotalTax").decimalValue().compareTo(new java.math.BigDecimal("300")));
        assertEquals("GBP", inv.path("CurrencyCode").asText());
        assertTrue(inv.path("Date").asText().matches("/Date\\(\\d+\\+0000\\)/"));

        var third = api.send("PUT", "/Invoices", body, "Idempotency-Key", "inv-nov-0002");
        assertEquals(200, third.status());
        assertEquals(before + 2, sandbox.counts().get("invoices"));
        var byId = api.get("/Invoices/" + inv.path("InvoiceID").asText());
        assertEquals(1, byId.json().path("Invoices").get(0).path("LineItems").size());
    }

    @Test
    void invoiceWithoutContactIsRejectedWithXeroValidationBody() {
        int before = sandbox.counts().get("invoices");
        var r = api.send("PUT", "/Invoices", """
                {"Invoices":[{"Type":"ACCREC","LineItems":[{"Description":"x","Quantity":1,"UnitAmount":10}]}]}""");
        assertEquals(400, r.status());
        JsonNode e = r.json();
        assertEquals(10, e.path("ErrorNumber").asInt());
        assertEquals("ValidationException", e.path("Type").asText());
        assertEquals("A validation exception occurred", e.path("Message").asText());
        assertEquals("A Contact must be specified for this type of transaction",
                e.path("Elements").get(0).path("ValidationErrors").get(0).path("Message").asText());
        assertEquals(before, sandbox.counts().get("invoices"));
    }

    @Test
    void summarizeErrorsFalseSavesTheGoodAndFlagsTheBad() {
        int before = sandbox.counts().get("contacts");
        var r = api.send("PUT", "/Contacts?summarizeErrors=false",
                "{\"Contacts\":[{\"Name\":\"Good New Co\"},{\"Name\":\"\"}]}");
        assertEquals(200, r.status(), r.body());
        JsonNode cs = r.json().path("Contacts");
        assertEquals(36, cs.get(0).path("ContactID").asText().length());
        assertTrue(cs.get(1).path("HasValidationErrors").asBoolean());
        assertEquals(1, cs.get(1).path("ValidationErrors").size());
        assertEquals(before + 1, sandbox.counts().get("contacts"));
    }

    @Test
    void authorisedInvoiceCannotGoBackToDraft() {
        String id = api.get("/Invoices?Statuses=AUTHORISED").json().path("Invoices").get(0).path("InvoiceID").asText();
        var r = api.send("POST", "/Invoices/" + id, "{\"Status\":\"DRAFT\"}");
        assertEquals(400, r.status());
        assertEquals("Invoice not of valid status for modification",
                r.json().path("Elements").get(0).path("ValidationErrors").get(0).path("Message").asText());
    }

    @Test
    void contactsArePagedInHundredsAndIfModifiedSinceFilters() {
        StringBuilder batch = new StringBuilder("{\"Contacts\":[");
        for (int i = 0; i < 70; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"Name\":\"Bulk Customer ").append(i).append("\"}");
        }
        clock.advance(Duration.ofHours(1));
        Instant cut = clock.instant();
        assertEquals(200, api.send("PUT", "/Contacts", batch.append("]}").toString()).status());
        int total = sandbox.counts().get("contacts");
        assertTrue(total > 100);
        var p1 = api.get("/Contacts?page=1").json();
        var p2 = api.get("/Contacts?page=2").json();
        assertEquals(100, p1.path("Contacts").size());
        assertEquals(total - 100, p2.path("Contacts").size());
        assertEquals(2, p1.path("pagination").path("pageCount").asInt());
        assertEquals(total, p1.path("pagination").path("itemCount").asInt());
        Set<String> ids = new HashSet<>();
        p1.path("Contacts").forEach(c -> ids.add(c.path("ContactID").asText()));
        p2.path("Contacts").forEach(c -> ids.add(c.path("ContactID").asText()));
        assertEquals(total, ids.size());

        var since = api.get("/Contacts", "If-Modified-Since", cut.toString()).json().path("Contacts");
        assertEquals(70, since.size());
        var http = api.get("/Contacts", "If-Modified-Since", "Tue, 24 Nov 2026 09:30:00 GMT").json().path("Contacts");
        assertEquals(70, http.size());
    }

    @Test
    void invoiceListOmitsLineItemsUnlessPaged() {
        JsonNode all = api.get("/Invoices").json().path("Invoices");
        assertFalse(all.isEmpty());
        assertTrue(all.get(0).path("LineItems").isMissingNode());
        JsonNode paged = api.get("/Invoices?page=1").json().path("Invoices");
        assertTrue(paged.get(0).path("LineItems").size() > 0);
    }

    private String firstContactId() {
        return api.get("/Contacts?page=1").json().path("Contacts").get(0).path("ContactID").asText();
    }
}
