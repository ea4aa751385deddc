package io.crossbill.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.sandbox.ManualClock;
import io.crossbill.sandbox.XeroSandbox;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credit notes, items, tax rates and currencies of the Accounting sandbox, on the wire. */
class AccountingEntitiesSandboxTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
    private XeroSandbox sandbox;
    private SandboxClient api;
    private String contactId;

    @BeforeEach
    void start() throws Exception {
        sandbox = XeroSandbox.builder().clock(clock).limits(5, 10_000, 100_000).build().start();
        api = SandboxClient.accounting(sandbox);
        contactId = api.get("/Contacts?page=1").json().path("Contacts").get(0).path("ContactID").asText();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static String firstError(SandboxClient.Answer a) {
        return a.json().path("Elements").get(0).path("ValidationErrors").get(0).path("Message").asText();
    }

    private String creditNote(String status, String lines) {
        return """
                {"CreditNotes":[{"Type":"ACCRECCREDIT","Contact":{"ContactID":"%s"},"Date":"2026-12-01",
                  "Status":"%s","Reference":"Refund Oct","CurrencyCode":"GBP","LineItems":%s}]}"""
                .formatted(contactId, status, lines);
    }

    @Test
    void creditNotesAreNumberedTotalledAndFollowTheStatusRules() {
        var put = api.send("PUT", "/CreditNotes", creditNote("DRAFT", """
                [{"Description":"Overbilled hours","Quantity":2,"UnitAmount":100,"AccountCode":"200","TaxType":"OUTPUT2"}]"""));
        assertEquals(200, put.status(), put.body());
        JsonNode cn = put.json().path("CreditNotes").get(0);
        String id = cn.path("CreditNoteID").asText();
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        assertEquals("CN-0001", cn.path("CreditNoteNumber").asText());
        assertEquals(0, new BigDecimal("200.00").compareTo(cn.path("SubTotal").decimalValue()));
        assertEquals(0, new BigDecimal("40.00").compareTo(cn.path("TotalTax").decimalValue()));
        assertEquals(0, new BigDecimal("240.00").compareTo(cn.path("Total").decimalValue()));
        assertEquals(0, new BigDecimal("240.00").compareTo(cn.path("RemainingCredit").decimalValue()));
        assertEquals(contactId, cn.path("Contact").path("ContactID").asText());

        var second = api.send("PUT", "/CreditNotes", creditNote("AUTHORISED", """
                [{"Description":"Goodwill","Quantity":1,"UnitAmount":50,"AccountCode":"200","TaxType":"NONE"}]"""));
        assertEquals("CN-0002", second.json().path("CreditNotes").get(0).path("CreditNoteNumber").asText());

        var authorise = api.send("POST", "/CreditNotes/" + id, "{\"Status\":\"AUTHORISED\"}");
        assertEquals(200, authorise.status(), authorise.body());
        assertEquals("AUTHORISED", authorise.json().path("CreditNotes").get(0).path("Status").asText());
        var back = api.send("POST", "/CreditNotes/" + id, "{\"Status\":\"DRAFT\"}");
        assertEquals(400, back.status());
        assertEquals("Credit Note not of valid status for modification", firstError(back));
        var voided = api.send("POST", "/CreditNotes/" + id, "{\"Status\":\"VOIDED\"}");
        assertEquals(0, BigDecimal.ZERO.compareTo(voided.json().path("CreditNotes").get(0).path("RemainingCredit")
                .decimalValue()));

        var wrongType = api.send("PUT", "/CreditNotes", creditNote("DRAFT", "[]").replace("ACCRECCREDIT", "ACCREC"));
        assertEquals(400, wrongType.status());
        assertEquals("Credit Note Type ACCREC is not valid.", firstError(wrongType));
        var noLines = api.send("PUT", "/CreditNotes", creditNote("AUTHORISED", "[]"));
        assertEquals("A credit note must have at least one line item to be AUTHORISED.", firstError(noLines));

        var paged = api.get("/CreditNotes?page=1");
        assertEquals(2, paged.json().path("CreditNotes").size());
        assertEquals(1, paged.json().path("CreditNotes").get(0).path("LineItems").size());
        assertFalse(api.get("/CreditNotes").json().path("CreditNotes").get(0).has("LineItems"),
                "as for invoices, lines only when paged");
        assertEquals(id, api.get("/CreditNotes/" + id).json().path("CreditNotes").get(0).path("CreditNoteID").asText());
        assertEquals(404, api.get("/CreditNotes/00000000-0000-0000-0000-000000000000").status());
        assertEquals(6, sandbox.counts().get("invoices"), "credit notes are not invoices");
    }

    @Test
    void itemCodesAreUniqueAndFillInvoiceLines() {
        String item = """
                {"Items":[{"Code":"CONSULT-DAY","Name":"Consulting day","Description":"Senior consultant, one day",
                  "SalesDetails":{"UnitPrice":1200.00,"AccountCode":"200","TaxType":"OUTPUT2"}}]}""";
        var put = api.send("PUT", "/Items", item);
        assertEquals(200, put.status(), put.body());
        JsonNode created = put.json().path("Items").get(0);
        String id = created.path("ItemID").asText();
        assertTrue(created.path("IsSold").asBoolean());
        assertFalse(created.path("IsPurchased").asBoolean());
        assertFalse(created.path("IsTrackedAsInventory").asBoolean());

        var again = api.send("PUT", "/Items", item.replace("CONSULT-DAY", "consult-day"));
        assertEquals(400, again.status());
        assertEquals("Item code 'consult-day' is already in use. Item codes must be unique.", firstError(again));
        var noCode = api.send("PUT", "/Items", "{\"Name\":\"Nameless\"}");
        assertEquals("Item code must be specified.", firstError(noCode));
        assertEquals(1, api.get("/Items").json().path("Items").size(), "nothing written by the refused ones");

        var upsert = api.send("POST", "/Items", "{\"Items\":[{\"Code\":\"CONSULT-DAY\",\"Name\":\"Consulting day (senior)\"}]}");
        assertEquals(200, upsert.status(), upsert.body());
        assertEquals(id, upsert.json().path("Items").get(0).path("ItemID").asText(), "POST by Code updates");
        assertEquals(1200.0, upsert.json().path("Items").get(0).path("SalesDetails").path("UnitPrice").asDouble());

        var invoice = api.send("PUT", "/Invoices", """
                {"Type":"ACCREC","Contact":{"ContactID":"%s"},"Status":"AUTHORISED",
                 "LineItems":[{"ItemCode":"CONSULT-DAY","Quantity":2}]}""".formatted(contactId));
        assertEquals(200, invoice.status(), invoice.body());
        JsonNode line = invoice.json().path("Invoices").get(0).path("LineItems").get(0);
        assertEquals("Senior consultant, one day", line.path("Description").asText());
        assertEquals(0, new BigDecimal("2400.00").compareTo(line.path("LineAmount").decimalValue()));
        assertEquals(0, new BigDecimal("2880.00").compareTo(invoice.json().path("Invoices").get(0).path("Total")
                .decimalValue()));
        var unknown = api.send("PUT", "/Invoices", """
                {"Type":"ACCREC","Contact":{"ContactID":"%s"},"LineItems":[{"ItemCode":"NOPE","Quantity":1}]}"""
                .formatted(contactId));
        assertEquals("Item code 'NOPE' is not valid.", firstError(unknown));

        assertEquals(id, api.get("/Items/CONSULT-DAY").json().path("Items").get(0).path("ItemID").asText());
        assertEquals(204, api.send("DELETE", "/Items/" + id, null).status());
        assertEquals(404, api.get("/Items/" + id).status());
    }

    @Test
    void everyListedTaxRateIsAcceptedOnAnInvoiceAtItsRate() {
        var rates = api.get("/TaxRates");
        assertEquals(200, rates.status());
        List<String> types = new ArrayList<>();
        for (JsonNode rate : rates.json().path("TaxRates")) {
            String type = rate.path("TaxType").asText();
            types.add(type);
            BigDecimal percent = rate.path("EffectiveRate").decimalValue();
            assertEquals(0, percent.compareTo(rate.path("TaxComponents").get(0).path("Rate").decimalValue()));
            var inv = api.send("PUT", "/Invoices", """
                    {"Type":"ACCREC","Contact":{"ContactID":"%s"},"CurrencyCode":"GBP",
                     "LineItems":[{"Description":"Test","Quantity":1,"UnitAmount":100,"TaxType":"%s"}]}"""
                    .formatted(contactId, type));
            assertEquals(200, inv.status(), type + ": " + inv.body());
            assertEquals(0, percent.compareTo(inv.json().path("Invoices").get(0).path("TotalTax").decimalValue()),
                    type + " at " + percent + " % of 100");
        }
        assertTrue(types.contains("OUTPUT2"), types.toString());
        JsonNode output2 = rates.json().path("TaxRates").get(types.indexOf("OUTPUT2"));
        assertEquals("20% (VAT on Income)", output2.path("Name").asText());
        assertEquals(0, new BigDecimal("20").compareTo(output2.path("EffectiveRate").decimalValue()));
    }

    @Test
    void currenciesAreListedAndOneCanBeEnabled() {
        var list = api.get("/Currencies");
        List<String> codes = new ArrayList<>();
        list.json().path("Currencies").forEach(c -> codes.add(c.path("Code").asText()));
        assertEquals(List.of("GBP", "USD", "EUR", "AUD", "NZD"), codes);
        assertEquals("British Pound", list.json().path("Currencies").get(0).path("Description").asText());

        String swede = "{\"Name\":\"Nordkap Konsult AB\",\"DefaultCurrency\":\"SEK\"}";
        assertEquals(400, api.send("PUT", "/Contacts", swede).status(), "SEK not enabled yet");
        var enable = api.send("PUT", "/Currencies", "{\"Code\":\"SEK\",\"Description\":\"Swedish Krona\"}");
        assertEquals(200, enable.status(), enable.body());
        assertEquals("SEK", enable.json().path("Currencies").get(0).path("Code").asText());
        assertEquals("Swedish Krona", enable.json().path("Currencies").get(0).path("Description").asText());
        assertEquals(6, api.get("/Currencies").json().path("Currencies").size());
        assertEquals(200, api.send("PUT", "/Contacts", swede).status(), "SEK enabled");
        assertEquals(200, api.send("PUT", "/Currencies", "{\"Code\":\"SEK\"}").status(), "enabling twice is fine");
        assertEquals(6, api.get("/Currencies").json().path("Currencies").size());

        var bad = api.send("PUT", "/Currencies", "{\"Code\":\"XYZ\"}");
        assertEquals(400, bad.status());
        assertEquals("'XYZ' is not a valid ISO 4217 currency code.", firstError(bad));
        assertEquals(6, api.get("/Currencies").json().path("Currencies").size());
    }
}
