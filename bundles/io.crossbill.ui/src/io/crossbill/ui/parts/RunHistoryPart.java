package io.crossbill.ui.parts;

import java.time.Clock;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.StoreException;
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
		EngineDatabase db;
		try {
			db = WorkbenchEngine.database();
		} catch (StoreException | IllegalStateException e) {
			parent.setLayout(new GridLayout(1, false));
			Label problem = new Label(parent, SWT.WRAP);
			problem.setText("The engine's database cannot be opened, so there is nothing to show: " + e.getMessage());
			problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
			return;
		}
		parent.setLayout(new FillLayout());
		view = new RunHistoryView(parent, db, Clock.systemUTC());
	}

	/** The view, or {@code null} when the database could not be opened. */
	public RunHistoryView view() {
		return view;
	}
}
