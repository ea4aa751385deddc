package io.crossbill.ui.tests;

import static io.crossbill.ui.tests.WorkbenchFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimBar;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.ui.parts.SystemsPart;
import io.crossbill.ui.parts.WorkspaceNavigatorPart;
import io.crossbill.ui.workspace.FirstStart;
import io.crossbill.ui.workspace.PreferencesDialog;
import io.crossbill.ui.workspace.SystemsView;
import io.crossbill.ui.workspace.WorkspaceNavigator;
import io.crossbill.workflow.EngineSettings;
import io.crossbill.workflow.ShippedDesigns;
import io.crossbill.workflow.Workflows;

/**
 * The workbench around the editors: the navigator lists the systems, the shipped designs and the four
 * workflows with their last run; the Systems view tests the sandbox's connections and shows ok and a budget;
 * the preferences dialog writes engine.json; the status line shows the engine's state.
 */
class WorkbenchAroundTest {

	@BeforeAll
	static void engineHasRunOnce() {
		EmbeddedEngine engine = EmbeddedEngine.workbench();
		if (!engine.isStarted()) {
			engine.start(FirstStart.DEMO_PERIOD);
		}
		assertTrue(waitUntil(() -> engine.state().phase() == EmbeddedEngine.Phase.IDLE
				|| engine.state().phase() == EmbeddedEngine.Phase.PAUSED
				|| engine.state().phase() == EmbeddedEngine.Phase.FAILED, 180_000), engine.state().text());
		assertNotEquals(EmbeddedEngine.Phase.FAILED, engine.state().phase(), engine.state().text());
	}

	@Test
	void navigatorListsTheSystemsTheShippedDesignsAndTheFourWorkflows() throws Exception {
		WorkspaceNavigator nav = ((WorkspaceNavigatorPart) showPart("io.crossbill.ui.perspective.design",
				"io.crossbill.ui.part.workspace").getObject()).view();
		assertNotNull(nav, "the navigator could not open the workspace database");
		nav.refresh();
		assertTrue(waitUntil(() -> nav.viewer().getTree().getItemCount() == 3
				&& nav.viewer().getTree().getItem(2).getItemCount() == 4
				&& nav.viewer().getTree().getItem(2).getItem(0).getText().contains("writes"), 20_000),
				"the navigator never showed the workflows with their last run");
		nav.viewer().expandAll();
		settle();
		TreeItem designs = nav.viewer().getTree().getItem(1);
		List<String> designTexts = texts(designs.getItems());
		for (String name : ShippedDesigns.NAMES) {
			assertTrue(designTexts.stream().anyMatch(t -> t.startsWith(name)), name + " missing in " + designTexts);
		}
		List<String> workflows = texts(nav.viewer().getTree().getItem(2).getItems());
		for (int i = 0; i < Workflows.NAMES.size(); i++) {
			assertTrue(workflows.get(i).startsWith(Workflows.NAMES.get(i)), workflows.toString());
		}
		assertEquals(3, nav.viewer().getTree().getItem(0).getItemCount(), "three systems");
		Path png = screenshot(mainShell(), "navigator");
		assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);
	}

	@Test
	void testConnectionOnTheSandboxShowsOkAndABudget() throws Exception {
		SystemsView view = ((SystemsPart) showPart("io.crossbill.ui.perspective.operate", "io.crossbill.ui.part.systems")
				.getObject()).view();
		assertTrue(waitUntil(() -> view.viewer().getTable().getItemCount() == 3, 20_000), view.summaryText());
		assertTrue(view.summaryText().contains("sandbox"), view.summaryText());
		view.testButton().notifyListeners(SWT.Selection, new Event());
		assertTrue(waitUntil(() -> {
			for (TableItem row : view.viewer().getTable().getItems()) {
				if (!row.getText(4).startsWith("ok at ")) {
					return false;
				}
			}
			return true;
		}, 30_000), () -> "health: " + rows(view));
		for (TableItem row : view.viewer().getTable().getItems()) {
			assertTrue(row.getText(5).matches(".*\\d.*/day"), "budget of " + row.getText(0) + ": " + row.getText(5));
			assertEquals("built-in (sandbox)", row.getText(3));
		}
		Path png = screenshot(mainShell(), "systems");
		assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);
	}

	@Test
	void preferencesRefuseABadValueAndSaveAGoodOne() throws Exception {
		EmbeddedEngine engine = EmbeddedEngine.workbench();
		EngineSettings before = EngineSettings.load(engine.workspace());
		PreferencesDialog d = new PreferencesDialog(mainShell(), engine.workspace());
		d.setBlockOnOpen(false);
		d.open();
		try {
			settle();
			d.pollField().setText("0");
			settle();
			assertFalse(d.okButton().getEnabled(), "OK must be disabled for a poll interval of 0");
			assertTrue(d.getErrorMessage().contains("poll interval"), d.getErrorMessage());
			d.pollField().setText("7");
			settle();
			assertTrue(d.okButton().getEnabled(), String.valueOf(d.getErrorMessage()));
			screenshot(d.getShell(), "preferences");
			d.okButton().notifyListeners(SWT.Selection, new Event());
			settle();
			assertEquals(7, EngineSettings.load(engine.workspace()).pollMinutes(), "engine.json was not written");
			engine.settingsChanged();
			assertTrue(waitUntil(() -> engine.state().text().contains("next run at"), 5_000), engine.state().text());
		} finally {
			if (d.getShell() != null && !d.getShell().isDisposed()) {
				d.close();
			}
			before.save(engine.workspace());
			engine.settingsChanged();
		}
	}

	@Test
	void statusLineShowsTheEngineStateAndOpenExceptions() throws Exception {
		MTrimBar bottom = ((MTrimmedWindow) mainWindow()).getTrimBars().stream()
				.filter(t -> t.getElementId().equals("io.crossbill.ui.trimbar.bottom")).findFirst().orElseThrow();
		Control line = (Control) bottom.getWidget();
		assertTrue(waitUntil(() -> labels(line).stream().anyMatch(t -> t.startsWith("Engine: idle")
				|| t.startsWith("Engine: paused")), 10_000), labels(line).toString());
		assertTrue(waitUntil(() -> labels(line).stream().anyMatch(t -> t.matches("Open exceptions: \\d+")), 15_000),
				labels(line).toString());
		Path png = screenshot(mainShell(), "statusline");
		assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);
	}

	private static List<String> texts(TreeItem[] items) {
		List<String> out = new ArrayList<>();
		for (TreeItem i : items) {
			out.add(i.getText());
		}
		return out;
	}

	private static String rows(SystemsView view) {
		StringBuilder sb = new StringBuilder();
		for (TableItem row : view.viewer().getTable().getItems()) {
			sb.append(row.getText(0)).append(": ").append(row.getText(4)).append("; ");
		}
		return sb.toString();
	}

	private static List<String> labels(Control c) {
		List<String> out = new ArrayList<>();
		if (c instanceof Label l) {
			out.add(l.getText());
		}
		if (c instanceof Composite comp) {
			for (Control child : comp.getChildren()) {
				out.addAll(labels(child));
			}
		}
		return out;
	}
}
