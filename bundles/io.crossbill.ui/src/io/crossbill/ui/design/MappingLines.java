package io.crossbill.ui.design;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * A narrow band between two panes of the mapping page that draws a line for each mapping whose two ends are
 * both on screen: from a row of the pane on its left to a row of the pane on its right. Ends are found through
 * {@link Rows}, so the band knows nothing about trees or tables.
 */
final class MappingLines extends Canvas {

	/** The screen position of a pane's rows. */
	interface Rows {
		/** The pane the rows are in. */
		Control control();

		/** Called before a paint's {@link #find} calls: a chance to read the pane's geometry once (costly on GTK). */
		default void prepare() {
		}

		/** The vertical centre of the row showing {@code key}, in the pane's coordinates, or null when not shown. */
		Row find(Object key);
	}

	/** Where a row is, and whether it stands in for the key (a collapsed parent) rather than showing it. */
	record Row(int y, boolean standIn) {
	}

	/** One line: the key of its left end, the key of its right end, and whether it is the selected rule's. */
	record Link(Object left, Object right, boolean selected) {
	}

	private final Rows left;
	private final Rows right;
	private final Supplier<List<Link>> links;
	private final Color normal;
	private final Color highlight;

	MappingLines(Composite parent, Rows left, Rows right, Supplier<List<Link>> links) {
		super(parent, SWT.DOUBLE_BUFFERED);
		this.left = left;
		this.right = right;
		this.links = links;
		normal = new Color(getDisplay(), 120, 150, 190);
		highlight = new Color(getDisplay(), 20, 90, 200);
		addListener(SWT.Paint, e -> paint(e.gc));
	}

	private void paint(GC gc) {
		Rectangle area = getClientArea();
		gc.setBackground(getBackground());
		gc.fillRectangle(area);
		gc.setAntialias(SWT.ON);
		left.prepare();
		right.prepare();
		Link selected = null;
		for (Link link : links.get()) {
			if (link.selected()) {
				selected = link;
			} else {
				draw(gc, link, area);
			}
		}
		if (selected != null) {
			draw(gc, selected, area); // on top of the others
		}
	}

	private void draw(GC gc, Link link, Rectangle area) {
		Row from = left.find(link.left());
		Row to = right.find(link.right());
		if (from == null || to == null) {
			return;
		}
		int y1 = toBand(left.control(), from.y());
		int y2 = toBand(right.control(), to.y());
		if (y1 < area.y || y1 > area.y + area.height || y2 < area.y || y2 > area.y + area.height) {
			return;
		}
		gc.setForeground(link.selected() ? highlight : normal);
		gc.setLineWidth(link.selected() ? 2 : 1);
		gc.setLineStyle(from.standIn() || to.standIn() ? SWT.LINE_DOT : SWT.LINE_SOLID);
		int w = area.width;
		Path path = new Path(getDisplay());
		try {
			path.moveTo(0, y1);
			path.cubicTo(w / 2f, y1, w / 2f, y2, w, y2);
			gc.drawPath(path);
		} finally {
			path.dispose();
		}
		gc.setBackground(link.selected() ? highlight : normal);
		gc.fillOval(-3, y1 - 3, 6, 6);
		gc.fillOval(w - 3, y2 - 3, 6, 6);
	}

	private int toBand(Control pane, int y) {
		Point p = getDisplay().map(pane, this, 0, y);
		return p.y;
	}

	@Override
	public Point computeSize(int wHint, int hHint, boolean changed) {
		return new Point(wHint == SWT.DEFAULT ? 36 : wHint, hHint == SWT.DEFAULT ? 40 : hHint);
	}
}
