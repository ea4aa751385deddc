package io.crossbill.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.reconcile.MatchDecision;
import io.crossbill.reconcile.ReconciliationJson;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.Workflows;
import io.crossbill.workflow.snapshot.PeriodSnapshot;
import io.crossbill.workflow.snapshot.PeriodSnapshots;
import io.crossbill.workflow.snapshot.SnapshotCancelledException;
import io.crossbill.workflow.snapshot.SnapshotMonitor;
import io.crossbill.workflow.snapshot.SnapshotReview;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A period snapshot taken from the sandboxes reconciles exactly like the live load, with the systems gone. */
class SnapshotOfflineTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @TempDir
    Path workspace;

    @Test
    void aSnapshotReconcilesIdenticallyToTheLiveLoadAfterTheSandboxesAreClosed() throws Exception {
        byte[] live;
        PeriodSnapshot taken;
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            try (DemoFirmSystems s = new DemoFirmSystems()) {
                WorkflowContext ctx = s.context(db, DemoFirmSystems.RUN_AT);
                new Workflows(ctx, s.systems).runOnce(NOVEMBER, null);
                PeriodLoader loader = new PeriodLoader(ctx, s.systems.erp(), s.systems.psaReader(), s.systems.crm());
                live = json(new Reconciler().reconcile(loader.load(NOVEMBER)));
                List<String> steps = new ArrayList<>();
                taken = new PeriodSnapshots(workspace).take(NOVEMBER, loader, ctx, monitor(steps, Integer.MAX_VALUE));
                assertTrue(steps.contains("Reading the invoices in Xero"), steps.toString());
            }
            // the sandboxes are closed: nothing below can reach a system
            PeriodSnapshot read = PeriodSnapshot.read(taken.file());
            assertEquals(taken.takenAt(), read.takenAt());
            assertEquals(NOVEMBER, read.period());
            assertTrue(read.counts().get("time entries") > 0, read.counts().toString());
            assertEquals(read.counts(), PeriodSnapshot.open(taken.file()).counts(), "the header's counts");
            byte[] offline = json(new Reconciler().reconcile(read.input()));
            assertArrayEquals(live, offline, "the snapshot's reconciliation differs from the live one:\n"
                    + new String(offline, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(List.of(taken.file()), new PeriodSnapshots(workspace).files(NOVEMBER));
            assertFalse(new PeriodSnapshots(workspace).hasPartial(NOVEMBER), "the partial sources were cleaned up");
            keptReviewIsReadInsteadOfReconciled(taken, live);
        }
    }

    /** The first review of a snapshot reconciles and keeps it; the next ones read it, until a decision changes. */
    private static void keptReviewIsReadInsteadOfReconciled(PeriodSnapshot taken, byte[] live) throws Exception {
        SnapshotReview.Reviewed first = SnapshotReview.open(PeriodSnapshot.open(taken.file()), List.of());
        assertFalse(first.kept(), "nothing was kept yet");
        first.keeping().get(); // kept in the background; fails with the reason if it could not be
        assertArrayEquals(live, json(first.result()));
        Path kept = SnapshotReview.file(taken);
        assertTrue(Files.isRegularFile(kept), kept.toString());
        assertEquals(List.of(taken.file()), new PeriodSnapshots(workspaceOf(taken)).files(NOVEMBER),
                "the kept review is not listed as a snapshot");

        // open the snapshot by its header, then make its records unreadable: the kept review does not need them
        PeriodSnapshot header = PeriodSnapshot.open(taken.file());
        byte[] original = Files.readAllBytes(taken.file());
        Files.write(taken.file(), java.util.Arrays.copyOf(original, 200));
        try {
            SnapshotReview.Reviewed again = SnapshotReview.open(header, List.of());
            assertTrue(again.kept());
            assertArrayEquals(live, json(again.result()));
            assertEquals(first.names(), again.names());
            assertEquals(first.exceptions(), again.exceptions());
        } finally {
            Files.write(taken.file(), original);
        }

        // another decision: reconciled again from the review's input, and kept under the new decisions
        assertFalse(first.result().matches().isEmpty());
        MatchDecision decision = MatchDecision.reject("s-not-offered");
        SnapshotReview.Reviewed decided = SnapshotReview.redecide(first, List.of(decision));
        assertFalse(decided.kept());
        decided.keeping().get();
        SnapshotReview.Reviewed undecided = SnapshotReview.open(PeriodSnapshot.open(taken.file()), List.of());
        assertFalse(undecided.kept(), "a review kept for other decisions is not used");
        undecided.keeping().get();
        assertTrue(SnapshotReview.open(PeriodSnapshot.open(taken.file()), List.of()).kept());

        // a review being kept when the workbench was killed leaves a temporary file: the next opening removes it
        // once it is old enough not to be one being written now
        Path leftover = kept.resolveSibling(kept.getFileName() + ".123456.tmp");
        Files.write(leftover, new byte[] {1, 2, 3});
        Path fresh = kept.resolveSibling(kept.getFileName() + ".654321.tmp");
        Files.write(fresh, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.from(java.time.Instant.now()
                .minusSeconds(3600)));
        assertTrue(SnapshotReview.open(PeriodSnapshot.open(taken.file()), List.of()).kept());
        assertFalse(Files.exists(leftover), "the old temporary file was removed");
        assertTrue(Files.exists(fresh), "a temporary file being written now is left alone");
        Files.delete(fresh);

        // a damaged kept review is reconciled again and replaced
        Files.write(kept, "not a review".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SnapshotReview.Reviewed repaired = SnapshotReview.open(PeriodSnapshot.open(taken.file()), List.of());
        assertFalse(repaired.kept());
        repaired.keeping().get();
        assertArrayEquals(live, json(repaired.result()));
        assertTrue(SnapshotReview.open(PeriodSnapshot.open(taken.file()), List.of()).kept());
    }

    private static Path workspaceOf(PeriodSnapshot s) {
        return s.file().getParent().getParent().getParent();
    }

    @Test
    void aCancelledSnapshotKeepsWhatWasReadAndTheNextOneContinuesFromThere() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace); DemoFirmSystems s = new DemoFirmSystems()) {
            WorkflowContext ctx = s.context(db, DemoFirmSystems.RUN_AT);
            new Workflows(ctx, s.systems).runOnce(NOVEMBER, null);
            PeriodLoader loader = new PeriodLoader(ctx, s.systems.erp(), s.systems.psaReader(), s.systems.crm());
            PeriodSnapshots snapshots = new PeriodSnapshots(workspace);
            List<String> first = new ArrayList<>();
            SnapshotCancelledException c = assertThrows(SnapshotCancelledException.class,
                    () -> snapshots.take(NOVEMBER, loader, ctx, monitor(first, 5)));
            assertEquals(5, c.stepsDone());
            assertTrue(c.getMessage().contains("take the snapshot again to continue"), c.getMessage());
            assertTrue(snapshots.hasPartial(NOVEMBER));
            assertTrue(snapshots.files(NOVEMBER).isEmpty(), "no snapshot file until every source is in");
            assertTrue(first.contains("Reading the customers in Xero"), first.toString());
            List<String> second = new ArrayList<>();
            PeriodSnapshot done = snapshots.take(NOVEMBER, loader, ctx, monitor(second, Integer.MAX_VALUE));
            assertFalse(second.contains("Reading the customers in Xero"), "contacts were not read again: " + second);
            assertFalse(second.contains("Reading the invoices in Xero"), second.toString());
            assertTrue(second.contains("Reading the companies in the CRM"), second.toString());
            byte[] live = json(new Reconciler().reconcile(loader.load(NOVEMBER)));
            assertArrayEquals(live, json(new Reconciler().reconcile(done.input())),
                    "a resumed snapshot reconciles like a live load");
        }
    }

    @Test
    void aDamagedSnapshotFileIsRefusedWithItsName() throws IOException {
        Path f = workspace.resolve("snapshots/2026-11/broken.json.gz");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "not a snapshot");
        IOException e = assertThrows(IOException.class, () -> PeriodSnapshot.read(f));
        assertTrue(e.getMessage().contains("broken.json.gz"), e.getMessage());
    }

    /** Records "Reading ..." steps; cancels once {@code cancelAfter} steps are done. */
    static SnapshotMonitor monitor(List<String> steps, int cancelAfter) {
        return new SnapshotMonitor() {
            int done;

            @Override
            public void progress(String step, int stepsDone, int total) {
                done = stepsDone;
                if (step.startsWith("Reading ")) {
                    steps.add(step);
                }
            }

            @Override
            public boolean isCanceled() {
                return done >= cancelAfter;
            }
        };
    }

    static byte[] json(ReconciliationResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReconciliationJson.write(r, out);
        return out.toByteArray();
    }
}
