package io.crossbill.ui.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.eclipse.emf.ecore.util.EcoreUtil;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DragSourceListener;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.Direction;
import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.MappingPackage.Literals;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.design.DesignChecker;
import io.crossbill.mapping.design.DesignProblem;
import io.crossbill.mapping.design.FieldNode;
import io.crossbill.mapping.design.FieldTrees;

/**
 * The mapping page of the design editor: the source fields (with a sample value each) on the left, the field
 * rules in the middle, the target fields on the right, lines between what is mapped, and the selected rule in
 * full below. Dragging a source field onto a target field creates a COPY rule (or re-points the target's
 * rule); dropping an array or object on an array or object maps the fields they share by name. Required
 * target fields that no rule fills are red, and counted above the target tree.
 * <p>
 * The rule table is virtual and the trees build rows only when expanded, so a design with hundreds of rules
 * opens at once. Everything is redrawn from the model on each change notification, so undo and redo show.
 */
public class MappingPage {

	/** Milliseconds after the last change before the design is checked for problems. */
	static final int CHECK_AFTER = 200;

	private final DesignEditorContext ctx;
	private final Composite root;
	private final Combo entityChoice;
	private final Text arrayPath;
	private final Combo sampleChoice;
	private final Label origin;
	private final FieldTreeView sourceTree;
	private final FieldTreeView targetTree;
	private TableViewer rules;
	private Label rulesSummary;
	private final Label status;
	private final MappingLines sourceLines;
	private final MappingLines targetLines;
	private final RuleDetailPane detail;
	private final Color red;
	private final Color amber;
	private final Color green;
	private final Font bold;

	private EntityMapping shown;
	private Object sourceKey;
	private Object targetKey;
	private Set<String> unmapped = Set.of();
	private Set<String> mapped = Set.of();
	private Set<String> mappedShown;
	private Set<String> unmappedShown;
	private List<JsonNode> samplesShown;
	private Map<String, DesignProblem> problems = Map.of();
	private List<FieldRule> ruleList = List.of();
	private boolean redrawQueued;
	/** The rule table's row height, read once: asking GTK for it is slow. */
	private int itemHeight = 1;
	private long checkGeneration;
	private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "crossbill design check");
		t.setDaemon(true);
		return t;
	});
	private final Runnable listener = this::refresh;

	public MappingPage(Composite parent, DesignEditorContext ctx) {
		this.ctx = ctx;
		root = new Composite(parent, SWT.NONE);
		red = new Color(root.getDisplay(), 176, 0, 32);
		amber = new Color(root.getDisplay(), 160, 90, 0);
		green = new Color(root.getDisplay(), 0, 110, 50);
		bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 6;
		layout.marginHeight = 4;
		root.setLayout(layout);

		Composite bar = new Composite(root, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		GridLayout barLayout = new GridLayout(7, false);
		barLayout.marginWidth = 0;
		barLayout.marginHeight = 0;
		bar.setLayout(barLayout);
		new Label(bar, SWT.NONE).setText("Entity mapping");
		entityChoice = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
		entityChoice.addListener(SWT.Selection, e -> {
			int i = entityChoice.getSelectionIndex();
			if (i >= 0 && i < ctx.design().getEntityMappings().size()) {
				ctx.selectEntityMapping(ctx.design().getEntityMappings().get(i));
			}
		});
		new Label(bar, SWT.NONE).setText("Each element of");
		arrayPath = new Text(bar, SWT.BORDER | SWT.SINGLE);
		arrayPath.setMessage("(one record per source record)");
		GridData arrayData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
		arrayData.widthHint = 190;
		arrayPath.setLayoutData(arrayData);
		arrayPath.addListener(SWT.DefaultSelection, e -> commitArrayPath());
		arrayPath.addListener(SWT.FocusOut, e -> commitArrayPath());
		new Label(bar, SWT.NONE).setText("Sample");
		sampleChoice = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
		GridData sampleData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
		sampleData.widthHint = 320;
		sampleChoice.setLayoutData(sampleData);
		sampleChoice.addListener(SWT.Selection, e -> {
			int choice = sampleChoice.getSelectionIndex();
			if (shown != null && choice >= 0 && choice < choiceSamples.length) {
				ctx.selectSample(shown, choiceSamples[choice]);
			}
		});
		// where the samples came from gets a line of its own: "30 Project records made by hubspot-deal-to-project
		// from 30 deals read from HubSpot (sandbox) at 10:42" does not fit beside the choices
		origin = new Label(bar, SWT.NONE);
		origin.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, barLayout.numColumns, 1));

		SashForm vertical = new SashForm(root, SWT.VERTICAL);
		vertical.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		SashForm panes = new SashForm(vertical, SWT.HORIZONTAL);
		sourceTree = new FieldTreeView(panes, "Filter source fields or sample values", List.of(
				new FieldTreeView.Column("Source field", 140, MappingPage::fieldName),
				new FieldTreeView.Column("Sample value", 110, FieldNode::sample),
				new FieldTreeView.Column("Type", 72, FieldNode::type)), new FieldTreeView.ColumnStyle() {
				}, FieldPaths::source, FieldPaths::sourceParent);

		Composite middle = new Composite(panes, SWT.NONE);
		GridLayout middleLayout = new GridLayout(3, false);
		middleLayout.marginWidth = 0;
		middleLayout.marginHeight = 0;
		middleLayout.horizontalSpacing = 0;
		middle.setLayout(middleLayout);
		Composite rulesPane = new Composite(middle, SWT.NONE);
		buildRulesPane(rulesPane);
		sourceLines = new MappingLines(middle, sourceTree, tableRows(), this::sourceLinks);
		rulesPane.moveBelow(sourceLines);
		targetTree = new FieldTreeView(panes, "Filter target fields", List.of(
				new FieldTreeView.Column("Target field", 128, n -> n.shape() == FieldNode.Shape.ARRAY && !n.name().endsWith("]")
						? n.name() + "[]" : n.name()),
				new FieldTreeView.Column("Type", 90, FieldNode::type),
				new FieldTreeView.Column("Req.", 38, n -> n.required() ? "yes" : ""),
				new FieldTreeView.Column("Mapped", 56, n -> mapped.contains(FieldPaths.target(n.path())) ? "\u2713" : "")),
				new TargetStyle(), FieldPaths::target, FieldPaths::targetParent);
		targetLines = new MappingLines(middle, tableRows(), targetTree, this::targetLinks);
		sourceLines.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
		targetLines.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
		panes.setWeights(24, 52, 24);

		detail = new RuleDetailPane(vertical, ctx);
		vertical.setWeights(70, 30);

		status = new Label(root, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

		wireDragAndDrop();
		wireRedraws();
		ctx.addChangeListener(listener);
		root.addDisposeListener(e -> {
			ctx.removeChangeListener(listener);
			checker.shutdownNow();
		});
		refresh();
	}

	private void buildRulesPane(Composite pane) {
		pane.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		GridLayout layout = new GridLayout(4, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		pane.setLayout(layout);
		rulesSummary = new Label(pane, SWT.NONE);
		rulesSummary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		button(pane, "Add constant", () -> addRule(RuleKind.CONSTANT));
		button(pane, "Add expression", () -> addRule(RuleKind.EXPRESSION));
		button(pane, "Delete", this::deleteSelected);
		rules = new TableViewer(pane, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		Table table = rules.getTable();
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		// a lazy provider: only the rows on screen are ever labelled, whatever the number of rules
		rules.setContentProvider(new ILazyContentProvider() {
			@Override
			public void updateElement(int index) {
				if (index < ruleList.size()) {
					rules.replace(ruleList.get(index), index);
				}
			}
		});
		column("Target field", 130, r -> (problems.containsKey(FieldPaths.target(r.getTargetPath())) ? "\u26a0 " : "")
				+ r.getTargetPath());
		column("Kind", 92, r -> r.getKind().getName());
		column("Reads or gives", 250, MappingPage::summary);
		column("Transforms", 95, r -> String.join(", ", r.getTransforms().stream().map(t -> t.getName()).toList()));
		column("Req.", 40, r -> r.isRequired() ? "yes" : "");
		ColumnViewerToolTipSupport.enableFor(rules);
		table.addListener(SWT.Selection, e -> ruleSelected());
		table.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.DEL) {
				deleteSelected();
			}
		});
	}

	private Button button(Composite parent, String text, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	private void column(String title, int width, java.util.function.Function<FieldRule, String> text) {
		RuleColumns.add(rules, title, width, text, r -> {
			DesignProblem p = problems.get(FieldPaths.target(r.getTargetPath()));
			return p == null ? null : p.severity() == DesignProblem.Severity.ERROR ? red : amber;
		}, r -> {
			DesignProblem p = problems.get(FieldPaths.target(r.getTargetPath()));
			return p == null ? null : p.message();
		});
	}

	/** What the rule reads or gives, in one line, with its default when it has one. */
	static String summary(FieldRule r) {
		return r.getDefaultValue() == null ? reads(r) : reads(r) + "  (default " + r.getDefaultValue() + ")";
	}

	private static String reads(FieldRule r) {
		String source = Objects.toString(r.getSourcePath(), "");
		return switch (r.getKind()) {
		case CONSTANT -> "= " + Objects.toString(r.getValue(), "(no value)");
		case EXPRESSION -> (source.isEmpty() ? "" : source + ": ")
				+ oneLine(Objects.toString(r.getExpression(), "(no expression)"));
		case VALUE_MAP -> source + "  (" + r.getValueMap().size() + (r.getValueMap().size() == 1 ? " entry" : " entries")
				+ (r.getUnmatchedValue() == null ? "" : ", otherwise " + r.getUnmatchedValue()) + ")";
		case LOOKUP -> source + "  \u2192 id of " + Objects.toString(r.getLookupEntity(), "?") + " in "
				+ Objects.toString(r.getLookupSystem(), "the design's system");
		default -> source;
		};
	}

	private static String oneLine(String s) {
		String line = s.replaceAll("\\s+", " ");
		return line.length() > 120 ? line.substring(0, 119) + "\u2026" : line;
	}

	private static String fieldName(FieldNode n) {
		return n.shape() == FieldNode.Shape.ARRAY && !n.name().endsWith("]") ? n.name() + "[*]" : n.name();
	}

	private final class TargetStyle implements FieldTreeView.ColumnStyle {
		@Override
		public Color foreground(FieldNode node) {
			return unmapped.contains(FieldPaths.target(node.path())) ? red : null;
		}

		@Override
		public Font font(FieldNode node) {
			return unmapped.contains(FieldPaths.target(node.path())) ? bold : null;
		}

		@Override
		public String toolTip(FieldNode node) {
			return unmapped.contains(FieldPaths.target(node.path()))
					? node.path() + ": required, and no rule fills it. Drag a source field here." : node.path();
		}
	}

	// ---- refresh from the model

	/** Shows the model as it is now: called on every change notification of the context. */
	public void refresh() {
		if (root.isDisposed()) {
			return;
		}
		MappingDesign design = ctx.design();
		EntityMapping em = ctx.currentEntityMapping();
		refreshChoices(design, em);
		if (em == null) {
			ruleList = List.of();
			showRules(List.of());
			sourceTree.setRoots(List.of());
			targetTree.setRoots(List.of());
			rulesSummary.setText("The design has no entity mapping.");
			detail.show(null);
			return;
		}
		List<JsonNode> samples = ctx.samples(em);
		boolean inbound = design.getDirection() != Direction.OUTBOUND;
		// samples are compared by identity: the context hands out the same list until it reads new ones
		Object newSourceKey = List.of(em, Objects.toString(em.getArrayPath(), ""), inbound);
		if (!newSourceKey.equals(sourceKey) || samples != samplesShown) {
			sourceKey = newSourceKey;
			samplesShown = samples;
			List<FieldNode> canonical = inbound ? List.of() : FieldTrees.canonical(em.getSourceEntity(), true, samples);
			// an OUTBOUND design whose source is no canonical entity still has fields: those of its samples
			sourceIsCanonical = !canonical.isEmpty();
			sourceTree.setRoots(sourceIsCanonical ? canonical : FieldTrees.fromSamples(samples, em.getArrayPath()));
		}
		sourceTree.setTitle(sourceTitle(em, samples));
		List<String> targets = new ArrayList<>();
		for (FieldRule r : em.getRules()) {
			targets.add(r.getTargetPath());
		}
		Object newTargetKey = inbound ? List.of(em.getTargetEntity(), true) : List.of(targets, false);
		if (!newTargetKey.equals(targetKey)) {
			targetKey = newTargetKey;
			targetTree.setRoots(inbound ? FieldTrees.canonical(em.getTargetEntity(), false, List.of())
					: FieldTrees.fromTargetPaths(targets, List.of()));
		}
		ruleList = new ArrayList<>(em.getRules());
		Set<String> mappedNow = new HashSet<>();
		for (String t : targets) {
			for (String p = FieldPaths.target(t); !p.isEmpty(); p = FieldPaths.targetParent(p)) {
				mappedNow.add(p);
			}
		}
		mapped = mappedNow;
		unmapped = new HashSet<>();
		for (String p : DesignChecker.unmappedRequired(design, em)) {
			unmapped.add(FieldPaths.target(p));
		}
		scheduleCheck();
		List<FieldRule> selected = em == shown ? selectedRules() : List.of();
		shown = em;
		showRules(selected);
		if (!mappedNow.equals(mappedShown) || !unmapped.equals(unmappedShown)) {
			mappedShown = mappedNow;
			unmappedShown = unmapped;
			targetTree.relabel();
		}
		targetTree.setTitle(unmappedTitle());
		targetTree.titleLabel().setForeground(!inbound ? null : unmapped.isEmpty() ? green : red);
		targetTree.titleLabel().setFont(unmapped.isEmpty() ? null : bold);
		showRuleCount();
		List<FieldRule> now = selectedRules();
		detail.show(now.size() == 1 ? now.get(0) : null);
		detail.showProblem(now.size() == 1 ? problems.get(FieldPaths.target(now.get(0).getTargetPath())) : null);
		queueLines();
	}

	private void showRuleCount() {
		int withProblems = (int) ruleList.stream().filter(r -> problems.containsKey(FieldPaths.target(r.getTargetPath())))
				.count();
		rulesSummary.setText(ruleList.size() + (ruleList.size() == 1 ? " rule" : " rules")
				+ (withProblems == 0 ? "" : ", " + withProblems + " with a problem"));
		rulesSummary.getParent().layout(true);
	}

	/**
	 * Checks a copy of the design in the background, a moment after the last change (checking parses every
	 * expression, which on a large design would make typing lag); the problems then mark their rules.
	 */
	private void scheduleCheck() {
		long generation = ++checkGeneration;
		root.getDisplay().timerExec(CHECK_AFTER, () -> {
			if (generation != checkGeneration || root.isDisposed() || shown == null) {
				return;
			}
			MappingDesign copy = EcoreUtil.copy(ctx.design());
			String label = FieldPaths.label(shown);
			Display display = root.getDisplay();
			try {
				checker.execute(() -> {
					List<DesignProblem> found;
					try {
						found = DesignChecker.check(copy);
					} catch (RuntimeException e) {
						found = List.of(new DesignProblem(DesignProblem.Severity.WARNING, label, "",
								"The design could not be checked: " + e.getMessage()));
					}
					List<DesignProblem> result = found;
					if (display.isDisposed()) {
						return;
					}
					display.asyncExec(() -> {
						if (generation == checkGeneration && !root.isDisposed()) {
							showProblems(label, result);
						}
					});
				});
			} catch (RejectedExecutionException closed) {
				// the page is being disposed
			}
		});
	}

	private void showProblems(String label, List<DesignProblem> found) {
		Map<String, DesignProblem> byTarget = new HashMap<>();
		for (DesignProblem p : found) {
			if (p.entityMapping().equals(label) && !p.targetPath().isEmpty()) {
				byTarget.merge(FieldPaths.target(p.targetPath()), p,
						(a, b) -> a.severity() == DesignProblem.Severity.ERROR ? a : b);
			}
		}
		problems = byTarget;
		rules.getTable().clearAll();
		showRuleCount();
		List<FieldRule> now = selectedRules();
		detail.showProblem(now.size() == 1 ? problems.get(FieldPaths.target(now.get(0).getTargetPath())) : null);
	}

	/** Whether the source tree shows a canonical entity (else the fields of the samples). */
	private boolean sourceIsCanonical;
	/** The most samples the sample choice lists. */
	static final int SAMPLE_CHOICES = 100;
	/** The samples whose labels the sample choice holds (compared by identity). */
	private List<JsonNode> samplesInChoice;
	/** The index of the sample listed after the first {@link #SAMPLE_CHOICES}, or -1. */
	private int extraInChoice = -1;
	/** The sample index of each item of the sample choice. */
	private int[] choiceSamples = new int[0];

	private void refreshChoices(MappingDesign design, EntityMapping em) {
		List<String> labels = new ArrayList<>();
		for (EntityMapping m : design.getEntityMappings()) {
			labels.add(FieldPaths.choiceLabel(m));
		}
		if (!labels.equals(List.of(entityChoice.getItems()))) {
			entityChoice.setItems(labels.toArray(String[]::new));
		}
		entityChoice.select(design.getEntityMappings().indexOf(em));
		if (!arrayPath.isFocusControl()) {
			arrayPath.setText(em == null ? "" : Objects.toString(em.getArrayPath(), ""));
		}
		arrayPath.setEnabled(em != null);
		List<JsonNode> samples = em == null ? List.of() : ctx.samples(em);
		// the context hands out the same list until it reads new samples: labels and items only change with it (a
		// thousand labels, and asking the combo for its items, on every change would make typing lag)
		JsonNode selected = em == null ? null : ctx.selectedSample(em);
		int index = -1;
		for (int i = 0; i < samples.size() && index < 0; i++) {
			if (samples.get(i) == selected) {
				index = i;
			}
		}
		// the combo lists the first SAMPLE_CHOICES samples (GTK fills a combo one item at a time: a thousand take
		// most of a second), plus the selected one when it was picked further down, on the Preview page
		int listed = Math.min(samples.size(), SAMPLE_CHOICES);
		int extra = index >= listed ? index : -1;
		if (samples != samplesInChoice || extra != extraInChoice) {
			samplesInChoice = samples;
			extraInChoice = extra;
			choiceSamples = new int[listed + (extra >= 0 ? 1 : 0)];
			String[] sampleLabels = new String[choiceSamples.length];
			for (int i = 0; i < choiceSamples.length; i++) {
				choiceSamples[i] = i < listed ? i : extra;
				sampleLabels[i] = sampleLabel(choiceSamples[i], samples.get(choiceSamples[i]));
			}
			sampleChoice.setItems(sampleLabels);
			sampleChoice.setToolTipText(samples.size() > listed ? String.format("The first %,d of %,d samples; pick"
					+ " any other on the Preview page.", listed, samples.size()) : "The sample whose values are shown");
		}
		sampleChoice.select(index < 0 ? -1 : index < listed ? index : listed);
		sampleChoice.setEnabled(!samples.isEmpty());
		origin.setText(em == null ? "" : (samples.isEmpty() ? "No sample records (values cannot be shown): "
				: "Samples: ") + Objects.toString(ctx.samplesOrigin(em), ""));
		origin.setToolTipText(origin.getText());
		entityChoice.getParent().layout(true);
	}

	/** "3: 10261005098 Kauri Timber Ltd - Finance transformation" */
	static String sampleLabel(int index, JsonNode sample) {
		StringBuilder s = new StringBuilder().append(index + 1).append(':');
		for (String idField : List.of("id", "Id", "ID", "dealId", "ContactID")) {
			if (sample.path(idField).isValueNode()) {
				s.append(' ').append(sample.path(idField).asText());
				break;
			}
		}
		String name = nameIn(sample, 0);
		if (name != null) {
			s.append(' ').append(name);
		}
		return s.toString();
	}

	private static String nameIn(JsonNode node, int depth) {
		if (node == null || !node.isObject() || depth > 1) {
			return null;
		}
		for (Map.Entry<String, JsonNode> e : node.properties()) {
			if (e.getKey().toLowerCase(Locale.ROOT).contains("name") && e.getValue().isTextual()) {
				return e.getValue().asText();
			}
		}
		for (Map.Entry<String, JsonNode> e : node.properties()) {
			String inner = nameIn(e.getValue(), depth + 1);
			if (inner != null) {
				return inner;
			}
		}
		return null;
	}

	private String sourceTitle(EntityMapping em, List<JsonNode> samples) {
		String of = em.getArrayPath() == null || em.getArrayPath().isBlank() ? "" : ", each element of " + em.getArrayPath();
		return sourceIsCanonical ? "Canonical " + em.getSourceEntity() + of
				: em.getSourceEntity() + " fields from " + samples.size() + (samples.size() == 1 ? " sample" : " samples") + of;
	}

	private String unmappedTitle() {
		if (ctx.design().getDirection() == Direction.OUTBOUND) {
			return shown.getTargetEntity() + " fields the rules write (a system's JSON declares no required fields)";
		}
		if (unmapped.isEmpty()) {
			return "All required fields of " + shown.getTargetEntity() + " are mapped";
		}
		return unmapped.size() + (unmapped.size() == 1 ? " required field" : " required fields") + " unmapped: "
				+ String.join(", ", unmapped.stream().sorted().limit(6).toList()) + (unmapped.size() > 6 ? ", \u2026" : "");
	}

	private void commitArrayPath() {
		EntityMapping em = ctx.currentEntityMapping();
		if (em != null) {
			String text = arrayPath.getText().strip();
			DesignCommands.set(ctx.domain(), em, Literals.ENTITY_MAPPING__ARRAY_PATH, text.isEmpty() ? null : text);
		}
	}

	// ---- rules

	private List<FieldRule> selectedRules() {
		List<FieldRule> list = new ArrayList<>();
		for (int i : rules.getTable().getSelectionIndices()) {
			if (i < ruleList.size()) {
				list.add(ruleList.get(i));
			}
		}
		return list;
	}

	/** Shows {@link #ruleList} (rows are labelled when they scroll into view) with these rules selected. */
	private void showRules(List<FieldRule> selected) {
		Table table = rules.getTable();
		if (rules.getInput() == null) {
			rules.setInput(this);
		}
		table.setRedraw(false);
		try {
			rules.setItemCount(ruleList.size());
			table.clearAll();
			setSelectedRules(selected, false);
		} finally {
			table.setRedraw(true);
		}
	}

	private void setSelectedRules(List<FieldRule> selected, boolean reveal) {
		Table table = rules.getTable();
		List<Integer> indices = new ArrayList<>();
		for (FieldRule r : selected) {
			int i = ruleList.indexOf(r);
			if (i >= 0) {
				indices.add(i);
			}
		}
		table.setSelection(indices.stream().mapToInt(Integer::intValue).toArray());
		if (reveal && !indices.isEmpty()) {
			table.showSelection();
		}
	}

	private void ruleSelected() {
		List<FieldRule> selected = selectedRules();
		FieldRule rule = selected.size() == 1 ? selected.get(0) : null;
		detail.show(rule);
		detail.showProblem(rule == null ? null : problems.get(FieldPaths.target(rule.getTargetPath())));
		if (rule != null) {
			if (rule.getSourcePath() == null || !sourceTree.reveal(rule.getSourcePath())) {
				sourceTree.viewer().setSelection(StructuredSelection.EMPTY);
			}
			if (!targetTree.reveal(rule.getTargetPath())) {
				targetTree.viewer().setSelection(StructuredSelection.EMPTY);
			}
		}
		queueLines();
	}

	/** Selects a rule in the table and shows it below (and its fields in the trees). */
	public void select(FieldRule rule) {
		setSelectedRules(rule == null ? List.of() : List.of(rule), true);
		ruleSelected();
	}

	/**
	 * What dropping a source field on a target field does: a COPY rule from {@code sourcePath} to
	 * {@code targetPath}, or the target's existing rule now reads {@code sourcePath}; an array or object dropped
	 * on an array or object maps their fields that have the same name (one undoable command).
	 *
	 * @return the rules that now fill the target(s), empty (with the reason in the status line) when none
	 */
	public List<FieldRule> createRule(String sourcePath, String targetPath) {
		EntityMapping em = ctx.currentEntityMapping();
		if (em == null || sourcePath == null || sourcePath.isBlank() || targetPath == null || targetPath.isBlank()) {
			status("Drag a source field onto a target field to map it.");
			return List.of();
		}
		FieldNode from = sourceTree.node(sourcePath);
		FieldNode to = targetTree.node(targetPath);
		List<String[]> pairs = new ArrayList<>();
		List<Boolean> required = new ArrayList<>();
		if (from != null && to != null && from.shape() != FieldNode.Shape.VALUE && to.shape() != FieldNode.Shape.VALUE) {
			for (FieldNode s : from.children()) {
				for (FieldNode t : to.children()) {
					if (s.shape() == FieldNode.Shape.VALUE && t.shape() == FieldNode.Shape.VALUE
							&& sameName(s.name(), t.name())) {
						pairs.add(new String[] { s.path(), t.path() });
						required.add(t.required());
					}
				}
			}
			if (pairs.isEmpty()) {
				status("No field of " + sourcePath + " has the name of a field of " + targetPath
						+ ": drag the fields one by one.");
				return List.of();
			}
		} else {
			pairs.add(new String[] { sourcePath, targetPath });
			required.add(to != null && to.required());
		}
		List<FieldRule> made = DesignCommands.copy(ctx.domain(), em, pairs, required);
		if (made.isEmpty()) {
			status("The rule could not be created.");
			return made;
		}
		refresh();
		setSelectedRules(made, true);
		ruleSelected();
		status(made.size() == 1 ? made.get(0).getTargetPath() + " now copies " + made.get(0).getSourcePath() + "."
				: made.size() + " fields of " + targetPath + " now copy the fields of " + sourcePath + " with the same name.");
		return made;
	}

	private static boolean sameName(String a, String b) {
		return a.replace("_", "").equalsIgnoreCase(b.replace("_", ""));
	}

	private void addRule(RuleKind kind) {
		EntityMapping em = ctx.currentEntityMapping();
		if (em == null) {
			return;
		}
		Object picked = targetTree.viewer().getStructuredSelection().getFirstElement();
		String target = picked instanceof FieldNode n && DesignCommands.ruleFor(em, n.path()) == null ? n.path() : null;
		for (int i = 1; target == null; i++) {
			String candidate = "newField" + (i == 1 ? "" : i);
			target = DesignCommands.ruleFor(em, candidate) == null ? candidate : null;
		}
		FieldRule rule = DesignCommands.newRule(target, kind);
		if (DesignCommands.add(ctx.domain(), em, rule)) {
			refresh();
			select(rule);
			status("Added a " + kind.getName() + " rule for " + target + ": set its target field and "
					+ (kind == RuleKind.CONSTANT ? "value" : "expression") + " below.");
		}
	}

	private void deleteSelected() {
		EntityMapping em = ctx.currentEntityMapping();
		List<FieldRule> selected = selectedRules();
		if (em != null && DesignCommands.remove(ctx.domain(), em, Literals.ENTITY_MAPPING__RULES, selected)) {
			status(selected.size() == 1 ? "Deleted the rule for " + selected.get(0).getTargetPath() + " (Undo brings it back)."
					: "Deleted " + selected.size() + " rules (Undo brings them back).");
		}
	}

	private void status(String text) {
		status.setText(text);
		root.layout(true);
	}

	// ---- drag and drop, lines

	private void wireDragAndDrop() {
		Transfer[] types = { TextTransfer.getInstance() };
		DragSource drag = new DragSource(sourceTree.viewer().getTree(), DND.DROP_COPY | DND.DROP_LINK);
		drag.setTransfer(types);
		drag.addDragListener(new DragSourceListener() {
			@Override
			public void dragStart(DragSourceEvent event) {
				event.doit = sourceTree.viewer().getStructuredSelection().getFirstElement() instanceof FieldNode;
			}

			@Override
			public void dragSetData(DragSourceEvent event) {
				if (sourceTree.viewer().getStructuredSelection().getFirstElement() instanceof FieldNode n) {
					event.data = n.path();
				}
			}

			@Override
			public void dragFinished(DragSourceEvent event) {
			}
		});
		DropTarget drop = new DropTarget(targetTree.viewer().getTree(), DND.DROP_COPY | DND.DROP_LINK | DND.DROP_DEFAULT);
		drop.setTransfer(types);
		drop.addDropListener(new DropTargetAdapter() {
			@Override
			public void dragEnter(DropTargetEvent event) {
				if (event.detail == DND.DROP_DEFAULT) {
					event.detail = DND.DROP_COPY;
				}
			}

			@Override
			public void dragOver(DropTargetEvent event) {
				event.feedback = DND.FEEDBACK_SELECT | DND.FEEDBACK_SCROLL | DND.FEEDBACK_EXPAND;
				if (!(event.item instanceof TreeItem item && item.getData() instanceof FieldNode)) {
					event.detail = DND.DROP_NONE;
				} else if (event.detail == DND.DROP_NONE || event.detail == DND.DROP_DEFAULT) {
					event.detail = DND.DROP_COPY;
				}
			}

			@Override
			public void drop(DropTargetEvent event) {
				if (event.item instanceof TreeItem item && item.getData() instanceof FieldNode target
						&& event.data instanceof String source) {
					createRule(source, target.path());
				}
			}
		});
	}

	private MappingLines.Rows tableRows() {
		return new MappingLines.Rows() {
			private org.eclipse.swt.graphics.Rectangle area;
			private int headerBottom;
			private int top;
			private int visible;
			private int count;

			@Override
			public Control control() {
				return rules.getTable();
			}

			@Override
			public void prepare() {
				Table table = rules.getTable();
				area = table.getClientArea();
				headerBottom = area.y + (table.getHeaderVisible() ? table.getHeaderHeight() : 0);
				top = table.getTopIndex();
				visible = area.height / Math.max(1, table.getItemHeight()) + 1;
				count = table.getItemCount();
			}

			@Override
			public MappingLines.Row find(Object key) {
				if (area == null) {
					prepare();
				}
				int i = (Integer) key;
				if (i < top || i > top + visible || i >= count) {
					return null;
				}
				org.eclipse.swt.graphics.Rectangle b = rules.getTable().getItem(i).getBounds();
				int y = b.y + b.height / 2;
				return y < headerBottom || y > area.y + area.height ? null : new MappingLines.Row(y, false);
			}
		};
	}

	private List<MappingLines.Link> sourceLinks() {
		return links(true);
	}

	private List<MappingLines.Link> targetLinks() {
		return links(false);
	}

	private List<MappingLines.Link> links(boolean toSource) {
		Table table = rules.getTable();
		if (itemHeight <= 1 && table.getItemCount() > 0) {
			itemHeight = table.getItemHeight();
		}
		int top = table.getTopIndex();
		int visible = table.getClientArea().height / Math.max(1, itemHeight) + 1;
		List<FieldRule> selected = selectedRules();
		List<MappingLines.Link> links = new ArrayList<>();
		for (int i = top; i < Math.min(ruleList.size(), top + visible + 1); i++) {
			FieldRule r = ruleList.get(i);
			boolean sel = selected.contains(r);
			if (toSource && r.getSourcePath() != null && !r.getSourcePath().isBlank() && r.getKind() != RuleKind.CONSTANT) {
				links.add(new MappingLines.Link(r.getSourcePath(), i, sel));
			} else if (!toSource && r.getTargetPath() != null) {
				links.add(new MappingLines.Link(i, r.getTargetPath(), sel));
			}
		}
		return links;
	}

	private void wireRedraws() {
		for (Control c : List.of(sourceTree.control(), targetTree.control(), rules.getTable())) {
			c.addListener(SWT.Paint, e -> queueLines());
			c.addListener(SWT.Resize, e -> queueLines());
			c.addListener(SWT.Expand, e -> queueLines());
			c.addListener(SWT.Collapse, e -> queueLines());
			c.addListener(SWT.MouseWheel, e -> queueLines());
			if (c instanceof org.eclipse.swt.widgets.Scrollable s && s.getVerticalBar() != null) {
				s.getVerticalBar().addListener(SWT.Selection, e -> queueLines());
			}
		}
	}

	private void queueLines() {
		if (redrawQueued || root.isDisposed()) {
			return;
		}
		redrawQueued = true;
		root.getDisplay().asyncExec(() -> {
			redrawQueued = false;
			if (!root.isDisposed()) {
				sourceLines.redraw();
				targetLines.redraw();
			}
		});
	}

	// ---- for the editor and tests

	/** The page's controls. */
	public Control control() {
		return root;
	}

	/** The entity mapping chooser. */
	public Combo entityChoice() {
		return entityChoice;
	}

	/** The source field tree. */
	public org.eclipse.jface.viewers.TreeViewer sourceTree() {
		return sourceTree.viewer();
	}

	/** The target field tree. */
	public org.eclipse.jface.viewers.TreeViewer targetTree() {
		return targetTree.viewer();
	}

	/** The rules table. */
	public TableViewer rulesTable() {
		return rules;
	}

	/** "N required fields unmapped: ...", above the target tree. */
	public Label unmappedLabel() {
		return targetTree.titleLabel();
	}

	/** The selected rule in full. */
	public RuleDetailPane detail() {
		return detail;
	}

	/** The last thing the page told the analyst (after a drop, an add or a delete). */
	public Label statusLabel() {
		return status;
	}

	/** The filter box of the source tree. */
	public Text sourceFilter() {
		return sourceTree.filterBox();
	}
}
