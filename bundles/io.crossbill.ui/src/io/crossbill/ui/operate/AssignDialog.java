package io.crossbill.ui.operate;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Asks whom to assign the selected exceptions to and for a note; both go into history and audit. */
public class AssignDialog extends Dialog {

	private final int count;
	private final String current;
	private Text assigneeField;
	private Text noteField;
	private String assignee;
	private String note;

	AssignDialog(Shell shell, int count, String current) {
		super(shell);
		this.count = count;
		this.current = current;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Assign " + count + " exception" + (count == 1 ? "" : "s"));
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(2, false));
		new Label(area, SWT.NONE).setText("Assign to");
		assigneeField = new Text(area, SWT.BORDER);
		assigneeField.setText(current == null ? "" : current);
		assigneeField.setMessage("user name; empty takes the assignment away");
		GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false);
		wide.widthHint = 360;
		assigneeField.setLayoutData(wide);
		new Label(area, SWT.NONE).setText("Note");
		noteField = new Text(area, SWT.BORDER | SWT.MULTI | SWT.WRAP);
		GridData tall = new GridData(SWT.FILL, SWT.FILL, true, true);
		tall.heightHint = 80;
		noteField.setLayoutData(tall);
		return area;
	}

	@Override
	protected void okPressed() {
		assignee = assigneeField.getText().strip();
		note = noteField.getText().strip();
		super.okPressed();
	}

	/** The assignee entered; empty to take the assignment away. */
	String assignee() {
		return assignee;
	}

	/** The note entered, possibly empty. */
	String note() {
		return note;
	}
}
