package io.crossbill.ui.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.SagaStats;
import io.crossbill.store.Sagas;
import io.crossbill.workflow.Workflows;

/**
 * The run history: every run of the workflows, newest first, with what it read, wrote and raised and how
 * long it took; narrowed to one workflow on request. Read again every few seconds off the UI thread, so a
 * run in progress shows its time so far.
 */
public class RunHistoryView extends Composite {

	/** At most this many runs are listed. */
	public static final int LIMIT = 500;

	/** The table's column titles. */
	public static final List<String> COLUMNS = List.of("Run", "Workflow", "Started", "Duration", "State", "Items read",
			"Writes", "Exceptions", "Summary");

	private static final String ALL = "All workflows";

	private final Clock clock;
	private final SagaStats stats;
	private final Combo workflowChoice;
	private final Label summary;
	private final Table table;
	private final Color failedColour;
	private final Color runningColour;
	private final BackgroundRefresh<List<Sagas.Run>> refresh;
	private volatile String workflow;
	private List<Sagas.Run> runs = List.of();

	public RunHistoryView(Composite parent, EngineDatabase db, Clock clock) {
		super(parent, SWT.NONE);
		this.clock = clock;
		this.stats = new SagaStats(db);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		setLayout(layout);
		failedColour = new Color(0xc5, 0x30, 0x30);
		runningColour = new Color(0x2b, 0x6c, 0xb0);

		Composite bar = new Composite(this, SWT.NONE);
		GridLayout barLayout = new GridLayout(3, false);
		barLayout.marginHeight = 4;
		barLayout.marginWidth = 8;
		bar.setLayout(barLayout);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(bar, SWT.NONE).setText("Runs of");
		workflowChoice = new Combo(bar, SWT.READ_ONLY);
		workflowChoice.add(ALL);
		for (String name : Workflows.NAMES) {
			workflowChoice.add(name);
		}
		workflowChoice.select(0);
		summary = new Label(bar, SWT.NONE);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		summary.setText("Reading the run history ...");

		table = new Table(this, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		int[] widths = { 50, 175, 140, 90, 80, 95, 70, 95, 380 };
		for (int i = 0; i < COLUMNS.size(); i++) {
			TableColumn c = new TableColumn(table, i == 0 || (i >= 5 && i <= 7) ? SWT.RIGHT : SWT.LEFT);
			c.setText(COLUMNS.get(i));
			c.setWidth(widths[i]);
		}

		refresh = new BackgroundRefresh<>(this, "crossbill-run-history", () -> stats.runs(workflow, LIMIT), this::show,
				e -> summary.setText("Cannot read the run history: " + e.getMessage()));
		workflowChoice.addListener(SWT.Selection, e -> {
			int i = workflowChoice.getSelectionIndex();
			workflow = i <= 0 ? null : workflowChoice.getItem(i);
			summary.setText("Reading the run history ...");
			refresh.now();
		});
		refresh.every(3000);
	}

	/** Narrows the table to one workflow ({@code null}: all), as choosing it in the combo does. */
	public void showWorkflow(String name) {
		int i = name == null ? 0 : workflowChoice.indexOf(name);
		if (i < 0) {
			throw new IllegalArgumentException("There is no workflow '" + name + "'; the workflows are "
					+ String.join(", ", Workflows.NAMES) + ".");
		}
		workflowChoice.select(i);
		workflow = i == 0 ? null : name;
		refresh.now();
	}

	/** The runs shown, newest first. */
	public List<Sagas.Run> runs() {
		return runs;
	}

	/** The table, for tests. */
	public Table table() {
		return table;
	}

	/** The line above the table ("12 runs: 3 running, ..."). */
	public String summaryText() {
		return summary.getText();
	}

	private void show(List<Sagas.Run> found) {
		String shownFor = workflow;
		if (found.stream().anyMatch(r -> shownFor != null && !r.workflow().equals(shownFor))) {
			return; // a result for the previous choice; the next one is on its way
		}
		runs = found;
		Instant now = clock.instant();
		ZoneId zone = ZoneId.systemDefault();
		long selected = table.getSelectionIndex() >= 0 ? (Long) table.getItem(table.getSelectionIndex()).getData() : -1;
		table.setRedraw(false);
		try {
			table.setItemCount(found.size());
			for (int i = 0; i < found.size(); i++) {
				Sagas.Run r = found.get(i);
				TableItem item = table.getItem(i);
				item.setData(r.id());
				item.setText(row(r, now, zone).toArray(String[]::new));
				item.setForeground("FAILED".equals(r.state()) ? failedColour
						: r.finishedAt() == null ? runningColour : null);
				if (r.id() == selected) {
					table.select(i);
				}
			}
		} finally {
			table.setRedraw(true);
		}
		summary.setText(summary(found, now));
		summary.getParent().layout();
	}

	/** The cells of one run's row, as the table shows them. */
	static List<String> row(Sagas.Run r, Instant now, ZoneId zone) {
		List<String> cells = new ArrayList<>();
		cells.add(Long.toString(r.id()));
		cells.add(r.workflow());
		cells.add(MonitorFormat.when(r.startedAt(), now, zone));
		cells.add(MonitorFormat.runDuration(r.startedAt(), r.finishedAt(), now));
		cells.add(r.finishedAt() == null ? "RUNNING" : r.state());
		cells.add(Long.toString(r.itemsRead()));
		cells.add(Long.toString(r.writes()));
		cells.add(Long.toString(r.exceptions()));
		cells.add(r.summary() == null ? "" : r.summary());
		return cells;
	}

	/** The line above the table: how many runs, running and failed, writes and exceptions, the median time. */
	static String summary(List<Sagas.Run> runs, Instant now) {
		if (runs.isEmpty()) {
			return "No runs yet: runs appear here when the workflows run (./crossbill run, or the demo).";
		}
		long running = runs.stream().filter(r -> r.finishedAt() == null).count();
		long failed = runs.stream().filter(r -> "FAILED".equals(r.state())).count();
		long writes = runs.stream().mapToLong(Sagas.Run::writes).sum();
		long exceptions = runs.stream().mapToLong(Sagas.Run::exceptions).sum();
		List<Duration> times = runs.stream().filter(r -> r.finishedAt() != null)
				.map(r -> Duration.between(r.startedAt(), r.finishedAt())).sorted().toList();
		String median = times.isEmpty() ? "" : ",  median " + MonitorFormat.duration(times.get(times.size() / 2));
		return runs.size() + (runs.size() == 1 ? " run" : " runs") + (runs.size() == LIMIT ? " (the latest)" : "")
				+ ":  " + running + " running,  " + failed + " failed,  " + writes + " writes,  " + exceptions
				+ " exceptions" + median;
	}
}
