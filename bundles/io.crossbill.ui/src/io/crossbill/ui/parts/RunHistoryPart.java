package io.crossbill.ui.parts;

import java.time.Clock;
import java.util.Optional;

import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;

import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.monitor.RunHistoryView;

/**
 * The run history of the workflows, over the engine's database of this workspace.
 * When the database cannot be opened the part says so in one line instead.
 */
public class RunHistoryPart {

	private RunHistoryView view;

	@PostConstruct
	public void createControls(Composite parent) {
		Optional<EngineDatabase> opened = WorkbenchEngine.databaseFor(parent);
		if (opened.isEmpty()) {
			return;
		}
		EngineDatabase db = opened.get();
		view = new RunHistoryView(parent, db, Clock.systemUTC());
	}

	/** The view, or {@code null} when the database could not be opened. */
	public RunHistoryView view() {
		return view;
	}
}
