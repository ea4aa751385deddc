package io.crossbill.ui.parts;

import java.util.Optional;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Composite;

import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.review.ReconciliationView;
import io.crossbill.ui.review.ReviewSession;
import jakarta.annotation.PostConstruct;

/**
 * The Review perspective's reconciliation: the newest snapshot of the newest period in the workspace,
 * reconciled once in a job (no network), then shown by {@link ReconciliationView}.
 */
public class ReconciliationPart {

	private ReconciliationView view;

	@PostConstruct
	public void createControls(Composite parent) {
		Optional<EngineDatabase> opened = WorkbenchEngine.databaseFor(parent);
		if (opened.isEmpty()) {
			return;
		}
		EngineDatabase db = opened.get();
		view = new ReconciliationView(parent, db);
		Job job = Job.create("Reconciling the latest period snapshot", (IProgressMonitor monitor) -> {
			Optional<ReviewSession> session;
			try {
				session = ReviewSession.latest(WorkbenchEngine.workspace(), db);
			} catch (Exception e) {
				showMessage("The snapshot could not be read: " + e.getMessage());
				return Status.OK_STATUS;
			}
			if (session.isEmpty()) {
				showMessage("No period snapshot in this workspace yet: take one with ./crossbill snapshot --period YYYY-MM"
						+ " (the Periods view that takes them here is not built yet).");
			} else {
				view.getDisplay().asyncExec(() -> {
					if (!view.isDisposed()) {
						view.show(session.get());
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.setUser(false);
		job.schedule();
	}

	private void showMessage(String text) {
		if (!view.isDisposed()) {
			view.getDisplay().asyncExec(() -> {
				if (!view.isDisposed()) {
					view.headerLabel().setText(text);
					view.layout(true, true);
				}
			});
		}
	}

	/** The view (for tests). */
	public ReconciliationView view() {
		return view;
	}
}
