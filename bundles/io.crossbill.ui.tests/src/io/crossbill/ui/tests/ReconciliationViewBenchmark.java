package io.crossbill.ui.tests;

import static io.crossbill.ui.tests.WorkbenchFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.reconcile.bench.ReconcileBenchmark;
import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.parts.ReconciliationPart;
import io.crossbill.ui.review.ReconciliationView;
import io.crossbill.ui.review.ReviewSelection;
import io.crossbill.ui.review.ReviewSession;
import io.crossbill.workflow.snapshot.PeriodSnapshot;
import io.crossbill.workflow.snapshot.SnapshotReview;

/**
 * How long the Reconciliation view takes to open a period of a million time entries, in the real workbench: the
 * benchmark's generated period (see {@link ReconcileBenchmark}) is kept as the review of a snapshot, then opened
 * as the Periods view opens one (the kept review read, the session selected, the view filled) until the breaks
 * table has painted its first rows; then the largest unbilled break is drilled into until its records are listed.
 * Prints the figures and writes them to {@code target/benchmarks/reconciliation-view.txt}.
 * <p>
 * Not part of the test suite (its name does not end in Test); run it by hand, with a display:
 *
 * <pre>./mvnw -B verify -Dtest=ReconciliationViewBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 *     -DfailIfNoTests=false [-Dcrossbill.bench.entries=1000000]</pre>
 */
class ReconciliationViewBenchmark {
	private static final YearMonth PERIOD = YearMonth.of(2026, 1);

	@Test
	void openAMillionEntryPeriod() throws Exception {
		int entries = Integer.getInteger("crossbill.bench.entries", 1_000_000);
		EngineDatabase db = WorkbenchEngine.database();
		Path workspace = WorkbenchEngine.workspace();
		List<String> out = new ArrayList<>();

		long g0 = System.nanoTime();
		ReconciliationInput input = ReconcileBenchmark.period(entries, Math.max(8_000, entries / 10));
		long g1 = System.nanoTime();
		ReconciliationResult made = new Reconciler().reconcile(input);
		long g2 = System.nanoTime();
		PeriodSnapshot snapshot = PeriodSnapshot.open(stubSnapshot(workspace));
		SnapshotReview.keep(snapshot, made, List.of(), Map.of(), Map.of());
		long g3 = System.nanoTime();
		out.add(String.format(Locale.ROOT, "reconciliation view bench: %,d entries, %,d breaks", made.entriesReconciled(),
				made.breaks().size()));
		out.add(String.format(Locale.ROOT, "  made once: generate + load %,d ms | reconcile %,d ms | keep the review %,d ms"
				+ " (%,d MB)", ms(g1 - g0), ms(g2 - g1), ms(g3 - g2), Files.size(SnapshotReview.file(snapshot)) >> 20));
		input = null;
		made = null;
		System.gc();

		ReviewSelection selection = ReviewSelection.of(workspace, db);
		ReconciliationView view = ((ReconciliationPart) show("io.crossbill.ui.part.reconciliation").getObject()).view();
		Display display = Display.getCurrent();
		Table breaks = view.breaksTable();
		long best = Long.MAX_VALUE;
		for (int run = 1; run <= 3; run++) {
			long[] painted = {0};
			Listener onPaint = e -> {
				if (painted[0] == 0) {
					painted[0] = System.nanoTime();
				}
			};
			long t0 = System.nanoTime();
			ReviewSession session = ReviewSession.of(PeriodSnapshot.open(snapshot.file()), db);
			long t1 = System.nanoTime();
			assertTrue(session.reviewed().kept(), "the kept review was read, not reconciled again");
			selection.select(session);
			long t2 = System.nanoTime();
			breaks.addListener(SWT.Paint, onPaint);
			breaks.redraw();
			while (painted[0] == 0 && System.nanoTime() - t0 < 60_000_000_000L) {
				if (!display.readAndDispatch()) {
					display.sleep();
				}
			}
			breaks.removeListener(SWT.Paint, onPaint);
			long open = ms(painted[0] - t0);
			assertEquals(session.result().breaks().size(), breaks.getItemCount());
			assertFalse(breaks.getItem(0).getText(0).isEmpty(), "the first row is filled");

			long[] recordsIn = {0};
			session.result().ready().whenComplete((x, e) -> recordsIn[0] = System.nanoTime());
			ReconciliationBreak largest = session.result().breaks(BreakType.UNBILLED_ENTRY).get(0);
			// the view lists all types largest first
			int row = session.result().breaks().stream()
					.sorted(java.util.Comparator.comparing(ReconciliationBreak::size).reversed()).toList()
					.indexOf(largest);
			long d0 = System.nanoTime();
			view.select(row);
			if (run == 1 && !session.result().ready().isDone()) {
				screenshot(mainShell(), "reconciliation-1m-reading"); // the detail says the records are on their way
			}
			boolean listed = waitUntil(() -> view.recordsTable().getItemCount() > 0, 60_000);
			long d1 = System.nanoTime();
			assertTrue(listed, "the records behind the largest unbilled break were listed");
			assertSame(largest, view.selectedBreak());
			out.add(String.format(Locale.ROOT, "  open %d: read the kept review %,d ms | select and fill the view %,d ms |"
					+ " breaks painted %,d ms after opening | records behind them read at %,d ms | largest unbilled"
					+ " break (%,d entries) drilled into %,d ms after the click", run, ms(t1 - t0), ms(t2 - t1), open,
					ms(recordsIn[0] - t0), largest.entryIds().size(), ms(d1 - d0)));
			best = Math.min(best, open);
			settle();
			if (run == 1) {
				screenshot(mainShell(), "reconciliation-1m");
			}
		}
		out.add(String.format(Locale.ROOT, "  the view opens a %,d-entry period in %,d ms (best of 3; the first includes"
				+ " class loading)", entries, best));
		Path report = Path.of("target", "benchmarks", "reconciliation-view.txt");
		Files.createDirectories(report.getParent());
		Files.write(report, out, StandardCharsets.UTF_8);
		out.forEach(System.out::println);
		Files.deleteIfExists(SnapshotReview.file(snapshot));
		Files.deleteIfExists(snapshot.file());
	}

	/**
	 * A snapshot file with no records: the benchmark's period is generated, not read from systems, so only the
	 * header (period, when taken) is real; its review is the generated period's reconciliation.
	 */
	private static Path stubSnapshot(Path workspace) throws Exception {
		Path f = workspace.resolve("snapshots").resolve(PERIOD.toString()).resolve("2026-02-01T09-00-00.000Z.json.gz");
		Files.createDirectories(f.getParent());
		String json = "{\"format\":1,\"period\":\"" + PERIOD + "\",\"taken_at\":\"" + Instant.parse("2026-02-01T09:00:00Z")
				+ "\",\"as_of\":\"2026-02-01T09:00:00Z\",\"zone\":\"UTC\",\"approval_delay\":\"PT0S\",\"crm\":false,"
				+ "\"contacts\":[],\"invoices\":[],\"projects\":[],\"tasks\":{},\"time_entries\":{},\"deals\":{},"
				+ "\"companies\":[],\"engine\":{\"ledger\":[],\"deal_key_of_project\":{},\"xero_of_company\":{},"
				+ "\"project_of_deal\":{},\"exceptions\":[],\"setups\":[],\"items_read\":0}}";
		try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
			o.write(json.getBytes(StandardCharsets.UTF_8));
		}
		return f;
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

	private static MPart show(String partId) {
		return showPart(REVIEW, partId);
	}
}
