package io.crossbill.ui.parts;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;

import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.ui.workspace.CredentialsAccess;
import io.crossbill.ui.workspace.SystemHealth;
import io.crossbill.ui.workspace.SystemsView;

/** The Systems view of the Operate perspective ({@link SystemsView}) on the workbench's engine. */
public class SystemsPart {

	private SystemsView view;

	@PostConstruct
	public void createControls(Composite parent) {
		parent.setLayout(new FillLayout());
		EmbeddedEngine engine = EmbeddedEngine.workbench();
		view = new SystemsView(parent, engine, CredentialsAccess.of(engine.workspace()), SystemHealth.workbench());
	}

	/** The view, for tests. */
	public SystemsView view() {
		return view;
	}
}
