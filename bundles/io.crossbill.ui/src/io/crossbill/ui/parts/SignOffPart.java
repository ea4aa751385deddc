package io.crossbill.ui.parts;

import org.eclipse.swt.widgets.Composite;

import io.crossbill.ui.review.SignOffView;
import io.crossbill.ui.review.ReviewSelection;
import jakarta.annotation.PostConstruct;

/**
 * The Review perspective's sign-off and evidence pack of the period under review ({@link SignOffView}),
 * following the workspace's {@link ReviewSelection}.
 */
public class SignOffPart {

	private SignOffView view;

	@PostConstruct
	public void createControls(Composite parent) {
		view = ReviewParts.open(parent, SignOffView::new);
	}

	/** The view, or {@code null} when the database could not be opened. */
	public SignOffView view() {
		return view;
	}
}
