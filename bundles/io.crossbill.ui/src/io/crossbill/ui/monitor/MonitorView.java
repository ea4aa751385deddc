package io.crossbill.ui.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.SagaStats;
import io.crossbill.workflow.Workflows;

/**
 * The workflow monitor: the four workflows as a diagram with live counts (refreshed every two seconds off
 * the UI thread), charts of the chosen window, and "follow a transaction". Runs without the workbench:
 * give it a parent, the engine's database and a clock.
 */
public class MonitorView extends Composite {

	/** How often the diagram's counts are read again. */
	public static final long REFRESH_MILLIS = 2000;

	/** The windows an analyst can look back over. */
	public enum Window {
		HOUR("last hour", Duration.ofHours(1), Duration.ofMinutes(1)),
		DAY("last day", Duration.ofDays(1), Duration.ofMinutes(30)),
		MONTH("last month", Duration.ofDays(30), Duration.ofDays(1));

		/** The name shown, e.g. "last hour". */
		public final String label;
		/** How far back. */
		public final Duration length;
		/** The charts' bucket size. */
		public final Duration bucket;

		Window(String label, Duration length, Duration bucket) {
			this.label = label;
			this.length = length;
			this.bucket = bucket;
		}
	}

	private final EngineDatabase db;
	private final Clock clock;
	private final SagaStats stats;
	private final Combo windowChoice;
	private final Label status;
	private final CTabFolder tabs;
	private final WorkflowDiagram diagram;
	private final MonitorCharts charts;
	private final TransactionTimelineView timeline;
	private final BackgroundRefresh<WorkflowDiagram.Model> refresh;
	private volatile Window window = Window.HOUR;
	private long refreshes;

	public MonitorView(Composite parent, EngineDatabase db, Clock clock) {
		super(parent, SWT.NONE);
		this.db = db;
		this.clock = clock;
		this.stats = new SagaStats(db);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 0;
		setLayout(layout);

		Composite bar = new Composite(this, SWT.NONE);
		GridLayout barLayout = new GridLayout(3, false);
		barLayout.marginHeight = 4;
		barLayout.marginWidth = 8;
		bar.setLayout(barLayout);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(bar, SWT.NONE).setText("Counts and charts over the");
		windowChoice = new Combo(bar, SWT.READ_ONLY);
		for (Window w : Window.values()) {
			windowChoice.add(w.label);
		}
		windowChoice.select(0);
		status = new Label(bar, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		status.setText("Reading the workflows' state ...");

		tabs = new CTabFolder(this, SWT.FLAT | SWT.TOP);
		tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

		CTabItem diagramTab = new CTabItem(tabs, SWT.NONE);
		diagramTab.setText("Diagram");
		ScrolledComposite scroller = new ScrolledComposite(tabs, SWT.V_SCROLL | SWT.H_SCROLL);
		diagram = new WorkflowDiagram(scroller, SWT.NONE);
		scroller.setContent(diagram);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		scroller.setMinSize(diagram.computeSize(SWT.DEFAULT, SWT.DEFAULT));
		diagramTab.setControl(scroller);

		CTabItem chartsTab = new CTabItem(tabs, SWT.NONE);
		chartsTab.setText("Charts");
		charts = new MonitorCharts(tabs, db, clock);
		chartsTab.setControl(charts);

		CTabItem followTab = new CTabItem(tabs, SWT.NONE);
		followTab.setText("Follow a transaction");
		timeline = new TransactionTimelineView(tabs, db, ZoneId.systemDefault());
		followTab.setControl(timeline);
		tabs.setSelection(diagramTab);

		refresh = new BackgroundRefresh<>(this, "crossbill-monitor-refresh", this::readModel, this::show,
				e -> status.setText("Cannot read the workflows' state: " + e.getMessage()));
		windowChoice.addListener(SWT.Selection, e -> {
			window = Window.values()[windowChoice.getSelectionIndex()];
			charts.setWindow(window);
			refresh.now();
		});
		refresh.every(REFRESH_MILLIS);
	}

	/** What the diagram shows; run off the UI thread. */
	private WorkflowDiagram.Model readModel() {
		Window w = window;
		Instant now = clock.instant();
		List<SagaStats.StepCounts> steps = stats.stepCounts(now.minus(w.length));
		Set<String> paused = new LinkedHashSet<>();
		for (String name : Workflows.NAMES) {
			if (db.sagas().paused(name)) {
				paused.add(name);
			}
		}
		Map<String, Long> unsettled = stats.unsettledExceptions();
		return new WorkflowDiagram.Model(steps, stats.sagaCounts(), unsettled, paused, w.label, now);
	}

	private void show(WorkflowDiagram.Model model) {
		refreshes++;
		diagram.setModel(model);
		long running = model.sagas().values().stream()
				.mapToLong(m -> m.getOrDefault(io.crossbill.store.Sagas.State.RUNNING, 0L)).sum();
		long waiting = model.unsettledExceptions().values().stream().mapToLong(Long::longValue).sum();
		status.setText("Updated " + MonitorFormat.when(model.at(), model.at(), ZoneId.systemDefault()) + ":  "
				+ running + (running == 1 ? " saga" : " sagas") + " running,  " + waiting + (waiting == 1
						? " exception" : " exceptions") + " waiting.  Arrows: sagas that passed in the "
				+ model.windowName()
				+ (model.paused().isEmpty() ? "" : ",  paused: " + String.join(", ", model.paused())));
		status.getParent().layout();
	}

	/** The diagram, for tests and screenshots. */
	public WorkflowDiagram diagram() {
		return diagram;
	}

	/** The charts tab's content. */
	public MonitorCharts charts() {
		return charts;
	}

	/** The "follow a transaction" tab's content. */
	public TransactionTimelineView timeline() {
		return timeline;
	}

	/**
	 * Shows the "Follow a transaction" tab following {@code businessKey} (a deal id, time entry id, invoice
	 * number); what it finds shows when the search is done.
	 */
	public void follow(String businessKey) {
		for (CTabItem item : tabs.getItems()) {
			if (item.getControl() == timeline) {
				tabs.setSelection(item);
			}
		}
		timeline.follow(businessKey);
	}

	/** The tab folder (Diagram, Charts, Follow a transaction). */
	public CTabFolder tabs() {
		return tabs;
	}

	/** The status line above the tabs ("Updated 14:02:03: 2 sagas running, ..."). */
	public String statusText() {
		return status.getText();
	}

	/** Reads the counts every {@code millis} from now on instead of every {@link #REFRESH_MILLIS}. */
	public void refreshEvery(long millis) {
		refresh.every(millis);
	}

	/** How many times new counts were shown; grows every {@link #REFRESH_MILLIS}. */
	public long refreshes() {
		return refreshes;
	}
}
