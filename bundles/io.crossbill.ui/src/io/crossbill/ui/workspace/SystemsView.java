package io.crossbill.ui.workspace;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.workflow.EngineSettings;
import io.crossbill.workflow.WorkspaceSystems;
import io.crossbill.workflow.WorkspaceSystems.ConnectionTest;
import io.crossbill.workflow.WorkspaceSystems.Endpoint;

/**
 * The Systems view of the Operate perspective: one row per system the workflows run against (HubSpot CRM,
 * Xero Projects, Xero Accounting) with its kind, endpoint, whether credentials are set (never the secret),
 * its health (the last connection test: ok or failed, when, how fast) and the API budget its last answer
 * said is left, beside the limit the engine keeps to. Test connection makes one cheap real read per selected
 * system (all when none is selected) as a Job; Set credentials... and Edit endpoint... write the secure
 * storage and {@code systems.json}.
 */
public final class SystemsView {

	/** One row. */
	public record Row(Endpoint endpoint, String credentials) {
	}

	private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final Composite root;
	private final EmbeddedEngine engine;
	private final CredentialsAccess credentials;
	private final SystemHealth health;
	private final Label summary;
	private final TableViewer viewer;
	private final Button test;
	private final Map<String, String> testing = new ConcurrentHashMap<>();
	private final Runnable healthListener;
	private List<Row> rows = List.of();
	private boolean sandbox;

	/**
	 * @param credentials the workspace's secure storage (the desktop one, or a stand-in where it is not there)
	 */
	public SystemsView(Composite parent, EmbeddedEngine engine, CredentialsAccess credentials, SystemHealth health) {
		this.engine = engine;
		this.credentials = credentials;
		this.health = health;
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));

		summary = new Label(root, SWT.WRAP);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		summary.setText("Opening the systems...");

		Composite tableArea = new Composite(root, SWT.NONE);
		tableArea.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		TableColumnLayout columns = new TableColumnLayout();
		tableArea.setLayout(columns);
		viewer = new TableViewer(tableArea, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		column(columns, "System", 11, 125, r -> r.endpoint().label(), null);
		column(columns, "Kind", 4, 45, r -> r.endpoint().kind(), null);
		column(columns, "Endpoint", 24, 270, r -> r.endpoint().baseUrl().toString(), null);
		column(columns, "Credentials", 12, 130, Row::credentials, null);
		column(columns, "Health", 20, 170, this::healthText, this::healthColor);
		column(columns, "API budget left", 21, 190, this::budgetText, null);
		viewer.addDoubleClickListener(e -> testSelected());

		Composite buttons = new Composite(root, SWT.NONE);
		buttons.setLayout(new GridLayout(4, false));
		test = button(buttons, "Test connection", "One cheap real read of each selected system (all when none is"
				+ " selected): health, latency and the API budget left", this::testSelected);
		button(buttons, "Set credentials...", "Enter a token or client secret into the workspace's secure storage",
				this::setCredentials);
		button(buttons, "Edit endpoint...", "Change the base URL (and Xero tenant) in systems.json", this::editEndpoint);
		button(buttons, "Refresh", "Read systems.json and the secure storage again", this::refresh);

		healthListener = () -> root.getDisplay().asyncExec(() -> {
			if (!viewer.getTable().isDisposed()) {
				viewer.refresh();
			}
		});
		health.addListener(healthListener);
		root.addDisposeListener(e -> health.removeListener(healthListener));
		refresh();
	}

	/** The view's composite. */
	public Composite control() {
		return root;
	}

	/** The table viewer, for tests. */
	public TableViewer viewer() {
		return viewer;
	}

	/** The line above the table, for tests. */
	public String summaryText() {
		return summary.getText();
	}

	/** Reads the systems again (off the UI thread: opening the sandbox starts its servers). */
	public void refresh() {
		Display display = root.getDisplay();
		Job job = Job.create("Opening the systems", monitor -> {
			List<Row> fresh = new ArrayList<>();
			String text;
			boolean onSandbox = false;
			try {
				WorkspaceSystems s = engine.openSystems();
				onSandbox = s.isSandbox();
				for (Endpoint e : s.endpoints()) {
					fresh.add(new Row(e, onSandbox ? "built-in (sandbox)" : credentials.state(e.credentials())));
				}
				text = onSandbox ? "These are the built-in sandbox's systems on 127.0.0.1 (the demo firm), running"
						+ " while the workbench runs. Edit endpoint... names real systems in systems.json."
						: "The systems of " + engine.workspace().resolve("systems.json") + ".";
			} catch (RuntimeException ex) {
				text = "The systems cannot be opened, so the workflows do not run: " + ex.getMessage();
				try {
					for (Endpoint e : WorkspaceSystems.configuredEndpoints(engine.workspace())) {
						fresh.add(new Row(e, credentials.state(e.credentials())));
					}
				} catch (RuntimeException bad) {
					// the message above already names the file
				}
			}
			String limits = limitsText();
			String shownText = text + (limits.isEmpty() ? "" : " " + limits);
			boolean sb = onSandbox;
			display.asyncExec(() -> {
				if (root.isDisposed()) {
					return;
				}
				rows = fresh;
				sandbox = sb;
				summary.setText(shownText);
				viewer.setInput(rows);
				root.layout(true, true);
			});
		});
		job.schedule();
	}

	/** Tests the selected systems, or all; returns the job. */
	public Job testSelected() {
		IStructuredSelection sel = viewer.getStructuredSelection();
		List<String> systems = new ArrayList<>();
		for (Object o : sel.isEmpty() ? rows : sel.toList()) {
			systems.add(((Row) o).endpoint().system());
		}
		systems.forEach(s -> testing.put(s, "testing..."));
		viewer.refresh();
		Job job = new Job("Testing the connections") {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				monitor.beginTask("Testing the connections", systems.size());
				try {
					WorkspaceSystems s = engine.openSystems();
					for (String system : systems) {
						if (monitor.isCanceled()) {
							return Status.CANCEL_STATUS;
						}
						monitor.subTask(s.endpoint(system).label());
						health.record(s.testConnection(system));
						testing.remove(system);
						monitor.worked(1);
					}
				} catch (RuntimeException e) {
					for (String system : systems) {
						health.record(new ConnectionTest(system, false, e.getMessage(), java.time.Duration.ZERO,
								Map.of(), java.time.Instant.now()));
					}
				} finally {
					systems.forEach(testing::remove);
					monitor.done();
				}
				return Status.OK_STATUS;
			}
		};
		job.schedule();
		return job;
	}

	private void setCredentials() {
		Row row = (Row) viewer.getStructuredSelection().getFirstElement();
		String system = row == null ? "hubspot" : row.endpoint().credentials();
		CredentialsDialog d = new CredentialsDialog(root.getShell(), system, credentials);
		if (d.open() == CredentialsDialog.OK) {
			engine.closeSystems();
			refresh();
		}
	}

	private void editEndpoint() {
		Row row = (Row) viewer.getStructuredSelection().getFirstElement();
		if (row == null && !rows.isEmpty()) {
			row = rows.get(0);
		}
		if (row == null) {
			return;
		}
		EndpointDialog d = new EndpointDialog(root.getShell(), engine.workspace(), row.endpoint(), sandbox);
		if (d.open() == EndpointDialog.OK) {
			engine.closeSystems();
			refresh();
		}
	}

	private String limitsText() {
		try {
			var l = EngineSettings.load(engine.workspace()).systemLimits(sandbox);
			long xeroDay = l.get("xero").perDay();
			return "The engine keeps to " + l.get("hubspot").requests() + " requests per "
					+ l.get("hubspot").period().toSeconds() + " s on HubSpot and " + String.format("%,d",
							l.get("xero").requests()) + " per minute" + (xeroDay == 0 ? " (no daily budget)"
									: ", " + String.format("%,d", xeroDay) + " a day") + " on Xero.";
		} catch (RuntimeException e) {
			return "";
		}
	}

	private String healthText(Row r) {
		String t = testing.get(r.endpoint().system());
		if (t != null) {
			return t;
		}
		return health.last(r.endpoint().system()).map(c -> (c.ok() ? "ok" : "failed: " + c.message()) + " at "
				+ LocalTime.ofInstant(c.at(), ZoneId.systemDefault()).format(HH_MM_SS)
				+ (c.ok() ? ", " + c.latency().toMillis() + " ms" : "")).orElse("not tested yet");
	}

	private Color healthColor(Row r) {
		return health.last(r.endpoint().system())
				.map(c -> root.getDisplay().getSystemColor(c.ok() ? SWT.COLOR_DARK_GREEN : SWT.COLOR_DARK_RED))
				.orElse(null);
	}

	private String budgetText(Row r) {
		return health.last(r.endpoint().system()).map(c -> c.budget().isEmpty() ? "(not in the answer)" : c.budget())
				.orElse("");
	}

	private void column(TableColumnLayout layout, String title, int weight, int minimum,
			java.util.function.Function<Row, String> text,
			java.util.function.Function<Row, Color> color) {
		TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
		c.getColumn().setText(title);
		layout.setColumnData(c.getColumn(), new ColumnWeightData(weight, minimum));
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Row) element);
			}

			@Override
			public String getToolTipText(Object element) {
				return text.apply((Row) element);
			}

			@Override
			public Color getForeground(Object element) {
				return color == null ? null : color.apply((Row) element);
			}
		});
	}

	private static Button button(Composite parent, String text, String tip, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.setToolTipText(tip);
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	/** The Test connection button, for tests. */
	public Button testButton() {
		return test;
	}
}
