package io.crossbill.ui.design;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.design.DesignPreview;

/**
 * The Preview page: the design as it is in memory (unsaved edits included) run over the sample records, record by
 * record, writing nowhere. A virtual table lists each sample with the key fields of its output and its problems
 * (rows with problems in red); the selected one shows its source JSON, its output JSON and its problems side by
 * side. Above, where the samples came from and how long the preview took.
 */
public class PreviewPage {

	static final ObjectMapper JSON = new ObjectMapper();
	private static final int KEY_COLUMNS = 4;

	private final MappingDesignEditor editor;
	private final Composite root;
	private final Combo entityChoice;
	private final Label origin;
	private final Label timing;
	private final Table table;
	private final Text source;
	private final Text output;
	private final Text problems;
	private final Color red;
	private List<String> keyPaths = List.of();
	private DesignPreview.Result result;

	public PreviewPage(Composite parent, MappingDesignEditor editor) {
		this.editor = editor;
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		red = root.getDisplay().getSystemColor(SWT.COLOR_RED);

		Composite bar = new Composite(root, SWT.NONE);
		GridLayout barLayout = new GridLayout(4, false);
		barLayout.marginWidth = 0;
		barLayout.marginHeight = 0;
		bar.setLayout(barLayout);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(bar, SWT.NONE).setText("Entity mapping");
		entityChoice = new Combo(bar, SWT.READ_ONLY);
		entityChoice.addListener(SWT.Selection, e -> {
			int i = entityChoice.getSelectionIndex();
			if (i >= 0 && i < editor.design().getEntityMappings().size()) {
				editor.selectEntityMapping(editor.design().getEntityMappings().get(i));
			}
		});
		origin = new Label(bar, SWT.NONE);
		origin.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button refresh = new Button(bar, SWT.PUSH);
		refresh.setText("Read samples again");
		refresh.setToolTipText("Read the samples again from " + editor.sampleSource());
		refresh.addListener(SWT.Selection, e -> editor.refreshSamples());
		timing = new Label(root, SWT.NONE);
		timing.setFont(JFaceResources.getBannerFont());
		timing.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

		SashForm vertical = new SashForm(root, SWT.VERTICAL);
		vertical.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table = new Table(vertical, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.addListener(SWT.SetData, e -> fill((TableItem) e.item, e.index));
		table.addListener(SWT.Selection, e -> showSelected());
		SashForm detail = new SashForm(vertical, SWT.HORIZONTAL);
		source = pane(detail, "Source record");
		output = pane(detail, "Output");
		problems = wrappingPane(detail, "Problems of this record");
		detail.setWeights(38, 38, 24);
		vertical.setWeights(50, 50);

		editor.addChangeListener(this::contextChanged);
		contextChanged();
		show(editor.analysis());
	}

	/** The page's control, for the editor's tab. */
	public Control control() {
		return root;
	}

	/** The table of records, for tests. */
	public Table table() {
		return table;
	}

	/** The "N samples in M ms" line. */
	public String timingText() {
		return timing.getText();
	}

	/** The output JSON of the selected record as shown. */
	public String outputText() {
		return output.getText();
	}

	/** The row selected in the table, or null. */
	public DesignPreview.Row selectedRow() {
		int i = table.getSelectionIndex();
		return result == null || i < 0 || i >= result.rows().size() ? null : result.rows().get(i);
	}

	/** Selects a record (as a click would) and shows its detail. */
	public void select(int index) {
		table.setSelection(index);
		table.showSelection();
		showSelected();
	}

	/** The latest preview, or null. */
	public DesignPreview.Result result() {
		return result;
	}

	void show(DesignAnalysis analysis) {
		if (root.isDisposed()) {
			return;
		}
		int selected = table.getSelectionIndex();
		result = analysis.preview();
		if (result == null) {
			timing.setText(analysis.previewFailure().isEmpty() ? "" : "No preview");
			table.setItemCount(0);
			source.setText("");
			output.setText(analysis.previewFailure());
			problems.setText("");
			return;
		}
		List<String> wanted = keyPaths();
		if (!wanted.equals(keyPaths) || table.getColumnCount() == 0) {
			keyPaths = wanted;
			rebuildColumns();
		}
		int rows = result.rows().size();
		timing.setText(String.format("%,d %s in %,d ms, %,d with problems", rows, rows == 1 ? "sample" : "samples",
				result.nanos() / 1_000_000, result.rowsWithProblems()));
		table.setItemCount(rows);
		table.clearAll();
		if (rows > 0) {
			table.setSelection(Math.min(Math.max(selected, 0), rows - 1));
			table.showSelection();
		}
		showSelected();
		if (!result.compileProblem().isEmpty()) {
			timing.setText("The design does not compile");
			timing.setToolTipText(result.compileProblem());
		}
	}

	private void contextChanged() {
		List<EntityMapping> mappings = editor.design().getEntityMappings();
		List<String> labels = new ArrayList<>();
		for (EntityMapping m : mappings) {
			labels.add(MappingDesignEditor.label(m) + (m.getArrayPath() == null || m.getArrayPath().isBlank() ? ""
					: " (each of " + m.getArrayPath() + ")"));
		}
		if (!List.of(entityChoice.getItems()).equals(labels)) {
			entityChoice.setItems(labels.toArray(String[]::new));
		}
		entityChoice.select(mappings.indexOf(editor.currentEntityMapping()));
		origin.setText("Samples: " + editor.samplesOrigin(editor.currentEntityMapping()));
		entityChoice.getParent().layout(true);
	}

	/** The target paths shown as columns: required rules first, then the first plain fields, up to four. */
	private List<String> keyPaths() {
		EntityMapping em = editor.currentEntityMapping();
		List<String> paths = new ArrayList<>();
		if (em == null) {
			return paths;
		}
		for (boolean requiredPass : new boolean[] { true, false }) {
			for (FieldRule rule : em.getRules()) {
				String path = rule.getTargetPath();
				if (paths.size() < KEY_COLUMNS && path != null && !path.isBlank() && !path.contains("[")
						&& rule.isRequired() == requiredPass && !paths.contains(path)) {
					paths.add(path);
				}
			}
		}
		return paths;
	}

	private void rebuildColumns() {
		table.setRedraw(false);
		try {
			for (TableColumn c : table.getColumns()) {
				c.dispose();
			}
			column("#", 50, SWT.RIGHT);
			for (String path : keyPaths) {
				column(path, 170, SWT.LEFT);
			}
			column("Records", 70, SWT.RIGHT);
			column("Problems", 420, SWT.LEFT);
		} finally {
			table.setRedraw(true);
		}
	}

	private void column(String text, int width, int align) {
		TableColumn c = new TableColumn(table, align);
		c.setText(text);
		c.setWidth(width);
	}

	private void fill(TableItem item, int index) {
		if (result == null || index >= result.rows().size()) {
			return;
		}
		DesignPreview.Row row = result.rows().get(index);
		JsonNode first = row.outputs().isEmpty() ? null : row.outputs().get(0);
		String[] cells = new String[keyPaths.size() + 3];
		cells[0] = Integer.toString(row.index() + 1);
		for (int i = 0; i < keyPaths.size(); i++) {
			cells[i + 1] = first == null ? "" : text(first.at("/" + keyPaths.get(i).replace('.', '/')));
		}
		cells[keyPaths.size() + 1] = Integer.toString(row.outputs().size());
		cells[keyPaths.size() + 2] = row.problems().isEmpty() ? "" : row.problems().size() + ": "
				+ row.problems().get(0);
		item.setText(cells);
		item.setData(row);
		item.setForeground(row.problems().isEmpty() ? null : red);
	}

	private void showSelected() {
		DesignPreview.Row row = selectedRow();
		if (row == null) {
			source.setText(result != null && result.rows().isEmpty()
					? "No samples to preview: " + editor.samplesOrigin(editor.currentEntityMapping())
							+ ". Pin test cases, or read samples from the system."
					: "");
			output.setText("");
			problems.setText("");
			return;
		}
		source.setText(pretty(row.source()));
		output.setText(row.outputs().isEmpty() ? "(no output)"
				: pretty(row.outputs().size() == 1 ? row.outputs().get(0) : JSON.valueToTree(row.outputs())));
		problems.setText(row.problems().isEmpty() ? "None." : String.join("\n", row.problems()));
		problems.setForeground(row.problems().isEmpty() ? null : red);
		editor.selectSample(editor.currentEntityMapping(), row.index());
	}

	static String pretty(JsonNode node) {
		if (node == null) {
			return "";
		}
		try {
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
		} catch (JsonProcessingException e) {
			return node.toString();
		}
	}

	private static String text(JsonNode node) {
		return node == null || node.isMissingNode() || node.isNull() ? "" : node.isValueNode() ? node.asText()
				: node.toString();
	}

	private static Text wrappingPane(Composite parent, String title) {
		Text text = pane(parent, title, SWT.WRAP);
		return text;
	}

	static Text pane(Composite parent, String title) {
		return pane(parent, title, SWT.H_SCROLL);
	}

	private static Text pane(Composite parent, String title, int style) {
		Composite box = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 2;
		layout.marginHeight = 2;
		box.setLayout(layout);
		Label label = new Label(box, SWT.NONE);
		label.setText(title);
		label.setFont(JFaceResources.getBannerFont());
		Text text = new Text(box, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | style);
		text.setFont(JFaceResources.getTextFont());
		text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		return text;
	}
}
