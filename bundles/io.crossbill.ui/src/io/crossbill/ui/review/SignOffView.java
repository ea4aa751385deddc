package io.crossbill.ui.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.store.AuditTrail;
import io.crossbill.store.ReviewRecords;
import io.crossbill.workflow.review.EvidencePack;
import io.crossbill.workflow.review.ReviewHash;

/**
 * Sign-off and evidence of the period under review: sign off the whole period, one customer (legal entity)
 * or one project, with an optional note - the sign-off keeps a fingerprint of the breaks the analyst saw, and
 * the list flags every sign-off whose breaks have changed since - and export the evidence pack (the
 * reconciliation's CSV files, annotations, sign-offs with their notes, decisions, the audit chain's verification
 * and a readable HTML report) as a job, then see what was written, its totals and whether the audit trail is
 * intact.
 */
public class SignOffView extends Composite {

	/** What an export wrote. */
	public record Export(Path folder, List<Path> files, EvidencePack pack) {
	}

	private static final String[] SCOPES = {"Whole period", "Customer (legal entity)", "Project"};
	private static final ReviewRecords.Scope[] SCOPE_OF = {ReviewRecords.Scope.PERIOD, ReviewRecords.Scope.ENTITY,
			ReviewRecords.Scope.PROJECT};

	private final ReviewSelection selection;
	private final ReviewRecords review;
	private final Label header;
	private final Combo scope;
	private final Combo key;
	private final Text note;
	private final Button signOff;
	private final Table signOffs;
	private final Button export;
	private final Label exportStatus;
	private final Table written;
	private final Color red;
	private final Color green;
	private ReviewSession session;
	private List<String> keys = List.of();
	private Export lastExport;
	private boolean exporting;
	private String lastAction = "";

	public SignOffView(Composite parent, ReviewSelection selection) {
		super(parent, SWT.NONE);
		this.selection = selection;
		this.review = new ReviewRecords(selection.db());
		red = new Color(getDisplay(), 176, 0, 32);
		green = new Color(getDisplay(), 27, 94, 32);
		addDisposeListener(e -> {
			red.dispose();
			green.dispose();
		});
		setLayout(new GridLayout(5, false));
		header = new Label(this, SWT.WRAP);
		header.setText("No period under review: select a snapshot in Periods.");
		GridData hd = new GridData(SWT.FILL, SWT.TOP, true, false, 5, 1);
		hd.widthHint = 400;
		header.setLayoutData(hd);

		new Label(this, SWT.NONE).setText("Sign off:");
		scope = new Combo(this, SWT.READ_ONLY);
		scope.setItems(SCOPES);
		scope.select(0);
		scope.addListener(SWT.Selection, e -> fillKeys());
		key = new Combo(this, SWT.READ_ONLY);
		GridData kd = new GridData(SWT.FILL, SWT.CENTER, true, false);
		kd.widthHint = 260;
		key.setLayoutData(kd);
		signOff = new Button(this, SWT.PUSH);
		signOff.setText("Sign off");
		signOff.setToolTipText("Record that you reviewed this scope as it is now (in the audit trail)");
		signOff.addListener(SWT.Selection, e -> signOffChosen());
		export = new Button(this, SWT.PUSH);
		export.setText("Export evidence pack\u2026");
		export.setToolTipText("Write the period's breaks, annotations, sign-offs, KPIs and the audit verification as"
				+ " CSV files and an HTML report into a folder");
		export.addListener(SWT.Selection, e -> {
			DirectoryDialog d = new DirectoryDialog(getShell());
			d.setText("Folder for the evidence pack of " + (session == null ? "" : session.period()));
			String dir = d.open();
			if (dir != null) {
				export(Path.of(dir).resolve("crossbill-review-" + session.period()));
			}
		});

		new Label(this, SWT.NONE).setText("Note:");
		note = new Text(this, SWT.BORDER | SWT.SINGLE);
		note.setTextLimit(ReviewRecords.MAX_NOTE);
		note.setMessage("Optional: what the sign-off rests on, e.g. \"timing breaks carried to December\"");
		note.setToolTipText("Kept with the sign-off, in the audit trail and in the evidence pack");
		note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));

		SashForm sash = new SashForm(this, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
		signOffs = table(sash, new String[] {"Scope", "What", "By", "At", "Snapshot", "Since the sign-off",
				"Note"}, new int[] {65, 230, 75, 165, 200, 175, 440});
		// a long note does not fit its cell: hovering the row shows it whole
		signOffs.addListener(SWT.MouseHover, e -> {
			TableItem item = signOffs.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
			String text = item == null ? "" : item.getText(6);
			signOffs.setToolTipText(text.isEmpty() ? null : text);
		});
		Composite bottom = new Composite(sash, SWT.NONE);
		GridLayout bl = new GridLayout(1, false);
		bl.marginWidth = 0;
		bottom.setLayout(bl);
		exportStatus = new Label(bottom, SWT.WRAP);
		exportStatus.setText("The evidence pack has not been exported in this session.");
		GridData ed = new GridData(SWT.FILL, SWT.TOP, true, false);
		ed.widthHint = 400;
		exportStatus.setLayoutData(ed);
		written = table(bottom, new String[] {"File / total", "Breaks", "Variance / size"}, new int[] {330, 70, 160});
		written.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		written.setToolTipText("Double-click a file to open it (report.html opens in the browser)");
		written.addListener(SWT.DefaultSelection, e -> openWritten());
		sash.setWeights(45, 55);

		java.util.function.Consumer<ReviewSession> onSession = s -> {
			if (!isDisposed()) {
				show(s);
			}
		};
		Runnable onRecords = () -> {
			if (!isDisposed() && session != null) {
				fillSignOffs();
			}
		};
		selection.addSessionListener(onSession);
		selection.addRecordsListener(onRecords);
		addDisposeListener(e -> {
			selection.removeSessionListener(onSession);
			selection.removeRecordsListener(onRecords);
		});
		updateButtons();
		if (selection.current() != null) {
			show(selection.current());
		}
	}

	private static Table table(Composite parent, String[] names, int[] widths) {
		Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
		t.setHeaderVisible(true);
		t.setLinesVisible(true);
		for (int i = 0; i < names.length; i++) {
			TableColumn c = new TableColumn(t, SWT.LEFT);
			c.setText(names[i]);
			c.setWidth(widths[i]);
		}
		return t;
	}

	/** Shows a period under review (on the UI thread). */
	public void show(ReviewSession s) {
		session = s;
		fillKeys();
		fillSignOffs();
	}

	private void fillKeys() {
		if (session == null) {
			return;
		}
		ReviewRecords.Scope sc = SCOPE_OF[Math.max(0, scope.getSelectionIndex())];
		TreeMap<String, String> byName = new TreeMap<>();
		if (sc == ReviewRecords.Scope.PERIOD) {
			byName.put(session.period().toString(), session.period().toString());
		} else {
			for (ReconciliationBreak b : session.result().breaks()) {
				String k = sc == ReviewRecords.Scope.ENTITY ? b.customerId() : b.projectId();
				if (k != null) {
					byName.put(session.name(k) + (session.name(k).equals(k) ? "" : "  (" + k + ")"), k);
				}
			}
		}
		keys = new ArrayList<>(byName.values());
		key.setItems(byName.keySet().toArray(String[]::new));
		key.select(0);
		updateButtons();
	}

	private void fillSignOffs() {
		List<ReviewRecords.SignOff> list = review.signOffs(session.period());
		header.setText(session.dataTakenLine() + ". " + ReconciliationView.signOffLine(session, review)
				+ " Each sign-off keeps a fingerprint of the breaks it covers; when they change afterwards it is"
				+ " flagged here and in the evidence pack." + (lastAction.isEmpty() ? "" : " " + lastAction));
		signOffs.removeAll();
		for (ReviewRecords.SignOff o : list) {
			boolean changed = changed(o);
			TableItem i = new TableItem(signOffs, SWT.NONE);
			i.setText(new String[] {o.scope().name().toLowerCase(), session.name(o.key()), o.actor(),
					ReviewSession.taken(o.at()), o.snapshotId() == null ? "live data" : o.snapshotId(),
					changed ? "\u2691 CHANGED after sign-off" : "unchanged", o.note() == null ? "" : o.note()});

			i.setForeground(5, changed ? red : green);
		}
		if (list.isEmpty()) {
			TableItem i = new TableItem(signOffs, SWT.NONE);
			i.setText(new String[] {"", "Nothing signed off in " + session.period() + " yet.", "", "", "", "", ""});
		}
		header.getParent().layout(true);
		updateButtons();
	}

	/** Whether the breaks a sign-off covers differ now from when it was made. */
	public boolean changed(ReviewRecords.SignOff o) {
		return !ReviewHash.of(session.result(), o.scope(), o.key()).equals(o.reconciliationHash());
	}

	private void signOffChosen() {
		int i = key.getSelectionIndex();
		if (session == null || i < 0 || i >= keys.size()) {
			return;
		}
		if (signOff(SCOPE_OF[Math.max(0, scope.getSelectionIndex())], keys.get(i), note.getText()) != null) {
			note.setText("");
		}
	}

	/** Signs off a scope of the period under review as it is shown now, without a note. */
	public ReviewRecords.SignOff signOff(ReviewRecords.Scope sc, String k) {
		return signOff(sc, k, null);
	}

	/**
	 * Signs off a scope of the period under review as it is shown now, with a note (as the Sign off button does).
	 *
	 * @param text the note, or {@code null}/blank for none
	 * @return the sign-off, or {@code null} when it was not recorded (the header says why)
	 */
	public ReviewRecords.SignOff signOff(ReviewRecords.Scope sc, String k, String text) {
		try {
			ReviewRecords.SignOff o = review.signOff(session.period(), sc, k, selection.actor(),
					session.snapshot() == null ? null : session.snapshot().id(), ReviewHash.of(session.result(), sc, k),
					text);
			lastAction = "";
			selection.recordsChanged();
			return o;
		} catch (RuntimeException e) {
			lastAction = "The sign-off was not recorded: " + e.getMessage();
			fillSignOffs();
			return null;
		}
	}

	/**
	 * Exports the evidence pack of the period under review into {@code dir} as a job; the result shows in this
	 * view and in {@link #lastExport()}.
	 */
	public Job export(Path dir) {
		if (session == null || exporting) {
			return null;
		}
		ReviewSession s = session;
		exporting = true;
		updateButtons();
		exportStatus.setText("Exporting the evidence pack of " + s.period() + " to " + dir + " ...");
		Job job = Job.create("Exporting the evidence pack of " + s.period(), (IProgressMonitor monitor) -> {
			monitor.beginTask("Writing the evidence pack", 3);
			Export done = null;
			String problem = null;
			try {
				AuditTrail.Verification audit = selection.db().audit().verify();
				monitor.worked(1);
				EvidencePack pack = new EvidencePack(s.result(), s.snapshot() == null ? null : s.snapshot().takenAt(),
						s.snapshot() == null ? null : s.snapshot().id(), review.annotations(s.period()),
						review.signOffs(s.period()), review.decisions(s.period()), audit, s.names());
				Files.createDirectories(dir);
				List<Path> files = pack.write(dir);
				monitor.worked(2);
				done = new Export(dir, files, pack);
			} catch (IOException | RuntimeException e) {
				problem = "The evidence pack could not be written to " + dir + ": " + e.getMessage();
			} finally {
				monitor.done();
			}
			Export result = done;
			String text = problem;
			if (!isDisposed()) {
				getDisplay().asyncExec(() -> {
					if (!isDisposed()) {
						exporting = false;
						updateButtons();
						if (result != null) {
							showExport(result);
						} else {
							exportStatus.setText(text);
						}
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	/** Opens the file selected in the pack's list with the program the desktop has for it. */
	private void openWritten() {
		if (lastExport == null || written.getSelectionCount() == 0) {
			return;
		}
		String name = written.getSelection()[0].getText(0);
		lastExport.files().stream().filter(f -> f.getFileName().toString().equals(name)).findFirst().ifPresent(f -> {
			if (!org.eclipse.swt.program.Program.launch(f.toString())) {
				exportStatus.setText("No program on this desktop opens " + name + "; it is at " + f + ".");
				layout(true, true);
			}
		});
	}

	private void showExport(Export e) {
		lastExport = e;
		AuditTrail.Verification v = e.pack().audit();
		exportStatus.setText("Evidence pack of " + e.pack().result().period().key() + " written to " + e.folder()
				+ ": " + e.files().size() + " files, report.html is the readable report. Audit: "
				+ v.describe() + ".");
		exportStatus.setForeground(v.intact() ? null : red);
		written.removeAll();
		for (EvidencePack.TypeTotal t : e.pack().totals()) {
			TableItem i = new TableItem(written, SWT.NONE);
			i.setText(new String[] {"total " + t.type().name() + (t.currency().isEmpty() ? "" : " " + t.currency()),
					Integer.toString(t.breaks()), t.variance().toPlainString()});
		}
		for (Path f : e.files()) {
			TableItem i = new TableItem(written, SWT.NONE);
			String size;
			try {
				size = String.format("%,d bytes", Files.size(f));
			} catch (IOException x) {
				size = "unreadable";
			}
			i.setText(new String[] {f.getFileName().toString(), "", size});
		}
		exportStatus.getParent().layout(true);
	}

	private void updateButtons() {
		signOff.setEnabled(session != null && key.getSelectionIndex() >= 0);
		export.setEnabled(session != null && !exporting);
	}

	/** What the last export wrote, or {@code null} (for tests). */
	public Export lastExport() {
		return lastExport;
	}

	/** The note field beside Sign off (for tests). */
	public Text noteField() {
		return note;
	}

	/** The sign-off list (for tests). */
	public Table signOffTable() {
		return signOffs;
	}

	/** The table of what the export wrote (for tests). */
	public Table writtenTable() {
		return written;
	}

	/** The line saying what the export wrote and the audit verification (for tests). */
	public Label exportLabel() {
		return exportStatus;
	}
}
