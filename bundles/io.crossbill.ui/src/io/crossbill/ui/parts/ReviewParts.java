package io.crossbill.ui.parts;

import java.util.Optional;
import java.util.function.BiFunction;

import org.eclipse.swt.widgets.Composite;

import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.review.ReviewSelection;

/** What the Review perspective's parts share: their view over the workspace's one {@link ReviewSelection}. */
final class ReviewParts {

	private ReviewParts() {
	}

	/**
	 * Builds a review view in the part over the workspace's selection and, when nothing is under review yet,
	 * reviews the newest snapshot; {@code null} when the database cannot be opened (the part then says why).
	 */
	static <V> V open(Composite parent, BiFunction<Composite, ReviewSelection, V> view) {
		Optional<EngineDatabase> opened = WorkbenchEngine.databaseFor(parent);
		if (opened.isEmpty()) {
			return null;
		}
		ReviewSelection selection = ReviewSelection.of(WorkbenchEngine.workspace(), opened.get());
		V created = view.apply(parent, selection);
		selection.selectLatestIfNone(parent.getDisplay(), text -> { /* the view says there is no period */ });
		return created;
	}
}
