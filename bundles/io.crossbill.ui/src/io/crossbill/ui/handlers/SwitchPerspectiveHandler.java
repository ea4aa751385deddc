package io.crossbill.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/** Switches to the Design, Operate or Review perspective named by the command parameter. */
public class SwitchPerspectiveHandler {

	public static final String PARAMETER = "io.crossbill.ui.commandparameter.perspectiveId";

	@CanExecute
	public boolean canExecute(@Named(PARAMETER) String perspectiveId, MApplication app, EModelService models) {
		return !models.findElements(app, perspectiveId, MPerspective.class).isEmpty();
	}

	@Execute
	public void execute(@Named(PARAMETER) String perspectiveId, MApplication app, EModelService models,
			EPartService parts) {
		models.findElements(app, perspectiveId, MPerspective.class).stream().findFirst()
				.ifPresent(parts::switchPerspective);
	}
}
