package io.crossbill.ui.monitor;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import io.crossbill.store.SagaStats;
import io.crossbill.store.Sagas;

/**
 * The four workflows drawn as lanes of boxes, one box per step in the order a saga makes them, with live
 * counts - done, in flight, retrying, failed, blocked - and arrows between steps as thick as the number of
 * sagas that passed in the chosen window. Painted on a canvas (no GEF); the data comes from
 * {@link #setModel(Model)}, called on the UI thread with what a background query found.
 */
public class WorkflowDiagram extends Canvas {

	/** What the diagram shows. */
	public record Model(List<SagaStats.StepCounts> steps, Map<String, Map<Sagas.State, Long>> sagas,
			Map<String, Long> unsettledExceptions, Set<String> paused, String windowName, Instant at) {
	}

	/** One box as drawn, with the lines of text it shows; for tooltips and tests. */
	public record Box(String workflow, String step, Rectangle bounds, List<String> lines, SagaStats.StepCounts counts) {
	}

	/** One lane's heading as drawn. */
	public record Lane(String workflow, String heading, Rectangle bounds) {
	}

	private static final int MARGIN = 12;
	private static final int LANE_HEADER = 22;
	private static final int BOX_HEIGHT = 80;
	private static final int LANE_GAP = 14;
	private static final int ARROW_GAP = 54;
	private static final int MIN_BOX_WIDTH = 150;
	private static final int MAX_BOX_WIDTH = 220;

	private final Color ink;
	private final Color quiet;
	private final Color done;
	private final Color inFlight;
	private final Color retrying;
	private final Color failed;
	private final Color boxFill;
	private final Color laneFill;
	private final Font bold;
	private final Font small;
	private Model model;
	private final List<Box> boxes = new ArrayList<>();
	private final List<Lane> lanes = new ArrayList<>();

	public WorkflowDiagram(Composite parent, int style) {
		super(parent, style | SWT.DOUBLE_BUFFERED);
		ink = new Color(0x1f, 0x29, 0x33);
		quiet = new Color(0x9a, 0xa5, 0xb1);
		done = new Color(0x2f, 0x85, 0x5a);
		inFlight = new Color(0x2b, 0x6c, 0xb0);
		retrying = new Color(0xb7, 0x79, 0x1f);
		failed = new Color(0xc5, 0x30, 0x30);
		boxFill = new Color(0xff, 0xff, 0xff);
		laneFill = new Color(0xf4, 0xf5, 0xf7);
		FontData[] fd = getFont().getFontData();
		for (FontData f : fd) {
			f.setStyle(SWT.BOLD);
		}
		bold = new Font(getDisplay(), fd);
		FontData[] sd = getFont().getFontData();
		for (FontData f : sd) {
			f.setHeight(Math.max(7, f.getHeight() - 1));
		}
		small = new Font(getDisplay(), sd);
		setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		addPaintListener(e -> paint(e.gc));
		addListener(SWT.MouseHover, e -> setToolTipText(tooltipAt(e.x, e.y)));
		addListener(SWT.Resize, e -> redraw());
		addDisposeListener(e -> {
			bold.dispose();
			small.dispose();
		});
	}

	/** Shows new counts; on the UI thread. */
	public void setModel(Model model) {
		checkWidget();
		this.model = model;
		redraw();
	}

	/** The model drawn last, or {@code null} before the first refresh. */
	public Model getModel() {
		return model;
	}

	/** The boxes as laid out at the current size: workflow, step, bounds and the text lines drawn. */
	public List<Box> boxes() {
		layoutBoxes();
		return List.copyOf(boxes);
	}

	/** The lanes' headings as laid out at the current size. */
	public List<Lane> lanes() {
		layoutBoxes();
		return List.copyOf(lanes);
	}

	@Override
	public Point computeSize(int wHint, int hHint, boolean changed) {
		int n = MonitorFormat.STEPS.size();
		int width = wHint != SWT.DEFAULT ? wHint : 2 * MARGIN + 4 * MIN_BOX_WIDTH + 3 * ARROW_GAP;
		int height = hHint != SWT.DEFAULT ? hHint : 2 * MARGIN + n * (LANE_HEADER + BOX_HEIGHT + LANE_GAP);
		return new Point(width, height);
	}

	/** The steps of a workflow to draw: the known ones in saga order, then any others the data holds. */
	static List<String> stepsOf(String workflow, List<SagaStats.StepCounts> data) {
		List<String> steps = new ArrayList<>(MonitorFormat.STEPS.getOrDefault(workflow, List.of()));
		for (SagaStats.StepCounts c : data) {
			if (c.workflow().equals(workflow) && !steps.contains(c.step())) {
				steps.add(c.step());
			}
		}
		return steps;
	}

	private List<String> workflows() {
		List<String> out = new ArrayList<>(List.of("lead-to-project", "change-to-forecast", "customer-master-sync",
				"time-to-billing"));
		if (model != null) {
			for (SagaStats.StepCounts c : model.steps()) {
				if (!out.contains(c.workflow())) {
					out.add(c.workflow());
				}
			}
		}
		return out;
	}

	private void layoutBoxes() {
		boxes.clear();
		lanes.clear();
		Rectangle area = getClientArea();
		List<SagaStats.StepCounts> data = model == null ? List.of() : model.steps();
		Map<String, SagaStats.StepCounts> byKey = new LinkedHashMap<>();
		for (SagaStats.StepCounts c : data) {
			byKey.put(c.workflow() + "/" + c.step(), c);
		}
		int y = MARGIN;
		for (String workflow : workflows()) {
			lanes.add(new Lane(workflow, heading(workflow), new Rectangle(MARGIN / 2, y, area.width - MARGIN,
					LANE_HEADER + BOX_HEIGHT + 8)));
			List<String> steps = stepsOf(workflow, data);
			int n = Math.max(1, steps.size());
			int boxWidth = (area.width - 2 * MARGIN - (n - 1) * ARROW_GAP) / n;
			boxWidth = Math.max(MIN_BOX_WIDTH, Math.min(MAX_BOX_WIDTH, boxWidth));
			int x = MARGIN;
			for (String step : steps) {
				SagaStats.StepCounts c = byKey.getOrDefault(workflow + "/" + step,
						new SagaStats.StepCounts(workflow, step, 0, 0, 0, 0, 0, 0, null));
				boxes.add(new Box(workflow, step, new Rectangle(x, y + LANE_HEADER, boxWidth, BOX_HEIGHT),
						lines(c), c));
				x += boxWidth + ARROW_GAP;
			}
			y += LANE_HEADER + BOX_HEIGHT + LANE_GAP;
		}
	}

	private String heading(String workflow) {
		StringBuilder s = new StringBuilder(MonitorFormat.title(workflow));
		if (model == null) {
			return s.append("  -  loading ...").toString();
		}
		Map<Sagas.State, Long> c = model.sagas().getOrDefault(workflow, Map.of());
		long total = c.values().stream().mapToLong(Long::longValue).sum();
		s.append("   ").append(total).append(total == 1 ? " saga" : " sagas");
		if (total > 0) {
			s.append(": ").append(c.getOrDefault(Sagas.State.DONE, 0L)).append(" done, ")
					.append(c.getOrDefault(Sagas.State.RUNNING, 0L)).append(" running, ")
					.append(c.getOrDefault(Sagas.State.FAILED, 0L)).append(" failed, ")
					.append(c.getOrDefault(Sagas.State.BLOCKED, 0L)).append(" blocked");
		}
		long open = model.unsettledExceptions().getOrDefault(workflow, 0L);
		if (open > 0) {
			s.append("   |   ").append(open).append(open == 1 ? " exception waits" : " exceptions wait");
		}
		if (model.paused().contains(workflow)) {
			s.append("   |   PAUSED");
		}
		return s.toString();
	}

	private static List<String> lines(SagaStats.StepCounts c) {
		return List.of(c.step(), "done " + c.done(), "in flight " + c.inFlight(), "retrying " + c.retrying(),
				"failed " + c.failed(), "blocked " + c.blocked());
	}

	private void paint(GC gc) {
		layoutBoxes();
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		long max = 1;
		for (Box b : boxes) {
			max = Math.max(max, b.counts().doneInWindow());
		}
		for (Lane lane : lanes) {
			gc.setBackground(laneFill);
			gc.fillRoundRectangle(lane.bounds().x, lane.bounds().y - 4, lane.bounds().width, lane.bounds().height, 8,
					8);
			gc.setFont(bold);
			gc.setForeground(ink);
			gc.drawText(lane.heading(), MARGIN, lane.bounds().y, true);
		}
		Box previous = null;
		for (Box b : boxes) {
			if (previous != null && previous.workflow().equals(b.workflow())) {
				arrow(gc, previous.bounds(), b.bounds(), b.counts().doneInWindow(), max);
			}
			box(gc, b);
			previous = b;
		}
	}

	private void box(GC gc, Box b) {
		SagaStats.StepCounts c = b.counts();
		Rectangle r = b.bounds();
		Color border = c.failed() + c.blocked() > 0 ? failed
				: c.retrying() > 0 ? retrying : c.inFlight() > 0 ? inFlight : c.done() > 0 ? done : quiet;
		gc.setBackground(boxFill);
		gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 10, 10);
		gc.setForeground(border);
		gc.setLineWidth(c.isEmpty() ? 1 : 2);
		gc.drawRoundRectangle(r.x, r.y, r.width, r.height, 10, 10);
		gc.setBackground(border);
		gc.fillRectangle(r.x + 1, r.y + 4, 4, r.height - 8);
		gc.setFont(bold);
		gc.setForeground(ink);
		gc.drawText(b.step(), r.x + 12, r.y + 5, true);
		gc.setFont(small);
		int col = (r.width - 20) / 2;
		int lineHeight = gc.getFontMetrics().getHeight() + 1;
		int top = r.y + 9 + gc.textExtent(b.step()).y;
		counter(gc, r.x + 12, top, "done", c.done(), done);
		counter(gc, r.x + 12 + col, top, "in flight", c.inFlight(), inFlight);
		counter(gc, r.x + 12, top + lineHeight, "retrying", c.retrying(), retrying);
		counter(gc, r.x + 12 + col, top + lineHeight, "failed", c.failed(), failed);
		counter(gc, r.x + 12, top + 2 * lineHeight, "blocked", c.blocked(), failed);
	}

	private void counter(GC gc, int x, int y, String what, long n, Color colour) {
		int dot = 7;
		int h = gc.getFontMetrics().getHeight();
		gc.setBackground(n > 0 ? colour : quiet);
		gc.fillOval(x, y + (h - dot) / 2, dot, dot);
		gc.setForeground(n > 0 ? ink : quiet);
		gc.drawText(n + " " + what, x + dot + 4, y, true);
	}

	private void arrow(GC gc, Rectangle from, Rectangle to, long count, long max) {
		int width = MonitorFormat.arrowWidth(count, max);
		int y = from.y + from.height / 2;
		int x1 = from.x + from.width + 4;
		int x2 = to.x - 4;
		Color colour = count > 0 ? inFlight : quiet;
		gc.setForeground(colour);
		gc.setBackground(colour);
		gc.setLineWidth(width);
		gc.setLineCap(SWT.CAP_FLAT);
		int head = 6 + width;
		gc.drawLine(x1, y, x2 - head + 1, y);
		gc.fillPolygon(new int[] { x2, y, x2 - head, y - head / 2 - 1, x2 - head, y + head / 2 + 1 });
		gc.setLineWidth(1);
		gc.setFont(small);
		gc.setForeground(count > 0 ? ink : quiet);
		String label = Long.toString(count);
		Point size = gc.textExtent(label);
		gc.drawText(label, (x1 + x2) / 2 - size.x / 2, y - width / 2 - size.y - 2, true);
	}

	private String tooltipAt(int x, int y) {
		for (Box b : boxes) {
			if (b.bounds().contains(x, y)) {
				SagaStats.StepCounts c = b.counts();
				String help = MonitorFormat.STEP_HELP.getOrDefault(b.step(), "Step " + b.step());
				String when = c.lastAt() == null ? "never recorded"
						: "last recorded " + MonitorFormat.when(c.lastAt(), model == null ? Instant.now() : model.at(),
								ZoneId.systemDefault());
				return MonitorFormat.title(b.workflow()) + " / " + b.step() + "\n" + help + "\n\n" + c.done()
						+ " done (" + c.doneInWindow() + " in the " + (model == null ? "window" : model.windowName())
						+ "), " + c.inFlight() + " in flight, " + c.retrying() + " retrying, " + c.failed()
						+ " failed, " + c.blocked() + " blocked\n" + when;
			}
		}
		return null;
	}
}
