package io.crossbill.ui.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.crossbill.store.ReviewRecords;
import io.crossbill.workflow.ReadFailedException;
import io.crossbill.workflow.snapshot.PeriodSnapshot;
import io.crossbill.workflow.snapshot.PeriodSnapshots;
import io.crossbill.workflow.snapshot.SnapshotCancelledException;
import io.crossbill.workflow.snapshot.SnapshotComparison;
import io.crossbill.workflow.snapshot.SnapshotMonitor;

/**
 * The period snapshots of the workspace, newest period first: when each was taken, what it holds, whether it
 * is complete or was interrupted, and whether the period is signed off. Take snapshot, Refresh (a new snapshot
 * of the selected period beside the old one) and Resume (an interrupted one goes on where it stopped) run as a
 * job with a progress bar here; Cancel stops it after the current step and keeps what was read. Two snapshots
 * of one period can be compared. Selecting a complete snapshot makes every review screen work from it.
 */
public class PeriodsView extends Composite {

	/** One row of the table: a complete snapshot, or a period whose snapshot was interrupted (steps kept). */
	public record Row(YearMonth period, PeriodSnapshot snapshot, int partialSteps) {
		boolean partial() {
			return snapshot == null;
		}
	}

	private static final String[] COLUMNS = {"Period", "Taken at", "State", "Sign-off", "Records", "File"};
	private static final int[] WIDTHS = {65, 165, 160, 250, 420, 230};
	private static final String[] DIFF_COLUMNS = {"What", "Before", "After", "Added", "Removed", "Changed"};
	private static final int[] DIFF_WIDTHS = {115, 80, 80, 60, 75, 70};

	private final ReviewSelection selection;
	private final PeriodSnapshots snapshots;
	private final Text periodField;
	private final Button take;
	private final Button refresh;
	private final Button resume;
	private final Button cancel;
	private final Button compare;
	private final ProgressBar progress;
	private final Label status;
	private final Table table;
	private final Label comparisonTitle;
	private final Table differences;
	private final Color red;
	private final Map<Path, PeriodSnapshot> read = new HashMap<>();
	private SnapshotSource source;
	private List<Row> rows = List.of();
	private Job running;
	private SnapshotComparison comparison;
	private String lastOutcome;
	private long reloads;

	public PeriodsView(Composite parent, ReviewSelection selection) {
		super(parent, SWT.NONE);
		this.selection = selection;
		this.snapshots = new PeriodSnapshots(selection.workspace());
		red = new Color(getDisplay(), 176, 0, 32);
		addDisposeListener(e -> red.dispose());
		setLayout(new GridLayout(1, false));

		Label intro = new Label(this, SWT.WRAP);
		intro.setText("A snapshot holds everything the review of a period needs from the three systems, so the"
				+ " review works with no network. Select a snapshot to review it.");
		intro.setLayoutData(wide());

		Composite bar = new Composite(this, SWT.NONE);
		RowLayout bl = new RowLayout(SWT.HORIZONTAL);
		bl.wrap = true;
		bl.center = true;
		bl.marginLeft = 0;
		bl.marginRight = 0;
		bar.setLayout(bl);
		GridData bd = new GridData(SWT.FILL, SWT.TOP, true, false);
		bd.widthHint = 250;
		bar.setLayoutData(bd);
		new Label(bar, SWT.NONE).setText("Period:");
		periodField = new Text(bar, SWT.BORDER);
		periodField.setMessage("YYYY-MM");
		periodField.setText(YearMonth.now().minusMonths(1).toString());
		periodField.setLayoutData(new RowData(70, SWT.DEFAULT));
		take = button(bar, "Take snapshot", "Read the period from the systems into a new snapshot");
		take.addListener(SWT.Selection, e -> takeSnapshot());
		refresh = button(bar, "Refresh", "Take a new snapshot of the selected snapshot's period (the old one stays)");
		refresh.addListener(SWT.Selection, e -> selectedRows().stream().findFirst()
				.ifPresent(r -> take(r.period(), "Refreshing")));
		resume = button(bar, "Resume", "Go on with the interrupted snapshot of the selected period");
		resume.addListener(SWT.Selection, e -> selectedRows().stream().findFirst()
				.ifPresent(r -> take(r.period(), "Resuming")));
		cancel = button(bar, "Cancel", "Stop the snapshot after the current step; what was read is kept");
		cancel.addListener(SWT.Selection, e -> {
			if (running != null) {
				running.cancel();
				setStatus("Cancelling after the current step ...");
			}
		});
		compare = button(bar, "Compare", "Compare the two selected snapshots of one period");
		compare.addListener(SWT.Selection, e -> compareSelected());

		progress = new ProgressBar(this, SWT.HORIZONTAL | SWT.SMOOTH);
		progress.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		status = new Label(this, SWT.WRAP);
		status.setLayoutData(wide());

		SashForm sash = new SashForm(this, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		columns(table, COLUMNS, WIDTHS);
		table.addListener(SWT.Selection, e -> selectionChanged());
		table.addListener(SWT.DefaultSelection, e -> reviewSelected());

		Composite bottom = new Composite(sash, SWT.NONE);
		GridLayout bot = new GridLayout(1, false);
		bot.marginWidth = 0;
		bottom.setLayout(bot);
		comparisonTitle = new Label(bottom, SWT.WRAP);
		comparisonTitle.setText("Select two snapshots of one period and press Compare to see what changed between them.");
		comparisonTitle.setLayoutData(wide());
		differences = new Table(bottom, SWT.BORDER | SWT.FULL_SELECTION);
		columns(differences, DIFF_COLUMNS, DIFF_WIDTHS);
		differences.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		sash.setWeights(60, 40);

		selection.addSessionListener(this::sessionChanged);
		selection.addRecordsListener(this::reload);
		addDisposeListener(e -> {
			selection.removeSessionListener(this::sessionChanged);
			selection.removeRecordsListener(this::reload);
			if (running != null) {
				running.cancel();
			}
		});
		updateButtons();
		reload();
	}

	private static GridData wide() {
		GridData d = new GridData(SWT.FILL, SWT.TOP, true, false);
		d.widthHint = 300;
		return d;
	}

	private static Button button(Composite parent, String text, String tip) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.setToolTipText(tip);
		return b;
	}

	private static void columns(Table t, String[] names, int[] widths) {
		t.setHeaderVisible(true);
		t.setLinesVisible(true);
		for (int i = 0; i < names.length; i++) {
			TableColumn c = new TableColumn(t, SWT.LEFT);
			c.setText(names[i]);
			c.setWidth(widths[i]);
		}
	}

	/** Where snapshots are read from; without one, Take snapshot says how to take one on the command line. */
	public void setSource(SnapshotSource source) {
		this.source = source;
		updateButtons();
	}

	/** Reads the workspace's snapshots again (in a job) and shows them. */
	public void reload() {
		long gen = ++reloads;
		Job job = Job.create("Reading the period snapshots", (IProgressMonitor monitor) -> {
			List<Row> found = new ArrayList<>();
			String problem = null;
			try {
				for (YearMonth p : snapshots.periods()) {
					if (snapshots.hasPartial(p)) {
						found.add(new Row(p, null, partialSteps(p)));
					}
					List<Path> files = new ArrayList<>(snapshots.files(p));
					java.util.Collections.reverse(files);
					for (Path f : files) {
						PeriodSnapshot s;
						synchronized (read) {
							s = read.get(f);
						}
						if (s == null) {
							s = PeriodSnapshot.open(f); // header and counts only: the records stay on disk
							synchronized (read) {
								read.put(f, s);
							}
						}
						found.add(new Row(p, s, 0));
					}
				}
			} catch (IOException e) {
				problem = e.getMessage();
			}
			String text = problem;
			asyncUi(() -> {
				if (gen != reloads) {
					return; // a later reload is on its way
				}
				rows = found;
				fill();
				if (text != null) {
					setStatus("Some snapshots could not be read: " + text);
				}
				if (selection.current() == null) {
					found.stream().filter(r -> !r.partial()).findFirst().ifPresent(r -> review(r.snapshot()));
				}
			});
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	private int partialSteps(YearMonth p) throws IOException {
		try (Stream<Path> s = Files.list(snapshots.folder(p).resolve("partial"))) {
			return (int) s.filter(f -> f.getFileName().toString().endsWith(".json")).count();
		}
	}

	private void fill() {
		// keep what the analyst selected (e.g. two snapshots to compare) across a reload
		java.util.Set<Object> keep = new java.util.HashSet<>();
		for (Row r : selectedRows()) {
			keep.add(r.partial() ? r.period() : r.snapshot().file());
		}
		table.removeAll();
		ReviewSession now = selection.current();
		List<TableItem> reselect = new ArrayList<>();
		TableItem reviewedItem = null;
		for (Row r : rows) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setData(r);
			if (r.partial()) {
				item.setText(new String[] {r.period().toString(), "", "partial: " + r.partialSteps()
						+ " steps kept, Resume to go on", signOffText(r.period()), "", "partial/"});
				item.setForeground(2, red);
				if (keep.contains(r.period())) {
					reselect.add(item);
				}
			} else {
				PeriodSnapshot s = r.snapshot();
				boolean reviewed = now != null && now.snapshot() != null && now.snapshot().file().equals(s.file());
				item.setText(new String[] {r.period().toString(), ReviewSession.taken(s.takenAt()),
						reviewed ? "complete \u2013 under review" : "complete", signOffText(r.period()), counts(s),
						s.file().getFileName().toString()});
				if (reviewed) {
					reviewedItem = item;
				}
				if (keep.contains(s.file())) {
					reselect.add(item);
				}
			}
		}
		if (!reselect.isEmpty()) {
			table.setSelection(reselect.toArray(TableItem[]::new));
		} else if (reviewedItem != null) {
			table.setSelection(reviewedItem);
		}
		if (rows.isEmpty()) {
			setStatus(lastOutcome != null ? lastOutcome : "No snapshot in this workspace yet: enter a period and"
					+ " press Take snapshot.");
		}
		updateButtons();
	}

	private String signOffText(YearMonth period) {
		List<ReviewRecords.SignOff> offs = new ReviewRecords(selection.db()).signOffs(period);
		Optional<ReviewRecords.SignOff> whole = offs.stream().filter(o -> o.scope() == ReviewRecords.Scope.PERIOD)
				.reduce((a, b) -> b);
		if (whole.isPresent()) {
			return "period signed off by " + whole.get().actor() + ", " + ReviewSession.taken(whole.get().at());
		}
		return offs.isEmpty() ? "not signed off" : offs.size() + " project / customer sign-offs";
	}

	private static String counts(PeriodSnapshot s) {
		Map<String, Integer> c = s.counts();
		return c.get("invoices") + " invoices, " + c.get("projects") + " projects, " + c.get("time entries")
				+ " time entries, " + c.get("deals") + " deals, " + c.get("exceptions") + " exceptions";
	}

	private List<Row> selectedRows() {
		List<Row> out = new ArrayList<>();
		for (TableItem i : table.getSelection()) {
			out.add((Row) i.getData());
		}
		return out;
	}

	private void selectionChanged() {
		updateButtons();
		List<Row> sel = selectedRows();
		if (sel.size() == 1 && !sel.get(0).partial()) {
			reviewSelected();
		}
	}

	private void reviewSelected() {
		List<Row> sel = selectedRows();
		if (sel.size() == 1 && !sel.get(0).partial()) {
			review(sel.get(0).snapshot());
		}
	}

	/** Reconciles a snapshot in a job and makes every review screen show it. */
	public void review(PeriodSnapshot s) {
		ReviewSession now = selection.current();
		if (now != null && now.snapshot() != null && now.snapshot().file().equals(s.file())) {
			return;
		}
		setStatus("Reconciling the snapshot of " + s.period() + " taken " + ReviewSession.taken(s.takenAt())
				+ " ...");
		Job job = Job.create("Reconciling the snapshot of " + s.period(), (IProgressMonitor monitor) -> {
			try {
				ReviewSession session = ReviewSession.of(s, selection.db());
				asyncUi(() -> {
					selection.select(session);
					setStatus(reviewingLine(session));
				});
			} catch (RuntimeException e) {
				asyncUi(() -> setStatus("The snapshot could not be reconciled: " + e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.schedule();
	}

	private void sessionChanged(ReviewSession s) {
		if (!isDisposed()) {
			fill();
			if (s != null && s.snapshot() != null && !isTaking()) {
				setStatus(reviewingLine(s));
				if (s.reviewed() != null) {
					s.reviewed().keeping().whenComplete((done, failed) -> {
						if (failed != null) {
							asyncUi(() -> setStatus(reviewingLine(s) + " " + (failed.getCause() != null
									? failed.getCause() : failed).getMessage()));
						}
					});
				}
			}
		}
	}

	/** "Reviewing 2026-11, data taken 1 Dec 2026 09:00 UTC (snapshot, offline)." */
	private static String reviewingLine(ReviewSession s) {
		return "Reviewing " + s.period() + ", " + s.dataTakenLine().replaceFirst("^Period \\S+ \u2013 ", "") + ".";
	}

	private void takeSnapshot() {
		YearMonth p;
		try {
			p = YearMonth.parse(periodField.getText().strip());
		} catch (DateTimeParseException e) {
			setStatus("\"" + periodField.getText() + "\" is not a period: write it as YYYY-MM, e.g. 2026-11.");
			return;
		}
		take(p, snapshots.hasPartial(p) ? "Resuming" : "Taking");
	}

	/**
	 * Takes (or resumes) a snapshot of a period as a job, with progress in this view; the new snapshot is
	 * then selected for review. Returns the job, or {@code null} when none could be started (the status line
	 * says why).
	 */
	public Job take(YearMonth period, String verb) {
		if (running != null) {
			setStatus("A snapshot is already running; wait for it or cancel it.");
			return null;
		}
		if (source == null) {
			setStatus("This workbench has no connection to the systems configured yet: take the snapshot with"
					+ " ./crossbill snapshot --period " + period + " and it shows here.");
			return null;
		}
		SnapshotSource from = source;
		progress.setSelection(0);
		setStatus(verb + " the snapshot of " + period + " ...");
		Job job = new Job(verb + " the snapshot of " + period) {
			@Override
			protected org.eclipse.core.runtime.IStatus run(IProgressMonitor monitor) {
				monitor.beginTask(getName(), 1000);
				int[] reported = {0};
				SnapshotMonitor watch = new SnapshotMonitor() {
					@Override
					public void progress(String step, int done, int total) {
						int permille = total == 0 ? 0 : Math.min(1000, done * 1000 / total);
						if (permille > reported[0]) {
							monitor.worked(permille - reported[0]);
							reported[0] = permille;
						}
						monitor.subTask(step);
						asyncUi(() -> {
							progress.setMaximum(Math.max(1, total));
							progress.setSelection(done);
							setStatus(step + " (" + done + " of " + total + " steps)");
						});
					}

					@Override
					public boolean isCanceled() {
						return monitor.isCanceled();
					}
				};
				String outcome;
				PeriodSnapshot taken = null;
				try (SnapshotSource.Connection c = from.open()) {
					taken = snapshots.take(period, c.loader(), c.context(), watch);
					outcome = "Snapshot of " + period + " taken " + ReviewSession.taken(taken.takenAt()) + ": "
							+ counts(taken) + ".";
				} catch (SnapshotCancelledException e) {
					outcome = e.getMessage();
				} catch (ReadFailedException e) {
					outcome = "The snapshot stopped: " + e.getMessage() + " What was read is kept; press Resume when"
							+ " the system is reachable.";
				} catch (Exception e) {
					outcome = "The snapshot stopped: " + e.getMessage();
				} finally {
					monitor.done();
				}
				String text = outcome;
				PeriodSnapshot done = taken;
				asyncUi(() -> {
					running = null;
					lastOutcome = text;
					setStatus(text);
					if (done != null) {
						progress.setSelection(progress.getMaximum());
						review(done);
					}
					reload();
				});
				return Status.OK_STATUS;
			}
		};
		job.setUser(true);
		running = job;
		updateButtons();
		job.schedule();
		return job;
	}

	private void compareSelected() {
		List<Row> sel = selectedRows();
		if (sel.size() != 2 || sel.stream().anyMatch(Row::partial)) {
			comparisonTitle.setText("Select exactly two complete snapshots (Ctrl+click) to compare them.");
			return;
		}
		PeriodSnapshot a = sel.get(0).snapshot();
		PeriodSnapshot b = sel.get(1).snapshot();
		if (!a.period().equals(b.period())) {
			comparisonTitle.setText("Only snapshots of the same period can be compared: these are of " + a.period()
					+ " and " + b.period() + ".");
			return;
		}
		showComparison(a.takenAt().isBefore(b.takenAt()) ? SnapshotComparison.compare(a, b)
				: SnapshotComparison.compare(b, a));
	}

	/** Shows what changed between two snapshots. */
	public void showComparison(SnapshotComparison c) {
		comparison = c;
		differences.removeAll();
		comparisonTitle.setText(c.older().period() + ": snapshot of " + ReviewSession.taken(c.older().takenAt())
				+ " against " + ReviewSession.taken(c.newer().takenAt()) + (c.differs() ? " \u2013 these differ:"
						: " \u2013 no difference in any source or total."));
		for (SnapshotComparison.SourceChange s : c.sources()) {
			TableItem i = new TableItem(differences, SWT.NONE);
			i.setText(new String[] {s.source(), Integer.toString(s.before()), Integer.toString(s.after()),
					Integer.toString(s.added()), Integer.toString(s.removed()), Integer.toString(s.changed())});
			if (s.differs()) {
				i.setForeground(red);
			}
		}
		for (SnapshotComparison.AmountChange m : c.amounts()) {
			TableItem i = new TableItem(differences, SWT.NONE);
			String d = m.difference().signum() == 0 ? "" : (m.difference().signum() > 0 ? "+" : "")
					+ m.difference().toPlainString();
			i.setText(new String[] {m.what(), m.before().toPlainString(), m.after().toPlainString(), "", "", d});
			if (m.difference().signum() != 0) {
				i.setForeground(red);
			}
		}
		comparisonTitle.getParent().layout(true);
	}

	private void updateButtons() {
		List<Row> sel = selectedRows();
		boolean idle = running == null;
		take.setEnabled(idle);
		refresh.setEnabled(idle && sel.size() == 1 && !sel.get(0).partial());
		resume.setEnabled(idle && sel.size() == 1 && sel.get(0).partial());
		cancel.setEnabled(!idle);
		compare.setEnabled(sel.size() == 2);
	}

	private void setStatus(String text) {
		status.setText(text);
		layout(true);
	}

	private void asyncUi(Runnable r) {
		if (!isDisposed()) {
			getDisplay().asyncExec(() -> {
				if (!isDisposed()) {
					r.run();
				}
			});
		}
	}

	/** The snapshot table (for tests). */
	public Table table() {
		return table;
	}

	/** The comparison's table (for tests). */
	public Table differencesTable() {
		return differences;
	}

	/** The comparison shown, or {@code null} (for tests). */
	public SnapshotComparison comparison() {
		return comparison;
	}

	/** The line under the buttons: progress and outcome (for tests). */
	public Label statusLabel() {
		return status;
	}

	/** The progress bar (for tests). */
	public ProgressBar progressBar() {
		return progress;
	}

	/** Whether a snapshot job is running. */
	public boolean isTaking() {
		return running != null;
	}

	/** Selects rows by index and acts as a click would (for tests). */
	public void selectRows(int... indices) {
		table.setSelection(indices);
		selectionChanged();
	}

	/** Compares the selected rows, as the Compare button does (for tests). */
	public void compareSelection() {
		compareSelected();
	}
}
