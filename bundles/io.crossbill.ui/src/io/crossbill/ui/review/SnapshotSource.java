package io.crossbill.ui.review;

import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.WorkflowContext;

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
