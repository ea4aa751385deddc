package io.crossbill.ui.workspace;

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

/**
 * Set credentials...: one secret for a connection, typed into a password field and written to the
 * workspace's secure storage. A stored secret is never shown; the field starts empty.
 */
public final class CredentialsDialog extends TitleAreaDialog {

	private static final String[] SYSTEMS = { "hubspot", "xero" };
	private static final String[] KEYS = { "token", "client_id", "client_secret" };

	private final String initialSystem;
	private final CredentialsAccess store;
	private Combo system;
	private Combo key;
	private Text secret;

	public CredentialsDialog(Shell parent, String system, CredentialsAccess store) {
		super(parent);
		this.initialSystem = system;
		this.store = store;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Set credentials");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle("Credentials");
		setMessage("HubSpot: a private app's token. Xero: a token, or a custom connection's client_id and"
				+ " client_secret. Stored encrypted in the workspace's secure storage; never shown again.");
		Composite area = (Composite) super.createDialogArea(parent);
		Composite c = new Composite(area, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		new Label(c, SWT.NONE).setText("Connection");
		system = new Combo(c, SWT.READ_ONLY);
		system.setItems(SYSTEMS);
		system.select("xero".equals(initialSystem) ? 1 : 0);
		new Label(c, SWT.NONE).setText("Key");
		key = new Combo(c, SWT.READ_ONLY);
		key.setItems(KEYS);
		key.select(0);
		new Label(c, SWT.NONE).setText("Secret");
		secret = new Text(c, SWT.BORDER | SWT.PASSWORD);
		secret.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		secret.addModifyListener(e -> validate());
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		validate();
	}

	private boolean validate() {
		boolean ok = !secret.getText().isBlank();
		setErrorMessage(ok ? null : "Type the secret (it is not shown as you type).");
		if (getButton(IDialogConstants.OK_ID) != null) {
			getButton(IDialogConstants.OK_ID).setEnabled(ok);
		}
		return ok;
	}

	@Override
	protected void okPressed() {
		if (!validate()) {
			return;
		}
		char[] value = secret.getTextChars();
		secret.setText("");
		try {
			store.put(system.getText(), key.getText(), value);
		} catch (RuntimeException e) {
			setErrorMessage("The secret could not be stored: " + e.getMessage());
			return;
		}
		super.okPressed();
	}
}
