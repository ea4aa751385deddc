package io.crossbill.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.connect.xero.XeroAccountingConnector;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.connect.xero.XeroProjectsReader;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.sandbox.XeroSandbox;
import io.crossbill.store.BillingLedger;
import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.TimeToBilling;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.WorkflowSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflow 2 on the sandbox's demo firm, with the business clock at 1 December 2026 09:00 UTC: every
 * invoice total is checked to the cent against a calculation of this test's own from the raw time entries.
 */
class TimeToBillingTest {
    static final Instant RUN_AT = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path workspace;

    XeroSandbox sandbox;
    XeroAccountingConnector accounting;
    XeroProjectsReader reader;

    @BeforeEach
    void start() throws Exception {
        sandbox = XeroSandbox.builder().limits(5, 100_000, 1_000_000).build().start();
        XeroClient client = new XeroClient(new XeroConnection(sandbox.accountingBaseUrl(), sandbox.projectsBaseUrl(),
                sandbox.tenantId(), sandbox::token));
        accounting = new XeroAccountingConnector(client);
        reader = new XeroProjectsReader(client);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private TimeToBilling billing(EngineDatabase db, Instant at) {
        WorkflowContext ctx = WorkflowContext.of(db, WorkflowSettings.defaults(), Clock.fixed(at, ZoneOffset.UTC),
                WorkflowContext.sandboxLimits());
        return new TimeToBilling(ctx, accounting, reader);
    }

    @Test
    void everyInvoiceTotalMatchesAnIndependentCalculationToTheCent() throws Exception {
        Map<String, BigDecimal> expected = expectedSubTotals(RUN_AT, Set.of());
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            TimeToBilling.Result r = billing(db, RUN_AT).run(YearMonth.of(2026, 11));
            Map<String, BigDecimal> actual = new TreeMap<>();
            for (TimeToBilling.Invoice i : r.invoices()) {
                JsonNode stored = accounting.invoice(i.invoiceId()).orElseThrow();
                assertEquals("DRAFT", stored.path("Status").asText());
                assertEquals(i.subTotal().setScale(2), stored.path("SubTotal").decimalValue().setScale(2));
                actual.put(i.projectId(), stored.path("SubTotal").decimalValue().setScale(2));
            }
            assertEquals(expected, actual);
            assertTrue(r.milestonesBilled() >= 4, "the locked milestones of the fixed-fee projects are billed");
            // the deliberate bad data: the 26-hour day, the duplicate and the entries on the closed project
            assertTrue(r.exceptionsRaised().get(ExceptionClass.DUPLICATE) >= 1, "the entry submitted twice");
            assertTrue(r.exceptionsRaised().get(ExceptionClass.VALIDATION) >= 5, r.exceptionsRaised().toString());
            assertTrue(r.notYetApproved() > 0, "entries entered in the last two days wait for the next run");
            assertTrue(r.costOnlyMinutes() > 0, "non-chargeable hours go to cost reporting");
            assertEquals(r.invoices().size(), r.writes());
        }
    }

    @Test
    void aSecondRunWritesNothingAndALateApprovalGoesOnTheNextInvoice() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            TimeToBilling.Result first = billing(db, RUN_AT).run(YearMonth.of(2026, 11));
            long exceptions = db.exceptions().count(io.crossbill.store.ExceptionFilter.all());
            TimeToBilling.Result again = billing(db, RUN_AT).run(YearMonth.of(2026, 11));
            assertEquals(0, again.writes(), again.toString());
            assertTrue(again.invoices().isEmpty());
            assertTrue(again.exceptionsRaised().isEmpty(), "policy exceptions are raised once");
            assertEquals(exceptions, db.exceptions().count(io.crossbill.store.ExceptionFilter.all()));
            // three days later the entries of 27-30 November count as approved: they go on new invoices
            Instant later = RUN_AT.plusSeconds(3 * 86_400L);
            Set<String> billedBefore = db.ledger().itemIds();
            TimeToBilling.Result next = billing(db, later).run(YearMonth.of(2026, 11));
            assertTrue(next.entriesBilled() > 0 && next.entriesBilled() <= first.notYetApproved(),
                    next.entriesBilled() + " late entries billed of " + first.notYetApproved() + " waiting");
            assertFalse(next.invoices().isEmpty());
            Map<String, BigDecimal> expectedNext = expectedSubTotals(later, billedBefore);
            Map<String, BigDecimal> actualNext = new TreeMap<>();
            next.invoices().forEach(i -> actualNext.put(i.projectId(), i.subTotal().setScale(2)));
            assertEquals(expectedNext, actualNext);
            // no item on two invoices
            Set<String> seen = new HashSet<>();
            for (BillingLedger.Item i : db.ledger().all()) {
                assertTrue(seen.add(i.itemId()), i.itemId() + " billed twice");
                assertEquals("BILLED", i.state());
            }
        }
    }

    @Test
    void anInvoiceWhoseAnswerWasLostIsWrittenOnce() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            int before = accounting.invoices(null).size();
            sandbox.faults().next(2, io.crossbill.sandbox.Faults.Kind.MALFORMED_JSON, "/Invoices");
            TimeToBilling.Result r = billing(db, RUN_AT).run(YearMonth.of(2026, 11));
            assertEquals(before + r.invoices().size(), accounting.invoices(null).size(),
                    "the lost answers were asked again with the same Idempotency-Key; nothing was written twice");
            assertEquals(expectedSubTotals(RUN_AT, Set.of()).size(), r.invoices().size());
        }
    }

    /**
     * The test's own reckoning: per open project, the ACTIVE entries of TIME tasks dated up to 30 November
     * and entered two days before {@code at}, minus the 26-hour day, the later of the duplicate pair and
     * anything in {@code billedBefore}; hours per task and month rounded to 4 decimals times the rate,
     * rounded to the cent; plus the locked FIXED tasks.
     */
    private Map<String, BigDecimal> expectedSubTotals(Instant at, Set<String> billedBefore) {
        Instant approvedBefore = at.minusSeconds(2 * 86_400L);
        Map<String, BigDecimal> out = new TreeMap<>();
        for (JsonNode p : reader.projects()) {
            if ("CLOSED".equals(p.path("status").asText())) {
                continue;
            }
            String pid = p.path("projectId").asText();
            Map<String, JsonNode> tasks = new HashMap<>();
            reader.tasks(pid).forEach(t -> tasks.put(t.path("taskId").asText(), t));
            Map<String, Integer> minutes = new TreeMap<>();
            List<JsonNode> entries = reader.timeEntries(pid);
            Set<String> dupSeen = new HashSet<>();
            entries.sort((a, b) -> a.path("dateEnteredUtc").asText().compareTo(b.path("dateEnteredUtc").asText()));
            for (JsonNode e : entries) {
                JsonNode t = tasks.get(e.path("taskId").asText());
                Instant date = Instant.parse(e.path("dateUtc").asText());
                Instant entered = Instant.parse(e.path("dateEnteredUtc").asText());
                String dup = e.path("userId").asText() + e.path("taskId").asText() + date + e.path("duration").asInt()
                        + e.path("description").asText();
                boolean firstOfPair = dupSeen.add(dup);
                if (!"TIME".equals(t.path("chargeType").asText()) || !"ACTIVE".equals(e.path("status").asText())
                        || date.isAfter(Instant.parse("2026-11-30T23:59:59Z")) || entered.isAfter(approvedBefore)
                        || billedBefore.contains(e.path("timeEntryId").asText()) || !firstOfPair
                        || LocalDate.ofInstant(date, ZoneOffset.UTC).equals(LocalDate.of(2026, 11, 12))
                                && longDay(entries, e)) {
                    continue;
                }
                String month = e.path("dateUtc").asText().substring(0, 7);
                minutes.merge(e.path("taskId").asText() + "|" + month, e.path("duration").asInt(), Integer::sum);
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Map.Entry<String, Integer> g : minutes.entrySet()) {
                BigDecimal rate = tasks.get(g.getKey().split("\\|")[0]).path("rate").path("value").decimalValue();
                BigDecimal hours = BigDecimal.valueOf(g.getValue()).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP);
                sum = sum.add(hours.multiply(rate).setScale(2, RoundingMode.HALF_UP));
            }
            for (JsonNode t : tasks.values()) {
                if ("FIXED".equals(t.path("chargeType").asText()) && "LOCKED".equals(t.path("status").asText())
                        && !billedBefore.contains("milestone:" + t.path("taskId").asText())) {
                    sum = sum.add(t.path("rate").path("value").decimalValue().setScale(2, RoundingMode.HALF_UP));
                }
            }
            if (sum.signum() > 0) {
                out.put(pid, sum.setScale(2));
            }
        }
        return out;
    }

    /** Whether the entry's person logged more than 24 hours on its day across all projects. */
    private boolean longDay(List<JsonNode> ignored, JsonNode e) {
        String user = e.path("userId").asText();
        String day = e.path("dateUtc").asText().substring(0, 10);
        int total = 0;
        for (JsonNode p : reader.projects()) {
            for (JsonNode x : reader.timeEntries(p.path("projectId").asText())) {
                if (x.path("userId").asText().equals(user) && x.path("dateUtc").asText().startsWith(day)) {
                    total += x.path("duration").asInt();
                }
            }
        }
        return total > 24 * 60;
    }
}
