package io.crossbill.ui.operate;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionBrowser;
import io.crossbill.store.StoredException;

/**
 * The detail of one exception: the plain-language cause and the suggested fix first, then the original
 * payload, the mapped output, the raw error, the attempts and the history, and where it belongs (the
 * workflow instance by business key, the lineage of the records it touched). Read off the UI thread.
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
	private final Text body;
	private final Font bold;
	private long showing = -1;

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

	/** The id of the exception shown, or -1. */
	public long shownId() {
		return showing;
	}

	/** Shows an exception (read in the background), or a hint when {@code row} is {@code null}. */
	public void show(ExceptionBrowser.Row row) {
		if (row == null) {
			showing = -1;
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
		try {
			worker.execute(() -> {
				Optional<StoredException> found;
				try {
					found = db.exceptions().get(id);
				} catch (RuntimeException e) {
					ui(id, () -> fix.setText("The exception could not be read: " + e.getMessage()));
					return;
				}
				ui(id, () -> fill(row, found.orElse(null)));
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
		StringBuilder b = new StringBuilder();
		b.append("Workflow instance: ").append(e.workflow()).append(" / ").append(e.businessKey())
				.append("    Records touched: ").append(e.entity()).append(' ').append(e.businessKey())
				.append(e.lineageId() == null ? "" : " (lineage " + e.lineageId() + ")")
				.append(e.outboxId() == null ? "" : ", outbox entry " + e.outboxId()).append('\n');
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
