package io.crossbill.ui.parts;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Composite;

import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.review.PeriodsView;
import io.crossbill.ui.review.ReviewSelection;
import io.crossbill.ui.review.SnapshotSource;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Review perspective's periods: the workspace's snapshots, taken, refreshed, resumed, cancelled and
 * compared in {@link PeriodsView}; the one selected is reviewed by every other review part.
 * <p>
 * The systems a snapshot is read from are a {@link SnapshotSource} from the e4 context when one is put there (a
 * test's sandboxes), otherwise the workspace's systems as the embedded engine runs them ({@code systems.json}, or
 * the built-in sandbox), with the workspace's engine and workflow settings.
 */
public class PeriodsPart {

	@Inject
	@Optional
	SnapshotSource source;

	private PeriodsView view;

	@PostConstruct
	public void createControls(Composite parent) {
		java.util.Optional<EngineDatabase> opened = WorkbenchEngine.databaseFor(parent);
		if (opened.isEmpty()) {
			return;
		}
		view = new PeriodsView(parent, ReviewSelection.of(WorkbenchEngine.workspace(), opened.get()));
		view.setSource(source != null ? source : SnapshotSource.of(EmbeddedEngine.workbench()));
	}

	/** The view, or {@code null} when the database could not be opened. */
	public PeriodsView view() {
		return view;
	}
}
