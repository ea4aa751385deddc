package io.crossbill.ui.parts;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.workspace.JobProgress;
import io.crossbill.ui.workspace.StatusLineView;

/**
 * The status line at the bottom of the window: the active perspective, the embedded engine's state, the
 * open exceptions, the running jobs with a progress bar and a cancel button, and the workspace folder
 * ({@link StatusLineView}).
 */
public class StatusLine {

	private StatusLineView view;

	@PostConstruct
	public void createControls(Composite parent) {
		view = new StatusLineView(parent, EmbeddedEngine.workbench(), JobProgress.install(), () -> {
			try {
				return java.util.Optional.of(WorkbenchEngine.database());
			} catch (RuntimeException e) {
				return java.util.Optional.empty();
			}
		}, workspaceFolder());
	}

	/** The view, for tests. */
	public StatusLineView view() {
		return view;
	}

	@Inject
	@Optional
	public void perspectiveChanged(@UIEventTopic(UIEvents.ElementContainer.TOPIC_SELECTEDELEMENT) Event event) {
		Object selected = event.getProperty(UIEvents.EventTags.NEW_VALUE);
		if (selected instanceof MPerspective p && view != null) {
			view.showPerspective(p.getLabel());
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
