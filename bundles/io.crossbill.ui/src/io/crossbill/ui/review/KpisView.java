package io.crossbill.ui.review;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;

import io.crossbill.reconcile.Kpis;
import io.crossbill.workflow.snapshot.PeriodSnapshot;
import io.crossbill.workflow.snapshot.PeriodSnapshots;

/**
 * The month-end KPIs of the period under review against the periods before it: project setup cycle time,
 * billing lag, invoice accuracy, exception rate, recovery time and unbilled work at close, one bar chart each
 * (SWTChart) and the figures in a table. Earlier periods are taken from the newest snapshot of each (reconciled
 * in a job); when there is none, the view says that this period stands alone.
 */
public class KpisView extends Composite {

	/** The KPIs of one period, as its newest snapshot (or the session under review) gives them. */
	public record PeriodKpis(YearMonth period, String takenAt, Kpis kpis) {
	}

	/** One KPI: its title, unit and how it is read from a period's figures ({@code null}: no data). */
	private record Figure(String title, String chartTitle, String unit, Function<Kpis, BigDecimal> value) {
	}

	private static final java.time.format.DateTimeFormatter SHORT = java.time.format.DateTimeFormatter.ofPattern(
			"MMM yy", java.util.Locale.ENGLISH);

	/** Earlier periods shown at most. */
	public static final int EARLIER = 5;

	private static final List<Figure> FIGURES = List.of(
			new Figure("Project setup cycle time (median)", "Setup cycle time", "hours", Kpis::setupCycleHoursMedian),
			new Figure("Billing lag (median)", "Billing lag", "days", k -> k.billingLagDaysMedian() == null ? null
					: BigDecimal.valueOf(k.billingLagDaysMedian())),
			new Figure("Invoice accuracy", "Invoice accuracy", "% of lines", k -> percent(k.invoiceAccuracy())),
			new Figure("Exception rate", "Exception rate", "% of records", k -> percent(k.exceptionRate())),
			new Figure("Recovery time (median)", "Recovery time", "hours", Kpis::recoveryHoursMedian));

	private final ReviewSelection selection;
	private final Label header;
	private final List<Chart> charts = new ArrayList<>();
	private final Chart unbilled;
	private final Table table;
	private final SashForm sash;
	private final Color ink;
	private final Color[] colours;
	private List<PeriodKpis> shown = List.of();
	private long generation;

	public KpisView(Composite parent, ReviewSelection selection) {
		super(parent, SWT.NONE);
		this.selection = selection;
		ink = new Color(0x1f, 0x29, 0x33);
		colours = new Color[] {new Color(0x2b, 0x6c, 0xb0), new Color(0xdd, 0x6b, 0x20), new Color(0x2f, 0x85, 0x5a),
				new Color(0x80, 0x5a, 0xd5)};
		setLayout(new GridLayout(1, false));
		header = new Label(this, SWT.WRAP);
		header.setText("No period under review: select a snapshot in Periods.");
		GridData hd = new GridData(SWT.FILL, SWT.TOP, true, false);
		hd.widthHint = 400;
		header.setLayoutData(hd);

		sash = new SashForm(this, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		sash.setVisible(false);
		// in a low part stack the charts go beside the table, so they keep a readable height
		sash.addListener(SWT.Resize, e -> {
			int orientation = sash.getSize().y < 520 ? SWT.HORIZONTAL : SWT.VERTICAL;
			if (sash.getOrientation() != orientation) {
				sash.setOrientation(orientation);
				sash.setWeights(orientation == SWT.HORIZONTAL ? new int[] {56, 44} : new int[] {65, 35});
			}
		});
		Composite grid = new Composite(sash, SWT.NONE);
		GridLayout gl = new GridLayout(3, true);
		gl.marginWidth = 0;
		gl.marginHeight = 0;
		grid.setLayout(gl);
		for (Figure f : FIGURES) {
			charts.add(chart(grid, f.chartTitle(), f.unit()));
		}
		unbilled = chart(grid, "Unbilled at close", "value");
		charts.add(unbilled);
		table = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		sash.setWeights(65, 35);

		java.util.function.Consumer<ReviewSession> onSession = s -> {
			if (!isDisposed()) {
				show(s);
			}
		};
		selection.addSessionListener(onSession);
		addDisposeListener(e -> selection.removeSessionListener(onSession));
		if (selection.current() != null) {
			show(selection.current());
		}
	}

	private Chart chart(Composite parent, String title, String yTitle) {
		Chart c = new Chart(parent, SWT.NONE);
		GridData d = new GridData(SWT.FILL, SWT.FILL, true, true);
		d.heightHint = 120;
		c.setLayoutData(d);
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
		c.getLegend().setVisible(false);
		c.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		c.setBackgroundInPlotArea(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		return c;
	}

	/** Shows a session's KPIs at once, then reads the earlier periods' snapshots in a job and adds them. */
	public void show(ReviewSession s) {
		long gen = ++generation;
		PeriodKpis now = new PeriodKpis(s.period(), s.snapshot() == null ? "live" : ReviewSession.taken(
				s.snapshot().takenAt()), s.result().kpis());
		fill(List.of(now), s.dataTakenLine() + ". Reading the snapshots of earlier periods ...");
		Job job = Job.create("Reading the KPIs of the periods before " + s.period(), (IProgressMonitor m) -> {
			List<PeriodKpis> all = new ArrayList<>();
			String problem = null;
			try {
				PeriodSnapshots snapshots = new PeriodSnapshots(selection.workspace());
				for (YearMonth p : snapshots.periods()) {
					if (p.isBefore(s.period()) && all.size() < EARLIER) {
						Optional<PeriodSnapshot> latest = snapshots.latest(p);
						if (latest.isPresent()) {
							all.add(new PeriodKpis(p, ReviewSession.taken(latest.get().takenAt()),
									ReviewSession.of(latest.get(), selection.db()).result().kpis()));
						}
					}
				}
			} catch (IOException | RuntimeException e) {
				problem = e.getMessage();
			}
			java.util.Collections.reverse(all);
			all.add(now);
			String text = s.dataTakenLine() + ". " + (all.size() == 1
					? "No earlier period has a snapshot, so " + s.period() + " is shown alone; take snapshots of"
							+ " earlier periods in Periods to compare."
					: s.period() + " against " + (all.size() - 1) + " earlier period(s), each from its newest snapshot.")
					+ (problem == null ? "" : " Some earlier snapshots could not be read: " + problem);
			if (!isDisposed()) {
				getDisplay().asyncExec(() -> {
					if (!isDisposed() && gen == generation) {
						fill(all, text);
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.schedule();
	}

	private void fill(List<PeriodKpis> periods, String text) {
		shown = periods;
		header.setText(text);
		sash.setVisible(true);
		String[] names = periods.stream().map(p -> SHORT.format(p.period())).toArray(String[]::new);
		for (int i = 0; i < FIGURES.size(); i++) {
			Figure f = FIGURES.get(i);
			double[] y = new double[periods.size()];
			for (int j = 0; j < periods.size(); j++) {
				BigDecimal v = f.value().apply(periods.get(j).kpis());
				y[j] = v == null ? 0 : v.doubleValue();
			}
			bars(charts.get(i), names, List.of(f.unit()), List.of(y));
			boolean none = periods.stream().allMatch(p -> f.value().apply(p.kpis()) == null);
			charts.get(i).getTitle().setText(f.chartTitle() + (none ? " (no data)" : ""));
		}
		TreeSet<String> currencies = new TreeSet<>();
		periods.forEach(p -> currencies.addAll(p.kpis().unbilledValueByCurrency().keySet()));
		List<String> series = new ArrayList<>();
		List<double[]> ys = new ArrayList<>();
		for (String c : currencies) {
			double[] y = new double[periods.size()];
			for (int j = 0; j < periods.size(); j++) {
				BigDecimal v = periods.get(j).kpis().unbilledValueByCurrency().get(c);
				y[j] = v == null ? 0 : v.doubleValue();
			}
			series.add(c);
			ys.add(y);
		}
		bars(unbilled, names, series, ys);
		unbilled.getLegend().setVisible(series.size() > 1);
		unbilled.getLegend().setPosition(SWT.BOTTOM);
		unbilled.getAxisSet().getYAxis(0).getTitle().setText(String.join(" / ", currencies));
		fillTable(periods);
		layout(true, true);
	}

	private void bars(Chart c, String[] categories, List<String> names, List<double[]> ys) {
		for (ISeries<?> s : c.getSeriesSet().getSeries()) {
			c.getSeriesSet().deleteSeries(s.getId());
		}
		IAxis x = c.getAxisSet().getXAxis(0);
		x.enableCategory(true);
		x.setCategorySeries(categories);
		for (int i = 0; i < names.size(); i++) {
			IBarSeries<?> s = (IBarSeries<?>) c.getSeriesSet().createSeries(SeriesType.BAR, names.get(i));
			s.setYSeries(ys.get(i));
			s.setBarColor(colours[i % colours.length]);
			s.enableStack(false);
		}
		c.getAxisSet().adjustRange();
		IAxis y = c.getAxisSet().getYAxis(0);
		y.setRange(new Range(0, Math.max(1, y.getRange().upper * 1.15)));
		c.redraw();
	}

	private void fillTable(List<PeriodKpis> oldestFirst) {
		// the reviewed period first, so it stays in sight in a narrow part
		List<PeriodKpis> periods = new ArrayList<>(oldestFirst);
		java.util.Collections.reverse(periods);
		table.setRedraw(false);
		table.removeAll();
		for (TableColumn c : table.getColumns()) {
			c.dispose();
		}
		column("KPI", 215, SWT.LEFT);
		column("Unit", 95, SWT.LEFT);
		for (PeriodKpis p : periods) {
			column(p.period().toString() + (p == periods.get(0) ? " \u25c0" : ""), 85, SWT.RIGHT);
		}
		column("", 20, SWT.LEFT);
		for (Figure f : FIGURES) {
			row(f.title(), f.unit(), periods, k -> text(f.value().apply(k)));
		}
		TreeSet<String> currencies = new TreeSet<>();
		periods.forEach(p -> currencies.addAll(p.kpis().unbilledValueByCurrency().keySet()));
		for (String c : currencies) {
			row("Unbilled work at close", c, periods, k -> text(k.unbilledValueByCurrency().getOrDefault(c,
					BigDecimal.ZERO)));
		}
		row("Unbilled hours at close", "hours", periods, k -> text(k.unbilledHours()));
		row("Projects set up / entries billed", "count", periods, k -> k.projectsSetUp() + " / " + k.billedEntries());
		row("Invoice lines with a break", "count", periods, k -> k.invoiceLinesWithBreak() + " of " + k.invoiceLines());
		row("Exceptions raised / records processed", "count", periods, k -> k.exceptionsRaised() + " / "
				+ k.recordsProcessed());
		table.setRedraw(true);
	}

	private void column(String title, int width, int align) {
		TableColumn c = new TableColumn(table, align);
		c.setText(title);
		c.setWidth(width);
	}

	private void row(String title, String unit, List<PeriodKpis> periods, Function<Kpis, String> value) {
		String[] cells = new String[periods.size() + 3];
		cells[cells.length - 1] = "";
		cells[0] = title;
		cells[1] = unit;
		for (int j = 0; j < periods.size(); j++) {
			cells[j + 2] = value.apply(periods.get(j).kpis());
		}
		new TableItem(table, SWT.NONE).setText(cells);
	}

	private static String text(BigDecimal v) {
		return v == null ? "no data" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	private static BigDecimal percent(BigDecimal share) {
		return share == null ? null : share.movePointRight(2);
	}

	/** The periods shown, oldest first, the reviewed one last (for tests). */
	public List<PeriodKpis> shown() {
		return shown;
	}

	/** The six charts (for tests). */
	public List<Chart> charts() {
		return charts;
	}

	/** The figures table (for tests). */
	public Table table() {
		return table;
	}

	/** The line above the charts (for tests). */
	public Label headerLabel() {
		return header;
	}
}
