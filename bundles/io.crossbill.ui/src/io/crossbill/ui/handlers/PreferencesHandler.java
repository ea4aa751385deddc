package io.crossbill.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

import org.eclipse.e4.ui.services.IServiceConstants;

import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.ui.workspace.PreferencesDialog;

/** Window > Preferences...: the engine's settings of this workspace ({@link PreferencesDialog}). */
public class PreferencesHandler {

	@Execute
	public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		EmbeddedEngine engine = EmbeddedEngine.workbench();
		if (new PreferencesDialog(shell, engine.workspace()).open() == PreferencesDialog.OK) {
			engine.settingsChanged();
		}
	}
}
