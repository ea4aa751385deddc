package io.crossbill.ui.review;

import java.nio.file.Path;

import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.workflow.EngineSettings;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.WorkflowSettings;
import io.crossbill.workflow.WorkspaceSystems;

/**
 * Where the Periods view reads a snapshot from: the workspace's systems, opened for one snapshot and closed
 * after it. The workbench supplies the workspace's configured systems; a test supplies its sandboxes.
 */
@FunctionalInterface
public interface SnapshotSource {

	/**
	 * Opens the systems (off the UI thread).
	 *
	 * @throws Exception when they cannot be opened; the message is shown to the analyst
	 */
	Connection open() throws Exception;

	/** The systems opened for one snapshot. */
	interface Connection extends AutoCloseable {
		/** The loader that reads the period's records. */
		PeriodLoader loader();

		/** The business clock and the firm's settings the records are read with. */
		WorkflowContext context();

		@Override
		void close();
	}

	/**
	 * The systems an embedded engine runs against ({@code systems.json}, or the built-in sandbox), read with the
	 * workspace's engine and workflow settings. The engine owns the systems and keeps them open for its runs: a
	 * snapshot only borrows them.
	 */
	static SnapshotSource of(EmbeddedEngine engine) {
		return () -> {
			Path ws = engine.workspace();
			WorkspaceSystems systems = engine.openSystems();
			WorkflowContext ctx = EngineSettings.load(ws).context(engine.database(), WorkflowSettings.load(ws),
					systems.isSandbox());
			return of(PeriodLoader.of(ctx, systems.systems()), ctx).open();
		};
	}

	/** Systems that stay open (a test's sandboxes): closing the connection leaves them running. */
	static SnapshotSource of(PeriodLoader loader, WorkflowContext context) {
		return () -> new Connection() {
			@Override
			public PeriodLoader loader() {
				return loader;
			}

			@Override
			public WorkflowContext context() {
				return context;
			}

			@Override
			public void close() {
				// the caller owns the systems
			}
		};
	}
}
