package io.crossbill.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

import io.crossbill.ui.parts.Versions;
import jakarta.inject.Named;

import org.eclipse.e4.ui.services.IServiceConstants;

/** Help > About: which Crossbill this is, on which Java, and where it keeps its state. */
public class AboutHandler {

	@Execute
	public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		MessageDialog.openInformation(shell, "About Crossbill", Versions.aboutText(FrameworkUtil.getBundle(getClass())));
	}
}
