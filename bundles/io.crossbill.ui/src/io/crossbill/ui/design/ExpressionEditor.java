package io.crossbill.ui.design;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingPackage.Literals;
import io.crossbill.mapping.design.ExpressionCheck;
import io.crossbill.mapping.design.Expressions;
import io.crossbill.mapping.design.FieldNode;
import io.crossbill.mapping.design.FieldTrees;

/**
 * The JSONata editor of an EXPRESSION rule: syntax errors as you type (underlined where the parser points,
 * the message below), content assist for the sample's field paths and JSONata's functions (Ctrl+Space, and
 * by itself after {@code .} and {@code $}), and the value the expression gives on the selected sample record,
 * evaluated off the UI thread. The text becomes the rule's expression (a command, so it can be undone) when
 * the editor loses focus, on Ctrl+Enter, or after a pause in typing.
 */
public class ExpressionEditor {

	/** Milliseconds after the last key stroke before the expression is evaluated on the sample. */
	static final int EVALUATE_AFTER = 250;
	/** Milliseconds after the last key stroke before the text becomes the rule's expression. */
	static final int COMMIT_AFTER = 1500;
	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final DesignEditorContext ctx;
	private final Composite root;
	private final SourceViewer viewer;
	private final Document document = new Document();
	private final Label problem;
	private final Label valueTitle;
	private final Text value;
	private final Color red;
	private final ExecutorService evaluator;

	private FieldRule rule;
	/** True while the text holds typing that is not the rule's expression yet. */
	private boolean dirty;
	private boolean loading;
	private long edits;
	private List<FieldNode> treeCache;
	private Object treeKey;

	public ExpressionEditor(Composite parent, DesignEditorContext ctx) {
		this.ctx = ctx;
		root = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 3;
		root.setLayout(layout);
		red = new Color(root.getDisplay(), 176, 0, 32);
		evaluator = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "crossbill expression preview");
			t.setDaemon(true);
			return t;
		});
		root.addDisposeListener(e -> evaluator.shutdownNow());

		viewer = new SourceViewer(root, null, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		ContentAssistant assistant = new ContentAssistant();
		assistant.setContentAssistProcessor(new Proposals(), Document.DEFAULT_CONTENT_TYPE);
		assistant.enableAutoActivation(true);
		assistant.setAutoActivationDelay(150);
		assistant.enableAutoInsert(false);
		assistant.setProposalPopupOrientation(IContentAssistant.PROPOSAL_OVERLAY);
		viewer.configure(new SourceViewerConfiguration() {
			@Override
			public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
				return assistant;
			}
		});
		viewer.setDocument(document);
		StyledText text = viewer.getTextWidget();
		text.setFont(JFaceResources.getTextFont());
		GridData textData = new GridData(SWT.FILL, SWT.FILL, true, true);
		textData.minimumHeight = 60;
		textData.heightHint = 115;
		text.setLayoutData(textData);
		text.addVerifyKeyListener(e -> {
			if ((e.stateMask & SWT.MOD1) != 0 && e.character == ' ') {
				e.doit = false;
				showProposals();
			} else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR)) {
				e.doit = false;
				commit();
			}
		});
		text.addListener(SWT.FocusOut, e -> commit());
		document.addDocumentListener(new IDocumentListener() {
			@Override
			public void documentAboutToBeChanged(DocumentEvent event) {
			}

			@Override
			public void documentChanged(DocumentEvent event) {
				if (!loading) {
					dirty = true;
					typed();
				}
			}
		});

		problem = new Label(root, SWT.WRAP);
		problem.setForeground(red);
		problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		valueTitle = new Label(root, SWT.WRAP);
		valueTitle.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		value = new Text(root, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
		value.setFont(JFaceResources.getTextFont());
		GridData valueData = new GridData(SWT.FILL, SWT.FILL, true, true);
		valueData.minimumHeight = 50;
		valueData.heightHint = 60;
		value.setLayoutData(valueData);
		show(null);
	}

	/** The editor's controls. */
	public Control control() {
		return root;
	}

	/** Edits another rule's expression (null: nothing to edit); typing not yet committed goes to the old rule. */
	public void show(FieldRule newRule) {
		if (newRule != rule) {
			commit();
			rule = newRule;
			dirty = false;
		}
		refresh();
	}

	/**
	 * Shows the model as it is now (after undo, redo, another page's edit or another sample), unless the
	 * analyst is typing: then the typing wins until it is committed.
	 */
	public void refresh() {
		if (root.isDisposed()) {
			return;
		}
		viewer.setEditable(rule != null);
		if (rule == null) {
			load("");
			problem.setText("");
			valueTitle.setText("Pick an expression rule to edit its JSONata expression.");
			value.setText("");
			return;
		}
		String modelText = rule.getExpression() == null ? "" : rule.getExpression();
		if (!dirty && !modelText.equals(document.get())) {
			load(modelText);
		}
		checkSyntax();
		evaluate();
	}

	private void load(String text) {
		loading = true;
		try {
			document.set(text);
		} finally {
			loading = false;
		}
	}

	private void typed() {
		long edit = ++edits;
		checkSyntax();
		root.getDisplay().timerExec(EVALUATE_AFTER, () -> {
			if (edit == edits && !root.isDisposed()) {
				evaluate();
			}
		});
		root.getDisplay().timerExec(COMMIT_AFTER, () -> {
			if (edit == edits && !root.isDisposed()) {
				commit();
			}
		});
	}

	/** Makes the text the rule's expression (one command); false when there was nothing to commit. */
	public boolean commit() {
		if (rule == null || !dirty || root.isDisposed()) {
			return false;
		}
		dirty = false;
		String text = document.get();
		return DesignCommands.set(ctx.domain(), rule, Literals.FIELD_RULE__EXPRESSION, text.isBlank() ? null : text);
	}

	/** Opens the content assist popup at the caret, as Ctrl+Space does. */
	public void showProposals() {
		if (rule != null && viewer.canDoOperation(ISourceViewer.CONTENTASSIST_PROPOSALS)) {
			viewer.doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
		}
	}

	private void checkSyntax() {
		StyledText text = viewer.getTextWidget();
		String expression = document.get();
		text.setStyleRanges(new StyleRange[0]);
		if (expression.isBlank()) {
			problem.setText("");
			root.layout(true);
			return;
		}
		String before = problem.getText();
		ExpressionCheck check = Expressions.check(expression);
		if (check.valid()) {
			problem.setText("");
		} else {
			int at = Math.max(0, Math.min(check.errorOffset(), expression.length() - 1));
			StyleRange squiggle = new StyleRange();
			squiggle.start = at;
			squiggle.length = Math.max(1, tokenEnd(expression, at) - at);
			squiggle.underline = true;
			squiggle.underlineStyle = SWT.UNDERLINE_SQUIGGLE;
			squiggle.underlineColor = red;
			text.setStyleRange(squiggle);
			problem.setText(check.error());
		}
		if (!before.equals(problem.getText())) {
			root.layout(true);
		}
	}

	private static int tokenEnd(String s, int from) {
		int i = from;
		while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
			i++;
		}
		return Math.min(i, from + 20);
	}

	/** Evaluates the text on the selected sample, in the background; the answer replaces the value shown. */
	private void evaluate() {
		EntityMapping em = ctx.currentEntityMapping();
		JsonNode sample = em == null ? null : ctx.selectedSample(em);
		String expression = document.get();
		if (sample == null) {
			valueTitle.setText("No sample records: the value cannot be shown.");
			value.setText("");
			return;
		}
		if (expression.isBlank()) {
			valueTitle.setText("The rule has no expression yet: type one (Ctrl+Space lists the sample's fields).");
			value.setText("");
			return;
		}
		if (!Expressions.check(expression).valid()) {
			valueTitle.setText("Value on the selected sample: none until the expression parses.");
			value.setText("");
			return;
		}
		String arrayPath = em.getArrayPath();
		// a private copy with the text being edited: the background evaluation never touches the live model
		FieldRule edited = EcoreUtil.copy(rule);
		edited.setExpression(expression);
		long edit = edits;
		Display display = root.getDisplay();
		try {
			evaluator.execute(() -> {
				Evaluation result = evaluate(edited, sample, arrayPath);
				if (display.isDisposed()) {
					return;
				}
				display.asyncExec(() -> {
					if (edit == edits && !root.isDisposed()) {
						valueTitle.setText(result.title());
						value.setForeground(result.failed() ? red : null);
						value.setText(result.text());
						root.layout(true);
					}
				});
			});
		} catch (RejectedExecutionException stopped) {
			// the editor is being closed
		}
	}

	private record Evaluation(String title, String text, boolean failed) {
	}

	/** Runs in the background: the rule as the runtime runs it, on the selected sample. */
	private static Evaluation evaluate(FieldRule rule, JsonNode sample, String arrayPath) {
		String sourcePath = rule.getSourcePath();
		boolean array = arrayPath != null && !arrayPath.isBlank();
		String where = array ? "the first element of " + arrayPath + " of the selected sample" : "the selected sample";
		if (sourcePath != null && !sourcePath.isBlank()) {
			where = (sourcePath.contains("[*]") ? "each value of " : "") + sourcePath + " of " + where;
		}
		ExpressionCheck result = Expressions.evaluate(rule, arrayPath, sample);
		if (!result.error().isEmpty()) {
			return new Evaluation("Evaluating on " + where + " failed:", result.error(), true);
		}
		try {
			JsonNode v = result.value();
			String text = v == null || v.isNull() ? "(no value: the field would be left out)"
					: JSON.writeValueAsString(v);
			return new Evaluation("Value on " + where + ":", text, false);
		} catch (Exception e) {
			return new Evaluation("Value on " + where + ":", String.valueOf(result.value()), false);
		}
	}

	/** The fields offered by content assist: the sample's tree, or the children of the rule's source path. */
	private List<FieldNode> fields() {
		EntityMapping em = ctx.currentEntityMapping();
		if (em == null) {
			return List.of();
		}
		List<JsonNode> samples = ctx.samples(em);
		Object key = List.of(em, System.identityHashCode(samples), String.valueOf(em.getArrayPath()));
		if (!key.equals(treeKey)) {
			treeCache = FieldTrees.fromSamples(samples, em.getArrayPath());
			treeKey = key;
		}
		String sourcePath = rule == null ? null : rule.getSourcePath();
		if (sourcePath != null && !sourcePath.isBlank()) {
			FieldNode node = find(treeCache, FieldPaths.source(sourcePath));
			return node == null ? List.of() : node.children();
		}
		return treeCache;
	}

	private static FieldNode find(List<FieldNode> nodes, String path) {
		for (FieldNode n : nodes) {
			if (FieldPaths.source(n.path()).equals(path)) {
				return n;
			}
			FieldNode below = find(n.children(), path);
			if (below != null) {
				return below;
			}
		}
		return null;
	}

	private final class Proposals implements IContentAssistProcessor {
		@Override
		public ICompletionProposal[] computeCompletionProposals(ITextViewer textViewer, int offset) {
			String text = textViewer.getDocument().get();
			List<Expressions.Completion> completions = Expressions.complete(text, offset, fields());
			ICompletionProposal[] proposals = new ICompletionProposal[completions.size()];
			for (int i = 0; i < proposals.length; i++) {
				Expressions.Completion c = completions.get(i);
				int from = Math.max(0, Math.min(c.replaceFrom(), offset));
				String label = c.detail() == null || c.detail().isEmpty() ? c.label() : c.label() + "  -  " + c.detail();
				proposals[i] = new CompletionProposal(c.replacement(), from, offset - from, from + c.replacement().length(),
						null, label, null, c.detail());
			}
			return proposals;
		}

		@Override
		public IContextInformation[] computeContextInformation(ITextViewer textViewer, int offset) {
			return null;
		}

		@Override
		public char[] getCompletionProposalAutoActivationCharacters() {
			return new char[] { '.', '$' };
		}

		@Override
		public char[] getContextInformationAutoActivationCharacters() {
			return null;
		}

		@Override
		public String getErrorMessage() {
			return null;
		}

		@Override
		public IContextInformationValidator getContextInformationValidator() {
			return null;
		}
	}

	/** The text widget (for tests). */
	public StyledText textWidget() {
		return viewer.getTextWidget();
	}

	/** The syntax error shown under the text, empty when it parses (for tests). */
	public Label problemLabel() {
		return problem;
	}

	/** The value on the selected sample, as pretty JSON (for tests). */
	public Text valueText() {
		return value;
	}

	/** The rule being edited, or null. */
	public FieldRule rule() {
		return rule;
	}
}
