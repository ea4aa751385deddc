package io.crossbill.ui.tests;

import static io.crossbill.ui.tests.WorkbenchFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionBrowser;
import io.crossbill.store.ExceptionSeeder;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.operate.ExceptionQueueView;
import io.crossbill.ui.parts.ExceptionQueuePart;

/**
 * The Operate perspective's exception queue over the workspace's engine database, seeded with realistic
 * exceptions: the queue lists them with their root causes, a click on a root cause narrows the table to it,
 * free text narrows it further, and a click on a row shows the cause, the fix, the payload and the history.
 */
class ExceptionQueueTest {

	@Test
	void queueGroupsByRootCauseFiltersAndShowsTheDetailOfAnException() throws Exception {
		EngineDatabase db = WorkbenchEngine.database();
		new ExceptionSeeder(db).seed(5_000, 11, Instant.now());
		ExceptionBrowser browser = new ExceptionBrowser(db);
		long unresolved = browser.count(ExceptionBrowser.Filter.unresolved());

		ExceptionQueueView view = ((ExceptionQueuePart) show("io.crossbill.ui.part.exceptionQueue").getObject()).view();
		assertNotNull(view, "the exception queue part could not open the workspace database");
		view.setFilter(ExceptionBrowser.Filter.unresolved());
		Table table = view.table();
		assertTrue(waitUntil(() -> table.getItemCount() == unresolved, 20_000),
				"the table shows " + table.getItemCount() + " rows, the store has " + unresolved + " unresolved");
		assertTrue(view.summary().getText().startsWith(String.format("%,d exceptions", unresolved)),
				view.summary().getText());
		Table causes = view.rootCauseTable();
		assertTrue(waitUntil(() -> causes.getItemCount() >= 10, 5_000), "root causes: " + causes.getItemCount());
		assertTrue(waitUntil(() -> !table.getItem(0).getText(0).equals("..."), 5_000), "the first page never came");
		screenshot(mainShell(), "exception-queue");

		// a real click on the biggest root cause narrows the table to exactly its exceptions
		ExceptionBrowser.RootCause biggest = (ExceptionBrowser.RootCause) causes.getItem(0).getData();
		click(causes.getDisplay().map(causes, null, causes.getItem(0).getBounds()));
		assertTrue(waitUntil(() -> table.getItemCount() == biggest.count(), 10_000),
				"after the click the table shows " + table.getItemCount() + ", the root cause has " + biggest.count());
		assertTrue(waitUntil(() -> !table.getItem(0).getText(0).equals("..."), 5_000));
		// a virtual table loads the rows it shows: the first five are on screen
		for (int i = 0; i < Math.min(5, table.getItemCount()); i++) {
			ExceptionBrowser.Row row = (ExceptionBrowser.Row) table.getItem(i).getData();
			assertNotNull(row, "row " + i + " not loaded");
			assertEquals(biggest.causeKey(), row.causeKey(), "row " + i + " is of another root cause");
		}

		// free text on the business key of one of them
		String key = table.getItem(0).getText(6);
		view.searchField().setText(key);
		view.searchField().notifyListeners(SWT.DefaultSelection, new Event());
		assertTrue(waitUntil(() -> table.getItemCount() >= 1 && table.getItemCount() < 10, 10_000),
				"searching " + key + " left " + table.getItemCount() + " rows");
		assertTrue(waitUntil(() -> table.getItem(0).getText(6).equals(key), 5_000));

		// a real click on the row shows its detail: cause and fix first, then payload and history
		TableItem first = table.getItem(0);
		click(table.getDisplay().map(table, null, first.getBounds(1)));
		ExceptionBrowser.Row selected = (ExceptionBrowser.Row) first.getData();
		assertTrue(waitUntil(() -> view.detailPane().fixText().startsWith("Suggested fix: "), 5_000),
				"the detail pane shows no fix: " + view.detailPane().fixText());
		assertEquals(selected.id(), view.detailPane().shownId());
		assertTrue(view.detailPane().causeText().contains(key), view.detailPane().causeText());
		String body = view.detailPane().bodyText();
		assertTrue(body.contains("Raw error") && body.contains("History") && body.contains("created by engine"), body);
		Path png = screenshot(mainShell(), "exception-queue-detail");
		assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);
	}

	private static MPart show(String partId) {
		EModelService models = application().getContext().get(EModelService.class);
		EPartService parts = mainWindow().getContext().get(EPartService.class);
		parts.switchPerspective(models.findElements(application(), "io.crossbill.ui.perspective.operate",
				MPerspective.class).get(0));
		MPart part = models.findElements(mainWindow(), partId, MPart.class).get(0);
		parts.showPart(part, EPartService.PartState.ACTIVATE);
		settle();
		return part;
	}
}
