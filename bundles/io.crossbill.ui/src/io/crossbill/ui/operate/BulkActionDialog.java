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
 * Retry or resolve the selected exceptions, or every exception the filter matches (up to {@value #LIMIT}),
 * always through a dry run first: the dry run lists, for every exception, its state before and after and
 * what the engine would do or why it would not; "Apply" is enabled only after it and writes through
 * {@link ExceptionActions}, which records history and audit.
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
		shell.setText(action == ExceptionQueueView.QueueAction.RETRY ? "Retry exceptions" : "Resolve exceptions");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(2, false));
		onSelection = new Button(area, SWT.RADIO);
		onSelection.setText("The " + selected.size() + " selected exception" + (selected.size() == 1 ? "" : "s"));
		onSelection.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		Button onFilter = new Button(area, SWT.RADIO);
		onFilter.setText(String.format("All %,d exceptions the filter matches%s", matching,
				matching > LIMIT ? " (the first " + LIMIT + " in the table's order)" : ""));
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
		outcomes = new Table(area, SWT.BORDER | SWT.FULL_SELECTION);
		outcomes.setHeaderVisible(true);
		outcomes.setLinesVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		tableData.heightHint = 260;
		tableData.widthHint = 820;
		outcomes.setLayoutData(tableData);
		String[] titles = { "Id", "Before", "After", "Result", "What happens" };
		int[] widths = { 70, 80, 80, 90, 480 };
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
			List<ActionOutcome> result = new ArrayList<>();
			String failure = null;
			try {
				List<Long> ids = chosenIds.isEmpty() && !selection ? browser.ids(filter, sort, LIMIT) : chosenIds;
				for (long exceptionId : ids) {
					result.add(action == ExceptionQueueView.QueueAction.RETRY ? actions.retry(exceptionId, dryRun)
							: actions.resolve(exceptionId, why, dryRun));
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

	private void show(List<ActionOutcome> result, boolean dryRun, String problem) {
		outcomes.removeAll();
		List<Long> ids = new ArrayList<>();
		for (ActionOutcome o : result) {
			TableItem item = new TableItem(outcomes, SWT.NONE);
			item.setText(new String[] { Long.toString(o.exceptionId()), o.before().name(), o.after().name(),
					o.verdict().name(), o.message() });
			ids.add(o.exceptionId());
		}
		long refused = result.stream().filter(ActionOutcome::refused).count();
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
	Table outcomes() {
		return outcomes;
	}
}
