package io.crossbill.ui.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerEditor;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationStrategy;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TableViewerEditor;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.custom.TableEditor;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingFactory;
import io.crossbill.mapping.MappingPackage.Literals;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.ValueMapEntry;
import io.crossbill.mapping.design.UnmatchedValues;

/**
 * The value maps and lookups page: on the left the VALUE_MAP and LOOKUP rules of the entity mapping, with how
 * many sample values each map misses; on the right, for a value map, its entries (edit a cell to change one),
 * what an unmatched value becomes, and the values the samples hold that no entry matches, each with an "Add
 * entry" button; for a lookup, the system and entity whose ids it looks up. Every edit is a command.
 */
public class ValueMapsPage {

	/** At most this many unmatched sample values are listed (most frequent first). */
	static final int UNMATCHED_SHOWN = 100;

	private final DesignEditorContext ctx;
	private final Composite root;
	private final Label intro;
	private final TableViewer rules;
	private final Composite right;
	private final StackLayout stack = new StackLayout();
	private final Label nothing;
	private final Composite mapPanel;
	private final Label mapHeading;
	private final TableViewer entries;
	private final Text unmatchedValue;
	private final Text defaultValue;
	private final Label unmatchedTitle;
	private final Table unmatched;
	private final List<TableEditor> rowButtons = new ArrayList<>();
	private final Composite lookupPanel;
	private final Label lookupHeading;
	private final Text lookupSystem;
	private final Text lookupEntity;
	private final Color red;
	private final Runnable listener = this::refresh;

	private List<FieldRule> ruleList = List.of();
	private Map<FieldRule, Map<String, Integer>> misses = Map.of();
	private FieldRule rule;
	private boolean updating;

	public ValueMapsPage(Composite parent, DesignEditorContext ctx) {
		this.ctx = ctx;
		root = new Composite(parent, SWT.NONE);
		red = new Color(root.getDisplay(), 176, 0, 32);
		root.setLayout(new GridLayout(1, false));
		intro = new Label(root, SWT.WRAP);
		intro.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		SashForm sash = new SashForm(root, SWT.HORIZONTAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

		rules = new TableViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		rules.getTable().setHeaderVisible(true);
		rules.getTable().setLinesVisible(true);
		rules.setContentProvider(ArrayContentProvider.getInstance());
		ruleColumn("Target field", 120, FieldRule::getTargetPath);
		ruleColumn("Kind", 88, r -> r.getKind().getName());
		ruleColumn("Source path", 175, r -> Objects.toString(r.getSourcePath(), ""));
		ruleColumn("Entries", 58, r -> r.getKind() == RuleKind.VALUE_MAP ? String.valueOf(r.getValueMap().size()) : "");
		ruleColumn("Missed in samples", 115, r -> {
			Map<String, Integer> m = misses.get(r);
			return m == null ? "" : m.isEmpty() ? "none" : m.size() + (m.size() == 1 ? " value" : " values");
		});
		rules.addSelectionChangedListener(e -> {
			Object first = rules.getStructuredSelection().getFirstElement();
			rule = first instanceof FieldRule r ? r : null;
			showRule();
		});

		right = new Composite(sash, SWT.NONE);
		right.setLayout(stack);
		nothing = new Label(right, SWT.WRAP);
		mapPanel = new Composite(right, SWT.NONE);
		mapPanel.setLayout(new GridLayout(4, false));
		mapHeading = new Label(mapPanel, SWT.WRAP);
		mapHeading.setFont(JFaceResources.getBannerFont());
		mapHeading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
		entries = new TableViewer(mapPanel, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		GridData entriesData = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
		entriesData.heightHint = 160;
		entries.getTable().setLayoutData(entriesData);
		entries.getTable().setHeaderVisible(true);
		entries.getTable().setLinesVisible(true);
		entries.setContentProvider(ArrayContentProvider.getInstance());
		entryColumn("From (source value)", 220, Literals.VALUE_MAP_ENTRY__FROM);
		entryColumn("To (target value)", 220, Literals.VALUE_MAP_ENTRY__TO);
		TableViewerEditor.create(entries, new ColumnViewerEditorActivationStrategy(entries),
				ColumnViewerEditor.TABBING_HORIZONTAL | ColumnViewerEditor.KEYBOARD_ACTIVATION);
		Composite entryButtons = new Composite(mapPanel, SWT.NONE);
		entryButtons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
		GridLayout buttonsLayout = new GridLayout(3, false);
		buttonsLayout.marginWidth = 0;
		buttonsLayout.marginHeight = 0;
		entryButtons.setLayout(buttonsLayout);
		Button add = new Button(entryButtons, SWT.PUSH);
		add.setText("Add entry");
		add.addListener(SWT.Selection, e -> addEntry(""));
		Button remove = new Button(entryButtons, SWT.PUSH);
		remove.setText("Remove entry");
		remove.addListener(SWT.Selection, e -> removeSelectedEntries());
		Label editHint = new Label(entryButtons, SWT.NONE);
		editHint.setText("Click a cell to change it; Undo takes a change back.");
		editHint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		unmatchedValue = field(mapPanel, "When no entry matches", Literals.FIELD_RULE__UNMATCHED_VALUE,
				"empty: the record is reported as a mapping problem");
		defaultValue = field(mapPanel, "When the source has no value", Literals.FIELD_RULE__DEFAULT_VALUE,
				"empty: the field is left out");
		unmatchedTitle = new Label(mapPanel, SWT.WRAP);
		unmatchedTitle.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
		unmatchedTitle.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
		unmatched = new Table(mapPanel, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		GridData unmatchedData = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
		unmatchedData.heightHint = 140;
		unmatched.setLayoutData(unmatchedData);
		unmatched.setHeaderVisible(true);
		unmatched.setLinesVisible(true);
		for (String[] c : new String[][] { { "Value in the samples", "220" }, { "Records", "70" }, { "", "110" } }) {
			TableColumn column = new TableColumn(unmatched, c[1].equals("70") ? SWT.RIGHT : SWT.LEFT);
			column.setText(c[0]);
			column.setWidth(Integer.parseInt(c[1]));
		}

		lookupPanel = new Composite(right, SWT.NONE);
		lookupPanel.setLayout(new GridLayout(4, false));
		lookupHeading = new Label(lookupPanel, SWT.WRAP);
		lookupHeading.setFont(JFaceResources.getBannerFont());
		lookupHeading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
		lookupSystem = field(lookupPanel, "System", Literals.FIELD_RULE__LOOKUP_SYSTEM, "empty: the design's system");
		lookupEntity = field(lookupPanel, "Entity", Literals.FIELD_RULE__LOOKUP_ENTITY, "e.g. Customer, Project");
		Label lookupHint = new Label(lookupPanel, SWT.WRAP);
		lookupHint.setText("The source value is the system's id of a record of this entity; the rule gives the "
				+ "canonical id the cross-references hold for it. A value with no cross-reference is reported.");
		GridData hintData = new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1);
		hintData.widthHint = 400;
		lookupHint.setLayoutData(hintData);
		sash.setWeights(41, 59);

		ctx.addChangeListener(listener);
		root.addDisposeListener(e -> ctx.removeChangeListener(listener));
		refresh();
	}

	private void ruleColumn(String title, int width, java.util.function.Function<FieldRule, String> text) {
		RuleColumns.add(rules, title, width, text, r -> {
			Map<String, Integer> m = misses.get(r);
			return m != null && !m.isEmpty() && r.getUnmatchedValue() == null ? red : null;
		}, r -> null);
	}

	private void entryColumn(String title, int width, EAttribute feature) {
		TableViewerColumn c = new TableViewerColumn(entries, SWT.LEFT);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return Objects.toString(((ValueMapEntry) element).eGet(feature), "");
			}
		});
		c.setEditingSupport(new EditingSupport(entries) {
			private final TextCellEditor editor = new TextCellEditor(entries.getTable());

			@Override
			protected CellEditor getCellEditor(Object element) {
				return editor;
			}

			@Override
			protected boolean canEdit(Object element) {
				return true;
			}

			@Override
			protected Object getValue(Object element) {
				return Objects.toString(((ValueMapEntry) element).eGet(feature), "");
			}

			@Override
			protected void setValue(Object element, Object value) {
				DesignCommands.set(ctx.domain(), (ValueMapEntry) element, feature, value.toString());
			}
		});
	}

	private Text field(Composite parent, String title, EAttribute feature, String hint) {
		new Label(parent, SWT.NONE).setText(title);
		Text t = new Text(parent, SWT.BORDER | SWT.SINGLE);
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
		data.widthHint = 220;
		t.setLayoutData(data);
		t.setMessage(hint);
		Runnable commit = () -> {
			if (rule != null && !updating) {
				String text = t.getText().strip();
				DesignCommands.set(ctx.domain(), rule, feature, text.isEmpty() ? null : text);
			}
		};
		t.addListener(SWT.DefaultSelection, e -> commit.run());
		t.addListener(SWT.FocusOut, e -> commit.run());
		return t;
	}

	/** Shows the model as it is now: called on every change notification of the context. */
	public void refresh() {
		if (root.isDisposed()) {
			return;
		}
		EntityMapping em = ctx.currentEntityMapping();
		List<FieldRule> list = new ArrayList<>();
		Map<FieldRule, Map<String, Integer>> missed = new java.util.HashMap<>();
		if (em != null) {
			List<JsonNode> samples = ctx.samples(em);
			for (FieldRule r : em.getRules()) {
				if (r.getKind() == RuleKind.VALUE_MAP || r.getKind() == RuleKind.LOOKUP) {
					list.add(r);
					if (r.getKind() == RuleKind.VALUE_MAP && !samples.isEmpty()) {
						missed.put(r, UnmatchedValues.of(r, em.getArrayPath(), samples));
					}
				}
			}
			intro.setText(FieldPaths.label(em) + ": " + list.size() + " value maps and lookups. "
					+ (samples.isEmpty() ? "No sample records, so values the maps miss cannot be listed."
							: "Values missed are counted on " + Objects.toString(ctx.samplesOrigin(em), samples.size() + " samples") + "."));
		} else {
			intro.setText("The design has no entity mapping.");
		}
		ruleList = list;
		misses = missed;
		rules.setInput(ruleList);
		if (rule == null || !ruleList.contains(rule)) {
			rule = ruleList.isEmpty() ? null : ruleList.get(0);
		}
		rules.setSelection(rule == null ? StructuredSelection.EMPTY : new StructuredSelection(rule));
		showRule();
	}

	private void showRule() {
		updating = true;
		try {
			if (rule == null) {
				nothing.setText(ruleList.isEmpty() ? "This entity mapping has no value maps or lookups. On the mapping page, "
						+ "set a rule's kind to VALUE_MAP (translate values, e.g. a deal stage to a project status) or "
						+ "LOOKUP (a system's id to the canonical id)." : "Pick a value map or lookup on the left.");
				stack.topControl = nothing;
			} else if (rule.getKind() == RuleKind.LOOKUP) {
				lookupHeading.setText(rule.getTargetPath() + "  \u2190  id in " + Objects.toString(rule.getSourcePath(), "?"));
				setIfChanged(lookupSystem, rule.getLookupSystem());
				setIfChanged(lookupEntity, rule.getLookupEntity());
				stack.topControl = lookupPanel;
			} else {
				mapHeading.setText(rule.getTargetPath() + "  \u2190  " + Objects.toString(rule.getSourcePath(), "(no source path)"));
				entries.setInput(new ArrayList<>(rule.getValueMap()));
				setIfChanged(unmatchedValue, rule.getUnmatchedValue());
				setIfChanged(defaultValue, rule.getDefaultValue());
				showUnmatched(misses.get(rule));
				stack.topControl = mapPanel;
			}
		} finally {
			updating = false;
		}
		right.layout(true, true);
	}

	private void showUnmatched(Map<String, Integer> values) {
		for (TableEditor editor : rowButtons) {
			editor.getEditor().dispose();
			editor.dispose();
		}
		rowButtons.clear();
		unmatched.removeAll();
		if (values == null) {
			unmatchedTitle.setText("No sample records: fetch some to see which values this map misses.");
			unmatchedTitle.setForeground(null);
			return;
		}
		if (values.isEmpty()) {
			unmatchedTitle.setText("Every value in the samples has an entry.");
			unmatchedTitle.setForeground(null);
			return;
		}
		int records = values.values().stream().mapToInt(Integer::intValue).sum();
		unmatchedTitle.setText(values.size() + (values.size() == 1 ? " value" : " values") + " in the samples without an entry ("
				+ records + (records == 1 ? " record" : " records") + "): "
				+ (rule.getUnmatchedValue() == null ? "these records would be reported." : "these become " + rule.getUnmatchedValue() + "."));
		unmatchedTitle.setForeground(rule.getUnmatchedValue() == null ? red : null);
		int shown = 0;
		for (Map.Entry<String, Integer> e : values.entrySet()) {
			if (shown++ == UNMATCHED_SHOWN) {
				TableItem more = new TableItem(unmatched, SWT.NONE);
				more.setText(0, "\u2026 and " + (values.size() - UNMATCHED_SHOWN) + " more");
				break;
			}
			TableItem item = new TableItem(unmatched, SWT.NONE);
			item.setText(new String[] { e.getKey(), String.valueOf(e.getValue()), "" });
			item.setData(e.getKey());
			Button button = new Button(unmatched, SWT.PUSH | SWT.FLAT);
			button.setText("Add entry");
			String value = e.getKey();
			button.addListener(SWT.Selection, ev -> addEntry(value));
			TableEditor editor = new TableEditor(unmatched);
			editor.horizontalAlignment = SWT.LEFT;
			editor.minimumWidth = button.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
			editor.minimumHeight = button.computeSize(SWT.DEFAULT, SWT.DEFAULT).y;
			editor.setEditor(button, item, 2);
			rowButtons.add(editor);
		}
	}

	/**
	 * Adds an entry for {@code from} to the selected value map (one command) and starts editing its target
	 * value; null when no value map is selected.
	 */
	public ValueMapEntry addEntry(String from) {
		if (rule == null || rule.getKind() != RuleKind.VALUE_MAP) {
			return null;
		}
		ValueMapEntry entry = MappingFactory.eINSTANCE.createValueMapEntry();
		entry.setFrom(from);
		entry.setTo("");
		if (!DesignCommands.run(ctx.domain(), AddCommand.create(ctx.domain(), rule, Literals.FIELD_RULE__VALUE_MAP, entry))) {
			return null;
		}
		refresh();
		entries.setSelection(new StructuredSelection(entry), true);
		entries.editElement(entry, from.isEmpty() ? 0 : 1);
		return entry;
	}

	private void removeSelectedEntries() {
		if (rule != null) {
			DesignCommands.remove(ctx.domain(), rule, Literals.FIELD_RULE__VALUE_MAP,
					entries.getStructuredSelection().toList());
		}
	}

	/** Shows one rule on the right (a VALUE_MAP or LOOKUP rule of the entity mapping). */
	public void select(FieldRule r) {
		rules.setSelection(r == null ? StructuredSelection.EMPTY : new StructuredSelection(r), true);
	}

	private static void setIfChanged(Text t, String value) {
		String v = value == null ? "" : value;
		if (!t.getText().equals(v) && !t.isFocusControl()) {
			t.setText(v);
		}
	}

	/** The page's controls. */
	public Control control() {
		return root;
	}

	/** The value maps and lookups of the entity mapping. */
	public TableViewer rulesTable() {
		return rules;
	}

	/** The selected value map's entries. */
	public TableViewer entriesTable() {
		return entries;
	}

	/** The sample values the selected value map has no entry for. */
	public Table unmatchedTable() {
		return unmatched;
	}

	/** What an unmatched value becomes. */
	public Text unmatchedValueText() {
		return unmatchedValue;
	}

	/** The heading over the sample values without an entry. */
	public Label unmatchedTitle() {
		return unmatchedTitle;
	}
}
