package io.crossbill.ui.tests;

import static io.crossbill.ui.tests.WorkbenchFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.SagaStats;
import io.crossbill.store.Sagas;
import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.monitor.MonitorView;
import io.crossbill.ui.monitor.RunHistoryView;
import io.crossbill.ui.monitor.WorkflowDiagram;
import io.crossbill.ui.parts.RunHistoryPart;
import io.crossbill.ui.parts.WorkflowMonitorPart;

/**
 * The Operate perspective's workflow monitor and run history over the workspace's engine database: counts
 * change on screen while sagas are written, runs appear in the history, one deal can be followed.
 */
class WorkflowMonitorTest {

	@Test
	void monitorCountsChangeWhileSagasAreWrittenAndADealCanBeFollowed() throws Exception {
		EngineDatabase db = WorkbenchEngine.database();
		MonitorView monitor = ((WorkflowMonitorPart) show("io.crossbill.ui.part.workflowMonitor").getObject()).view();
		assertNotNull(monitor, "the monitor part could not open the workspace database");
		assertTrue(waitUntil(() -> monitor.diagram().getModel() != null, 10_000), "the diagram never got its counts");
		assertEquals(4, monitor.diagram().lanes().size(), "one lane per workflow");
		long before = done(monitor, "lead-to-project", "customer");
		long refreshes = monitor.refreshes();

		String tag = "uitest" + System.currentTimeMillis();
		Instant now = Instant.now();
		Sagas sagas = db.sagas();
		for (int i = 1; i <= 3; i++) {
			long id = sagas.begin("lead-to-project", "deal:" + tag + "-" + i, "v1", now).id();
			sagas.step(id, "customer", "DONE", "xero", "contact-" + tag + "-" + i, "created",
					"{\"Name\":\"Test customer " + i + "\",\"TaxNumber\":\"GB12345678" + i + "\"}", now);
		}
		long blocked = sagas.begin("lead-to-project", "deal:" + tag + "-4", null, now).id();
		long ex = db.exceptions().report(new ExceptionReport(ExceptionClass.VALIDATION, "lead-to-project", "customer",
				"xero", "Contact", "deal:" + tag + "-4", null, "{\"TaxNumber\":\"DE98765\"}".getBytes(
						StandardCharsets.UTF_8), null, "Tax id DE98765 is not a valid German VAT number.",
				"Correct the tax id in the CRM, then retry.", null, 0));
		sagas.step(blocked, "customer", "BLOCKED", "xero", null, "invalid tax id", null, now);
		sagas.finish(blocked, Sagas.State.BLOCKED, ex, "invalid tax id", now);

		assertTrue(waitUntil(() -> done(monitor, "lead-to-project", "customer") == before + 3, 8_000),
				"the customer box still shows " + done(monitor, "lead-to-project", "customer") + " done, not "
						+ (before + 3));
		assertTrue(monitor.refreshes() > refreshes, "the counts were not read again");
		WorkflowDiagram.Box customer = box(monitor, "lead-to-project", "customer");
		assertTrue(customer.lines().contains("done " + (before + 3)), customer.lines().toString());
		assertTrue(customer.counts().blocked() >= 1, customer.lines().toString());
		assertTrue(monitor.statusText().startsWith("Updated "), monitor.statusText());
		Path png = screenshot(mainShell(), "workflow-monitor");
		assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);

		// follow the blocked deal: its step and the exception on the way
		clickTab(monitor.tabs(), "Follow a transaction");
		monitor.timeline().follow(tag + "-4");
		assertTrue(waitUntil(() -> monitor.timeline().timeline() != null
				&& monitor.timeline().timeline().query().equals(tag + "-4"), 8_000), "the search never finished");
		assertEquals(2, monitor.timeline().table().getItemCount(), "the blocked step and its exception");
		int exceptionRow = monitor.timeline().table().getItem(0).getText(3).startsWith("exception") ? 0 : 1;
		monitor.timeline().select(exceptionRow);
		assertTrue(monitor.timeline().detailText().contains("not a valid German VAT number"),
				monitor.timeline().detailText());
		assertTrue(monitor.timeline().detailText().contains("\"TaxNumber\" : \"DE98765\""),
				"the payload is shown indented: " + monitor.timeline().detailText());
		assertTrue(monitor.timeline().summaryText().contains("1 saga"), monitor.timeline().summaryText());
		screenshot(mainShell(), "transaction-timeline");
		clickTab(monitor.tabs(), "Diagram");
	}

	/**
	 * Issue 7's proof: while the embedded engine runs the demo (the four workflows for November 2026 on a fresh
	 * workspace with its own built-in sandbox, as {@code crossbill demo} does headless), the workflow monitor over
	 * that workspace's database shows its step counts, read from the diagram's model, change at least twice before
	 * the run ends. A fresh workspace because the workbench's own engine may have run the demo already in this
	 * test run (WorkbenchAroundTest starts it), and a second run of the demo rightly writes nothing.
	 */
	@Test
	void monitorShowsCountsChangingWhileTheEngineRunsTheDemo() throws Exception {
		Path workspace = Files.createTempDirectory("crossbill-monitor-demo-");
		EngineDatabase db = EngineDatabase.open(workspace);
		EmbeddedEngine engine = new EmbeddedEngine(workspace, () -> db);
		Shell shell = new Shell(mainShell(), SWT.SHELL_TRIM);
		try {
			shell.setText("Workflow monitor - demo workspace");
			shell.setLayout(new FillLayout());
			shell.setBounds(mainShell().getBounds());
			MonitorView monitor = new MonitorView(shell, db, Clock.systemUTC());
			// the demo's run takes a few seconds on a fast machine: read the counts five times a second to see them
			// move (the workbench reads them every two seconds)
			monitor.refreshEvery(200);
			shell.open();
			assertTrue(waitUntil(() -> monitor.diagram().getModel() != null, 10_000),
					"the diagram never got its counts");
			List<Long> totals = new ArrayList<>(List.of(stepTotal(monitor.diagram().getModel())));
			assertEquals(0L, totals.get(0), "a fresh workspace has no saga at any step");

			Job job = engine.runNow(YearMonth.of(2026, 11));
			assertTrue(waitUntil(() -> job.getState() == Job.RUNNING, 15_000),
					"the engine's run never started: " + engine.state().text());
			Path png = null;
			long deadline = System.currentTimeMillis() + 180_000;
			while (job.getState() != Job.NONE && System.currentTimeMillis() < deadline) {
				long refreshes = monitor.refreshes();
				waitUntil(() -> monitor.refreshes() > refreshes || job.getState() == Job.NONE, 5_000);
				long total = stepTotal(monitor.diagram().getModel());
				if (total != totals.get(totals.size() - 1)) {
					totals.add(total);
				}
				if (png == null && totals.size() >= 3 && job.getState() == Job.RUNNING) {
					png = screenshot(shell, "workflow-monitor-running");
				}
			}
			assertEquals(Job.NONE, job.getState(), "the run did not end within 3 minutes: " + engine.state().text());
			assertFalse(engine.state().text().startsWith("failed"), engine.state().text());
			assertTrue(totals.size() >= 3, "the step counts changed " + (totals.size() - 1)
					+ " times while the engine ran (at least 2 expected): " + totals);
			assertNotNull(png, "no screenshot while the run was going");
			assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);
			// after the run: the next refresh shows every step the run made, more than while it ran
			long refreshes = monitor.refreshes();
			assertTrue(waitUntil(() -> monitor.refreshes() > refreshes, 5_000), "the monitor stopped refreshing");
			long after = stepTotal(monitor.diagram().getModel());
			assertTrue(after >= totals.get(totals.size() - 1) && after > 0, "after the run: " + after + ", " + totals);
			assertTrue(box(monitor, "lead-to-project", "project").counts().done() > 0,
					box(monitor, "lead-to-project", "project").lines().toString());

			// after its run the engine sampled the work waiting and the systems' API budgets: the charts draw them
			// over the window, from the database
			io.crossbill.ui.monitor.MonitorCharts charts = monitor.charts();
			clickTab(monitor.tabs(), "Charts");
			charts.setWindow(MonitorView.Window.HOUR);
			assertTrue(waitUntil(() -> charts.data() != null && !charts.data().depth().isEmpty()
					&& !charts.data().budgets().isEmpty(), 15_000), "no gauge was sampled after the run");
			assertEquals(List.of("Lead to project", "Change to forecast", "Customer master sync", "Time to billing"),
					series(charts.charts().get(3)));
			assertTrue(series(charts.charts().get(4)).contains("Xero, per day"), series(charts.charts().get(4))
					.toString());
			assertTrue(charts.data().budgets().stream().anyMatch(g -> g.subject().equals("xero/day")
					&& g.capacity() == 1_000_000 && g.value() < 1_000_000), charts.data().budgets().toString());
			long waitingForBilling = charts.data().depth().stream().filter(g -> g.subject().equals("time-to-billing"))
					.mapToLong(g -> (long) g.value()).max().orElse(-1);
			assertEquals(charts.data().waitingNow("time-to-billing"), waitingForBilling,
					"the sample taken after the run is what waits now (nothing ran since)");
			settle();
			screenshot(shell, "workflow-monitor-charts");
		} finally {
			shell.dispose();
			engine.closeSystems();
			db.close();
		}
	}

	private static List<String> series(org.eclipse.swtchart.Chart chart) {
		List<String> out = new ArrayList<>();
		for (org.eclipse.swtchart.ISeries<?> s : chart.getSeriesSet().getSeries()) {
			out.add(s.getId());
		}
		return out;
	}

	/** Every saga that stands at or went through any step, as the diagram's boxes count them. */
	static long stepTotal(WorkflowDiagram.Model model) {
		long total = 0;
		for (SagaStats.StepCounts c : model.steps()) {
			total += c.inFlight() + c.done() + c.retrying() + c.failed() + c.blocked();
		}
		return total;
	}

	@Test
	void runHistoryListsRunsWithTheirCountsAndDurations() throws Exception {
		EngineDatabase db = WorkbenchEngine.database();
		Instant start = Instant.now().minusSeconds(12);
		long run = db.sagas().startRun("time-to-billing", start);
		db.sagas().finishRun(run, "DONE", 354, 12, 7, "12 invoices, 135 entries", start.plusMillis(4_200));
		RunHistoryView history = ((RunHistoryPart) show("io.crossbill.ui.part.runHistory").getObject()).view();
		assertNotNull(history, "the run history part could not open the workspace database");
		assertTrue(waitUntil(() -> history.runs().stream().anyMatch(r -> r.id() == run), 8_000),
				"run " + run + " never appeared");
		var row = Arrays.stream(history.table().getItems()).filter(i -> Long.valueOf(run).equals(i.getData()))
				.findFirst().orElseThrow();
		assertEquals("time-to-billing", row.getText(1));
		assertEquals("4.2 s", row.getText(3));
		assertEquals("354", row.getText(5));
		assertEquals("12", row.getText(6));
		assertEquals("7", row.getText(7));
		assertEquals("12 invoices, 135 entries", row.getText(8));

		history.showWorkflow("lead-to-project");
		assertTrue(waitUntil(() -> history.runs().stream().allMatch(r -> r.workflow().equals("lead-to-project")), 8_000),
				"the table still lists other workflows' runs");
		history.showWorkflow(null);
		assertTrue(waitUntil(() -> history.runs().stream().anyMatch(r -> r.id() == run), 8_000));
		Path png = screenshot(mainShell(), "run-history");
		assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);
	}

	private static MPart show(String partId) {
		return showPart(OPERATE, partId);
	}

	private static void clickTab(CTabFolder tabs, String text) {
		CTabItem item = Arrays.stream(tabs.getItems()).filter(i -> i.getText().equals(text)).findFirst()
				.orElseThrow(() -> new AssertionError("no tab " + text));
		// the widget action a click on the tab makes (XTest clicks on CTabFolder tabs are refused under Xvfb here)
		tabs.setSelection(item);
		org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
		e.item = item;
		tabs.notifyListeners(org.eclipse.swt.SWT.Selection, e);
		assertTrue(waitUntil(() -> tabs.getSelection() == item, 3_000), "selecting " + text + " did not select it");
	}

	private static WorkflowDiagram.Box box(MonitorView monitor, String workflow, String step) {
		return monitor.diagram().boxes().stream().filter(b -> b.workflow().equals(workflow) && b.step().equals(step))
				.findFirst().orElseThrow(() -> new AssertionError("no box " + workflow + "/" + step));
	}

	private static long done(MonitorView monitor, String workflow, String step) {
		return box(monitor, workflow, step).counts().done();
	}
}
