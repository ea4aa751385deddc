package io.crossbill.ui.monitor;

import java.text.SimpleDateFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.Gauges;
import io.crossbill.store.SagaStats;
import io.crossbill.store.Sagas;

/**
 * Charts of the chosen window (SWTChart): steps made per bucket per workflow (throughput), the share of steps
 * that failed or were blocked (error rate), write latency p50 / p95 from the metrics table, the work waiting per
 * workflow over time (queue depth, sampled by the engine after each run, with the live count as the last point)
 * and each system's API budget left (sampled from the systems' rate-limit headers). Read every ten seconds off
 * the UI thread.
 */
public class MonitorCharts extends Composite {

	/** What one refresh read. */
	public record Data(MonitorView.Window window, Instant from, Instant to, List<SagaStats.StepBucket> steps,
			List<SagaStats.MetricsBucket> metrics, Map<String, Map<Sagas.State, Long>> sagas,
			Map<String, Long> unsettled, List<Gauges.Sample> depth, List<Gauges.Sample> budgets) {

		/** What waits for a workflow now: sagas in flight, failed or blocked, and its unsettled exceptions. */
		public long waitingNow(String workflow) {
			Map<Sagas.State, Long> c = sagas.getOrDefault(workflow, Map.of());
			return c.getOrDefault(Sagas.State.RUNNING, 0L) + c.getOrDefault(Sagas.State.FAILED, 0L)
					+ c.getOrDefault(Sagas.State.BLOCKED, 0L) + unsettled.getOrDefault(workflow, 0L);
		}
	}

	private static final String[] WORKFLOWS = { "lead-to-project", "change-to-forecast", "customer-master-sync",
			"time-to-billing" };

	private final Clock clock;
	private final SagaStats stats;
	private final Chart throughput;
	private final Chart errors;
	private final Chart latency;
	private final Chart waiting;
	private final Chart budget;
	private final Gauges gauges;
	private final Label note;
	private final Color[] colours;
	private final Color ink;
	private final BackgroundRefresh<Data> refresh;
	private volatile MonitorView.Window window = MonitorView.Window.HOUR;
	private Data data;

	public MonitorCharts(Composite parent, EngineDatabase db, Clock clock) {
		super(parent, SWT.NONE);
		this.clock = clock;
		this.stats = new SagaStats(db);
		this.gauges = new Gauges(db);
		setLayout(new GridLayout(2, true));
		ink = new Color(0x1f, 0x29, 0x33);
		colours = new Color[] { new Color(0x2b, 0x6c, 0xb0), new Color(0x80, 0x5a, 0xd5), new Color(0x2f, 0x85, 0x5a),
				new Color(0xdd, 0x6b, 0x20), new Color(0xc5, 0x30, 0x30) };
		throughput = chart("Steps made per minute", "steps");
		errors = chart("Error rate (failed or blocked steps)", "%");
		latency = chart("Write latency p50 / p95", "ms");
		waiting = chart("Queue depth: work waiting, by workflow", "sagas + exceptions");
		budget = chart("API budget left", "% of the limit");
		note = new Label(this, SWT.WRAP);
		GridData noteData = new GridData(SWT.FILL, SWT.FILL, true, true);
		noteData.widthHint = 400;
		note.setLayoutData(noteData);
		note.setText("Reading the stored history ...");
		refresh = new BackgroundRefresh<>(this, "crossbill-monitor-charts", this::read, this::show,
				e -> note.setText("Cannot read the stored history: " + e.getMessage()));
		refresh.every(10_000);
	}

	private Chart chart(String title, String yTitle) {
		Chart c = new Chart(this, SWT.NONE);
		c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		c.getTitle().setText(title);
		c.getTitle().setForeground(ink);
		c.getTitle().setFont(getFont());
		for (IAxis axis : c.getAxisSet().getAxes()) {
			axis.getTick().setForeground(ink);
			axis.getTitle().setForeground(ink);
			axis.getTitle().setFont(getFont());
		}
		c.getAxisSet().getXAxis(0).getTitle().setVisible(false);
		c.getAxisSet().getYAxis(0).getTitle().setText(yTitle);
		c.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		c.setBackgroundInPlotArea(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		return c;
	}

	/** Looks back over another window; reads again at once. */
	public void setWindow(MonitorView.Window window) {
		this.window = window;
		refresh.now();
	}

	/** What the charts show now, or {@code null} before the first read. */
	public Data data() {
		return data;
	}

	/** The five charts: throughput, error rate, latency, queue depth, API budget. */
	public List<Chart> charts() {
		return List.of(throughput, errors, latency, waiting, budget);
	}

	private Data read() {
		MonitorView.Window w = window;
		Instant to = clock.instant();
		Instant from = to.minus(w.length);
		return new Data(w, from, to, stats.stepsPerBucket(from, to, w.bucket), stats.metrics(from, to, w.bucket),
				stats.sagaCounts(), stats.unsettledExceptions(), gauges.series(Gauges.QUEUE_DEPTH, from, to),
				gauges.series(Gauges.API_BUDGET_LEFT, from, to));
	}

	private void show(Data d) {
		this.data = d;
		int n = (int) Math.max(1, Math.min(2000, d.to().toEpochMilli() / d.window().bucket.toMillis()
				- d.from().toEpochMilli() / d.window().bucket.toMillis() + 1));
		Date[] x = new Date[n];
		for (int i = 0; i < n; i++) {
			x[i] = Date.from(d.from().plus(d.window().bucket.multipliedBy(i)));
		}
		String unit = d.window() == MonitorView.Window.HOUR ? "minute"
				: d.window() == MonitorView.Window.DAY ? "half hour" : "day";
		throughput.getTitle().setText("Steps made per " + unit + ", " + d.window().label);
		clear(throughput);
		clear(errors);
		double[] allDone = new double[n];
		double[] allFailed = new double[n];
		for (int k = 0; k < WORKFLOWS.length; k++) {
			double[] y = new double[n];
			for (SagaStats.StepBucket b : d.steps()) {
				int i = index(d, b.start(), n);
				if (i >= 0 && b.workflow().equals(WORKFLOWS[k])) {
					y[i] += b.done() + b.failed();
				}
			}
			line(throughput, MonitorFormat.title(WORKFLOWS[k]), x, y, colours[k]);
		}
		for (SagaStats.StepBucket b : d.steps()) {
			int i = index(d, b.start(), n);
			if (i >= 0) {
				allDone[i] += b.done();
				allFailed[i] += b.failed();
			}
		}
		double[] rate = new double[n];
		for (int i = 0; i < n; i++) {
			rate[i] = allDone[i] + allFailed[i] == 0 ? 0 : 100.0 * allFailed[i] / (allDone[i] + allFailed[i]);
		}
		line(errors, "All workflows", x, rate, colours[4]);
		finish(throughput, d);
		finish(errors, d);

		clear(latency);
		double[] p50 = new double[n];
		double[] p95 = new double[n];
		Map<Integer, long[]> hist = new LinkedHashMap<>();
		for (SagaStats.MetricsBucket m : d.metrics()) {
			int i = index(d, m.start(), n);
			if (i >= 0) {
				long[] h = hist.computeIfAbsent(i, k -> new long[m.histogram().length]);
				for (int j = 0; j < h.length; j++) {
					h[j] += m.histogram()[j];
				}
			}
		}
		hist.forEach((i, h) -> {
			p50[i] = SagaStats.percentileMicros(h, 0.5) / 1000.0;
			p95[i] = SagaStats.percentileMicros(h, 0.95) / 1000.0;
		});
		line(latency, "p50", x, p50, colours[0]);
		line(latency, "p95", x, p95, colours[3]);
		latency.getTitle().setText(d.metrics().isEmpty() ? "Write latency p50 / p95: nothing recorded in the "
				+ d.window().label : "Write latency p50 / p95 (bucket bounds)");
		finish(latency, d);

		clear(waiting);
		for (int k = 0; k < WORKFLOWS.length; k++) {
			String w = WORKFLOWS[k];
			List<Gauges.Sample> own = d.depth().stream().filter(g -> g.subject().equals(w)).toList();
			Date[] at = new Date[own.size() + 1];
			double[] y = new double[own.size() + 1];
			for (int i = 0; i < own.size(); i++) {
				at[i] = Date.from(own.get(i).at());
				y[i] = own.get(i).value();
			}
			at[own.size()] = Date.from(d.to()); // now, counted live
			y[own.size()] = d.waitingNow(w);
			samples(waiting, MonitorFormat.title(w), at, y, colours[k]);
		}
		finishOver(waiting, d);

		clear(budget);
		Map<String, List<Gauges.Sample>> bySubject = new java.util.TreeMap<>();
		d.budgets().stream().filter(g -> g.capacity() != null && g.capacity() > 0)
				.forEach(g -> bySubject.computeIfAbsent(g.subject(), k -> new ArrayList<>()).add(g));
		int colour = 0;
		for (Map.Entry<String, List<Gauges.Sample>> e : bySubject.entrySet()) {
			List<Gauges.Sample> own = e.getValue();
			Date[] at = new Date[own.size()];
			double[] y = new double[own.size()];
			for (int i = 0; i < own.size(); i++) {
				at[i] = Date.from(own.get(i).at());
				y[i] = 100.0 * own.get(i).value() / own.get(i).capacity();
			}
			String system = e.getKey().substring(0, e.getKey().indexOf('/'));
			samples(budget, (system.equals("hubspot") ? "HubSpot" : "Xero") + ", per " + e.getKey().substring(
					system.length() + 1), at, y, colours[colour++ % colours.length]);
		}
		budget.getTitle().setText(bySubject.isEmpty() ? "API budget left: no answer with rate-limit headers in the "
				+ d.window().label : "API budget left (% of each limit)");
		finishOver(budget, d);
		IAxis budgetY = budget.getAxisSet().getYAxis(0);
		budgetY.setRange(new org.eclipse.swtchart.Range(0, 105));
		budget.redraw();

		long steps = d.steps().stream().mapToLong(b -> b.done() + b.failed()).sum();
		note.setText(steps + " steps recorded in the " + d.window().label + "; " + d.metrics().stream()
				.mapToLong(SagaStats.MetricsBucket::count).sum() + " writes with their latency. Queue depth and API"
				+ " budgets are sampled after each engine run (" + runsSampled(d) + " in the " + d.window().label
				+ "). " + budgetsNow(d));
		layout();
	}

	/** "1 run sampled", "12 runs sampled". */
	private static String runsSampled(Data d) {
		long runs = d.depth().stream().map(Gauges.Sample::at).distinct().count();
		return runs + (runs == 1 ? " run" : " runs") + " sampled";
	}

	/** "API budget left at the last answer: xero/day 4,990 of 5,000, ..." from the newest sample of each window. */
	private static String budgetsNow(Data d) {
		Map<String, Gauges.Sample> last = new java.util.TreeMap<>();
		d.budgets().forEach(g -> last.put(g.subject(), g));
		if (last.isEmpty()) {
			return "No system's answer has told its API budget yet.";
		}
		List<String> parts = new ArrayList<>();
		last.forEach((subject, g) -> parts.add(subject + " " + String.format(java.util.Locale.ROOT, "%,d",
				(long) g.value()) + (g.capacity() == null ? "" : String.format(java.util.Locale.ROOT, " of %,d",
						g.capacity().longValue()))));
		return "API budget left at the last sample: " + String.join(", ", parts) + ".";
	}

	/** Finishes a chart of samples over the window (its x axis spans the whole window, not just the samples). */
	private static void finishOver(Chart c, Data d) {
		finish(c, d);
		IAxis x = c.getAxisSet().getXAxis(0);
		long margin = d.window().length.toMillis() / 50; // the newest sample's mark is not cut by the edge
		x.setRange(new org.eclipse.swtchart.Range(d.from().toEpochMilli(), d.to().toEpochMilli() + margin));
		c.redraw();
	}

	private static int index(Data d, Instant start, int n) {
		long i = (start.toEpochMilli() - d.from().toEpochMilli()) / d.window().bucket.toMillis();
		return i >= 0 && i < n ? (int) i : -1;
	}

	private static void clear(Chart c) {
		for (ISeries<?> s : c.getSeriesSet().getSeries()) {
			c.getSeriesSet().deleteSeries(s.getId());
		}
	}

	private static void line(Chart c, String name, Date[] x, double[] y, Color colour) {
		ILineSeries<?> s = (ILineSeries<?>) c.getSeriesSet().createSeries(SeriesType.LINE, name);
		s.setXDateSeries(x);
		s.setYSeries(y);
		s.setLineColor(colour);
		s.setLineWidth(2);
		s.setSymbolType(ILineSeries.PlotSymbolType.NONE);
	}

	/** A line through sampled values with a mark on each sample, so a single sample shows too. */
	private static void samples(Chart c, String name, Date[] x, double[] y, Color colour) {
		line(c, name, x, y, colour);
		ILineSeries<?> s = (ILineSeries<?>) c.getSeriesSet().getSeries(name);
		s.setSymbolType(ILineSeries.PlotSymbolType.CIRCLE);
		s.setSymbolSize(3);
		s.setSymbolColor(colour);
	}

	private static void finish(Chart c, Data d) {
		IAxis x = c.getAxisSet().getXAxis(0);
		x.getTick().setFormat(new SimpleDateFormat(d.window() == MonitorView.Window.MONTH ? "dd MMM" : "HH:mm"));
		c.getAxisSet().adjustRange();
		IAxis y = c.getAxisSet().getYAxis(0);
		y.setRange(new org.eclipse.swtchart.Range(0, Math.max(1, y.getRange().upper * 1.1)));
		c.redraw();
	}

	/** Series names of a chart, for tests. */
	static List<String> seriesNames(Chart c) {
		List<String> out = new ArrayList<>();
		for (ISeries<?> s : c.getSeriesSet().getSeries()) {
			out.add(s.getId());
		}
		return out;
	}
}
