package io.crossbill.ui.parts;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The status line at the bottom of the window: the active perspective and the workspace folder this
 * workbench keeps its state in.
 */
public class StatusLine {

	private Label perspective;

	@PostConstruct
	public void createControls(Composite parent) {
		Composite line = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(2, false);
		layout.marginHeight = 2;
		layout.marginWidth = 6;
		layout.horizontalSpacing = 24;
		line.setLayout(layout);

		perspective = new Label(line, SWT.NONE);
		perspective.setText("Design");
		perspective.setLayoutData(new GridData(120, SWT.DEFAULT));

		Label workspace = new Label(line, SWT.NONE);
		workspace.setText("Workspace: " + workspaceFolder());
	}

	@Inject
	@Optional
	public void perspectiveChanged(@UIEventTopic(UIEvents.ElementContainer.TOPIC_SELECTEDELEMENT) Event event) {
		Object selected = event.getProperty(UIEvents.EventTags.NEW_VALUE);
		if (selected instanceof MPerspective p && perspective != null && !perspective.isDisposed()) {
			perspective.setText(p.getLabel());
			perspective.getParent().layout();
		}
	}

	/** The folder given with {@code -data} (the {@code ./crossbill --workspace} option), as a path. */
	static String workspaceFolder() {
		Location instance = Platform.getInstanceLocation();
		if (instance == null || instance.getURL() == null) {
			return "(none)";
		}
		return instance.getURL().getPath();
	}
}
