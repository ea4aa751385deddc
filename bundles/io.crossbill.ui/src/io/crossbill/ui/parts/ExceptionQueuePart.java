package io.crossbill.ui.parts;

import java.util.Optional;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;

import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.engine.exceptions.OutboxLocator;
import io.crossbill.engine.exceptions.Workflows;
import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.operate.ExceptionQueueView;

/**
 * The exception queue of the Operate perspective, over the engine's database of this workspace. Actions
 * run as the operating-system user. When the database cannot be opened the part says so in one line.
 * <p>
 * Re-running received payloads needs the workspace's workflows (mapper and validator); until the workbench
 * has them, retry puts failed deliveries back and says plainly that other records cannot be re-run here.
 */
public class ExceptionQueuePart {

	private ExceptionQueueView view;

	@PostConstruct
	public void createControls(Composite parent) {
		Optional<EngineDatabase> opened = WorkbenchEngine.databaseFor(parent);
		if (opened.isEmpty()) {
			return;
		}
		EngineDatabase db = opened.get();
		ExceptionActions actions = new ExceptionActions(db, Workflows.of(), OutboxLocator.of(db),
				ExceptionActions.currentUser());
		view = new ExceptionQueueView(parent, db, actions);
	}

	/** The view, or {@code null} when the database could not be opened. */
	public ExceptionQueueView view() {
		return view;
	}
}
