package io.crossbill.ui.operate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionBrowser;
import io.crossbill.store.ExceptionBrowser.Filter;
import io.crossbill.store.ExceptionBrowser.Row;
import io.crossbill.store.ExceptionBrowser.Sort;
import io.crossbill.store.ExceptionBrowser.SortColumn;

/**
 * The exception queue: filters across the top (workflow, class, system, state, age, assignee, free text),
 * the root causes of what the filter matches on the left (click one to look only at it), every matching
 * exception in a virtual table paged from the store (so a million open no slower than a hundred), and the
 * detail of the selected exception below: the plain-language cause and fix first, then payload, mapped
 * output, raw error, attempts and history. Retry, resolve and assign act on the selection or on everything
 * the filter matches, through the engine ({@link ExceptionActions}), each after a dry run that shows what
 * would happen.
 * <p>
 * All database work runs on one background thread; widgets are updated with {@code asyncExec}.
 */
public class ExceptionQueueView extends Composite {

	/** Rows fetched at a time for the virtual table. */
	public static final int PAGE = 200;

	/** The table's column titles. */
	public static final List<String> COLUMNS = List.of("Id", "Age", "State", "Class", "Workflow", "System",
			"Business key", "Cause", "Attempts", "Assignee");

	private static final SortColumn[] SORT_OF_COLUMN = { SortColumn.ID, SortColumn.CREATED, SortColumn.STATE,
			SortColumn.CLASS, SortColumn.WORKFLOW, SortColumn.SYSTEM, SortColumn.BUSINESS_KEY, null, SortColumn.ATTEMPTS,
			SortColumn.ASSIGNEE };
	private static final String ANY = "(any)";
	private static final String[] STATE_CHOICES = { "Unresolved", "Open", "Retrying", "Dead", "Resolved", "All" };

	private final ExceptionBrowser browser;
	private final EngineDatabase db;
	private final ExceptionActions actions;
	private final ExecutorService worker;
	private final ExecutorService causesWorker;
	private long shownCount = -1;
	private long causesShownFor = -1;

	private final Combo workflowChoice;
	private final Combo classChoice;
	private final Combo systemChoice;
	private final Combo stateChoice;
	private final Combo ageChoice;
	private final Combo assigneeChoice;
	private final Text search;
	private final Label summary;
	private final Table causes;
	private final Table table;
	private final ExceptionDetailPane detail;
	private final Button retry;
	private final Button resolve;
	private final Button editField;
	private final Button editPayload;
	private final Button assign;
	private final Button clearCause;

	private Filter filter = Filter.unresolved();
	private Sort sort = Sort.newestFirst();
	private List<ExceptionBrowser.RootCause> rootCauses = List.of();
	/** Pages of the current filter and sort, by page number; cleared when either changes. */
	private final Map<Integer, List<Row>> pages = new HashMap<>();
	private final Set<Integer> loading = new HashSet<>();
	private long generation;
	private long lastRefreshMillis;

	/**
	 * @param actions the engine's actions on the queue; {@code null} shows the queue read-only
	 */
	public ExceptionQueueView(Composite parent, EngineDatabase db, ExceptionActions actions) {
		super(parent, SWT.NONE);
		this.db = db;
		this.browser = new ExceptionBrowser(db);
		this.actions = actions;
		this.worker = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "crossbill exception queue");
			t.setDaemon(true);
			return t;
		});
		this.causesWorker = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "crossbill exception root causes");
			t.setDaemon(true);
			return t;
		});
		addDisposeListener(e -> {
			worker.shutdownNow();
			causesWorker.shutdownNow();
		});
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		setLayout(layout);

		Composite bar = new Composite(this, SWT.NONE);
		GridLayout barLayout = new GridLayout(15, false);
		barLayout.marginHeight = 4;
		barLayout.marginWidth = 8;
		bar.setLayout(barLayout);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		workflowChoice = choice(bar, "Workflow", List.of(ANY));
		classChoice = choice(bar, "Class", names(ExceptionClass.values()));
		systemChoice = choice(bar, "System", List.of(ANY));
		stateChoice = choice(bar, "State", List.of(STATE_CHOICES));
		List<String> ages = new ArrayList<>();
		for (ExceptionBrowser.Age a : ExceptionBrowser.Age.values()) {
			ages.add(a.label());
		}
		ageChoice = choice(bar, "Age", ages);
		assigneeChoice = choice(bar, "Assignee", List.of(ANY, "(unassigned)"));
		search = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		search.setMessage("Business key or message");
		GridData searchData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		searchData.widthHint = 180;
		search.setLayoutData(searchData);
		search.addListener(SWT.DefaultSelection, e -> applyFilters());
		search.addListener(SWT.Modify, e -> {
			if (search.getText().isEmpty()) {
				applyFilters();
			}
		});

		Composite actionsBar = new Composite(this, SWT.NONE);
		GridLayout actionsLayout = new GridLayout(9, false);
		actionsLayout.marginHeight = 0;
		actionsLayout.marginWidth = 8;
		actionsBar.setLayout(actionsLayout);
		actionsBar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		summary = new Label(actionsBar, SWT.NONE);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		summary.setText("Reading the exception queue ...");
		clearCause = button(actionsBar, "Show all root causes", e -> showRootCause(null));
		clearCause.setEnabled(false);
		retry = button(actionsBar, "Retry ...", e -> act(QueueAction.RETRY));
		resolve = button(actionsBar, "Resolve ...", e -> act(QueueAction.RESOLVE));
		editPayload = button(actionsBar, "Edit payload ...", e -> editSelectedPayload());
		editField = button(actionsBar, "Edit field and replay ...", e -> act(QueueAction.EDIT_FIELD));
		assign = button(actionsBar, "Assign ...", e -> assignSelected());
		button(actionsBar, "Export CSV ...", e -> chooseCsvFile());
		for (Button b : List.of(retry, resolve, editPayload, editField, assign)) {
			b.setEnabled(actions != null);
		}

		SashForm vertical = new SashForm(this, SWT.VERTICAL);
		vertical.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		// root causes above the exceptions, across the whole width: their sentences are read, not cut off
		causes = new Table(vertical, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
		causes.setHeaderVisible(true);
		causes.setLinesVisible(true);
		column(causes, "Count", 70, SWT.RIGHT);
		column(causes, "Class", 115, SWT.LEFT);
		TableColumn causeColumn = column(causes, "Root cause", 330, SWT.LEFT);
		// the root cause takes what the pane leaves, and the whole text shows as a tooltip on the row
		causes.addListener(SWT.Resize, e -> causeColumn.setWidth(Math.max(160, causes.getClientArea().width
				- causes.getColumn(0).getWidth() - causes.getColumn(1).getWidth())));
		causes.addListener(SWT.MouseHover, e -> {
			TableItem under = causes.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
			causes.setToolTipText(under == null ? null : under.getText(2));
		});
		causes.addListener(SWT.Selection, e -> {
			int i = causes.getSelectionIndex();
			if (i >= 0 && i < rootCauses.size()) {
				showRootCause(rootCauses.get(i));
			}
		});

		table = new Table(vertical, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.MULTI | SWT.BORDER);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		int[] widths = { 70, 60, 75, 115, 140, 120, 130, 480, 70, 100 };
		for (int i = 0; i < COLUMNS.size(); i++) {
			TableColumn c = column(table, COLUMNS.get(i), widths[i], i == 0 || i == 8 ? SWT.RIGHT : SWT.LEFT);
			int index = i;
			if (SORT_OF_COLUMN[i] != null) {
				c.addListener(SWT.Selection, e -> sortBy(index));
			}
		}
		table.setSortColumn(table.getColumn(1));
		table.setSortDirection(SWT.UP);
		table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
		table.addListener(SWT.Selection, e -> showDetail());

		detail = new ExceptionDetailPane(vertical, db);
		vertical.setWeights(30, 38, 32);

		for (Combo c : List.of(workflowChoice, classChoice, systemChoice, stateChoice, ageChoice, assigneeChoice)) {
			c.addListener(SWT.Selection, e -> applyFilters());
		}
		reload(true);
	}

	/** The filter the view shows. */
	public Filter filter() {
		return filter;
	}

	/** The table of exceptions (virtual). */
	public Table table() {
		return table;
	}

	/** The root causes of what the filter matches. */
	public Table rootCauseTable() {
		return causes;
	}

	/** The detail pane. */
	public ExceptionDetailPane detailPane() {
		return detail;
	}

	/** The line above the table, e.g. "612,345 exceptions (unresolved) - 12 root causes". */
	public Label summary() {
		return summary;
	}

	/** The workflow choice of the filter bar. */
	public Combo workflowChoice() {
		return workflowChoice;
	}

	/** The free-text search field. */
	public Text searchField() {
		return search;
	}

	/** Milliseconds the last filter or sort took, from the change to the first page on screen. */
	public long lastRefreshMillis() {
		return lastRefreshMillis;
	}

	/** Shows a filter (as the filter bar would set it) and reloads, with the filter bar's choices. */
	public void setFilter(Filter f) {
		filter = f;
		reload(true);
	}

	// ---- loading ------------------------------------------------------------------------------------------

	private void reload(boolean withChoices) {
		long gen = ++generation;
		Filter f = filter;
		Sort s = sort;
		long start = System.nanoTime();
		summary.setText("Reading the exception queue ...");
		// the first page before the count: on a cold database the count can take seconds, the page does not
		background(() -> browser.page(f, s, 0, PAGE), first -> {
			if (gen != generation) {
				return;
			}
			pages.clear();
			loading.clear();
			pages.put(0, first);
			// GTK removes surplus rows one at a time (minutes for 700,000); emptying the table is one call
			table.removeAll();
			// the selection went with the rows; a detail left showing would be stale after an action
			detail.show(null);
			table.setItemCount(first.size());
			lastRefreshMillis = (System.nanoTime() - start) / 1_000_000;
			shownCount = -1;
			summary.setText(first.size() < PAGE ? exceptions(first.size()) + " (" + describe(f)
					+ ") - grouping root causes ..." : "Counting the exceptions (" + describe(f) + ") ...");
			summary.getParent().layout();
		});
		background(() -> browser.count(f), count -> {
			if (gen != generation) {
				return;
			}
			table.setItemCount((int) Math.min(Integer.MAX_VALUE, count));
			shownCount = count;
			if (rootCauses != null && causesShownFor == gen) {
				summary.setText(summaryLine(f, count, rootCauses.size()));
			} else {
				summary.setText(exceptions(count) + " (" + describe(f) + ")" + (f.rootCause() == null ? ""
						: ", one root cause") + " - grouping root causes ...");
			}
			summary.getParent().layout();
		});
		// root causes and filter choices wait for the queue's in-memory index (seconds at a million, once),
		// on a thread of their own so that the table's pages keep coming meanwhile
		try {
			causesWorker.execute(() -> {
				List<ExceptionBrowser.RootCause> found;
				ExceptionBrowser.FilterValues values;
				try {
					found = browser.rootCauses(f, 50);
					values = withChoices ? browser.filterValues() : null;
				} catch (RuntimeException e) {
					asyncIfAlive(() -> summary.setText("The root causes could not be read: " + e.getMessage()));
					return;
				}
				asyncIfAlive(() -> {
					if (values != null) {
						// the choices do not depend on the filter: still right when a newer reload overtook this one
						fillChoices(values);
					}
					if (gen != generation) {
						return;
					}
					rootCauses = found;
					causesShownFor = gen;
					showCauses();
					if (shownCount >= 0) {
						summary.setText(summaryLine(f, shownCount, found.size()));
						summary.getParent().layout();
					}
				});
			});
		} catch (RejectedExecutionException closed) {
			// the view is gone
		}
	}

	private static String summaryLine(Filter f, long count, int causeCount) {
		return exceptions(count) + " (" + describe(f) + ")" + (f.rootCause() != null ? ", one root cause"
				: " - " + causeCount + (causeCount == 1 ? " root cause" : " root causes"));
	}

	/** "1 exception", "2 exceptions", "612,345 exceptions". */
	static String exceptions(long n) {
		return String.format("%,d exception%s", n, n == 1 ? "" : "s");
	}

	private void fill(TableItem item, int index) {
		int page = index / PAGE;
		List<Row> rows = pages.get(page);
		if (rows == null) {
			item.setText(0, "...");
			requestPage(page);
			return;
		}
		int i = index % PAGE;
		if (i >= rows.size()) {
			return;
		}
		Row r = rows.get(i);
		item.setData(r);
		item.setText(new String[] { Long.toString(r.id()), age(r.createdAt()), r.state().name(),
				r.exceptionClass().name(), r.workflow(), r.system(), r.businessKey() == null ? "" : r.businessKey(),
				r.cause(), Integer.toString(r.attempts()), r.assignee() == null ? "" : r.assignee() });
	}

	private void requestPage(int page) {
		if (!loading.add(page)) {
			return;
		}
		long gen = generation;
		Filter f = filter;
		Sort s = sort;
		background(() -> browser.page(f, s, (long) page * PAGE, PAGE), rows -> {
			if (gen != generation) {
				return;
			}
			loading.remove(page);
			pages.put(page, rows);
			int first = page * PAGE;
			int last = Math.min(table.getItemCount(), first + rows.size()) - 1;
			if (last >= first) {
				table.clear(first, last);
			}
		});
	}

	private <T> void background(Supplier<T> work, Consumer<T> show) {
		try {
			worker.execute(() -> {
				T result;
				try {
					result = work.get();
				} catch (RuntimeException e) {
					asyncIfAlive(() -> summary.setText("The exception queue could not be read: " + e.getMessage()));
					return;
				}
				asyncIfAlive(() -> show.accept(result));
			});
		} catch (RejectedExecutionException closed) {
			// the view is gone
		}
	}

	private void asyncIfAlive(Runnable r) {
		if (isDisposed()) {
			return;
		}
		getDisplay().asyncExec(() -> {
			if (!isDisposed()) {
				r.run();
			}
		});
	}

	// ---- filters, sorting, root causes --------------------------------------------------------------------

	private void applyFilters() {
		Set<ExceptionState> states = switch (stateChoice.getSelectionIndex()) {
			case 0 -> EnumSet.complementOf(EnumSet.of(ExceptionState.RESOLVED));
			case 1 -> EnumSet.of(ExceptionState.OPEN);
			case 2 -> EnumSet.of(ExceptionState.RETRYING);
			case 3 -> EnumSet.of(ExceptionState.DEAD);
			case 4 -> EnumSet.of(ExceptionState.RESOLVED);
			default -> Set.of();
		};
		String assignee = switch (assigneeChoice.getSelectionIndex()) {
			case 0 -> null;
			case 1 -> ExceptionBrowser.UNASSIGNED;
			default -> assigneeChoice.getText();
		};
		filter = new Filter(states, chosen(workflowChoice), classChoice.getSelectionIndex() <= 0 ? null
				: ExceptionClass.valueOf(classChoice.getText()), chosen(systemChoice),
				ExceptionBrowser.Age.values()[Math.max(0, ageChoice.getSelectionIndex())], assignee, search.getText(),
				filter.rootCause() == null ? null : filter.rootCause());
		if (filter.rootCause() != null && filter.exceptionClass() == null) {
			filter = filter.withRootCause(null, null);
		}
		reload(false);
	}

	private void showRootCause(ExceptionBrowser.RootCause cause) {
		filter = cause == null ? filter.withRootCause(classChoice.getSelectionIndex() <= 0 ? null
				: ExceptionClass.valueOf(classChoice.getText()), null)
				: filter.withRootCause(cause.exceptionClass(), cause.causeKey());
		clearCause.setEnabled(cause != null);
		reload(false);
	}

	private void showCauses() {
		causes.removeAll();
		for (ExceptionBrowser.RootCause c : rootCauses) {
			TableItem item = new TableItem(causes, SWT.NONE);
			item.setText(new String[] { String.format("%,d", c.count()), c.exceptionClass().name(),
					c.causeKey() == null ? "(no cause)" : c.causeKey() });
			item.setData(c);
		}
	}

	private void sortBy(int column) {
		SortColumn c = SORT_OF_COLUMN[column];
		TableColumn tc = table.getColumn(column);
		boolean ascending;
		if (table.getSortColumn() == tc) {
			ascending = table.getSortDirection() != SWT.UP;
		} else {
			ascending = c != SortColumn.CREATED;
		}
		// the age column shows newest (youngest) first when "up"
		if (c == SortColumn.CREATED) {
			table.setSortDirection(ascending ? SWT.DOWN : SWT.UP);
		} else {
			table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
		}
		table.setSortColumn(tc);
		sort = new Sort(c, ascending);
		reload(false);
	}

	private void fillChoices(ExceptionBrowser.FilterValues values) {
		refill(workflowChoice, values.workflows());
		refill(systemChoice, values.systems());
		List<String> assignees = new ArrayList<>(List.of(ANY, "(unassigned)"));
		assignees.addAll(values.assignees());
		String current = assigneeChoice.getText();
		assigneeChoice.setItems(assignees.toArray(String[]::new));
		assigneeChoice.select(Math.max(0, assignees.indexOf(current)));
		getChildren()[0].getParent().layout(true, true);
	}

	private static void refill(Combo combo, List<String> values) {
		String current = combo.getText();
		List<String> items = new ArrayList<>(List.of(ANY));
		items.addAll(values);
		combo.setItems(items.toArray(String[]::new));
		combo.select(Math.max(0, items.indexOf(current)));
	}

	// ---- detail and actions -------------------------------------------------------------------------------

	private void showDetail() {
		List<Row> selected = selectedRows();
		detail.show(selected.isEmpty() ? null : selected.get(0));
	}

	/** The selected rows that are loaded. */
	public List<Row> selectedRows() {
		List<Row> rows = new ArrayList<>();
		for (TableItem item : table.getSelection()) {
			if (item.getData() instanceof Row r) {
				rows.add(r);
			}
		}
		return rows;
	}

	/** What a bulk action can act on. */
	enum QueueAction {
		RETRY, RESOLVE, EDIT_FIELD
	}

	private void act(QueueAction action) {
		openBulkDialog(action).open();
	}

	/** The bulk dialog for an action on the selection or the filter, created but not opened (tests open it). */
	BulkActionDialog openBulkDialog(QueueAction action) {
		List<Row> selected = selectedRows();
		long matching = table.getItemCount();
		return new BulkActionDialog(getShell(), action, actions, browser, filter, sort, selected, matching,
				() -> reload(true));
	}

	/** The field-edit dialog (created, not opened), as the "Edit field and replay" button makes it. */
	public BulkActionDialog fieldEditDialog() {
		return openBulkDialog(QueueAction.EDIT_FIELD);
	}

	private void editSelectedPayload() {
		List<Row> selected = selectedRows();
		if (selected.size() != 1) {
			summary.setText("Select one exception to edit its payload.");
			return;
		}
		long id = selected.get(0).id();
		background(() -> db.exceptions().get(id), found -> {
			PayloadEditorDialog dialog = found.isEmpty() ? null : payloadEditor(found.get());
			if (dialog != null) {
				dialog.open();
			}
		});
	}

	/**
	 * The payload editor for one exception (created, not opened), or {@code null} with the reason in the
	 * summary line when it has no received payload to edit (a delivery failure: retry it instead).
	 */
	public PayloadEditorDialog payloadEditor(io.crossbill.store.StoredException e) {
		if (e.originalPayload() == null || e.payloadTruncated()) {
			summary.setText("Exception " + e.id() + " has no " + (e.payloadTruncated() ? "complete " : "")
					+ "received payload to edit" + (e.originalPayload() == null ? " (it failed while delivering to "
							+ e.system() + "; retry it instead)." : "."));
			return null;
		}
		return new PayloadEditorDialog(getShell(), actions, e.id(), e.originalPayload(), () -> reload(true));
	}

	private void assignSelected() {
		List<Row> selected = selectedRows();
		if (selected.isEmpty()) {
			summary.setText("Select the exceptions to assign first.");
			return;
		}
		AssignDialog dialog = new AssignDialog(getShell(), selected.size(), selected.get(0).assignee());
		if (dialog.open() != AssignDialog.OK) {
			return;
		}
		String actor = actions.actor();
		background(() -> {
			for (Row r : selected) {
				browser.assign(r.id(), dialog.assignee(), dialog.note(), actor);
			}
			return selected.size();
		}, n -> reload(true));
	}

	// ---- export -------------------------------------------------------------------------------------------

	private void chooseCsvFile() {
		List<Row> selected = selectedRows();
		FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
		dialog.setText(selected.size() > 1 ? "Export the " + selected.size() + " selected exceptions"
				: "Export the exceptions the filter matches");
		dialog.setFilterExtensions(new String[] { "*.csv" });
		dialog.setFileName("exceptions.csv");
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		if (chosen != null) {
			exportCsv(Path.of(chosen), selected.size() > 1);
		}
	}

	/**
	 * Exports to a CSV file in a background job with progress: the selected rows, or everything the filter
	 * matches in the table's order (streamed from the store). The summary line says how it ended.
	 *
	 * @return the scheduled job (tests wait for it with {@code join()})
	 */
	public Job exportCsv(Path file, boolean selectionOnly) {
		List<Row> selected = selectionOnly ? selectedRows() : null;
		Filter f = filter;
		Sort s = sort;
		Job job = Job.create("Export exceptions to CSV", monitor -> {
			try {
				long n = selected != null ? ExceptionCsvExport.exportRows(selected, file)
						: ExceptionCsvExport.exportMatching(browser, f, s, file, monitor);
				asyncIfAlive(() -> summary.setText("Exported " + exceptions(n) + " to " + file + "."));
				return Status.OK_STATUS;
			} catch (OperationCanceledException cancelled) {
				asyncIfAlive(() -> summary.setText("Export cancelled; no file was written."));
				return Status.CANCEL_STATUS;
			} catch (java.io.IOException | RuntimeException e) {
				asyncIfAlive(() -> summary.setText("The export to " + file + " failed: " + e.getMessage()));
				return Status.error("The export to " + file + " failed: " + e.getMessage(), e);
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	private static String describe(Filter f) {
		List<String> parts = new ArrayList<>();
		if (f.states().isEmpty() || f.states().size() == ExceptionState.values().length) {
			parts.add("all states");
		} else if (f.states().equals(EnumSet.complementOf(EnumSet.of(ExceptionState.RESOLVED)))) {
			parts.add("unresolved");
		} else {
			f.states().forEach(s -> parts.add(s.name().toLowerCase()));
		}
		if (f.age() != ExceptionBrowser.Age.ANY) {
			parts.add(f.age().label());
		}
		return String.join(", ", parts);
	}

	/** "3 d", "5 h", "12 min": how long ago, in the unit that reads best. */
	static String age(Instant created) {
		Duration d = Duration.between(created, Instant.now());
		if (d.toDays() >= 1) {
			return d.toDays() + " d";
		}
		if (d.toHours() >= 1) {
			return d.toHours() + " h";
		}
		return Math.max(0, d.toMinutes()) + " min";
	}

	private static String chosen(Combo c) {
		return c.getSelectionIndex() <= 0 ? null : c.getText();
	}

	private static Combo choice(Composite bar, String label, List<String> values) {
		new Label(bar, SWT.NONE).setText(label);
		Combo c = new Combo(bar, SWT.READ_ONLY);
		List<String> items = new ArrayList<>();
		if (!values.contains(ANY) && !label.equals("State") && !label.equals("Age")) {
			items.add(ANY);
		}
		items.addAll(values);
		c.setItems(items.toArray(String[]::new));
		c.select(0);
		return c;
	}

	private static List<String> names(Enum<?>[] values) {
		List<String> names = new ArrayList<>();
		for (Enum<?> v : values) {
			names.add(v.name());
		}
		return names;
	}

	private static Button button(Composite parent, String text, org.eclipse.swt.widgets.Listener listener) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, listener);
		return b;
	}

	private static TableColumn column(Table t, String title, int width, int align) {
		TableColumn c = new TableColumn(t, align);
		c.setText(title);
		c.setWidth(width);
		return c;
	}

	EngineDatabase database() {
		return db;
	}
}
