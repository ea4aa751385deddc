package io.crossbill.ui.parts;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;

/**
 * Stands in for an editor that this version of Crossbill does not have yet. It says plainly what the
 * part will do and that it is not available, so nothing on screen pretends to work.
 */
public class PlannedPart {

	/** Key of the part's persisted state that holds the one-line description of what it will do. */
	public static final String DESCRIPTION_KEY = "io.crossbill.ui.planned";

	@PostConstruct
	public void createControls(Composite parent, MPart part) {
		parent.setLayout(new GridLayout(1, false));

		Label title = new Label(parent, SWT.NONE);
		title.setText(part.getLabel());
		title.setData("org.eclipse.e4.ui.css.CssClassName", "PlannedTitle");

		Label what = new Label(parent, SWT.WRAP);
		what.setText(part.getPersistedState().getOrDefault(DESCRIPTION_KEY, ""));
		what.setLayoutData(widthHint(480));

		Label status = new Label(parent, SWT.WRAP);
		status.setText("Not available in this version of Crossbill.");
		status.setData("org.eclipse.e4.ui.css.CssClassName", "PlannedStatus");
		status.setLayoutData(widthHint(480));
	}

	private static GridData widthHint(int width) {
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		data.widthHint = width;
		return data;
	}
}
