package io.crossbill.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.connect.hubspot.HubSpotCrmConnector;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.WriteResult;
import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationJson;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.StoredException;
import io.crossbill.workflow.ChangeToForecast;
import io.crossbill.workflow.CustomerMasterSync;
import io.crossbill.workflow.LeadToProject;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.Workflows;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four workflows on the demo firm's sandboxed CRM, PSA and ERP, with the tricky cases of the issue. */
class AllWorkflowsTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workspace;

    @Test
    void theFourWorkflowsOnTheDemoFirmAndASecondPassWritesNothing() throws Exception {
        try (DemoFirmSystems s = new DemoFirmSystems(); EngineDatabase db = EngineDatabase.open(workspace)) {
            Workflows w = new Workflows(s.context(db, DemoFirmSystems.RUN_AT), s.systems);
            Workflows.Pass first = w.runOnce(NOVEMBER, null);
            LeadToProject.Result leads = first.leads();
            assertEquals(10, leads.dealsRead(), "the demo CRM has ten closed-won deals");
            assertEquals(7, leads.projectsCreated());
            assertEquals(1, leads.customersCreated(), "one CRM-only company with a valid tax id becomes a customer");
            // every project created is written back to its deal
            HubSpotCrmConnector hubspot = (HubSpotCrmConnector) s.systems.crm().connector();
            for (LeadToProject.Outcome o : leads.outcomes()) {
                if ("DONE".equals(o.state())) {
                    JsonNode deal = hubspot.deal(o.dealId()).orElseThrow();
                    assertEquals(o.projectId(), deal.path("properties").path("crossbill_psa_project_id").asText());
                    assertEquals(o.customerId(), deal.path("properties").path("crossbill_erp_customer_id").asText());
                }
            }
            // the deliberately bad deals: a non-Latin name in a currency the entity may not invoice in, an
            // invalid German tax id, and a customer Xero holds twice
            List<String> causes = db.exceptions().find(ExceptionFilter.all().withWorkflow(LeadToProject.WORKFLOW))
                    .stream().map(StoredException::cause).toList();
            assertTrue(causes.stream().anyMatch(c -> c.contains("株式会社サクラ") && c.contains("JPY")), causes.toString());
            assertTrue(causes.stream().anyMatch(c -> c.contains("DE98765")), causes.toString());
            assertTrue(causes.stream().anyMatch(c -> c.contains("Harwell & Finch LLP")
                    && c.contains("Harwell and Finch LLP")), causes.toString());
            assertTrue(first.billing().totals().size() >= 4, "invoices in several currencies, never summed together: "
                    + first.billing().totals());
            assertTrue(first.billing().expensesBilled() >= 20, "approved billable expenses from the expense tool's"
                    + " export are billed at cost: " + first.billing().expensesBilled());
            Workflows.Pass second = w.runOnce(NOVEMBER, null);
            assertEquals(0, second.writes(), second.toString());
            assertTrue(second.exceptionsRaised().isEmpty(), second.exceptionsRaised().toString());
        }
    }

    @Test
    void aDealReopenedAndClosedAgainCreatesNothingTwice() throws Exception {
        try (DemoFirmSystems s = new DemoFirmSystems(); EngineDatabase db = EngineDatabase.open(workspace)) {
            WorkflowContext ctx = s.context(db, DemoFirmSystems.RUN_AT);
            LeadToProject.Result first = new LeadToProject(ctx, s.systems.crm(), s.systems.erp(), s.systems.psa()).run();
            LeadToProject.Outcome done = first.outcomes().stream().filter(o -> o.projectCreated()).findFirst()
                    .orElseThrow();
            HubSpotCrmConnector hubspot = (HubSpotCrmConnector) s.systems.crm().connector();
            hubspot.updateProperties("deal", done.dealId(), Map.of("dealstage", "contractsent"));
            hubspot.updateProperties("deal", done.dealId(), Map.of("dealstage", "closedwon"));
            int projects = s.systems.psaReader().projects().size();
            LeadToProject.Result again = new LeadToProject(ctx, s.systems.crm(), s.systems.erp(), s.systems.psa()).run();
            assertEquals(0, again.writes());
            assertEquals(projects, s.systems.psaReader().projects().size());
        }
    }

    @Test
    void anApprovedChangeOrderUpdatesForecastContractValueAndFlagsExpansionOnce() throws Exception {
        try (DemoFirmSystems s = new DemoFirmSystems(); EngineDatabase db = EngineDatabase.open(workspace)) {
            WorkflowContext ctx = s.context(db, DemoFirmSystems.RUN_AT);
            LeadToProject.Result leads = new LeadToProject(ctx, s.systems.crm(), s.systems.erp(), s.systems.psa()).run();
            LeadToProject.Outcome o = leads.outcomes().stream().filter(x -> x.projectCreated()).findFirst().orElseThrow();
            HubSpotCrmConnector hubspot = (HubSpotCrmConnector) s.systems.crm().connector();
            BigDecimal dealAmount = new BigDecimal(hubspot.deal(o.dealId()).orElseThrow().path("properties")
                    .path("amount").asText());
            JsonNode project = s.systems.psaReader().projects().stream()
                    .filter(p -> p.path("projectId").asText().equals(o.projectId())).findFirst().orElseThrow();
            BigDecimal estimate = project.path("estimate").path("value").decimalValue();
            // the project manager records the change order the customer signed
            String currency = project.path("currencyCode").asText();
            XeroClient.Answer a = s.xeroClient.write(XeroClient.Api.PROJECTS, "POST", "/Projects/" + o.projectId()
                    + "/Tasks", Map.of(), "{\"name\":\"CO-1 Additional data migration wave\",\"rate\":{\"currency\":\""
                    + currency + "\",\"value\":12000},\"chargeType\":\"FIXED\"}", "test-co-1");
            assertTrue(a.ok(), a.body());
            ChangeToForecast.Result r = new ChangeToForecast(ctx, s.systems.crm(), s.systems.psaReader(),
                    s.systems.psa()).run();
            assertEquals(1, r.applied().size(), r.toString());
            assertEquals(0, estimate.add(new BigDecimal("12000")).compareTo(r.applied().get(0).newEstimate()));
            JsonNode projectAfter = s.systems.psaReader().projects().stream()
                    .filter(p -> p.path("projectId").asText().equals(o.projectId())).findFirst().orElseThrow();
            assertEquals(0, estimate.add(new BigDecimal("12000")).compareTo(projectAfter.path("estimate").path("value")
                    .decimalValue()), "the PSA's forecast grew by the change order");
            JsonNode deal = hubspot.deal(o.dealId()).orElseThrow().path("properties");
            assertEquals(0, dealAmount.add(new BigDecimal("12000")).compareTo(new BigDecimal(deal.path("amount").asText())),
                    "the CRM's contract value grew by the change order");
            assertEquals("true", deal.path("crossbill_expansion_flag").asText());
            JsonNode company = s.systems.crm().companyOfDeal(o.dealId()).orElseThrow();
            assertEquals("true", company.path("properties").path("crossbill_expansion_flag").asText());
            ChangeToForecast.Result again = new ChangeToForecast(ctx, s.systems.crm(), s.systems.psaReader(),
                    s.systems.psa()).run();
            assertEquals(0, again.writes(), "the change order is applied once");
        }
    }

    @Test
    void aCustomerEditedInCrmAndErpAtOnceIsAConflictWithBothVersions() throws Exception {
        try (DemoFirmSystems s = new DemoFirmSystems(); EngineDatabase db = EngineDatabase.open(workspace)) {
            WorkflowContext ctx = s.context(db, DemoFirmSystems.RUN_AT);
            CustomerMasterSync.Result baseline = new CustomerMasterSync(ctx, s.systems.crm(), s.systems.erp()).run();
            assertTrue(baseline.customersCompared() >= 15, baseline.toString());
            JsonNode kauri = s.systems.erp().contacts(null, false).stream()
                    .filter(c -> c.path("Name").asText().equals("Kauri Timber Ltd")).findFirst().orElseThrow();
            String companyId = db.xrefs().ourKey("customer", "xero", kauri.path("ContactID").asText()).orElseThrow()
                    .substring("hubspot-company:".length());
            HubSpotCrmConnector hubspot = (HubSpotCrmConnector) s.systems.crm().connector();
            // both sides rename the company; the ERP also moves it to another city (the CRM leaves the city alone)
            WriteResult w = s.systems.erp().write(new OutboxEntry(0, "test-rename-1", "xero", "Contact",
                    ("{\"ContactID\":\"" + kauri.path("ContactID").asText() + "\",\"Name\":\"Kauri Timber Limited\","
                            + "\"Addresses\":[{\"AddressType\":\"POBOX\",\"City\":\"Rotorua\",\"Country\":\"New Zealand\"}]}")
                            .getBytes(StandardCharsets.UTF_8), 0, null));
            assertEquals(WriteResult.Outcome.DONE, w.outcome(), w.detail());
            hubspot.updateProperties("company", companyId, Map.of("name", "Kauri Timber NZ"));
            CustomerMasterSync.Result r = new CustomerMasterSync(ctx, s.systems.crm(), s.systems.erp()).run();
            assertEquals(1, r.conflicts(), r.toString());
            StoredException conflict = db.exceptions().find(ExceptionFilter.all().withClass(ExceptionClass.CONFLICT))
                    .get(0);
            assertTrue(conflict.cause().contains("Kauri Timber Limited") && conflict.cause().contains("Kauri Timber NZ"),
                    conflict.cause());
            JsonNode both = JSON.readTree(conflict.originalPayload());
            assertEquals("Kauri Timber Limited", both.path("erp").path("Name").asText());
            assertEquals("Kauri Timber NZ", both.path("crm").path("properties").path("name").asText());
            JsonNode company = hubspot.findBy("company", "hs_object_id", companyId).orElseThrow();
            assertEquals("Kauri Timber NZ", company.path("properties").path("name").asText(),
                    "neither side's name was overwritten");
            assertEquals("Rotorua", company.path("properties").path("city").asText(),
                    "the field changed on the ERP side only went to the CRM");
        }
    }

    @Test
    void reconciliationOfTheDemoPeriodLinksBreaksToExceptions() throws Exception {
        try (DemoFirmSystems s = new DemoFirmSystems(); EngineDatabase db = EngineDatabase.open(workspace)) {
            WorkflowContext ctx = s.context(db, DemoFirmSystems.RUN_AT);
            new Workflows(ctx, s.systems).runOnce(NOVEMBER, null);
            ReconciliationResult r = new Reconciler().reconcile(new PeriodLoader(ctx, s.systems.erp(),
                    s.systems.psaReader(), s.systems.crm()).load(NOVEMBER));
            assertTrue(r.breaks(BreakType.MASTER_DATA_MISMATCH).isEmpty(), "the demo CRM agrees with the ERP");
            assertEquals(7, r.kpis().projectsSetUp());
            assertTrue(r.kpis().setupCycleHoursMedian().signum() > 0, "deal closed -> project ready takes time");
            List<ReconciliationBreak> unbilled = r.breaks(BreakType.UNBILLED_ENTRY);
            assertFalse(unbilled.isEmpty(), r.countsByType().toString());
            assertTrue(unbilled.stream().allMatch(b -> !b.exceptionIds().isEmpty()),
                    "every unbilled break of the demo is work held back by a policy check, linked to its exception: "
                            + unbilled.stream().map(b -> b.projectId() + "=" + b.exceptionIds()).toList());
            assertTrue(r.breaks(BreakType.TIME_OVERBILLED).isEmpty(), "Crossbill never bills more than the hours");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReconciliationJson.write(r, out);
            assertTrue(JSON.readTree(out.toByteArray()).isObject());
        }
    }
}
