package io.crossbill.ui.design;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingPackage.Literals;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.Transform;
import io.crossbill.mapping.design.DesignProblem;

/**
 * The selected rule in full, under the mapping page's panes: target field, kind, source path, constant value,
 * default, required, transforms in the order they apply, scale, and for an EXPRESSION rule the
 * {@link ExpressionEditor}. Every edit is a command; the pane shows the model again after each change.
 */
public class RuleDetailPane {

	private final DesignEditorContext ctx;
	private final Composite root;
	private final Label heading;
	private final Text target;
	private final Combo kind;
	private final Text source;
	private final Text defaultValue;
	private final Text constant;
	private final Button required;
	private final Map<Transform, Button> transforms = new EnumMap<>(Transform.class);
	private final Label transformOrder;
	private final Spinner scale;
	private final Label message;
	private final Composite right;
	private final StackLayout rightStack = new StackLayout();
	private final ExpressionEditor expressions;
	private final Label kindHint;
	private final Color red;
	private final Color amber;
	private FieldRule rule;
	private boolean updating;
	private List<Object> laidOut;
	private final ScrolledComposite fieldsScroll;

	public RuleDetailPane(Composite parent, DesignEditorContext ctx) {
		this.ctx = ctx;
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(2, true));
		// the fields scroll rather than being cut off when the window is small
		fieldsScroll = new ScrolledComposite(root, SWT.V_SCROLL);
		fieldsScroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		fieldsScroll.setExpandHorizontal(true);
		fieldsScroll.setExpandVertical(true);
		Composite fields = new Composite(fieldsScroll, SWT.NONE);
		fieldsScroll.setContent(fields);
		fieldsScroll.addListener(SWT.Resize, e -> fitFields());
		GridLayout fieldsLayout = new GridLayout(4, false);
		fieldsLayout.marginWidth = 0;
		fields.setLayout(fieldsLayout);
		heading = new Label(fields, SWT.NONE);
		heading.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
		heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));

		target = text(fields, "Target field", Literals.FIELD_RULE__TARGET_PATH);
		label(fields, "Kind");
		kind = new Combo(fields, SWT.READ_ONLY | SWT.DROP_DOWN);
		for (RuleKind k : RuleKind.values()) {
			kind.add(k.getName());
		}
		kind.addListener(SWT.Selection, e -> {
			if (rule != null && !updating && kind.getSelectionIndex() >= 0) {
				DesignCommands.set(ctx.domain(), rule, Literals.FIELD_RULE__KIND, RuleKind.get(kind.getSelectionIndex()));
			}
		});
		source = text(fields, "Source path", Literals.FIELD_RULE__SOURCE_PATH);
		defaultValue = text(fields, "Default", Literals.FIELD_RULE__DEFAULT_VALUE);
		defaultValue.setMessage("when the source has no value");
		constant = text(fields, "Constant value", Literals.FIELD_RULE__VALUE);
		constant.setMessage("42, true, \"text\" or plain text");
		label(fields, "Required");
		required = new Button(fields, SWT.CHECK);
		required.setText("report a record that ends without a value");
		required.addListener(SWT.Selection, e -> {
			if (rule != null && !updating) {
				DesignCommands.set(ctx.domain(), rule, Literals.FIELD_RULE__REQUIRED, required.getSelection());
			}
		});

		label(fields, "Transforms");
		Composite boxes = new Composite(fields, SWT.NONE);
		RowLayout row = new RowLayout(SWT.HORIZONTAL);
		row.wrap = true;
		row.marginLeft = 0;
		row.marginTop = 0;
		row.spacing = 6;
		boxes.setLayout(row);
		GridData boxesData = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
		boxesData.widthHint = 420;
		boxes.setLayoutData(boxesData);
		for (Transform t : Transform.values()) {
			Button b = new Button(boxes, SWT.CHECK);
			b.setText(t.getName());
			b.addListener(SWT.Selection, e -> toggle(t, b.getSelection()));
			transforms.put(t, b);
		}
		new Label(fields, SWT.NONE);
		transformOrder = new Label(fields, SWT.WRAP);
		transformOrder.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
		label(fields, "Scale");
		scale = new Spinner(fields, SWT.BORDER);
		scale.setValues(-1, -1, 12, 0, 1, 2);
		scale.addListener(SWT.Selection, e -> {
			if (rule != null && !updating) {
				DesignCommands.set(ctx.domain(), rule, Literals.FIELD_RULE__SCALE, scale.getSelection());
			}
		});
		Label scaleHint = new Label(fields, SWT.WRAP);
		scaleHint.setText("decimals the numeric transforms round to; -1 keeps the exact result");
		scaleHint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		message = new Label(fields, SWT.WRAP);
		red = new Color(root.getDisplay(), 176, 0, 32);
		amber = new Color(root.getDisplay(), 160, 90, 0);
		message.setForeground(red);
		message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));

		right = new Composite(root, SWT.NONE);
		right.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		right.setLayout(rightStack);
		expressions = new ExpressionEditor(right, ctx);
		kindHint = new Label(right, SWT.WRAP);
		show(null);
	}

	private Text text(Composite parent, String title, EAttribute feature) {
		label(parent, title);
		Text t = new Text(parent, SWT.BORDER | SWT.SINGLE);
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
		data.widthHint = 150;
		t.setLayoutData(data);
		t.addListener(SWT.DefaultSelection, e -> commit(t, feature));
		t.addListener(SWT.FocusOut, e -> commit(t, feature));
		return t;
	}

	private static Label label(Composite parent, String text) {
		Label l = new Label(parent, SWT.NONE);
		l.setText(text);
		return l;
	}

	private void commit(Text t, EAttribute feature) {
		if (rule == null || updating || t.isDisposed()) {
			return;
		}
		String text = t.getText().strip();
		if (feature == Literals.FIELD_RULE__TARGET_PATH && text.isEmpty()) {
			message.setText("A rule needs a target field: the old one (" + rule.getTargetPath() + ") is kept.");
			t.setText(Objects.toString(rule.getTargetPath(), ""));
			return;
		}
		message.setText("");
		DesignCommands.set(ctx.domain(), rule, feature, text.isEmpty() ? null : text);
	}

	private void toggle(Transform t, boolean on) {
		if (rule == null || updating) {
			return;
		}
		List<Transform> list = new ArrayList<>(rule.getTransforms());
		if (on) {
			list.add(t);
		} else {
			list.removeIf(x -> x == t);
		}
		DesignCommands.set(ctx.domain(), rule, Literals.FIELD_RULE__TRANSFORMS, list);
	}

	/** Shows the design checker's problem with the rule under its fields (null: none). */
	public void showProblem(DesignProblem problem) {
		if (root.isDisposed()) {
			return;
		}
		message.setText(problem == null ? "" : (problem.severity() == DesignProblem.Severity.ERROR ? "Error: " : "Warning: ")
				+ problem.message());
		message.setForeground(problem != null && problem.severity() == DesignProblem.Severity.WARNING ? amber : red);
		message.getParent().layout(true);
		fitFields();
	}

	private void fitFields() {
		Control fields = fieldsScroll.getContent();
		int width = fieldsScroll.getClientArea().width;
		if (fields != null && width > 0) {
			fieldsScroll.setMinSize(fields.computeSize(width, SWT.DEFAULT));
		}
	}

	/** Shows another rule (null: none selected). */
	public void show(FieldRule newRule) {
		rule = newRule;
		refresh();
	}

	/** Shows the rule as the model has it now. */
	public void refresh() {
		if (root.isDisposed()) {
			return;
		}
		updating = true;
		try {
			boolean on = rule != null;
			for (Control c : new Control[] { target, kind, source, defaultValue, constant, required, scale }) {
				c.setEnabled(on);
			}
			transforms.values().forEach(b -> b.setEnabled(on));
			if (!on) {
				heading.setText("No rule selected");
				for (Text t : List.of(target, source, defaultValue, constant)) {
					t.setText("");
				}
				kind.deselectAll();
				required.setSelection(false);
				transforms.values().forEach(b -> b.setSelection(false));
				transformOrder.setText("Pick a rule in the table, or drag a source field onto a target field.");
				message.setText("");
				expressions.show(null);
				showRight(kindHint, "The selected rule is shown here in full; for an EXPRESSION rule, its JSONata "
						+ "expression with the value it gives on the selected sample.");
				return;
			}
			heading.setText("Rule for " + rule.getTargetPath());
			setIfChanged(target, rule.getTargetPath());
			setIfChanged(source, rule.getSourcePath());
			setIfChanged(defaultValue, rule.getDefaultValue());
			setIfChanged(constant, rule.getValue());
			constant.setEnabled(rule.getKind() == RuleKind.CONSTANT);
			source.setEnabled(rule.getKind() != RuleKind.CONSTANT);
			kind.select(rule.getKind().getValue());
			required.setSelection(rule.isRequired());
			scale.setSelection(rule.getScale());
			for (Map.Entry<Transform, Button> e : transforms.entrySet()) {
				e.getValue().setSelection(rule.getTransforms().contains(e.getKey()));
			}
			transformOrder.setText(rule.getTransforms().isEmpty() ? "No transforms: the value is used as it is."
					: "Applied in this order: " + String.join(" \u2192 ", rule.getTransforms().stream().map(Transform::getName).toList()));
			switch (rule.getKind()) {
			case EXPRESSION -> {
				expressions.show(rule);
				showRight(expressions.control(), null);
			}
			case VALUE_MAP -> showRight(kindHint, rule.getValueMap().size() + " entries translate " + rule.getSourcePath()
					+ ". Edit them, and see the sample values they miss, on the Value maps && lookups page.");
			case LOOKUP -> showRight(kindHint, "Looks up the canonical id the cross-references hold for the "
					+ (rule.getLookupSystem() == null ? "design's system" : rule.getLookupSystem()) + " id in "
					+ rule.getSourcePath() + ". System and entity are set on the Value maps && lookups page.");
			case CONSTANT -> showRight(kindHint, "Every record gets the constant value.");
			default -> showRight(kindHint, "Copies the value at the source path, after the transforms.");
			}
			if (rule.getKind() != RuleKind.EXPRESSION) {
				expressions.show(null);
			}
		} finally {
			updating = false;
		}
		// laying the pane out is the costly part of showing a rule: only when what it shows changed shape
		List<Object> shape = List.of(Objects.toString(rule), heading.getText(), transformOrder.getText(),
				kindHint.getText(), String.valueOf(rightStack.topControl));
		if (!shape.equals(laidOut)) {
			laidOut = shape;
			root.layout(true, true);
			fitFields();
		}
	}

	private void showRight(Control top, String hint) {
		if (hint != null) {
			kindHint.setText(hint);
		}
		if (rightStack.topControl != top) {
			rightStack.topControl = top;
			right.layout(true, true);
		}
	}

	private static void setIfChanged(Text t, String value) {
		String v = value == null ? "" : value;
		if (!t.getText().equals(v)) {
			t.setText(v);
		}
	}

	/** The pane's controls. */
	public Control control() {
		return root;
	}

	/** The expression editor shown for EXPRESSION rules. */
	public ExpressionEditor expressionEditor() {
		return expressions;
	}

	/** The rule shown, or null. */
	public FieldRule rule() {
		return rule;
	}

	/** The kind chooser (for tests). */
	public Combo kindCombo() {
		return kind;
	}

	/** The source path field (for tests). */
	public Text sourceText() {
		return source;
	}
}
