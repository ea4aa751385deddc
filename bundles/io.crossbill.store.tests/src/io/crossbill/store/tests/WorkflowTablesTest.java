package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.store.BillingLedger;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.Sagas;
import io.crossbill.store.StoreException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowTablesTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path workspace;

    @Test
    void aSagaIsPersistedStepByStepAndSurvivesReopening() {
        long id;
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            Sagas.Saga s = db.sagas().begin("lead-to-project", "deal-42", "v1", T0);
            id = s.id();
            db.sagas().step(id, "customer", "DONE", "xero", "c-1", "created", "{\"Name\":\"A\"}", T0);
            db.sagas().step(id, "project", "FAILED", "xero-projects", null, "503", null, T0.plusSeconds(1));
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            Sagas.Saga again = db.sagas().begin("lead-to-project", "deal-42", "v2", T0.plusSeconds(5));
            assertEquals(id, again.id(), "the same business key resumes the same saga");
            assertEquals("v2", again.sourceVersion());
            assertEquals("c-1", db.sagas().doneStep(id, "customer").orElseThrow().targetId());
            assertTrue(db.sagas().doneStep(id, "project").isEmpty(), "a failed step is not done");
            db.sagas().finish(id, Sagas.State.DONE, null, "project p-9", T0.plusSeconds(6));
            assertEquals(Sagas.State.DONE, db.sagas().begin("lead-to-project", "deal-42", "v3", T0).state(),
                    "a finished saga stays finished");
            assertEquals(1L, db.sagas().counts().get("lead-to-project").get(Sagas.State.DONE));
            assertEquals(2, db.sagas().steps(id).size());
            assertEquals("{\"Name\":\"A\"}", db.sagas().steps(id).get(0).payload());
        }
    }

    @Test
    void anItemCanBeBilledOnlyOnce() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            BillingLedger.Item a = item("e1", "inv-A");
            BillingLedger.Item b = item("e2", "inv-A");
            db.ledger().reserve(List.of(a, b), T0);
            assertEquals(List.of("inv-A"), db.ledger().reservedInvoiceKeys());
            assertThrows(StoreException.class, () -> db.ledger().reserve(List.of(item("e3", "inv-B"),
                    item("e2", "inv-B")), T0), "e2 is already on inv-A");
            assertFalse(db.ledger().itemIds().contains("e3"), "the failed reservation left nothing behind");
            db.ledger().markBilled("inv-A", "X-1", "INV-0001", T0);
            assertTrue(db.ledger().reservedInvoiceKeys().isEmpty());
            assertEquals("INV-0001", db.ledger().ofInvoice("inv-A").get(0).invoiceNumber());
            db.ledger().release("inv-A");
            assertEquals(2, db.ledger().all().size(), "billed items are never released");
        }
    }

    @Test
    void crossReferencesBaselineAndControls() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            db.xrefs().put("customer", "GB123456789", "xero", "x-1", T0);
            db.xrefs().put("customer", "GB123456789", "hubspot", "h-1", T0);
            db.xrefs().put("customer", "GB123456789", "xero", "x-2", T0);
            assertEquals(Map.of("hubspot", "h-1", "xero", "x-2"), db.xrefs().all("customer", "GB123456789"));
            assertEquals("GB123456789", db.xrefs().ourKey("customer", "hubspot", "h-1").orElseThrow());
            db.baseline().agree("GB123456789", Map.of("name", "Harwell & Finch LLP", "currency", "GBP"), T0);
            db.baseline().agree("GB123456789", Map.of("name", "Harwell and Finch LLP"), T0);
            assertEquals("Harwell and Finch LLP", db.baseline().of("GB123456789").get("name"));
            assertFalse(db.sagas().paused("billing"));
            db.sagas().setPaused("billing", true, T0);
            db.sagas().setCursor("billing", T0, T0);
            assertTrue(db.sagas().paused("billing"));
            assertEquals(T0, db.sagas().cursor("billing").orElseThrow());
            long run = db.sagas().startRun("billing", T0);
            db.sagas().finishRun(run, "DONE", 10, 2, 1, "2 invoices", T0.plusSeconds(3));
            assertEquals(2, db.sagas().runs(5).get(0).writes());
        }
    }

    private static BillingLedger.Item item(String id, String invoiceKey) {
        return new BillingLedger.Item(id, "TIME", "p-1", "2026-11", invoiceKey, "L1", new BigDecimal("150.00"), "GBP",
                null, null, null, null, null);
    }
}
