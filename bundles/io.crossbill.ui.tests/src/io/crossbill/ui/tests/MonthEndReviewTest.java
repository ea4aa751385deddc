package io.crossbill.ui.tests;

import static io.crossbill.ui.tests.WorkbenchFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.junit.jupiter.api.Test;

import io.crossbill.connect.hubspot.HubSpotConnection;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.sandbox.HubSpotSandbox;
import io.crossbill.sandbox.XeroSandbox;
import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.parts.ReconciliationPart;
import io.crossbill.ui.review.ReconciliationView;
import io.crossbill.ui.review.ReviewSession;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.Systems;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.WorkflowSettings;
import io.crossbill.workflow.Workflows;
import io.crossbill.workflow.snapshot.PeriodSnapshots;
import io.crossbill.workflow.snapshot.SnapshotMonitor;

/**
 * The Review perspective offline: the demo firm's November is run and snapshotted from the sandboxes into the
 * workbench's workspace, the sandboxes are stopped, and the reconciliation view shows the breaks from the
 * snapshot, says when the data was taken, and drills into the records behind a break.
 */
class MonthEndReviewTest {
	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@Test
	void theReconciliationOfASnapshotIsReviewedWithTheSystemsStopped() throws Exception {
		EngineDatabase db = WorkbenchEngine.database();
		Path workspace = WorkbenchEngine.workspace();
		try (XeroSandbox xero = XeroSandbox.builder().limits(5, 100_000, 1_000_000).build().start();
				HubSpotSandbox hubspot = HubSpotSandbox.builder().build().start()) {
			XeroConnection xc = new XeroConnection(xero.accountingBaseUrl(), xero.projectsBaseUrl(), xero.tenantId(),
					xero::token);
			Systems systems = Systems.connect(new HubSpotConnection(hubspot.baseUrl(), hubspot::token), xc)
					.withExpenses(Systems.expensesFrom(XeroSandbox::demoExpenses, "expenses-2026-11.csv"));
			WorkflowContext ctx = WorkflowContext.of(db, WorkflowSettings.defaults(),
					Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC), WorkflowContext.sandboxLimits());
			new Workflows(ctx, systems).runOnce(NOVEMBER, null);
			new PeriodSnapshots(workspace).take(NOVEMBER, new PeriodLoader(ctx, systems.erp(), systems.psaReader(),
					systems.crm()), ctx, SnapshotMonitor.NONE);
		}
		// the sandboxes are stopped: from here on the review has no network
		ReconciliationView view = ((ReconciliationPart) show("io.crossbill.ui.part.reconciliation").getObject()).view();
		assertNotNull(view, "the reconciliation part could not open the workspace database");
		ReviewSession session = ReviewSession.latest(workspace, db).orElseThrow();
		view.show(session);
		settle();
		assertTrue(view.headerLabel().getText().startsWith(session.dataTakenLine()), view.headerLabel().getText());
		assertEquals(session.result().breaks().size(), view.breaksTable().getItemCount());
		assertTrue(view.breaksTable().getItemCount() > 0, "the demo period has breaks (the held-back entries)");
		ReconciliationBreak unbilled = session.result().breaks(io.crossbill.reconcile.BreakType.UNBILLED_ENTRY)
				.get(0);
		int row = -1;
		for (int i = 0; i < view.breaksTable().getItemCount(); i++) {
			if (view.breaksTable().getItem(i).getData() == unbilled) {
				row = i;
			}
		}
		view.select(row >= 0 ? row : 0);
		settle();
		assertTrue(view.recordsTable().getItemCount() > 0, "the records behind the break are listed");
		Path png = screenshot(mainShell(), "reconciliation");
		assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);
	}

	private static MPart show(String partId) {
		EModelService models = application().getContext().get(EModelService.class);
		EPartService parts = mainWindow().getContext().get(EPartService.class);
		parts.switchPerspective(models.findElements(application(), "io.crossbill.ui.perspective.review",
				MPerspective.class).get(0));
		MPart part = models.findElements(mainWindow(), partId, MPart.class).get(0);
		parts.showPart(part, EPartService.PartState.ACTIVATE);
		settle();
		return part;
	}
}
