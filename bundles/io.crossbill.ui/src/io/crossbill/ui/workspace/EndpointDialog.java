package io.crossbill.ui.workspace;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.crossbill.workflow.WorkspaceSystems;
import io.crossbill.workflow.WorkspaceSystems.Endpoint;

/**
 * Edit endpoint...: the base URL of one system (and the Xero tenant id), written to {@code systems.json}.
 * On a workspace that runs on the sandbox this names real systems from then on, which the dialog says.
 */
public final class EndpointDialog extends TitleAreaDialog {

	private final Path workspace;
	private final Endpoint endpoint;
	private final boolean sandbox;
	private Text url;
	private Text tenant;

	public EndpointDialog(Shell parent, Path workspace, Endpoint endpoint, boolean sandbox) {
		super(parent);
		this.workspace = workspace;
		this.endpoint = endpoint;
		this.sandbox = sandbox;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Edit endpoint");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle(endpoint.label());
		setMessage(sandbox ? "This workspace runs on the built-in sandbox. Saving writes systems.json, and the"
				+ " workflows run against the systems it names from the next run on." : "Saved in "
				+ workspace.resolve("systems.json") + ".");
		Composite area = (Composite) super.createDialogArea(parent);
		Composite c = new Composite(area, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		new Label(c, SWT.NONE).setText("Base URL");
		url = new Text(c, SWT.BORDER);
		url.setText(endpoint.baseUrl().toString());
		GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
		gd.widthHint = 420;
		url.setLayoutData(gd);
		url.addModifyListener(e -> validate());
		if (endpoint.system().startsWith("xero")) {
			new Label(c, SWT.NONE).setText("Xero tenant id");
			tenant = new Text(c, SWT.BORDER);
			tenant.setText(safeTenant());
			tenant.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			tenant.addModifyListener(e -> validate());
		}
		return area;
	}

	private String safeTenant() {
		try {
			return WorkspaceSystems.tenantId(workspace).orElse("");
		} catch (RuntimeException e) {
			return "";
		}
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		validate();
	}

	private URI validate() {
		URI u = null;
		String problem = null;
		try {
			u = new URI(url.getText().trim());
			if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null) {
				problem = "The base URL must be an http or https URL such as " + endpoint.baseUrl() + ".";
			}
		} catch (URISyntaxException e) {
			problem = "The base URL is not a URL: " + e.getMessage();
		}
		if (problem == null && tenant != null && tenant.getText().isBlank()) {
			problem = "Xero needs the tenant id of the organisation (from Xero's connections endpoint).";
		}
		setErrorMessage(problem);
		if (getButton(IDialogConstants.OK_ID) != null) {
			getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
		}
		return problem == null ? u : null;
	}

	@Override
	protected void okPressed() {
		URI u = validate();
		if (u == null) {
			return;
		}
		try {
			WorkspaceSystems.saveEndpoint(workspace, endpoint.system(), u, tenant == null ? null : tenant.getText());
		} catch (IOException | IllegalArgumentException e) {
			setErrorMessage("systems.json could not be written: " + e.getMessage());
			return;
		}
		super.okPressed();
	}
}
