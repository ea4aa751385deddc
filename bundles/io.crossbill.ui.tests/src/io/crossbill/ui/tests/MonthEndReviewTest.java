package io.crossbill.ui.tests;

import static io.crossbill.ui.tests.WorkbenchFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crossbill.connect.hubspot.HubSpotConnection;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationJson;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.sandbox.HubSpotSandbox;
import io.crossbill.sandbox.XeroSandbox;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.PendingReplays;
import io.crossbill.store.ReviewRecords;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.parts.KpisPart;
import io.crossbill.ui.parts.PeriodsPart;
import io.crossbill.ui.parts.ReconciliationPart;
import io.crossbill.ui.parts.SignOffPart;
import io.crossbill.ui.review.KpisView;
import io.crossbill.ui.review.PeriodsView;
import io.crossbill.ui.review.ReconciliationView;
import io.crossbill.ui.review.ReviewSelection;
import io.crossbill.ui.review.ReviewSession;
import io.crossbill.ui.review.SignOffView;
import io.crossbill.ui.review.SnapshotSource;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.Systems;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.WorkflowSettings;
import io.crossbill.workflow.Workflows;
import io.crossbill.workflow.snapshot.PeriodSnapshot;
import io.crossbill.workflow.snapshot.PeriodSnapshots;

/**
 * The month-end review offline, as the proof asks: the demo firm's November is run on the sandboxes,
 * snapshotted from them through the Periods view (a job with a progress bar), the sandboxes are stopped, and
 * then with no network a break is opened and explained, a retry of its exception is queued until the systems
 * answer, the period is signed off with a note and the evidence pack is exported; the pack's totals are checked
 * against the reconciliation JSON (what {@code crossbill reconcile --json} writes) of the same snapshot and the
 * note is in its sign-offs. Screenshots: periods, reconciliation, signoff, kpis.
 */
class MonthEndReviewTest {
	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@Test
	void aSnapshotIsReviewedAnnotatedSignedOffAndExportedWithTheSystemsStopped() throws Exception {
		EngineDatabase db = WorkbenchEngine.database();
		Path workspace = WorkbenchEngine.workspace();
		ReviewSelection selection = ReviewSelection.of(workspace, db);
		PeriodsView periods = ((PeriodsPart) show("io.crossbill.ui.part.periods").getObject()).view();
		assertNotNull(periods, "the periods part could not open the workspace database");
		try (XeroSandbox xero = XeroSandbox.builder().limits(5, 100_000, 1_000_000).build().start();
				HubSpotSandbox hubspot = HubSpotSandbox.builder().build().start()) {
			XeroConnection xc = new XeroConnection(xero.accountingBaseUrl(), xero.projectsBaseUrl(), xero.tenantId(),
					xero::token);
			Systems systems = Systems.connect(new HubSpotConnection(hubspot.baseUrl(), hubspot::token), xc)
					.withExpenses(Systems.expensesFrom(XeroSandbox::demoExpenses, "expenses-2026-11.csv"));
			WorkflowContext ctx = WorkflowContext.of(db, WorkflowSettings.defaults(),
					Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC), WorkflowContext.sandboxLimits());
			new Workflows(ctx, systems).runOnce(NOVEMBER, null);
			periods.setSource(SnapshotSource.of(new PeriodLoader(ctx, systems.erp(), systems.psaReader(),
					systems.crm()), ctx));
			assertNotNull(periods.take(NOVEMBER, "Taking"), periods.statusLabel().getText());
			assertTrue(waitUntil(() -> !periods.isTaking(), 120_000), "the snapshot job did not finish");
		}
		// the sandboxes are stopped: from here on the review has no network
		PeriodSnapshot snapshot = new PeriodSnapshots(workspace).latest(NOVEMBER).orElseThrow();
		// the view reconciles the new snapshot in a job of its own, then says which snapshot is under review
		assertTrue(waitUntil(() -> periods.statusLabel().getText().startsWith("Snapshot of 2026-11 taken")
				|| periods.statusLabel().getText().startsWith("Reviewing 2026-11"), 60_000),
				periods.statusLabel().getText());
		assertTrue(waitUntil(() -> selection.current() != null && selection.current().snapshot() != null
				&& selection.current().snapshot().file().equals(snapshot.file()), 30_000),
				"the new snapshot was not selected for review");
		ReviewSession selected = selection.current();
		settle();
		assertTrue(column(periods.table(), 2).contains("complete \u2013 under review"), column(periods.table(), 2)
				.toString());
		screenshot(mainShell(), "periods");

		ReconciliationView view = ((ReconciliationPart) show("io.crossbill.ui.part.reconciliation").getObject()).view();
		// the view shows the selected snapshot's reconciliation (reconciled again when a decision changes it)
		assertTrue(waitUntil(() -> view.session() != null
				&& view.session().snapshot().file().equals(selected.snapshot().file()), 30_000),
				"the reconciliation does not show the snapshot");
		ReviewSession session = view.session();
		assertTrue(view.headerLabel().getText().startsWith(session.dataTakenLine()), view.headerLabel().getText());
		// the review is kept beside the snapshot: opening the snapshot again reads it instead of reconciling
		session.reviewed().keeping().get(30, java.util.concurrent.TimeUnit.SECONDS);
		ReviewSession reopened = ReviewSession.of(PeriodSnapshot.open(snapshot.file()), db);
		assertTrue(reopened.reviewed().kept(), "the kept review was not used");
		assertEquals(reconciliationJson(session), reconciliationJson(reopened));
		assertEquals(session.result().breaks().size(), view.breaksTable().getItemCount());
		ReconciliationBreak unbilled = session.result().breaks(BreakType.UNBILLED_ENTRY).get(0);
		int row = rowOf(view, unbilled);
		view.select(row);
		settle();
		assertTrue(view.recordsTable().getItemCount() > 0, "the records behind the break are listed");
		assertTrue(view.actionButtons().get(0).isEnabled(), "Explain break is enabled for a selected break");
		String note = "Approved on 30 Nov after the billing run; goes on December's invoice.";
		assertNotNull(view.annotateSelected(ReviewRecords.Reason.TIMING, note), view.headerLabel().getText());
		settle();
		String explained = view.breaksTable().getItem(row).getText(7);
		assertTrue(explained.contains("TIMING: " + note), explained);
		// offline, a retry of an exception behind a break is queued instead of failing, and the break says so
		ReconciliationBreak withException = session.result().breaks().stream()
				.filter(b -> !b.exceptionIds().isEmpty()).findFirst().orElseThrow();
		int xrow = rowOf(view, withException);
		view.select(xrow);
		settle();
		assertTrue(view.actionButtons().get(4).isEnabled(), "Retry when online is enabled for a break with an"
				+ " exception");
		PendingReplays.Request queued = view.queueReplay(withException.exceptionIds().get(0),
				PendingReplays.Action.RETRY, null);
		assertNotNull(queued, view.headerLabel().getText());
		settle();
		assertTrue(view.breaksTable().getItem(xrow).getText(10).contains("retry queued"),
				view.breaksTable().getItem(xrow).getText(10));
		assertTrue(view.exceptionsLabel().getText().contains("retry queued by " + selection.actor()),
				view.exceptionsLabel().getText());
		assertEquals(withException.exceptionIds().get(0), new PendingReplays(db).get(queued.id()).orElseThrow()
				.exceptionId(), "the queued retry is kept in the workspace's database");
		view.select(row);
		settle();
		screenshot(mainShell(), "reconciliation");

		SignOffView signOff = ((SignOffPart) show("io.crossbill.ui.part.signoff").getObject()).view();
		assertTrue(waitUntil(() -> signOff.signOffTable().getItemCount() > 0, 10_000), "the sign-off view is empty");
		String signOffNote = "Signed off with the timing break carried to December.";
		assertNotNull(signOff.signOff(ReviewRecords.Scope.PERIOD, NOVEMBER.toString(), signOffNote),
				"the sign-off was not recorded");
		settle();
		assertEquals("unchanged", signOff.signOffTable().getItem(signOff.signOffTable().getItemCount() - 1).getText(5));
		assertEquals(signOffNote, signOff.signOffTable().getItem(signOff.signOffTable().getItemCount() - 1)
				.getText(6));
		assertTrue(view.headerLabel().getText().contains("SIGNED OFF"), view.headerLabel().getText());
		Path pack = Files.createTempDirectory("crossbill-evidence-");
		assertNotNull(signOff.export(pack));
		assertTrue(waitUntil(() -> signOff.lastExport() != null, 60_000), signOff.exportLabel().getText());
		settle();
		screenshot(mainShell(), "signoff");

		// the pack's totals against the reconciliation JSON of the same snapshot, reconciled afresh
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		ReconciliationJson.write(new Reconciler().reconcile(snapshot.input()), json);
		JsonNode r = new ObjectMapper().readTree(json.toByteArray());
		Map<String, String> expected = new TreeMap<>();
		Map<String, BigDecimal> variance = new TreeMap<>();
		Map<String, Integer> count = new TreeMap<>();
		for (JsonNode b : r.path("breaks")) {
			String k = b.path("type").asText() + "," + b.path("currency").asText("");
			count.merge(k, 1, Integer::sum);
			variance.merge(k, b.path("variance").isNull() ? BigDecimal.ZERO : new BigDecimal(b.path("variance")
					.asText()), BigDecimal::add);
		}
		count.forEach((k, n) -> expected.put(k, n + "," + variance.get(k).toPlainString()));
		Map<String, String> written = new TreeMap<>();
		List<String> lines = Files.readAllLines(pack.resolve("review_summary.csv"), StandardCharsets.UTF_8);
		assertEquals("break_type,currency,breaks,variance", lines.get(0));
		for (String l : lines.subList(1, lines.size())) {
			String[] f = l.split(",");
			written.put(f[0] + "," + f[1], f[2] + "," + new BigDecimal(f[3]).toPlainString());
		}
		assertEquals(expected, written, "the pack's totals differ from the reconciliation JSON");
		assertEquals(r.path("summary").path("breaks").asInt(), written.values().stream()
				.mapToInt(v -> Integer.parseInt(v.split(",")[0])).sum());
		String annotations = Files.readString(pack.resolve("annotations.csv"));
		assertTrue(annotations.contains(unbilled.id()) && annotations.contains("TIMING"), annotations);
		List<String> signoffs = Files.readAllLines(pack.resolve("signoffs.csv"), StandardCharsets.UTF_8);
		assertEquals("scope,key,actor,at,snapshot,reconciliation_hash,note,changed_since", signoffs.get(0));
		assertTrue(signoffs.get(signoffs.size() - 1).startsWith("PERIOD,2026-11,")
				&& signoffs.get(signoffs.size() - 1).endsWith("," + signOffNote + ",no"), signoffs.toString());
		assertTrue(Files.readString(pack.resolve("audit_verification.csv")).lines().skip(1).findFirst().orElse("")
				.startsWith("true,"), "the audit chain does not verify");
		String html = Files.readString(pack.resolve("report.html"));
		assertTrue(html.contains("Month-end review 2026-11") && html.contains(note.substring(0, 20)), "report.html");

		KpisView kpis = ((KpisPart) show("io.crossbill.ui.part.kpis").getObject()).view();
		assertTrue(waitUntil(() -> !kpis.shown().isEmpty() && !kpis.headerLabel().getText().contains("Reading"),
				30_000), kpis.headerLabel().getText());
		assertEquals(NOVEMBER, kpis.shown().get(kpis.shown().size() - 1).period());
		assertEquals(session.result().kpis(), kpis.shown().get(kpis.shown().size() - 1).kpis());
		assertEquals(6, kpis.charts().size());
		screenshot(mainShell(), "kpis");
	}

	private static int rowOf(ReconciliationView view, ReconciliationBreak b) {
		Table t = view.breaksTable();
		for (int i = 0; i < t.getItemCount(); i++) {
			t.getItem(i).getText();
			if (t.getItem(i).getData() == b) {
				return i;
			}
		}
		return fail("the break " + b.id() + " is not in the table");
	}

	private static List<String> column(Table t, int c) {
		List<String> out = new java.util.ArrayList<>();
		for (int i = 0; i < t.getItemCount(); i++) {
			out.add(t.getItem(i).getText(c));
		}
		return out;
	}

	private static String reconciliationJson(ReviewSession s) throws java.io.IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ReconciliationJson.write(s.result(), out);
		return out.toString(StandardCharsets.UTF_8);
	}

	private static MPart show(String partId) {
		return showPart(REVIEW, partId);
	}
}
