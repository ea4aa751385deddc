package io.crossbill.ui.design;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.design.DesignProblem;

/**
 * The Problems page: what {@code DesignChecker} finds in the design as it is in memory, errors first (an error
 * blocks approval), with the entity mapping and the field each is about; a double-click opens the Mapping page on
 * that entity mapping with the
 * problem's rule selected. With the header's count these are the design's markers: the workbench has no IDE Problems
 * view (that is the 3.x IDE's, not on Maven Central), so the editor shows them itself.
 */
public class ProblemsPage {

	private final MappingDesignEditor editor;
	private final Composite root;
	private final Label summary;
	private final Table table;
	private final Image errorIcon;
	private final Image warningIcon;
	private List<DesignProblem> problems = List.of();

	public ProblemsPage(Composite parent, MappingDesignEditor editor) {
		this.editor = editor;
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		summary = new Label(root, SWT.NONE);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		table = new Table(root, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		column("Severity", 90);
		column("Entity mapping", 210);
		column("Field", 170);
		column("Problem", 700);
		errorIcon = icon(root.getDisplay(), SWT.COLOR_RED, true);
		warningIcon = icon(root.getDisplay(), SWT.COLOR_DARK_YELLOW, false);
		root.addDisposeListener(e -> {
			errorIcon.dispose();
			warningIcon.dispose();
		});
		table.addListener(SWT.DefaultSelection, e -> open(table.getSelectionIndex()));
		show(editor.analysis());
	}

	/** The page's control, for the editor's tab. */
	public Control control() {
		return root;
	}

	/** The problems table, for tests. */
	public Table table() {
		return table;
	}

	/** Opens the Mapping page on the entity mapping of the i-th problem (what a double-click does). */
	public void open(int index) {
		if (index < 0 || index >= problems.size()) {
			return;
		}
		DesignProblem problem = problems.get(index);
		FieldRule rule = null;
		for (EntityMapping m : editor.design().getEntityMappings()) {
			if (MappingDesignEditor.label(m).equals(problem.entityMapping())) {
				editor.selectEntityMapping(m);
				for (FieldRule r : m.getRules()) {
					if (rule == null && !problem.targetPath().isEmpty() && problem.targetPath().equals(r.getTargetPath())) {
						rule = r;
					}
				}
			}
		}
		editor.showPage(MappingDesignEditor.Page.MAPPING);
		if (rule != null) {
			editor.mappingPage().select(rule);
		}
		editor.say("Problem of " + (problem.targetPath().isEmpty() ? "the design" : problem.targetPath()) + ": "
				+ problem.message(), problem.severity() == DesignProblem.Severity.ERROR);
	}

	void show(DesignAnalysis analysis) {
		if (root.isDisposed()) {
			return;
		}
		problems = analysis.problems().stream().sorted((a, b) -> a.severity().compareTo(b.severity())).toList();
		if (!analysis.checkFailure().isEmpty()) {
			summary.setText(analysis.checkFailure());
		} else {
			long errors = analysis.errors();
			summary.setText(problems.isEmpty() ? "No problems: the design can be approved once it is saved."
					: errors + (errors == 1 ? " error" : " errors") + " (they block approval), "
							+ (problems.size() - errors) + " warnings. Double-click one to open its entity mapping.");
		}
		table.setRedraw(false);
		try {
			table.removeAll();
			for (DesignProblem p : problems) {
				TableItem item = new TableItem(table, SWT.NONE);
				boolean error = p.severity() == DesignProblem.Severity.ERROR;
				item.setImage(0, error ? errorIcon : warningIcon);
				item.setText(new String[] { error ? "Error" : "Warning", p.entityMapping(), p.targetPath(),
						p.message() });
			}
		} finally {
			table.setRedraw(true);
		}
	}

	private void column(String text, int width) {
		TableColumn c = new TableColumn(table, SWT.LEFT);
		c.setText(text);
		c.setWidth(width);
	}

	/** A 14-pixel marker: a filled circle for errors, a filled triangle for warnings, on a transparent ground. */
	private static Image icon(Display display, int color, boolean circle) {
		Image drawn = new Image(display, 14, 14);
		GC gc = new GC(drawn);
		try {
			gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
			gc.fillRectangle(0, 0, 14, 14);
			gc.setAntialias(SWT.ON);
			gc.setBackground(display.getSystemColor(color));
			if (circle) {
				gc.fillOval(1, 1, 12, 12);
			} else {
				gc.fillPolygon(new int[] { 7, 1, 13, 13, 1, 13 });
			}
			gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
			gc.drawLine(7, 4, 7, 8);
			gc.drawPoint(7, 10);
		} finally {
			gc.dispose();
		}
		ImageData data = drawn.getImageData();
		drawn.dispose();
		data.transparentPixel = data.palette.getPixel(display.getSystemColor(SWT.COLOR_WHITE).getRGB());
		return new Image(display, data);
	}
}
