package io.crossbill.ui.operate;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** Lists the records one exception touched ({@link RecordsTouched}): system, id, what happened and when. */
public class RecordsTouchedDialog extends Dialog {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneId.systemDefault());

	private final long exceptionId;
	private final List<RecordsTouched.Record> records;
	private Table table;

	RecordsTouchedDialog(Shell shell, long exceptionId, List<RecordsTouched.Record> records) {
		super(shell);
		this.exceptionId = exceptionId;
		this.records = records;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Records touched by exception " + exceptionId);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(1, false));
		Label intro = new Label(area, SWT.WRAP);
		intro.setText("The record the exception is about, its outbox entry, and what its workflow instance read or"
				+ " wrote, step by step (ids as the systems know them).");
		GridData introData = new GridData(SWT.FILL, SWT.TOP, true, false);
		introData.widthHint = 760;
		intro.setLayoutData(introData);
		table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		String[] titles = { "System", "Id", "What", "When" };
		int[] widths = { 140, 230, 420, 150 };
		for (int i = 0; i < titles.length; i++) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(titles[i]);
			c.setWidth(widths[i]);
		}
		for (RecordsTouched.Record r : records) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { r.system() == null ? "" : r.system(), r.id() == null ? "(none recorded)"
					: r.id(), r.what(), r.at() == null ? "" : TIME.format(r.at()) });
		}
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.heightHint = Math.min(16, Math.max(4, records.size() + 1)) * table.getItemHeight();
		table.setLayoutData(tableData);
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "Close", true);
	}

	/** The table of records, for tests. */
	public Table table() {
		return table;
	}
}
