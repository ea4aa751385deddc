package io.crossbill.ui.parts;

import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.engine.exceptions.OutboxLocator;
import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.engine.EngineRetries;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.engine.WorkspaceWorkflows;
import io.crossbill.ui.monitor.MonitorView;
import io.crossbill.ui.operate.ExceptionQueueView;

/**
 * The exception queue of the Operate perspective, over the engine's database of this workspace. Actions
 * run as the operating-system user, through the engine: a received record is re-run through its ingest
 * workflow ({@link WorkspaceWorkflows}), a failed delivery goes back to its outbox, and an exception of a saga
 * workflow is queued for the embedded engine's next run, asked for at once ({@link EngineRetries}).
 * "Workflow instance" in the detail pane shows the business key in the workflow monitor's "follow a
 * transaction". When the database cannot be opened the part says so in one line.
 */
public class ExceptionQueuePart {

	static final String MONITOR = "io.crossbill.ui.part.workflowMonitor";

	@Inject
	EModelService models;

	@Inject
	EPartService parts;

	@Inject
	MWindow window;

	private ExceptionQueueView view;

	@PostConstruct
	public void createControls(Composite parent) {
		Optional<EngineDatabase> opened = WorkbenchEngine.databaseFor(parent);
		if (opened.isEmpty()) {
			return;
		}
		EngineDatabase db = opened.get();
		ExceptionActions actions = new ExceptionActions(db, WorkspaceWorkflows.all(), OutboxLocator.of(db),
				EngineRetries.workbench(), ExceptionActions.currentUser());
		view = new ExceptionQueueView(parent, db, actions);
		view.detailPane().setInstanceFollower(this::followInMonitor);
	}

	/** Shows the workflow monitor (same perspective) following the business key. */
	private void followInMonitor(String businessKey) {
		List<MPart> found = models.findElements(window, MONITOR, MPart.class);
		if (found.isEmpty()) {
			view.summary().setText("The workflow monitor is not in this window, so " + businessKey
					+ " cannot be followed there.");
			return;
		}
		MPart part = parts.showPart(found.get(0), EPartService.PartState.ACTIVATE);
		if (part != null && part.getObject() instanceof WorkflowMonitorPart m && m.view() != null) {
			MonitorView monitor = m.view();
			monitor.follow(businessKey);
		}
	}

	/** The view, or {@code null} when the database could not be opened. */
	public ExceptionQueueView view() {
		return view;
	}
}
