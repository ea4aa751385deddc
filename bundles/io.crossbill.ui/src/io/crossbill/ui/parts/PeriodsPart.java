package io.crossbill.ui.parts;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Composite;

import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.workflow.EngineSettings;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.WorkflowSettings;
import io.crossbill.workflow.WorkspaceSystems;
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
		view.setSource(source != null ? source : workspaceSystems(opened.get()));
	}

	private static SnapshotSource workspaceSystems(EngineDatabase db) {
		return () -> {
			EmbeddedEngine engine = EmbeddedEngine.workbench();
			Path ws = engine.workspace();
			WorkspaceSystems systems = engine.openSystems();
			WorkflowContext ctx = EngineSettings.load(ws).context(db, WorkflowSettings.load(ws), systems.isSandbox());
			// the engine owns the systems and keeps them open for its runs: the snapshot only borrows them
			return SnapshotSource.of(PeriodLoader.of(ctx, systems.systems()), ctx).open();
		};
	}

	/** The view, or {@code null} when the database could not be opened. */
	public PeriodsView view() {
		return view;
	}
}
