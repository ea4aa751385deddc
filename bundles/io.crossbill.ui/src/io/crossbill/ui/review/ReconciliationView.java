package io.crossbill.ui.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.EntryView;
import io.crossbill.reconcile.InvoiceLine;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationJson;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ReviewRecords;
import io.crossbill.workflow.PeriodLoader;

/**
 * The reconciliation of a period under review: breaks by type, largest first, with the variance in red
 * (differences within tolerance are not breaks), and for the selected break the records behind it (time
 * entries and invoice lines) and every exception about the same business key. Both tables are virtual: a
 * break of 100,000 entries fills only the rows on screen.
 */
public class ReconciliationView extends Composite {

	private static final String[] BREAK_COLUMNS = {"Type", "Project", "Customer", "Cur.", "Expected", "Actual",
			"Variance", "Hours", "Age (days)", "Exceptions", "Explained"};
	private static final int[] BREAK_WIDTHS = {250, 190, 190, 45, 90, 90, 90, 60, 80, 85, 260};
	private static final String[] RECORD_COLUMNS = {"Record", "Id", "Date", "Person / invoice", "Hours / qty",
			"Rate / unit", "Value", "Billed on / status"};
	private static final int[] RECORD_WIDTHS = {95, 290, 90, 250, 90, 90, 90, 260};

	private final EngineDatabase db;
	private final Label header;
	private final Combo typeFilter;
	private final Table breaks;
	private final Label detail;
	private final Table records;
	private final Label exceptionsLine;
	private final Color red;
	private final List<Consumer<ReconciliationBreak>> selectionListeners = new ArrayList<>();
	private ReviewSession session;
	private List<ReconciliationBreak> shown = List.of();
	private Map<String, ReviewRecords.Annotation> annotations = Map.of();
	private ReconciliationBreak selected;
	private List<EntryView> selectedEntries = List.of();
	private List<InvoiceLine> selectedLines = List.of();

	public ReconciliationView(Composite parent, EngineDatabase db) {
		super(parent, SWT.NONE);
		this.db = db;
		red = new Color(getDisplay(), 176, 0, 32);
		addDisposeListener(e -> red.dispose());
		setLayout(new GridLayout(2, false));

		header = new Label(this, SWT.WRAP);
		header.setText("No snapshot yet: take one in Periods.");
		header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		header.setData("org.eclipse.e4.ui.css.CssClassName", "ReviewHeader");

		new Label(this, SWT.NONE).setText("Show:");
		typeFilter = new Combo(this, SWT.READ_ONLY);
		typeFilter.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
		typeFilter.addListener(SWT.Selection, e -> applyFilter());

		SashForm sash = new SashForm(this, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		breaks = table(sash, BREAK_COLUMNS, BREAK_WIDTHS, 4, 9);
		breaks.addListener(SWT.SetData, e -> fillBreak((TableItem) e.item, breaks.indexOf((TableItem) e.item)));
		breaks.addListener(SWT.Selection, e -> select(breaks.getSelectionIndex()));

		Composite bottom = new Composite(sash, SWT.NONE);
		GridLayout bl = new GridLayout(1, false);
		bl.marginWidth = 0;
		bottom.setLayout(bl);
		detail = new Label(bottom, SWT.WRAP);
		detail.setText("Select a break to see the records behind it.");
		detail.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		records = table(bottom, RECORD_COLUMNS, RECORD_WIDTHS, 4, 7);
		records.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		records.addListener(SWT.SetData, e -> fillRecord((TableItem) e.item, records.indexOf((TableItem) e.item)));
		exceptionsLine = new Label(bottom, SWT.WRAP);
		exceptionsLine.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		sash.setWeights(60, 40);
	}

	/** A virtual table; columns from {@code firstNumber} up to (not including) {@code endNumber} are right-aligned. */
	private static Table table(Composite parent, String[] columns, int[] widths, int firstNumber, int endNumber) {
		Table t = new Table(parent, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		t.setHeaderVisible(true);
		t.setLinesVisible(true);
		for (int i = 0; i < columns.length; i++) {
			TableColumn c = new TableColumn(t, i >= firstNumber && i < endNumber ? SWT.RIGHT : SWT.LEFT);
			c.setText(columns[i]);
			c.setWidth(widths[i]);
		}
		return t;
	}

	/** Shows a period's reconciliation (on the UI thread). Annotations are read from the database. */
	public void show(ReviewSession s) {
		this.session = s;
		this.annotations = db == null ? Map.of() : new ReviewRecords(db).latestAnnotations(s.period());
		ReconciliationResult r = s.result();
		header.setText(s.dataTakenLine() + ". " + r.breaks().size() + " breaks, " + r.withinTolerance().size()
				+ " within tolerance (|variance| <= " + r.rules().defaultAbsolute().toPlainString() + "), " + r.matches().size()
				+ " matched lines, " + r.suggestions().size() + " suggested matches.");
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

	/** Refreshes the "Explained" column after an annotation. */
	public void refreshAnnotations() {
		if (session != null && db != null) {
			annotations = new ReviewRecords(db).latestAnnotations(session.period());
			breaks.clearAll();
		}
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
			detail.setText(d.append('.').toString());
			exceptionsLine.setText(exceptionsText(selected));
		}
		detail.getParent().layout(true);
		selectionListeners.forEach(l -> l.accept(selected));
	}

	private String exceptionsText(ReconciliationBreak b) {
		if (b.exceptionIds().isEmpty()) {
			return "No exception about this business key.";
		}
		StringBuilder s = new StringBuilder("Exceptions about this business key (open them in the Exception queue): ");
		for (Long id : b.exceptionIds()) {
			PeriodLoader.ExceptionRow x = session.exceptions().get(id);
			s.append('#').append(id);
			if (x != null) {
				s.append(" ").append(x.exceptionClass()).append(" ").append(x.state()).append(" (")
						.append(x.businessKey()).append(")");
			}
			s.append("; ");
		}
		return s.substring(0, s.length() - 2);
	}

	private void fillBreak(TableItem item, int row) {
		if (row < 0 || row >= shown.size()) {
			return;
		}
		ReconciliationBreak b = shown.get(row);
		ReviewRecords.Annotation a = annotations.get(b.id());
		item.setText(new String[] {b.type().name(), session.name(b.projectId()), session.name(b.customerId()), s(b.currency()),
				cents(b.expected()), cents(b.actual()), cents(b.variance()), cents(b.hours()),
				b.oldestAgeDays() == null ? "" : b.oldestAgeDays().toString(),
				b.exceptionIds().isEmpty() ? "" : Integer.toString(b.exceptionIds().size()),
				a == null ? "" : a.reason() + ": " + a.note()});
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
