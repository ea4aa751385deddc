package io.crossbill.ui.parts;

import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.operate.ExceptionQueueView;
import io.crossbill.ui.review.ReconciliationView;
import io.crossbill.ui.review.ReviewSelection;
import io.crossbill.workflow.PeriodLoader;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Review perspective's reconciliation of the period chosen in Periods (the workspace's
 * {@link ReviewSelection}; the newest snapshot until one is chosen), shown by {@link ReconciliationView}.
 * "Open exception" switches to the Operate perspective and shows the exception's business key in the queue.
 */
public class ReconciliationPart {

	static final String OPERATE = "io.crossbill.ui.perspective.operate";
	static final String QUEUE = "io.crossbill.ui.part.exceptionQueue";

	@Inject
	EModelService models;

	@Inject
	EPartService parts;

	@Inject
	MWindow window;

	private ReconciliationView view;

	@PostConstruct
	public void createControls(Composite parent) {
		Optional<EngineDatabase> opened = WorkbenchEngine.databaseFor(parent);
		if (opened.isEmpty()) {
			return;
		}
		ReviewSelection selection = ReviewSelection.of(WorkbenchEngine.workspace(), opened.get());
		view = new ReconciliationView(parent, selection);
		view.setExceptionOpener(this::openInQueue);
		selection.selectLatestIfNone(parent.getDisplay(), text -> {
			if (!view.isDisposed()) {
				view.headerLabel().setText(text);
				view.layout(true, true);
			}
		});
	}

	private void openInQueue(PeriodLoader.ExceptionRow x) {
		List<MPerspective> operate = models.findElements(window, OPERATE, MPerspective.class);
		if (!operate.isEmpty()) {
			parts.switchPerspective(operate.get(0));
		}
		List<MPart> queue = models.findElements(window, QUEUE, MPart.class);
		if (queue.isEmpty()) {
			return;
		}
		MPart part = parts.showPart(queue.get(0), EPartService.PartState.ACTIVATE);
		if (part != null && part.getObject() instanceof ExceptionQueuePart q && q.view() != null) {
			ExceptionQueueView v = q.view();
			v.searchField().setText(x.businessKey() == null ? "" : x.businessKey());
			v.searchField().notifyListeners(SWT.DefaultSelection, new Event());
		}
	}

	/** The view (for tests). */
	public ReconciliationView view() {
		return view;
	}
}
