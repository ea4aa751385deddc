package io.crossbill.ui.operate;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionBrowser;
import io.crossbill.store.StoredException;

/**
 * The detail of one exception: the plain-language cause and the suggested fix first, then the original
 * payload, the mapped output, the raw error, the attempts and the history, and where it belongs: a link to
 * the workflow instance (its business key, followed in the workflow monitor) and one to the records it
 * touched ({@link RecordsTouched}, listed in a dialog). Read off the UI thread.
 */
public class ExceptionDetailPane extends Composite {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneId.systemDefault());
	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final EngineDatabase db;
	private final ExecutorService worker;
	private final Label title;
	private final Label cause;
	private final Label fix;
	private final Link instance;
	private final Link records;
	private final Text body;
	private final Font bold;
	private long showing = -1;
	private StoredException shown;
	private List<RecordsTouched.Record> touched = List.of();
	private Consumer<String> instanceFollower;

	public ExceptionDetailPane(Composite parent, EngineDatabase db) {
		super(parent, SWT.BORDER);
		this.db = db;
		this.worker = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "crossbill exception detail");
			t.setDaemon(true);
			return t;
		});
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 8;
		layout.marginHeight = 6;
		setLayout(layout);
		title = new Label(this, SWT.NONE);
		title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		FontData[] data = title.getFont().getFontData();
		for (FontData d : data) {
			d.setStyle(SWT.BOLD);
		}
		bold = new Font(getDisplay(), data);
		title.setFont(bold);
		cause = new Label(this, SWT.WRAP);
		cause.setLayoutData(wide());
		cause.setFont(bold);
		fix = new Label(this, SWT.WRAP);
		fix.setLayoutData(wide());
		instance = new Link(this, SWT.NONE);
		instance.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		instance.addListener(SWT.Selection, e -> followInstance());
		records = new Link(this, SWT.NONE);
		records.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		records.addListener(SWT.Selection, e -> openRecordsTouched());
		body = new Text(this, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
		body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		addDisposeListener(e -> {
			worker.shutdownNow();
			bold.dispose();
		});
		show(null);
	}

	/** The cause line shown (for tests). */
	public String causeText() {
		return cause.getText();
	}

	/** The suggested-fix line shown. */
	public String fixText() {
		return fix.getText();
	}

	/** Payload, mapped output, raw error, attempts and history as shown. */
	public String bodyText() {
		return body.getText();
	}

	/** The "Workflow instance" link as shown. */
	public Link instanceLink() {
		return instance;
	}

	/** The "Records touched" link as shown. */
	public Link recordsLink() {
		return records;
	}

	/** The records the shown exception touched, once read (empty before). */
	public List<RecordsTouched.Record> recordsTouched() {
		return touched;
	}

	/**
	 * What the "Workflow instance" link does with the business key (the part shows it in the workflow monitor);
	 * without one the instance is shown as plain text.
	 */
	public void setInstanceFollower(Consumer<String> follower) {
		instanceFollower = follower;
		if (shown != null) {
			fillLinks(shown);
		}
	}

	/** Follows the shown exception's workflow instance, as a click on its link does. */
	public void followInstance() {
		if (shown != null && shown.businessKey() != null && instanceFollower != null) {
			instanceFollower.accept(shown.businessKey());
		}
	}

	/**
	 * The dialog listing the records the shown exception touched, created but not opened (tests open it);
	 * {@code null} when no exception is shown.
	 */
	public RecordsTouchedDialog recordsTouchedDialog() {
		return shown == null ? null : new RecordsTouchedDialog(getShell(), shown.id(), touched);
	}

	private void openRecordsTouched() {
		RecordsTouchedDialog dialog = recordsTouchedDialog();
		if (dialog != null) {
			dialog.open();
		}
	}

	/** The id of the exception shown, or -1. */
	public long shownId() {
		return showing;
	}

	/** Shows an exception (read in the background), or a hint when {@code row} is {@code null}. */
	public void show(ExceptionBrowser.Row row) {
		if (row == null) {
			showing = -1;
			shown = null;
			touched = List.of();
			instance.setText("");
			records.setText("");
			title.setText("No exception selected");
			cause.setText("Select an exception to see its cause, the suggested fix, its payload and its history.");
			fix.setText("");
			body.setText("");
			layout(true, true);
			return;
		}
		long id = row.id();
		showing = id;
		title.setText("Exception " + id + " \u00b7 " + row.exceptionClass() + " \u00b7 " + row.state());
		cause.setText(row.cause());
		fix.setText("Reading ...");
		shown = null;
		touched = List.of();
		instance.setText("");
		records.setText("");
		try {
			worker.execute(() -> {
				Optional<StoredException> found;
				List<RecordsTouched.Record> recordsFound;
				try {
					found = db.exceptions().get(id);
					recordsFound = found.isEmpty() ? List.of() : RecordsTouched.of(db, found.get());
				} catch (RuntimeException e) {
					ui(id, () -> fix.setText("The exception could not be read: " + e.getMessage()));
					return;
				}
				ui(id, () -> {
					touched = recordsFound;
					fill(row, found.orElse(null));
				});
			});
		} catch (RejectedExecutionException gone) {
			// disposed
		}
	}

	private void ui(long id, Runnable r) {
		if (isDisposed()) {
			return;
		}
		getDisplay().asyncExec(() -> {
			if (!isDisposed() && showing == id) {
				r.run();
			}
		});
	}

	private void fill(ExceptionBrowser.Row row, StoredException e) {
		if (e == null) {
			fix.setText("There is no exception " + row.id() + " any more.");
			return;
		}
		title.setText("Exception " + e.id() + " \u00b7 " + e.exceptionClass() + " \u00b7 " + e.state() + " \u00b7 "
				+ e.workflow() + " / " + e.step() + " \u00b7 " + e.system());
		cause.setText(e.cause());
		fix.setText("Suggested fix: " + (e.suggestedFix() == null ? "none recorded" : e.suggestedFix()));
		shown = e;
		fillLinks(e);
		StringBuilder b = new StringBuilder();
		b.append("Attempts: ").append(e.attempts()).append("    Created ").append(TIME.format(e.createdAt()))
				.append("    Updated ").append(TIME.format(e.updatedAt()));
		if (row.assignee() != null) {
			b.append("    Assigned to ").append(row.assignee());
		}
		b.append("\n\n");
		section(b, "Original payload" + (e.originalPayload() == null ? "" : " (" + e.payloadSize() + " bytes"
				+ (e.payloadTruncated() ? ", truncated" : "") + ")"), e.originalPayload());
		section(b, "Mapped output", e.mappedOutput());
		b.append("Raw error\n").append(e.detail() == null ? "(none recorded)" : e.detail()).append("\n\n");
		b.append("History\n");
		for (StoredException.HistoryEntry h : e.history()) {
			b.append("  ").append(TIME.format(h.at())).append("  ").append(h.action()).append(" by ").append(h.actor())
					.append(": ").append(h.fromState() == null ? "" : h.fromState() + " -> ").append(h.toState())
					.append(h.note() == null ? "" : "  " + h.note()).append('\n');
		}
		if (row.note() != null) {
			b.append("\nLatest note: ").append(row.note()).append('\n');
		}
		body.setText(b.toString());
		layout(true, true);
	}

	private void fillLinks(StoredException e) {
		String key = e.businessKey() == null ? "(no business key recorded)" : escape(e.businessKey());
		String where = escape(e.workflow()) + " / " + key;
		instance.setText("Workflow instance: " + (e.businessKey() != null && instanceFollower != null
				? "<a>" + where + "</a>  (follow it in the workflow monitor)" : where));
		String entity = e.entity() == null ? "record" : escape(e.entity());
		int more = Math.max(0, touched.size() - 1);
		records.setText("Records touched: <a>" + entity + " " + key + (more == 0 ? "" : " and " + more + " more")
				+ "</a>" + (e.lineageId() == null ? "" : "  (lineage " + escape(e.lineageId()) + ")")
				+ (e.outboxId() == null ? "" : ", outbox entry " + e.outboxId()));
	}

	/** Link text: a single "&" would be a mnemonic. */
	private static String escape(String s) {
		return s == null ? "" : s.replace("&", "&&");
	}

	private static void section(StringBuilder b, String heading, byte[] bytes) {
		b.append(heading).append('\n');
		if (bytes == null) {
			b.append("(none)\n\n");
			return;
		}
		String text;
		try {
			text = JSON.writeValueAsString(JSON.readTree(bytes));
		} catch (java.io.IOException notJson) {
			text = new String(bytes, StandardCharsets.UTF_8);
		}
		b.append(text).append("\n\n");
	}

	private static GridData wide() {
		GridData d = new GridData(SWT.FILL, SWT.TOP, true, false);
		d.widthHint = 400;
		return d;
	}
}
