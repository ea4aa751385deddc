package io.crossbill.reconcile.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.MatchDecision;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.reconcile.ReconciliationJson;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.ReconciliationStore;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.reconcile.bench.ReconcileBenchmark;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A stored reconciliation reads back to the same result, and its input reconciles again to the same. */
class StoreTest {

    private static ReconciliationResult made;
    private static byte[] stored;

    @BeforeAll
    static void makeAndStore() throws IOException {
        // the benchmark's period: every break type, one line to many entries, suggestions, master data
        ReconciliationInput input = ReconcileBenchmark.period(12_000, 9_000);
        made = new Reconciler().reconcile(input);
        stored = store(made);
    }

    @Test
    void readsBackToTheSameResult() throws IOException {
        ReconciliationResult back = read(stored);
        assertEquals(json(made), json(back));
        for (BreakType t : BreakType.values()) {
            assertEquals(made.breaks(t).size(), back.breaks(t).size(), t.name());
        }
        assertTrue(made.breaks().size() > 20, made.toString());
        ReconciliationBreak largest = back.breaks(BreakType.UNBILLED_ENTRY).get(0);
        assertEquals(made.entries(made.breakById(largest.id())), back.entries(largest));
        assertEquals(made.lines(made.breakById(largest.id())), back.lines(largest));
        assertEquals(made.entriesReconciled(), back.entriesReconciled());
        assertEquals(made.kpis(), back.kpis());
        assertEquals(made.projectTotals(), back.projectTotals());
        String someEntry = made.input().entry(made.entriesReconciled() / 2).id();
        assertEquals(made.entry(someEntry), back.entry(someEntry));
    }

    @Test
    void storedInputReconcilesAgainToTheSameAndTakesDecisions() throws IOException {
        ReconciliationResult back = read(stored);
        assertEquals(json(made), json(new Reconciler().reconcile(back.input())));
        assertTrue(!made.suggestions().isEmpty(), "the benchmark period should offer suggestions");
        MatchDecision confirm = made.suggestions().get(0).confirm();
        assertEquals(json(new Reconciler().reconcile(made.input(), List.of(confirm))),
                json(new Reconciler().reconcile(back.input(), List.of(confirm))));
    }

    @Test
    void writingTwiceGivesTheSameBytes() throws IOException {
        assertArrayEquals(stored, store(read(stored)));
    }

    @Test
    void aDamagedOrShortFileIsRefusedWithAReason() {
        IOException notOne = assertThrows(IOException.class, () -> read("{\"period\":\"2026-01\"}".getBytes()));
        assertTrue(notOne.getMessage().contains("not a stored reconciliation"), notOne.getMessage());
        IOException cut = assertThrows(IOException.class, () -> read(Arrays.copyOf(stored, stored.length / 2)));
        assertEquals("the stored reconciliation is cut short", cut.getMessage());
        byte[] flipped = stored.clone();
        flipped[flipped.length - 1000] ^= 0x5A;
        IOException damaged = assertThrows(IOException.class,
                () -> ReconciliationStore.readFully(new ByteArrayInputStream(flipped)));
        assertTrue(damaged.getMessage().startsWith("the stored reconciliation is damaged"), damaged.getMessage());
    }

    @Test
    void theBreaksAreThereBeforeTheRecordsAndDamagedRecordsSaySoOnDrillDown() throws Exception {
        byte[] flipped = stored.clone();
        flipped[flipped.length - 1000] ^= 0x5A; // in the records section, which comes last
        ReconciliationResult back = read(flipped);
        assertEquals(made.breaks().size(), back.breaks().size());
        assertEquals(made.kpis(), back.kpis());
        assertEquals(made.entriesReconciled(), back.entriesReconciled());
        Thread.sleep(100);
        assertFalse(back.ready().isDone(), "the records are read only when somebody wants them");
        java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> back.prefetch().get());
        assertTrue(failed.getCause() instanceof IOException, failed.getCause().toString());
        java.io.UncheckedIOException drill = assertThrows(java.io.UncheckedIOException.class,
                () -> back.entries(back.breaks().get(0)).size());
        assertTrue(drill.getMessage().startsWith("the stored reconciliation is damaged"), drill.getMessage());
    }

    private static byte[] store(ReconciliationResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReconciliationStore.write(r, out);
        return out.toByteArray();
    }

    private static ReconciliationResult read(byte[] bytes) throws IOException {
        return ReconciliationStore.read(new ByteArrayInputStream(bytes));
    }

    private static String json(ReconciliationResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReconciliationJson.write(r, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
