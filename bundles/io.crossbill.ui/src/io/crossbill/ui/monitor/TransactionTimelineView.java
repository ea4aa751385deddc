package io.crossbill.ui.monitor;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.SagaStats;
import io.crossbill.store.StoredException;

/**
 * Follow one business transaction: type a deal id, time entry id, invoice number or any system's id and see
 * every saga it went through, across workflows and systems, as one timeline - each step with the system
 * written to, the id it got there and the payload sent, and each exception filed on the way with its cause
 * and suggested fix. The search runs off the UI thread.
 */
public class TransactionTimelineView extends Composite {

	/** The timeline's column titles. */
	public static final List<String> COLUMNS = List.of("When", "Workflow", "Business key", "Step", "System", "State",
			"Id in system", "Detail");

	private final ZoneId zone;
	private final SagaStats stats;
	private final Text query;
	private final Button follow;
	private final Label summary;
	private final Table table;
	private final StyledText payload;
	private final Color failedColour;
	private final Color exceptionFill;
	private final Color doneColour;
	private final BackgroundRefresh<SagaStats.Timeline> search;
	private volatile String asked = "";
	private SagaStats.Timeline timeline;
	private List<SagaStats.TimelineEvent> events = List.of();

	public TransactionTimelineView(Composite parent, EngineDatabase db, ZoneId zone) {
		super(parent, SWT.NONE);
		this.zone = zone;
		this.stats = new SagaStats(db);
		failedColour = new Color(0xc5, 0x30, 0x30);
		exceptionFill = new Color(0xfd, 0xf0, 0xe0);
		doneColour = new Color(0x2f, 0x85, 0x5a);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		setLayout(layout);

		Composite bar = new Composite(this, SWT.NONE);
		GridLayout barLayout = new GridLayout(3, false);
		barLayout.marginHeight = 4;
		barLayout.marginWidth = 8;
		bar.setLayout(barLayout);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(bar, SWT.NONE).setText("Follow");
		query = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
		query.setMessage("deal id, time entry id, invoice number or a system's id");
		GridData queryData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
		queryData.widthHint = 320;
		query.setLayoutData(queryData);
		follow = new Button(bar, SWT.PUSH);
		follow.setText("Follow");
		summary = new Label(this, SWT.WRAP);
		GridData summaryData = new GridData(SWT.FILL, SWT.TOP, true, false);
		summaryData.horizontalIndent = 8;
		summaryData.widthHint = 400;
		summary.setLayoutData(summaryData);
		summary.setText("Type what you know of a deal, time entry or invoice and press Enter.");

		SashForm sash = new SashForm(this, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table = new Table(sash, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		int[] widths = { 130, 150, 190, 110, 100, 80, 150, 380 };
		for (int i = 0; i < COLUMNS.size(); i++) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(COLUMNS.get(i));
			c.setWidth(widths[i]);
		}
		payload = new StyledText(sash, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL | SWT.READ_ONLY);
		payload.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
		payload.setText("Select a step to see the payload sent, or an exception to see its cause.");
		payload.setMargins(6, 4, 6, 4);
		sash.setWeights(60, 40);

		search = new BackgroundRefresh<>(this, "crossbill-follow", () -> stats.follow(asked, 100), this::show, e -> {
			summary.setText(e.getMessage());
			follow.setEnabled(true);
		});
		query.addListener(SWT.DefaultSelection, e -> follow(query.getText()));
		follow.addListener(SWT.Selection, e -> follow(query.getText()));
		table.addListener(SWT.Selection, e -> showDetail(table.getSelectionIndex()));
	}

	/** Looks for the text (as pressing Follow does); the result shows when the search is done. */
	public void follow(String text) {
		if (!query.getText().equals(text)) {
			query.setText(text);
		}
		asked = text;
		follow.setEnabled(false);
		summary.setText("Looking for '" + text.trim() + "' ...");
		search.now();
	}

	/** What the last search found, or {@code null} before the first. */
	public SagaStats.Timeline timeline() {
		return timeline;
	}

	/** The timeline table, for tests. */
	public Table table() {
		return table;
	}

	/** The text under the table: the payload or exception of the selected row. */
	public String detailText() {
		return payload.getText();
	}

	/** The line above the timeline ("3 sagas in 3 workflows ..."). */
	public String summaryText() {
		return summary.getText();
	}

	/** Selects a row as a click does and shows its payload or exception. */
	public void select(int row) {
		table.setSelection(row);
		showDetail(row);
	}

	private void show(SagaStats.Timeline found) {
		follow.setEnabled(true);
		if (!found.query().equals(asked.trim())) {
			return; // an older search; the newer one is on its way
		}
		timeline = found;
		events = found.events();
		table.setRedraw(false);
		try {
			table.removeAll();
			Instant latest = events.isEmpty() ? Instant.now() : events.get(events.size() - 1).at();
			for (SagaStats.TimelineEvent e : events) {
				TableItem item = new TableItem(table, SWT.NONE);
				item.setText(row(e, latest, zone).toArray(String[]::new));
				if (e.isException()) {
					item.setBackground(exceptionFill);
					item.setForeground(failedColour);
				} else if ("FAILED".equals(e.state()) || "BLOCKED".equals(e.state())) {
					item.setForeground(failedColour);
				} else if ("DONE".equals(e.state())) {
					item.setForeground(5, doneColour);
				}
			}
		} finally {
			table.setRedraw(true);
		}
		summary.setText(summary(found));
		payload.setText(events.isEmpty() ? "" : "Select a step to see the payload sent, or an exception to see its cause.");
		layout(true, true);
	}

	/** The cells of one timeline row. */
	static List<String> row(SagaStats.TimelineEvent e, Instant now, ZoneId zone) {
		List<String> cells = new ArrayList<>();
		cells.add(MonitorFormat.when(e.at(), now, zone));
		cells.add(e.workflow());
		cells.add(e.businessKey() == null ? "" : e.businessKey());
		cells.add(e.isException() ? "exception at " + e.step() : e.step());
		cells.add(e.system() == null ? "" : e.system());
		cells.add(e.state());
		cells.add(e.targetId() == null ? "" : e.targetId());
		cells.add(e.detail() == null ? "" : e.detail().replace('\n', ' '));
		return cells;
	}

	/** The line above the timeline: how many sagas in which workflows, and the exceptions on the way. */
	static String summary(SagaStats.Timeline t) {
		if (t.isEmpty()) {
			return "Nothing found for '" + t.query() + "': no saga's business key, step, payload or billed item"
					+ " mentions it. Check the id, or whether the workflow has run since.";
		}
		Set<String> workflows = new LinkedHashSet<>();
		long exceptions = 0;
		List<String> states = new ArrayList<>();
		for (SagaStats.FollowedSaga f : t.sagas()) {
			workflows.add(f.saga().workflow());
			exceptions += f.exceptions().size();
			states.add(f.saga().businessKey() + " " + f.saga().state());
		}
		return "'" + t.query() + "': " + t.sagas().size() + (t.sagas().size() == 1 ? " saga" : " sagas") + " in "
				+ workflows.size() + (workflows.size() == 1 ? " workflow" : " workflows") + ", " + exceptions
				+ (exceptions == 1 ? " exception" : " exceptions") + " on the way  (" + String.join(", ", states) + ")";
	}

	private void showDetail(int row) {
		if (row < 0 || row >= events.size()) {
			return;
		}
		payload.setText(detail(events.get(row)));
	}

	/** What the detail pane shows for one row: the payload, or the exception with its cause and fix. */
	static String detail(SagaStats.TimelineEvent e) {
		StringBuilder s = new StringBuilder();
		if (e.isException()) {
			StoredException x = e.exception();
			s.append("Exception #").append(x.id()).append(" (").append(x.exceptionClass()).append(", ")
					.append(x.state()).append(") at step ").append(x.step()).append(" in ").append(x.system())
					.append("\n\nCause: ").append(x.cause());
			if (x.suggestedFix() != null) {
				s.append("\nSuggested fix: ").append(x.suggestedFix());
			}
			s.append("\n\nPayload as received:\n");
		} else {
			s.append(e.workflow()).append(" / ").append(e.step()).append(": ").append(e.state());
			if (e.system() != null) {
				s.append(" in ").append(e.system());
			}
			if (e.targetId() != null) {
				s.append(" as ").append(e.targetId());
			}
			if (e.detail() != null && !e.detail().isBlank()) {
				s.append("\n").append(e.detail());
			}
			s.append("\n\nPayload sent:\n");
		}
		String p = MonitorFormat.payload(e.payload());
		s.append(p.isEmpty() ? "(none recorded for this step)" : p);
		return s.toString();
	}
}
