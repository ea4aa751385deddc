package io.crossbill.ui.review;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.crossbill.store.ReviewRecords;

/** Asks why a break is there (timing, write-off, rate change, error, other) and for a note that explains it. */
public class AnnotateDialog extends TitleAreaDialog {

	private static final ReviewRecords.Reason[] REASONS = ReviewRecords.Reason.values();
	private static final String[] REASON_TEXT = {"Timing \u2013 work and billing fall in different periods",
			"Write-off \u2013 the difference is written off on purpose", "Rate change \u2013 the rate changed between"
					+ " delivery and billing", "Error \u2013 a mistake that needs a correction", "Other \u2013 the note"
							+ " says what"};

	private final String what;
	private final ReviewRecords.Annotation previous;
	private Combo reason;
	private Text note;
	private ReviewRecords.Reason chosen;
	private String written;

	/**
	 * @param what     the break in words, shown at the top
	 * @param previous the break's latest annotation, offered as the starting point, or {@code null}
	 */
	public AnnotateDialog(Shell parent, String what, ReviewRecords.Annotation previous) {
		super(parent);
		this.what = what;
		this.previous = previous;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Explain a break");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle("Explain this break");
		setMessage(what);
		Composite c = new Composite(area, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		new Label(c, SWT.NONE).setText("Reason:");
		reason = new Combo(c, SWT.READ_ONLY);
		reason.setItems(REASON_TEXT);
		reason.select(previous == null ? 0 : previous.reason().ordinal());
		Label n = new Label(c, SWT.NONE);
		n.setText("Note:");
		n.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
		note = new Text(c, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		GridData nd = new GridData(SWT.FILL, SWT.FILL, true, true);
		nd.widthHint = 460;
		nd.heightHint = 90;
		note.setLayoutData(nd);
		note.setMessage("What explains the difference, and what happens next");
		if (previous != null) {
			note.setText(previous.note());
		}
		note.addListener(SWT.Modify, e -> validate(true));
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "Record explanation", true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		validate(false);
	}

	/** Enables OK only with a usable note; says what is wrong once the analyst has typed. */
	private void validate(boolean say) {
		String text = note.getText().strip();
		String problem = text.isEmpty() ? "Write a note: the evidence pack shows it beside the break."
				: text.length() > 2000 ? "The note has " + text.length() + " characters; at most 2,000 are kept."
						: null;
		if (say) {
			setErrorMessage(problem);
		}
		if (getButton(IDialogConstants.OK_ID) != null) {
			getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
		}
	}

	@Override
	protected void okPressed() {
		chosen = REASONS[Math.max(0, reason.getSelectionIndex())];
		written = note.getText().strip();
		super.okPressed();
	}

	/** The reason chosen (after OK). */
	public ReviewRecords.Reason reason() {
		return chosen;
	}

	/** The note written (after OK). */
	public String note() {
		return written;
	}
}
