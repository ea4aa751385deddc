package io.crossbill.ui.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.EntryView;
import io.crossbill.reconcile.InvoiceLine;
import io.crossbill.reconcile.Match;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationJson;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.store.PendingReplays;
import io.crossbill.store.ReviewRecords;
import io.crossbill.store.StoredException;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.review.ReviewHash;

/**
 * The reconciliation of a period under review: breaks by type, largest first, with the variance in red
 * (differences within tolerance are not breaks), and for the selected break the records behind it (time
 * entries and invoice lines, in a pane below a sash that can be dragged up) and every exception about the
 * same business key. The selected break can be explained (an annotation: timing, write-off, rate change,
 * error, with a note), its suggested match confirmed or rejected, its exception opened in the exception
 * queue, or - offline, as the review usually is - a retry of its exception queued until the systems answer
 * ({@link PendingReplays}; the break shows who queued it and, once the engine ran it, how it went).
 * Annotations made after a sign-off that covers the break are flagged. Both tables are virtual: a break
 * of 100,000 entries fills only the rows on screen. Follows the {@link ReviewSelection}.
 */
public class ReconciliationView extends Composite {

	private static final String[] BREAK_COLUMNS = {"Type", "Project", "Customer", "Cur.", "Expected", "Actual",
			"Variance", "Explained", "Hours", "Age (days)", "Exceptions"};
	private static final int[] BREAK_WIDTHS = {205, 160, 160, 45, 80, 80, 80, 235, 55, 88, 132};
	private static final java.util.Set<Integer> BREAK_NUMBERS = java.util.Set.of(4, 5, 6, 8, 9, 10);
	private static final String[] RECORD_COLUMNS = {"Record", "Id", "Date", "Person / invoice", "Hours / qty",
			"Rate / unit", "Value", "Billed on / status"};
	private static final int[] RECORD_WIDTHS = {95, 290, 90, 250, 90, 90, 90, 260};

	private final ReviewSelection selection;
	private final ReviewRecords review;
	private final PendingReplays replays;
	private final Label header;
	private final Combo typeFilter;
	private final Table breaks;
	private final Label detail;
	private final Table records;
	private final Label exceptionsLine;
	private final Color red;
	private final Button explain;
	private final Button confirm;
	private final Button reject;
	private final Button openException;
	private final Button retryLater;
	private Consumer<PeriodLoader.ExceptionRow> exceptionOpener;
	private List<ReviewRecords.SignOff> signOffs = List.of();
	private String lastAction = "";
	private final List<Consumer<ReconciliationBreak>> selectionListeners = new ArrayList<>();
	private ReviewSession session;
	private List<ReconciliationBreak> shown = List.of();
	private Map<String, ReviewRecords.Annotation> annotations = Map.of();
	private Map<Long, PendingReplays.Request> queued = Map.of();
	private ReconciliationBreak selected;
	private List<EntryView> selectedEntries = List.of();
	private List<InvoiceLine> selectedLines = List.of();

	public ReconciliationView(Composite parent, ReviewSelection selection) {
		super(parent, SWT.NONE);
		this.selection = selection;
		this.review = new ReviewRecords(selection.db());
		this.replays = new PendingReplays(selection.db());
		red = new Color(getDisplay(), 176, 0, 32);
		addDisposeListener(e -> red.dispose());
		setLayout(new GridLayout(8, false));

		header = new Label(this, SWT.WRAP);
		header.setText("No snapshot yet: take one in Periods.");
		GridData hd = new GridData(SWT.FILL, SWT.TOP, true, false, 8, 1);
		hd.widthHint = 400;
		header.setLayoutData(hd);
		header.setData("org.eclipse.e4.ui.css.CssClassName", "ReviewHeader");

		new Label(this, SWT.NONE).setText("Show:");
		typeFilter = new Combo(this, SWT.READ_ONLY);
		GridData tf = new GridData(SWT.LEFT, SWT.CENTER, false, false);
		tf.widthHint = 280;
		typeFilter.setLayoutData(tf);
		typeFilter.addListener(SWT.Selection, e -> applyFilter());
		Label gap = new Label(this, SWT.NONE);
		gap.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		explain = button("Explain break\u2026", "Record why this break is there (timing, write-off, rate change,"
				+ " error) with a note");
		explain.addListener(SWT.Selection, e -> explainSelected());
		confirm = button("Confirm match", "The suggested invoice line and entries belong together");
		confirm.addListener(SWT.Selection, e -> decideSelected(true));
		reject = button("Reject match", "The suggested invoice line and entries do not belong together");
		reject.addListener(SWT.Selection, e -> decideSelected(false));
		openException = button("Open exception", "Show the exception about this break's business key in the"
				+ " exception queue, where it can be fixed and retried");
		openException.addListener(SWT.Selection, e -> openException());
		retryLater = button("Retry when online\u2026", "Queue a retry (or an edited replay) of this break's exception;"
				+ " the engine runs it at its next run whose systems answer");
		retryLater.addListener(SWT.Selection, e -> queueSelected());

		SashForm sash = new SashForm(this, SWT.VERTICAL);
		sash.setSashWidth(7);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 8, 1));
		breaks = table(sash, BREAK_COLUMNS, BREAK_WIDTHS, BREAK_NUMBERS);
		breaks.addListener(SWT.SetData, e -> fillBreak((TableItem) e.item, breaks.indexOf((TableItem) e.item)));
		breaks.addListener(SWT.Selection, e -> select(breaks.getSelectionIndex()));

		Composite bottom = new Composite(sash, SWT.NONE);
		GridLayout bl = new GridLayout(1, false);
		bl.marginWidth = 0;
		bottom.setLayout(bl);
		detail = new Label(bottom, SWT.WRAP);
		detail.setText("Select a break to see the records behind it.");
		GridData dd = new GridData(SWT.FILL, SWT.TOP, true, false);
		dd.widthHint = 400;
		detail.setLayoutData(dd);
		records = table(bottom, RECORD_COLUMNS, RECORD_WIDTHS, java.util.Set.of(4, 5, 6));
		records.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		records.addListener(SWT.SetData, e -> fillRecord((TableItem) e.item, records.indexOf((TableItem) e.item)));
		exceptionsLine = new Label(bottom, SWT.WRAP);
		GridData ed = new GridData(SWT.FILL, SWT.TOP, true, false);
		ed.widthHint = 400;
		exceptionsLine.setLayoutData(ed);
		sash.setWeights(50, 50);

		Consumer<ReviewSession> onSession = s -> {
			if (!isDisposed()) {
				show(s);
			}
		};
		Runnable onRecords = () -> {
			if (!isDisposed()) {
				refreshAnnotations();
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

	private Button button(String text, String tip) {
		Button b = new Button(this, SWT.PUSH);
		b.setText(text);
		b.setToolTipText(tip);
		return b;
	}

	/** A virtual table; the columns in {@code numbers} are right-aligned. */
	private static Table table(Composite parent, String[] columns, int[] widths, java.util.Set<Integer> numbers) {
		Table t = new Table(parent, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		t.setHeaderVisible(true);
		t.setLinesVisible(true);
		for (int i = 0; i < columns.length; i++) {
			TableColumn c = new TableColumn(t, numbers.contains(i) ? SWT.RIGHT : SWT.LEFT);
			c.setText(columns[i]);
			c.setWidth(widths[i]);
		}
		return t;
	}

	/** Shows a period's reconciliation (on the UI thread). Annotations are read from the database. */
	public void show(ReviewSession s) {
		this.session = s;
		s.result().prefetch(); // the records behind the breaks are read while the analyst looks at the breaks
		readRecords();
		updateHeader();
		ReconciliationResult r = s.result();
		List<String> items = new ArrayList<>();
		items.add("All types (" + r.breaks().size() + ")");
		for (BreakType t : BreakType.values()) {
			items.add(t.name() + " (" + r.breaks(t).size() + ") \u2013 " + t.description());
		}
		typeFilter.setItems(items.toArray(String[]::new));
		typeFilter.select(0);
		applyFilter();
		layout(true, true);
	}

	private void readRecords() {
		annotations = review.latestAnnotations(session.period());
		signOffs = review.signOffs(session.period());
		queued = replays.latestByException();
	}

	private void updateHeader() {
		ReconciliationResult r = session.result();
		header.setText(session.dataTakenLine() + ". " + r.breaks().size() + " breaks, " + r.withinTolerance().size()
				+ " within tolerance (|variance| <= " + r.rules().defaultAbsolute().toPlainString() + "), "
				+ r.matches().size() + " matched lines, " + r.suggestions().size() + " suggested matches. "
				+ signOffLine(session, review) + waitingLine() + (lastAction.isEmpty() ? "" : " " + lastAction));
	}

	/** " 2 retries queued until the systems answer." or "" when none waits. */
	private String waitingLine() {
		long waiting = queued.values().stream().filter(r -> r.state() == PendingReplays.State.PENDING).count();
		return waiting == 0 ? "" : " " + waiting + (waiting == 1 ? " retry" : " retries") + " queued until the"
				+ " systems answer.";
	}

	/** "Signed off by ... ; changed since" or "Not signed off." for a session's whole period. */
	static String signOffLine(ReviewSession s, ReviewRecords review) {
		Optional<ReviewRecords.SignOff> o = review.latestSignOff(s.period(), ReviewRecords.Scope.PERIOD,
				s.period().toString());
		if (o.isEmpty()) {
			return "Period not signed off.";
		}
		boolean changed = !ReviewHash.of(s.result(), ReviewRecords.Scope.PERIOD, s.period().toString())
				.equals(o.get().reconciliationHash());
		return "Period SIGNED OFF by " + o.get().actor() + " " + ReviewSession.taken(o.get().at())
				+ (changed ? " \u2013 CHANGED since the sign-off: the breaks differ from what was signed off."
						: " \u2013 unchanged since.");
	}

	/** Refreshes the "Explained" and "Exceptions" columns and the header after an annotation, sign-off or retry. */
	public void refreshAnnotations() {
		if (session != null) {
			readRecords();
			updateHeader();
			breaks.clearAll();
			if (selected != null) {
				exceptionsLine.setText(exceptionsText(selected));
			}
			updateButtons();
			header.getParent().layout(true);
			detail.getParent().layout(true);
		}
	}

	/** The latest sign-off covering a break (its period, customer or project), or {@code null}. */
	private ReviewRecords.SignOff coveringSignOff(ReconciliationBreak b) {
		ReviewRecords.SignOff found = null;
		for (ReviewRecords.SignOff o : signOffs) {
			if (ReviewHash.inScope(b, o.scope(), o.key())) {
				found = o;
			}
		}
		return found;
	}

	/** The "Explained" cell: reason and note, flagged when written after a sign-off covering the break. */
	String explained(ReconciliationBreak b) {
		ReviewRecords.Annotation a = annotations.get(b.id());
		if (a == null) {
			return "";
		}
		ReviewRecords.SignOff o = coveringSignOff(b);
		boolean after = o != null && a.at().isAfter(o.at());
		return (after ? "\u2691 after sign-off \u2013 " : "\u270e ") + a.reason() + ": " + a.note();
	}

	private void explainSelected() {
		if (selected == null) {
			return;
		}
		AnnotateDialog d = new AnnotateDialog(getShell(), describe(selected), annotations.get(selected.id()));
		if (d.open() == Window.OK) {
			annotateSelected(d.reason(), d.note());
		}
	}

	/**
	 * Records an explanation of the selected break (as the Explain dialog does) and shows it.
	 *
	 * @return the annotation, or {@code null} when no break is selected or it could not be recorded (the header
	 *         says why)
	 */
	public ReviewRecords.Annotation annotateSelected(ReviewRecords.Reason reason, String note) {
		if (selected == null) {
			return null;
		}
		try {
			ReviewRecords.Annotation a = review.annotate(session.period(), selected.id(), reason, note,
					selection.actor());
			lastAction = "Explained " + describe(selected) + " as " + reason + ".";
			selection.recordsChanged();
			return a;
		} catch (RuntimeException e) {
			lastAction = "The explanation was not recorded: " + e.getMessage();
			updateHeader();
			return null;
		}
	}

	/**
	 * Confirms or rejects the selected break's suggested match (recorded in the audit trail), then reconciles
	 * the snapshot again in a job so the decision shows.
	 */
	public void decideSelected(boolean confirmIt) {
		if (selected == null || selected.suggestionId() == null) {
			return;
		}
		ReviewSession s = session;
		String id = selected.suggestionId();
		review.decide(s.period(), id, confirmIt, selection.actor());
		lastAction = (confirmIt ? "Confirmed" : "Rejected") + " the suggested match " + id + ".";
		selection.recordsChanged();
		if (s.snapshot() == null) {
			lastAction += " It applies at the next reconciliation.";
			updateHeader();
			return;
		}
		Job job = Job.create("Reconciling " + s.period() + " with the decision on " + id, (IProgressMonitor m) -> {
			ReviewSession again = s.redecided(selection.db());
			if (!isDisposed()) {
				getDisplay().asyncExec(() -> {
					if (!isDisposed() && selection.current() == s) {
						selection.select(again);
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.schedule();
	}

	/**
	 * Where "Open exception" goes: the workbench shows the exception in the Operate perspective's queue. Without
	 * one the exception's detail is shown in a dialog.
	 */
	public void setExceptionOpener(Consumer<PeriodLoader.ExceptionRow> opener) {
		this.exceptionOpener = opener;
	}

	private void openException() {
		if (selected == null || selected.exceptionIds().isEmpty()) {
			return;
		}
		PeriodLoader.ExceptionRow x = session.exceptions().get(selected.exceptionIds().get(0));
		if (x == null) {
			return;
		}
		if (exceptionOpener != null) {
			exceptionOpener.accept(x);
		} else {
			MessageDialog.openInformation(getShell(), "Exception #" + x.id(), "Exception #" + x.id() + " ("
					+ x.exceptionClass() + ", " + x.state() + ") about " + x.businessKey() + ", raised "
					+ (x.createdAt() == null ? "?" : ReviewSession.taken(x.createdAt())) + ".\n\nFix and retry it in"
					+ " the Operate perspective's exception queue; a retry made while the systems are unreachable"
					+ " waits in the outbox until they answer.");
		}
	}

	private void queueSelected() {
		if (selected == null || selected.exceptionIds().isEmpty()) {
			return;
		}
		List<PeriodLoader.ExceptionRow> rows = new ArrayList<>();
		Map<Long, StoredException> stored = new java.util.HashMap<>();
		for (Long id : selected.exceptionIds()) {
			PeriodLoader.ExceptionRow x = session.exceptions().get(id);
			if (x != null) {
				rows.add(x);
				selection.db().exceptions().get(id).ifPresent(e -> stored.put(id, e));
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		QueueReplayDialog d = new QueueReplayDialog(getShell(), describe(selected), rows, stored, queued);
		if (d.open() == Window.OK) {
			queueReplay(d.exceptionId(), d.action(), d.payload());
		}
	}

	/**
	 * Queues a retry or replay of one of the selected break's exceptions until the systems answer (as the Retry
	 * when online dialog does) and shows it on the break.
	 *
	 * @param payload the edited payload of a replay, {@code null} for a retry
	 * @return the request, or {@code null} when it could not be queued (the header says why)
	 */
	public PendingReplays.Request queueReplay(long exceptionId, PendingReplays.Action action, byte[] payload) {
		if (selected == null) {
			return null;
		}
		try {
			PendingReplays.Request r = replays.request(exceptionId, action, payload, selection.actor());
			lastAction = "Queued a " + r.what() + " of exception #" + exceptionId + "; it runs when the systems"
					+ " answer.";
			selection.recordsChanged();
			return r;
		} catch (RuntimeException e) {
			lastAction = "The retry was not queued: " + e.getMessage();
			updateHeader();
			header.getParent().layout(true);
			return null;
		}
	}

	/** The queue's word on an exception for the "Exceptions" column: "queued", "done", "FAILED" or "". */
	private String queueMark(ReconciliationBreak b) {
		String mark = "";
		for (Long id : b.exceptionIds()) {
			PendingReplays.Request r = queued.get(id);
			if (r != null) {
				String m = switch (r.state()) {
				case PENDING -> "retry queued";
				case DONE -> "retried";
				case FAILED -> "retry FAILED";
				};
				// a failure outweighs a waiting retry, which outweighs a finished one
				if (mark.isEmpty() || m.equals("retry FAILED")
						|| (m.equals("retry queued") && mark.equals("retried"))) {
					mark = m;
				}
			}
		}
		return mark;
	}

	/** What the queue says about one exception, for the line under the records: "" when nothing was queued. */
	static String queueText(PendingReplays.Request r) {
		if (r == null) {
			return "";
		}
		return switch (r.state()) {
		case PENDING -> " \u2013 " + r.what() + " queued by " + r.requestedBy() + " " + ReviewSession.taken(
				r.requestedAt()) + ", runs when the systems answer";
		case DONE -> " \u2013 queued " + r.what() + " ran " + ReviewSession.taken(r.doneAt()) + ": " + r.outcome();
		case FAILED -> " \u2013 queued " + r.what() + " FAILED " + ReviewSession.taken(r.doneAt()) + ": "
				+ r.outcome() + " (Retry when online queues it again)";
		};
	}

	private String describe(ReconciliationBreak b) {
		String who = b.projectId() != null ? session.name(b.projectId()) : session.name(b.customerId());
		String v = cents(b.variance());
		return b.type().name() + " on " + who + (v.isEmpty() ? "" : " (" + s(b.currency()) + " " + v + ")");
	}

	private void updateButtons() {
		boolean has = selected != null;
		explain.setEnabled(has);
		confirm.setEnabled(has && selected.suggestionId() != null);
		reject.setEnabled(has && selected.suggestionId() != null);
		openException.setEnabled(has && !selected.exceptionIds().isEmpty());
		retryLater.setEnabled(has && !selected.exceptionIds().isEmpty());
	}

	private void applyFilter() {
		if (session == null) {
			return;
		}
		int i = typeFilter.getSelectionIndex();
		List<ReconciliationBreak> list = i <= 0 ? session.result().breaks()
				: session.result().breaks(BreakType.values()[i - 1]);
		breaks.removeAll();
		shown = list.stream().sorted(Comparator.comparing(ReconciliationBreak::size).reversed()).toList();
		breaks.setItemCount(shown.size());
		breaks.clearAll();
		select(-1);
	}

	/** Selects the break at a row of the table (-1: none) and shows what is behind it. */
	public void select(int row) {
		selected = row < 0 || row >= shown.size() ? null : shown.get(row);
		if (row >= 0 && breaks.getSelectionIndex() != row) {
			breaks.setSelection(row);
		}
		selectedEntries = List.of();
		selectedLines = List.of();
		records.removeAll();
		if (selected == null) {
			selectedEntries = List.of();
			selectedLines = List.of();
			detail.setText("Select a break to see the records behind it.");
			exceptionsLine.setText("");
		} else if (!recordsReady(row)) {
			exceptionsLine.setText(exceptionsText(selected));
		} else {
			ReconciliationResult r = session.result();
			selectedEntries = r.entries(selected);
			selectedLines = r.lines(selected);
			records.setItemCount(selectedEntries.size() + selectedLines.size());
			StringBuilder d = new StringBuilder(selected.type().name() + ": " + selected.type().description());
			if (selected.detail() != null) {
				d.append(". ").append(selected.detail().replaceAll("\\.$", ""));
			}
			if (selected.field() != null) {
				d.append(". Field ").append(selected.field()).append(": ").append(selected.values());
			}
			d.append(". Behind it: ").append(selectedEntries.size()).append(" time entries, ")
					.append(selectedLines.size()).append(" invoice lines");
			if (!selected.milestoneIds().isEmpty()) {
				d.append(", milestones ").append(String.join(", ", selected.milestoneIds()));
			}
			if (!selected.expenseIds().isEmpty()) {
				d.append(", ").append(selected.expenseIds().size()).append(" expenses");
			}
			if (selected.suggestionId() != null) {
				Match m = session.result().suggestions().stream().filter(x -> x.id().equals(selected.suggestionId()))
						.findFirst().orElse(null);
				d.append(". Suggested match ").append(selected.suggestionId());
				if (m != null) {
					d.append(" (by ").append(m.basis()).append("): line ").append(String.join(", ", m.lineRefs()))
							.append(" billed ").append(cents(m.billed())).append(" against ").append(m.entryIds().size())
							.append(" entries worth ").append(cents(m.delivered()));
				}
				d.append(" \u2013 confirm or reject it");
			}
			detail.setText(d.append('.').toString());
			exceptionsLine.setText(exceptionsText(selected));
		}
		detail.getParent().layout(true);
		updateButtons();
		selectionListeners.forEach(l -> l.accept(selected));
	}

	/**
	 * Whether the records behind the breaks are at hand. A review kept beside its snapshot shows its breaks first
	 * and reads the records behind them in the background: until they are in, the detail says so and the break's
	 * records are shown as soon as they are (if it is still the one selected); if they cannot be read, it says why.
	 */
	private boolean recordsReady(int row) {
		ReviewSession s = session;
		java.util.concurrent.CompletableFuture<?> ready = s.result().prefetch();
		if (ready.isDone() && !ready.isCompletedExceptionally()) {
			return true;
		}
		if (ready.isCompletedExceptionally()) {
			String why = ready.handle((x, e) -> e == null ? "" : (e.getCause() != null ? e.getCause() : e).getMessage())
					.join();
			detail.setText("The records behind the breaks could not be read from the review kept beside the"
					+ " snapshot (" + why + "). Select the snapshot again in the Periods view: it is reconciled"
					+ " again from the snapshot.");
			return false;
		}
		detail.setText(selected.type().name() + ": " + selected.type().description() + ". Reading the records"
				+ " behind the breaks (" + String.format("%,d", s.result().entriesReconciled()) + " time entries) ...");
		ReconciliationBreak waitingFor = selected;
		ready.whenComplete((x, e) -> getDisplay().asyncExec(() -> {
			if (!isDisposed() && session == s && selected == waitingFor) {
				select(row);
			}
		}));
		return false;
	}

	private String exceptionsText(ReconciliationBreak b) {
		if (b.exceptionIds().isEmpty()) {
			return "No exception about this business key.";
		}
		StringBuilder s = new StringBuilder("Exceptions about this business key (Open exception shows them in the"
				+ " exception queue; Retry when online queues a retry until the systems answer): ");
		for (Long id : b.exceptionIds()) {
			PeriodLoader.ExceptionRow x = session.exceptions().get(id);
			s.append('#').append(id);
			if (x != null) {
				s.append(" ").append(x.exceptionClass()).append(" ").append(x.state()).append(" (")
						.append(x.businessKey()).append(")");
			}
			s.append(queueText(queued.get(id)));
			s.append("; ");
		}
		return s.substring(0, s.length() - 2);
	}

	private void fillBreak(TableItem item, int row) {
		if (row < 0 || row >= shown.size()) {
			return;
		}
		ReconciliationBreak b = shown.get(row);
		item.setText(new String[] {b.type().name(), session.name(b.projectId()), session.name(b.customerId()), s(b.currency()),
				cents(b.expected()), cents(b.actual()), cents(b.variance()), explained(b), cents(b.hours()),
				b.oldestAgeDays() == null ? "" : b.oldestAgeDays().toString(),
				b.exceptionIds().isEmpty() ? "" : b.exceptionIds().size() + (queueMark(b).isEmpty() ? ""
						: " \u00b7 " + queueMark(b))});
		item.setData(b);
		if (b.variance() != null && b.variance().signum() != 0) {
			item.setForeground(6, red);
		}
	}

	private void fillRecord(TableItem item, int row) {
		if (row < 0 || row >= selectedEntries.size() + selectedLines.size()) {
			return;
		}
		if (row < selectedEntries.size()) {
			EntryView e = selectedEntries.get(row);
			item.setText(new String[] {"time entry", e.id(), s(e.date()), s(e.person()), cents(e.hours()),
					cents(e.rate()), cents(e.value()), e.invoiceLineRef() == null
							? (e.approved() ? "not billed, " + e.ageDays() + " days old" : "not approved")
							: e.invoiceLineRef()});
		} else {
			InvoiceLine l = selectedLines.get(row - selectedEntries.size());
			item.setText(new String[] {"invoice line", l.lineRef(), s(l.invoiceDate()), s(l.invoiceNumber()),
					cents(l.quantity()), cents(l.unitAmount()), cents(l.amount()), l.status() + " " + l.kind()});
		}
	}

	/** Called with the selected break (or {@code null}) whenever the selection changes. */
	public void addBreakSelectionListener(Consumer<ReconciliationBreak> listener) {
		selectionListeners.add(listener);
	}

	/** The break selected, or {@code null}. */
	public ReconciliationBreak selectedBreak() {
		return selected;
	}

	/** The session shown, or {@code null}. */
	public ReviewSession session() {
		return session;
	}

	/** The breaks table (for tests). */
	public Table breaksTable() {
		return breaks;
	}

	/** The table of records behind the selected break (for tests). */
	public Table recordsTable() {
		return records;
	}

	/** The header line that says when the data was taken (for tests). */
	public Label headerLabel() {
		return header;
	}

	/** The line listing the exceptions about the selected break's key (for tests). */
	public Label exceptionsLabel() {
		return exceptionsLine;
	}

	/** The Explain, Confirm, Reject, Open exception and Retry when online buttons (for tests). */
	public List<Button> actionButtons() {
		return List.of(explain, confirm, reject, openException, retryLater);
	}

	/** The type filter (for tests). */
	public Combo typeFilter() {
		return typeFilter;
	}

	static String cents(BigDecimal v) {
		String c = ReconciliationJson.cents(v);
		return c == null ? "" : c;
	}

	static String s(Object o) {
		return o == null ? "" : o.toString();
	}
}
