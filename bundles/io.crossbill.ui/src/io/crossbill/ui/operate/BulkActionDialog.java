package io.crossbill.ui.operate;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.crossbill.engine.exceptions.ActionOutcome;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.store.ExceptionBrowser;

/**
 * Retry, resolve, or edit one payload field with a JSONata expression and replay - on the selected
 * exceptions, or every exception the filter matches (up to {@value #LIMIT}) - always through a dry run
 * first: the dry run lists, for every exception, its state before and after and what the engine would do
 * or why it would not (for a field edit: the field's value before and after, and what validation against
 * the target found); "Apply" is enabled only after it, is disabled again when the field or expression is
 * changed, and writes through {@link ExceptionActions}, which records history and audit.
 */
public class BulkActionDialog extends Dialog {

	/** At most this many exceptions are handled by one "everything matching" action. */
	public static final int LIMIT = 1000;

	private final ExceptionQueueView.QueueAction action;
	private final ExceptionActions actions;
	private final ExceptionBrowser browser;
	private final ExceptionBrowser.Filter filter;
	private final ExceptionBrowser.Sort sort;
	private final List<ExceptionBrowser.Row> selected;
	private final long matching;
	private final Runnable afterApply;
	private Button onSelection;
	private Text reason;
	private Text pointer;
	private Text expression;
	private Table outcomes;
	private Label status;
	private List<Long> dryRunIds = List.of();

	BulkActionDialog(Shell shell, ExceptionQueueView.QueueAction action, ExceptionActions actions,
			ExceptionBrowser browser, ExceptionBrowser.Filter filter, ExceptionBrowser.Sort sort,
			List<ExceptionBrowser.Row> selected, long matching, Runnable afterApply) {
		super(shell);
		this.action = action;
		this.actions = actions;
		this.browser = browser;
		this.filter = filter;
		this.sort = sort;
		this.selected = selected;
		this.matching = matching;
		this.afterApply = afterApply;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(switch (action) {
			case RETRY -> "Retry exceptions";
			case RESOLVE -> "Resolve exceptions";
			case EDIT_FIELD -> "Edit a field and replay";
		});
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(2, false));
		onSelection = new Button(area, SWT.RADIO);
		onSelection.setText(selected.isEmpty() ? "The selected exceptions (none are selected)" : selected.size() == 1
				? "The selected exception" : "The " + selected.size() + " selected exceptions");
		onSelection.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		Button onFilter = new Button(area, SWT.RADIO);
		onFilter.setText(matching == 1 ? "The one exception the filter matches" : String.format(
				"All %,d exceptions the filter matches%s", matching, matching > LIMIT ? " (the first " + LIMIT
						+ " in the table's order)" : ""));
		onFilter.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		onSelection.setSelection(!selected.isEmpty());
		onSelection.setEnabled(!selected.isEmpty());
		onFilter.setSelection(selected.isEmpty());
		if (action == ExceptionQueueView.QueueAction.RESOLVE) {
			new Label(area, SWT.NONE).setText("Reason");
			reason = new Text(area, SWT.BORDER);
			reason.setMessage("Why these need no further work, e.g. fixed in Xero by hand");
			reason.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		}
		if (action == ExceptionQueueView.QueueAction.EDIT_FIELD) {
			new Label(area, SWT.NONE).setText("Field (JSON pointer)");
			pointer = new Text(area, SWT.BORDER);
			pointer.setMessage("e.g. /projectId or /properties/region");
			pointer.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			new Label(area, SWT.NONE).setText("New value (JSONata)");
			expression = new Text(area, SWT.BORDER);
			expression.setMessage("e.g. $replace($value, \"EMEA-\", \"EU-\") - $value is the field, the payload is the input");
			expression.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			for (Text t : List.of(pointer, expression)) {
				// a changed edit needs a new dry run before it can be applied
				t.addListener(SWT.Modify, e -> {
					if (getButton(IDialogConstants.OK_ID) != null) {
						getButton(IDialogConstants.OK_ID).setEnabled(false);
					}
				});
			}
		}
		outcomes = new Table(area, SWT.BORDER | SWT.FULL_SELECTION);
		outcomes.setHeaderVisible(true);
		outcomes.setLinesVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		tableData.heightHint = 260;
		tableData.widthHint = 820;
		outcomes.setLayoutData(tableData);
		boolean edit = action == ExceptionQueueView.QueueAction.EDIT_FIELD;
		String[] titles = edit ? new String[] { "Id", "Business key", "Field before", "Field after", "Result",
				"Validation / what happens" } : new String[] { "Id", "Before", "After", "Result", "What happens" };
		int[] widths = edit ? new int[] { 70, 140, 140, 140, 90, 520 } : new int[] { 70, 80, 80, 90, 480 };
		tableData.widthHint = edit ? 1080 : 820;
		for (int i = 0; i < titles.length; i++) {
			TableColumn c = new TableColumn(outcomes, SWT.LEFT);
			c.setText(titles[i]);
			c.setWidth(widths[i]);
		}
		status = new Label(area, SWT.WRAP);
		status.setText("Run the dry run to see what would happen; nothing is written until you apply.");
		status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.DETAILS_ID, "Dry run", true);
		createButton(parent, IDialogConstants.OK_ID, "Apply", false).setEnabled(false);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, false);
	}

	@Override
	protected void buttonPressed(int id) {
		if (id == IDialogConstants.DETAILS_ID) {
			run(true);
		} else if (id == IDialogConstants.OK_ID) {
			run(false);
		} else {
			super.buttonPressed(id);
		}
	}

	private void run(boolean dryRun) {
		String why = reason == null ? null : reason.getText().strip();
		if (reason != null && why.isEmpty()) {
			status.setText("A reason is needed to resolve: it goes into each exception's history and the audit trail.");
			return;
		}
		String field = pointer == null ? null : pointer.getText().strip();
		String expr = expression == null ? null : expression.getText().strip();
		if (pointer != null && (field.isEmpty() || expr.isEmpty())) {
			status.setText("Name the field to change (a JSON pointer such as /projectId) and the expression that"
					+ " computes its new value.");
			return;
		}
		boolean selection = onSelection.getSelection();
		List<Long> chosenIds = new ArrayList<>();
		if (selection) {
			selected.forEach(r -> chosenIds.add(r.id()));
		}
		if (!dryRun && !selection) {
			chosenIds.addAll(dryRunIds);
		}
		getButton(IDialogConstants.OK_ID).setEnabled(false);
		getButton(IDialogConstants.DETAILS_ID).setEnabled(false);
		status.setText(dryRun ? "Dry run ..." : "Applying ...");
		Shell shell = getShell();
		Thread t = new Thread(() -> {
			List<Outcome> result = new ArrayList<>();
			String failure = null;
			try {
				List<Long> ids = chosenIds.isEmpty() && !selection ? browser.ids(filter, sort, LIMIT) : chosenIds;
				if (action == ExceptionQueueView.QueueAction.EDIT_FIELD) {
					for (ExceptionActions.FieldChange c : actions.replayAllWithExpression(ids, field, expr, dryRun)) {
						result.add(Outcome.of(c));
					}
				} else {
					for (long exceptionId : ids) {
						result.add(Outcome.of(action == ExceptionQueueView.QueueAction.RETRY
								? actions.retry(exceptionId, dryRun) : actions.resolve(exceptionId, why, dryRun)));
					}
				}
			} catch (RuntimeException e) {
				failure = e.getMessage();
			}
			String problem = failure;
			shell.getDisplay().asyncExec(() -> {
				if (shell.isDisposed()) {
					return;
				}
				show(result, dryRun, problem);
			});
		}, "crossbill bulk " + action.name().toLowerCase());
		t.setDaemon(true);
		t.start();
	}

	/** One row of the outcomes table: the engine's outcome and the cells shown for it. */
	private record Outcome(ActionOutcome outcome, String[] cells) {

		static Outcome of(ActionOutcome o) {
			return new Outcome(o, new String[] { Long.toString(o.exceptionId()), o.before().name(), o.after().name(),
					o.verdict().name(), o.message() });
		}

		static Outcome of(ExceptionActions.FieldChange c) {
			ActionOutcome o = c.outcome();
			String what = o.problems().isEmpty() ? o.message()
					: o.message().startsWith("The edited payload was not accepted") ? "Invalid: "
							+ String.join("; ", o.problems()) : o.message();
			return new Outcome(o, new String[] { Long.toString(c.exceptionId()),
					c.businessKey() == null ? "" : c.businessKey(), value(c.before()), value(c.after()),
					o.verdict().name(), what });
		}

		private static String value(com.fasterxml.jackson.databind.JsonNode v) {
			return v == null ? "(failed)" : v.isMissingNode() ? "(missing)" : v.toString();
		}
	}

	private void show(List<Outcome> result, boolean dryRun, String problem) {
		outcomes.removeAll();
		List<Long> ids = new ArrayList<>();
		for (Outcome o : result) {
			TableItem item = new TableItem(outcomes, SWT.NONE);
			item.setText(o.cells());
			if (o.outcome().refused()) {
				item.setForeground(outcomes.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
			}
			ids.add(o.outcome().exceptionId());
		}
		// the last column holds whole sentences: as wide as its longest, with a scroll bar rather than cut off
		outcomes.getColumn(outcomes.getColumnCount() - 1).pack();
		long refused = result.stream().filter(o -> o.outcome().refused()).count();
		String line = String.format("%s: %d %s, %d refused.", dryRun ? "Dry run, nothing written" : "Applied",
				result.size() - refused, dryRun ? "would be done" : "done", refused);
		status.setText(problem == null ? line : line + " Stopped: " + problem);
		getButton(IDialogConstants.DETAILS_ID).setEnabled(true);
		if (dryRun) {
			dryRunIds = ids;
			getButton(IDialogConstants.OK_ID).setEnabled(result.size() > refused);
		} else {
			afterApply.run();
		}
	}

	/** The outcomes table (for tests). */
	public Table outcomes() {
		return outcomes;
	}

	/** The line under the table: what the dry run or apply did (for tests). */
	public Label status() {
		return status;
	}

	/** Fills in the field edit (for tests driving the dialog as a user would). */
	public void setFieldEdit(String jsonPointer, String jsonata) {
		pointer.setText(jsonPointer);
		expression.setText(jsonata);
	}

	/** Presses "Dry run" ({@code true}) or "Apply" ({@code false}), as the buttons do. */
	public void press(boolean dryRun) {
		buttonPressed(dryRun ? IDialogConstants.DETAILS_ID : IDialogConstants.OK_ID);
	}

	/** Whether "Apply" can be pressed now. */
	public boolean canApply() {
		return getButton(IDialogConstants.OK_ID).isEnabled();
	}
}
