package io.crossbill.ui.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.crossbill.workflow.EngineSettings;

/**
 * Window > Preferences...: the engine's settings of the workspace ({@code engine.json},
 * {@link EngineSettings}): the poll interval, the retry budget, per-system limits over the vendors' and the
 * sandbox toggle. Every field is checked as it is typed; OK stays disabled while one is wrong and the title
 * area says which and why. A limit left empty keeps the vendor's published value.
 */
public final class PreferencesDialog extends TitleAreaDialog {

	private final Path workspace;
	private EngineSettings loaded;
	private String loadProblem;
	private Text poll;
	private Text attempts;
	private Text backoff;
	private final Map<String, Text[]> limits = new LinkedHashMap<>();
	private Button sandbox;
	private EngineSettings result;

	public PreferencesDialog(Shell parent, Path workspace) {
		super(parent);
		this.workspace = workspace;
		try {
			loaded = EngineSettings.load(workspace);
		} catch (IllegalArgumentException e) {
			loaded = EngineSettings.defaults();
			loadProblem = e.getMessage() + " Showing the defaults; OK replaces the file.";
		}
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Preferences");
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle("Engine");
		setMessage("How often the workflows run, how hard failed writes are retried and how hard each system"
				+ " may be pressed. Saved in " + workspace.resolve(EngineSettings.FILE) + ".");
		Composite area = (Composite) super.createDialogArea(parent);
		Composite c = new Composite(area, SWT.NONE);
		c.setLayout(new GridLayout(1, false));
		c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

		Group run = group(c, "Runs", 3);
		poll = field(run, "Poll interval", Integer.toString(loaded.pollMinutes()), "minutes (1-1440)");
		sandbox = new Button(run, SWT.CHECK);
		sandbox.setText("Run on the built-in sandbox even when systems.json names real systems");
		sandbox.setSelection(loaded.sandbox());
		sandbox.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));

		Group retry = group(c, "Retry budget of a write (every system)", 3);
		attempts = field(retry, "Attempts before dead letter", Integer.toString(loaded.maxAttempts()), "1-100");
		backoff = field(retry, "Longest backoff", Long.toString(loaded.maxBackoff().toSeconds()), "seconds (1-3600)");

		Group lim = group(c, "Limits (empty: the vendor's published limit)", 4);
		new Label(lim, SWT.NONE).setText("System");
		new Label(lim, SWT.NONE).setText("Requests per minute");
		new Label(lim, SWT.NONE).setText("Requests per day (0: none)");
		new Label(lim, SWT.NONE).setText("Requests at once");
		for (String system : EngineSettings.LIMITED_SYSTEMS) {
			EngineSettings.Limit l = loaded.limits().get(system);
			new Label(lim, SWT.NONE).setText(system.equals("xero") ? "Xero (both APIs, per tenant)" : "HubSpot");
			Text perMinute = number(lim, l == null || l.perMinute() == null ? "" : l.perMinute().toString(),
					system.equals("xero") ? "60" : "1140");
			Text perDay = number(lim, l == null || l.perDay() == null ? "" : l.perDay().toString(),
					system.equals("xero") ? "5000" : "650000");
			Text concurrent = number(lim, l == null || l.concurrent() == null ? "" : l.concurrent().toString(),
					system.equals("xero") ? "5" : "10");
			limits.put(system, new Text[] { perMinute, perDay, concurrent });
		}
		if (loadProblem != null) {
			setErrorMessage(loadProblem);
		}
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		validate();
	}

	private Group group(Composite parent, String title, int columns) {
		Group g = new Group(parent, SWT.NONE);
		g.setText(title);
		g.setLayout(new GridLayout(columns, false));
		g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		return g;
	}

	private Text field(Composite parent, String label, String value, String unit) {
		new Label(parent, SWT.NONE).setText(label);
		Text t = new Text(parent, SWT.BORDER);
		t.setText(value);
		t.setLayoutData(new GridData(90, SWT.DEFAULT));
		t.addModifyListener(e -> validate());
		new Label(parent, SWT.NONE).setText(unit);
		return t;
	}

	private Text number(Composite parent, String value, String hint) {
		Text t = new Text(parent, SWT.BORDER);
		t.setText(value);
		t.setMessage("vendor: " + hint);
		GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
		gd.widthHint = 130;
		t.setLayoutData(gd);
		t.addModifyListener(e -> validate());
		return t;
	}

	/** Checks every field; returns the settings or {@code null}, with the reason in the title area. */
	private EngineSettings validate() {
		EngineSettings s;
		try {
			Map<String, EngineSettings.Limit> l = new LinkedHashMap<>();
			for (Map.Entry<String, Text[]> e : limits.entrySet()) {
				String name = e.getKey().equals("xero") ? "Xero" : "HubSpot";
				EngineSettings.Limit limit = new EngineSettings.Limit(optionalLong(e.getValue()[0], name
						+ " requests per minute"), optionalLong(e.getValue()[1], name + " requests per day"),
						optionalInt(e.getValue()[2], name + " requests at once"));
				if (!limit.isEmpty()) {
					l.put(e.getKey(), limit);
				}
			}
			s = new EngineSettings(whole(poll, "poll interval"), whole(attempts, "number of attempts"),
					Duration.ofSeconds(whole(backoff, "longest backoff")), l, sandbox.getSelection());
			setErrorMessage(null);
		} catch (IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			s = null;
		}
		Button ok = getButton(IDialogConstants.OK_ID);
		if (ok != null) {
			ok.setEnabled(s != null);
		}
		return s;
	}

	private static int whole(Text t, String what) {
		String v = t.getText().trim();
		try {
			return Integer.parseInt(v);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("The " + what + " must be a whole number, not '" + v + "'.");
		}
	}

	private static Long optionalLong(Text t, String what) {
		return t.getText().isBlank() ? null : (long) whole(t, what);
	}

	private static Integer optionalInt(Text t, String what) {
		return t.getText().isBlank() ? null : whole(t, what);
	}

	@Override
	protected void okPressed() {
		EngineSettings s = validate();
		if (s == null) {
			return;
		}
		try {
			s.save(workspace);
		} catch (IOException e) {
			setErrorMessage("The settings could not be saved to " + workspace.resolve(EngineSettings.FILE) + ": "
					+ e.getMessage());
			return;
		}
		result = s;
		super.okPressed();
	}

	/** The saved settings after OK; {@code null} otherwise. */
	public EngineSettings result() {
		return result;
	}

	/** The OK button, for tests. */
	public Button okButton() {
		return getButton(IDialogConstants.OK_ID);
	}

	/** The poll interval field, for tests. */
	public Text pollField() {
		return poll;
	}
}
