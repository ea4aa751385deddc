package io.crossbill.ui.parts;

import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.design.DesignEditors;
import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.workspace.SystemHealth;
import io.crossbill.ui.workspace.WorkspaceNavigator;

/**
 * The Workspace navigator of the Design perspective ({@link WorkspaceNavigator}). Double-clicking a system
 * shows the Systems part of the Operate perspective; double-clicking a design opens it in the mapping design editor.
 */
public class WorkspaceNavigatorPart {

	@Inject
	EPartService parts;

	@Inject
	EModelService models;

	@Inject
	MApplication application;

	private WorkspaceNavigator view;

	@PostConstruct
	public void createControls(Composite parent) {
		Optional<EngineDatabase> db = WorkbenchEngine.databaseFor(parent);
		if (db.isEmpty()) {
			return;
		}
		view = new WorkspaceNavigator(parent, db.get(), EmbeddedEngine.workbench(), SystemHealth.workbench(),
				name -> DesignEditors.open(parts, models, application, name), this::showSystems);
	}

	private void showSystems() {
		List<MPerspective> operate = models.findElements(application, "io.crossbill.ui.perspective.operate",
				MPerspective.class);
		if (!operate.isEmpty()) {
			parts.switchPerspective(operate.get(0));
		}
		MPart systems = parts.findPart("io.crossbill.ui.part.systems");
		if (systems != null) {
			parts.showPart(systems, EPartService.PartState.ACTIVATE);
		}
	}

	/** The view, or {@code null} when the database could not be opened. */
	public WorkspaceNavigator view() {
		return view;
	}
}
