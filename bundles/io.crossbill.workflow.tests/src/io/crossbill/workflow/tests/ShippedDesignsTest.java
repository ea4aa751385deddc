package io.crossbill.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.mapping.runtime.MappingFailure;
import io.crossbill.mapping.runtime.TestCaseOutcome;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.Sagas;
import io.crossbill.workflow.LeadToProject;
import io.crossbill.workflow.ShippedDesigns;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default mapping designs shipped with the product: each loads, compiles and passes the golden samples kept
 * with it, and lead to project sends exactly what the two legs (HubSpot to canonical to Xero) produce - the same
 * payloads the workflow built by hand before the designs existed.
 */
class ShippedDesignsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue())
            : a.equals(b) ? 0 : 1;

    @TempDir
    Path workspace;

    @Test
    void everyShippedDesignLoadsCompilesAndPassesItsGoldenSamples() {
        List<String> names = new ArrayList<>(ShippedDesigns.NAMES);
        names.add("xero-time-entries");
        Map<String, List<TestCaseOutcome>> outcomes = ShippedDesigns.load(names).goldenOutcomes();
        assertEquals(names, List.copyOf(outcomes.keySet()));
        for (Map.Entry<String, List<TestCaseOutcome>> design : outcomes.entrySet()) {
            assertFalse(design.getValue().isEmpty(), design.getKey() + " keeps no golden sample");
            for (TestCaseOutcome outcome : design.getValue()) {
                assertTrue(outcome.passed(), design.getKey() + " / " + outcome.name() + ": " + outcome.detail());
            }
        }
    }

    @Test
    void theDesignsGiveTheHandWrittenPayloadsForEveryClosedWonDemoDeal() throws Exception {
        ShippedDesigns designs = ShippedDesigns.get();
        try (DemoFirmSystems s = new DemoFirmSystems()) {
            List<JsonNode> deals = s.systems.crm().closedWonDeals(null);
            assertEquals(10, deals.size());
            for (JsonNode deal : deals) {
                JsonNode company = s.systems.crm().companyOfDeal(deal.path("id").asText()).orElseThrow();
                String label = deal.path("properties").path("dealname").asText();
                assertSame(handWrittenContact(company, deal), designs.xeroContact(company, deal), label);
                assertSame(handWrittenProject(deal, "contact-1"), designs.xeroProject(deal, "contact-1"), label);
            }
        }
    }

    @Test
    void leadToProjectSendsWhatTheDesignsProduce() throws Exception {
        ShippedDesigns designs = ShippedDesigns.get();
        try (DemoFirmSystems s = new DemoFirmSystems(); EngineDatabase db = EngineDatabase.open(workspace)) {
            LeadToProject.Result result = new LeadToProject(s.context(db, DemoFirmSystems.RUN_AT), s.systems.crm(),
                    s.systems.erp(), s.systems.psa()).run();
            LeadToProject.Outcome created = result.outcomes().stream().filter(LeadToProject.Outcome::customerCreated)
                    .findFirst().orElseThrow(() -> new AssertionError("the demo run created no customer"));
            JsonNode deal = s.systems.crm().deal(created.dealId()).orElseThrow();
            JsonNode company = s.systems.crm().companyOfDeal(created.dealId()).orElseThrow();

            // the project payload the saga kept is the one the designs give for the deal and the new customer
            Sagas.Saga saga = db.sagas().find(LeadToProject.WORKFLOW, "deal:" + created.dealId()).orElseThrow();
            JsonNode sent = JSON.readTree(db.sagas().doneStep(saga.id(), "project").orElseThrow().payload());
            assertSame(designs.xeroProject(deal, created.customerId()), sent, "project of " + created.dealName());

            // the customer Xero now holds carries every field of the designed contact
            ObjectNode designed = designs.xeroContact(company, deal);
            JsonNode inXero = s.systems.erp().contacts(null, false).stream()
                    .filter(c -> c.path("ContactID").asText().equals(created.customerId())).findFirst().orElseThrow();
            for (String field : List.of("Name", "ContactNumber", "TaxNumber", "DefaultCurrency", "Website")) {
                assertEquals(designed.path(field).asText(), inXero.path(field).asText(), field);
            }
            assertEquals("https://fenwick-rowe.example", designed.path("Website").asText());
            JsonNode address = inXero.path("Addresses").path(0);
            assertEquals(designed.path("Addresses").path(0).path("City").asText(), address.path("City").asText());
            assertEquals(designed.path("Addresses").path(0).path("Country").asText(), address.path("Country").asText());
        }
    }

    @Test
    void aCountryTheValueMapDoesNotKnowIsAMappingFailureNamingTheField() throws Exception {
        JsonNode company = JSON.readTree("{\"id\":\"501\",\"properties\":{\"name\":\"Atlantis Ltd\",\"country\":"
                + "\"Atlantis\",\"city\":\"Poseidonia\",\"crossbill_currency\":\"GBP\",\"crossbill_tax_id\":\"X1\"}}");
        MappingFailure failure = assertThrows(MappingFailure.class,
                () -> ShippedDesigns.get().xeroContact(company, null));
        assertTrue(failure.getMessage().contains("countryCode"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Atlantis"), failure.getMessage());
    }

    @Test
    void aDealWithoutAContactIdIsRefusedRatherThanSentWithout() throws Exception {
        JsonNode deal = JSON.readTree("{\"id\":\"77\",\"properties\":{\"dealname\":\"Orphan deal\",\"amount\":\"100\","
                + "\"closedate\":\"2026-11-30T15:00:00.000Z\"}}");
        MappingFailure failure = assertThrows(MappingFailure.class, () -> ShippedDesigns.get().xeroProject(deal, null));
        assertTrue(failure.getMessage().contains("contactId"), failure.getMessage());
        assertEquals("2027-05-30", ShippedDesigns.get().project(deal, null).path("endDate").asText());
    }

    private static void assertSame(JsonNode expected, JsonNode actual, String what) {
        assertTrue(expected.equals(NUMBERS_BY_VALUE, actual), what + ": expected " + expected + " but got " + actual);
    }

    /** The Xero contact lead to project built by hand before the shipped designs (the oracle). */
    private static ObjectNode handWrittenContact(JsonNode company, JsonNode deal) {
        JsonNode cp = company.path("properties");
        String dealCurrency = deal.path("properties").path("deal_currency_code").asText("").trim();
        String currency = dealCurrency.isEmpty() ? cp.path("crossbill_currency").asText("").trim() : dealCurrency;
        ObjectNode contact = JSON.createObjectNode();
        contact.put("Name", cp.path("name").asText());
        contact.put("ContactNumber", "HS-" + company.path("id").asText());
        contact.put("TaxNumber", cp.path("crossbill_tax_id").asText(""));
        contact.put("DefaultCurrency", currency.toUpperCase(java.util.Locale.ROOT));
        if (!cp.path("domain").asText("").isBlank()) {
            contact.put("Website", "https://" + cp.path("domain").asText());
        }
        ObjectNode a = contact.putArray("Addresses").addObject();
        a.put("AddressType", "POBOX");
        a.put("City", cp.path("city").asText(""));
        a.put("Country", cp.path("country").asText(""));
        return contact;
    }

    /** The Xero Projects project lead to project built by hand before the shipped designs (the oracle). */
    private static ObjectNode handWrittenProject(JsonNode deal, String contactId) {
        JsonNode props = deal.path("properties");
        String name = props.path("dealname").asText("Deal " + deal.path("id").asText());
        ObjectNode p = JSON.createObjectNode();
        p.put("contactId", contactId);
        p.put("name", name.length() <= 100 ? name : name.substring(0, 100));
        LocalDate close = LocalDate.ofInstant(Instant.parse(props.path("closedate").asText()), ZoneOffset.UTC);
        p.put("deadlineUtc", close.plusMonths(6).atTime(17, 0).toInstant(ZoneOffset.UTC).toString());
        BigDecimal amount = new BigDecimal(props.path("amount").asText("0"));
        if (amount.signum() > 0) {
            p.put("estimateAmount", amount);
        }
        return p;
    }
}
