package io.crossbill.ui.parts;

import org.eclipse.swt.widgets.Composite;

import io.crossbill.ui.review.KpisView;
import io.crossbill.ui.review.ReviewSelection;
import jakarta.annotation.PostConstruct;

/**
 * The Review perspective's KPIs of the period under review against the periods before it
 * ({@link KpisView}), following the workspace's {@link ReviewSelection}.
 */
public class KpisPart {

	private KpisView view;

	@PostConstruct
	public void createControls(Composite parent) {
		view = ReviewParts.open(parent, KpisView::new);
	}

	/** The view, or {@code null} when the database could not be opened. */
	public KpisView view() {
		return view;
	}
}
