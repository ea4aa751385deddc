package io.crossbill.ui.design;

import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
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

import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.MappingFactory;
import io.crossbill.mapping.MappingPackage;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.design.DesignPreview;
import io.crossbill.mapping.runtime.MappingCompiler;
import io.crossbill.mapping.runtime.MappingFailure;
import io.crossbill.mapping.runtime.TestCaseOutcome;

/**
 * The Test cases page: every golden test kept with the design, passed (green) or failed (red), run again after
 * every change; the selected one's expected and actual output and why it failed. A record of the preview can be
 * pinned as a new test case (its current output becomes the expected one); the expected JSON can be edited; a test
 * case can be deleted. All changes are commands, so they undo like any other edit. The same tests run headless in
 * the build ({@code TestCaseOutcome}).
 */
public class TestCasesPage {

	private final MappingDesignEditor editor;
	private final Composite root;
	private final Label summary;
	private final Table table;
	private final Text expected;
	private final Text actual;
	private final Label why;
	private final Button saveExpected;
	private final Color green;
	private final Color red;
	private List<TestCaseOutcome> outcomes = List.of();

	public TestCasesPage(Composite parent, MappingDesignEditor editor) {
		this.editor = editor;
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		green = root.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN);
		red = root.getDisplay().getSystemColor(SWT.COLOR_RED);

		Composite bar = new Composite(root, SWT.NONE);
		GridLayout barLayout = new GridLayout(3, false);
		barLayout.marginWidth = 0;
		barLayout.marginHeight = 0;
		bar.setLayout(barLayout);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		summary = new Label(bar, SWT.NONE);
		summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button pin = new Button(bar, SWT.PUSH);
		pin.setText("Pin selected preview record as test case ...");
		pin.addListener(SWT.Selection, e -> pinAsking());
		Button delete = new Button(bar, SWT.PUSH);
		delete.setText("Delete test case");
		delete.addListener(SWT.Selection, e -> deleteSelected());

		SashForm sash = new SashForm(root, SWT.HORIZONTAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table = new Table(sash, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		column("Result", 70);
		column("Test case", 330);
		column("Why it fails", 420);
		table.addListener(SWT.Selection, e -> showSelected());

		Composite detail = new Composite(sash, SWT.NONE);
		GridLayout detailLayout = new GridLayout(2, true);
		detailLayout.marginWidth = 0;
		detailLayout.marginHeight = 0;
		detail.setLayout(detailLayout);
		why = new Label(detail, SWT.WRAP);
		GridData whyData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		whyData.heightHint = 48;
		why.setLayoutData(whyData);
		Composite left = new Composite(detail, SWT.NONE);
		left.setLayout(new GridLayout(1, false));
		left.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		expected = PreviewPage.pane(left, "Expected output (editable)");
		expected.setEditable(true);
		expected.getParent().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		saveExpected = new Button(left, SWT.PUSH);
		saveExpected.setText("Keep this expected output");
		saveExpected.addListener(SWT.Selection, e -> {
			int i = table.getSelectionIndex();
			if (i >= 0) {
				editExpected(i, expected.getText());
			}
		});
		actual = PreviewPage.pane(detail, "What the design produces now");
		actual.getParent().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		sash.setWeights(50, 50);

		editor.addChangeListener(this::refreshNames);
		show(editor.analysis());
	}

	/** The page's control, for the editor's tab. */
	public Control control() {
		return root;
	}

	/** The table of test cases, for tests. */
	public Table table() {
		return table;
	}

	/** The latest outcomes, one per test case. */
	public List<TestCaseOutcome> outcomes() {
		return outcomes;
	}

	/** The "N of M pass" line. */
	public String summaryText() {
		return summary.getText();
	}

	/**
	 * Pins the record selected on the Preview page as a golden test named {@code name}: its source as the sample
	 * and what the design produces for it now as the expected output.
	 *
	 * @throws IllegalStateException saying why when no record is selected or it maps with problems
	 */
	public TestCase pin(String name) {
		DesignPreview.Row row = editor.previewPage().selectedRow();
		if (row == null) {
			throw new IllegalStateException("Select a record on the Preview page first: it is the one pinned.");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A test case needs a name that says what it covers.");
		}
		MappingDesign design = editor.design();
		String sourceEntity = design.getEntityMappings().size() > 1 && editor.currentEntityMapping() != null
				? editor.currentEntityMapping().getSourceEntity() : null;
		TestCase probe = MappingFactory.eINSTANCE.createTestCase();
		probe.setName(name.strip());
		probe.setSourceEntity(sourceEntity);
		probe.setSampleJson(row.source().toString());
		probe.setExpectedJson("null");
		TestCaseOutcome now;
		try {
			now = TestCaseOutcome.run(new MappingCompiler().compileUncached(EcoreUtil.copy(design)), probe);
		} catch (MappingFailure e) {
			throw new IllegalStateException("The design does not run, so there is no output to pin: " + e.getMessage());
		}
		if (now.actual() == null || !now.problems().isEmpty()) {
			throw new IllegalStateException("Record " + (row.index() + 1) + " maps with problems ("
					+ (now.problems().isEmpty() ? now.detail() : now.problems().get(0).message())
					+ "): fix them first, a golden test must pass when it is pinned.");
		}
		probe.setExpectedJson(now.actual().toString());
		Command add = AddCommand.create(editor.domain(), design, MappingPackage.Literals.MAPPING_DESIGN__TEST_CASES, probe);
		editor.domain().getCommandStack().execute(add);
		editor.say("Test case '" + probe.getName() + "' pinned: record " + (row.index() + 1) + " must keep mapping to "
				+ "what it maps to now.", false);
		return probe;
	}

	/**
	 * Replaces the expected output of the i-th test case.
	 *
	 * @throws IllegalArgumentException when the text is not JSON (nothing changes)
	 */
	public void editExpected(int index, String json) {
		JsonNode parsed;
		try {
			parsed = PreviewPage.JSON.readTree(json);
		} catch (Exception e) {
			editor.say("The expected output is not valid JSON, so it was not kept: " + e.getMessage(), true);
			throw new IllegalArgumentException("the expected output is not valid JSON: " + e.getMessage(), e);
		}
		TestCase testCase = editor.design().getTestCases().get(index);
		editor.domain().getCommandStack().execute(SetCommand.create(editor.domain(), testCase,
				MappingPackage.Literals.TEST_CASE__EXPECTED_JSON, parsed.toString()));
	}

	void show(DesignAnalysis analysis) {
		if (root.isDisposed()) {
			return;
		}
		outcomes = analysis.outcomes();
		int selected = table.getSelectionIndex();
		long failing = analysis.failingTests();
		summary.setText(outcomes.isEmpty() ? "No golden tests yet: pin a record of the Preview page to keep its output."
				: String.format("%d of %d golden tests pass%s", outcomes.size() - failing, outcomes.size(),
						failing == 0 ? "." : ", " + failing + " fail."));
		summary.setForeground(failing > 0 ? red : null);
		table.setRedraw(false);
		try {
			table.setItemCount(outcomes.size());
			for (int i = 0; i < outcomes.size(); i++) {
				TestCaseOutcome o = outcomes.get(i);
				TableItem item = table.getItem(i);
				List<TestCase> cases = editor.design().getTestCases();
				String why = i < cases.size() ? GoldenDifferences.why(cases.get(i).getExpectedJson(), o) : o.detail();
				item.setText(new String[] { o.passed() ? "PASS" : "FAIL", o.name() == null ? "(unnamed)" : o.name(), why });
				item.setForeground(0, o.passed() ? green : red);
				item.setForeground(2, red);
			}
		} finally {
			table.setRedraw(true);
		}
		if (!outcomes.isEmpty()) {
			table.setSelection(Math.min(Math.max(selected, 0), outcomes.size() - 1));
		}
		showSelected();
	}

	private void refreshNames() {
		// a test case added or removed shows at once; its outcome follows with the next analysis
		List<TestCase> cases = editor.design().getTestCases();
		if (cases.size() != table.getItemCount()) {
			table.setItemCount(cases.size());
			for (int i = outcomes.size(); i < cases.size(); i++) {
				table.getItem(i).setText(new String[] { "...", cases.get(i).getName(), "running" });
			}
		}
	}

	private void showSelected() {
		int i = table.getSelectionIndex();
		List<TestCase> cases = editor.design().getTestCases();
		if (i < 0 || i >= outcomes.size() || i >= cases.size()) {
			why.setText("");
			expected.setText("");
			actual.setText("");
			return;
		}
		TestCaseOutcome o = outcomes.get(i);
		why.setText(o.passed() ? "Passes: the sample maps to exactly the expected output."
				: "Fails: " + GoldenDifferences.why(cases.get(i).getExpectedJson(), o));
		why.setForeground(o.passed() ? green : red);
		String expectedJson = cases.get(i).getExpectedJson();
		try {
			expected.setText(PreviewPage.pretty(PreviewPage.JSON.readTree(expectedJson)));
		} catch (Exception e) {
			expected.setText(expectedJson == null ? "" : expectedJson);
		}
		actual.setText(o.actual() == null ? "(no output)" : PreviewPage.pretty(o.actual()));
	}

	private void pinAsking() {
		if (editor.previewPage().selectedRow() == null) {
			editor.say("Select a record on the Preview page first: it is the one pinned.", true);
			return;
		}
		InputDialog ask = new InputDialog(root.getShell(), "Pin as golden test",
				"Name the test case after what it covers (e.g. \"closed-won fixed-fee deal\"):", "", text ->
						text.isBlank() ? "A name is needed" : null);
		if (ask.open() == IDialogConstants.OK_ID) {
			try {
				pin(ask.getValue());
			} catch (RuntimeException e) {
				editor.say(e.getMessage(), true);
			}
		}
	}

	private void deleteSelected() {
		int i = table.getSelectionIndex();
		if (i < 0 || i >= editor.design().getTestCases().size()) {
			editor.say("Select a test case to delete.", true);
			return;
		}
		TestCase testCase = editor.design().getTestCases().get(i);
		editor.domain().getCommandStack().execute(RemoveCommand.create(editor.domain(), editor.design(),
				MappingPackage.Literals.MAPPING_DESIGN__TEST_CASES, testCase));
		editor.say("Test case '" + testCase.getName() + "' deleted (Undo brings it back).", false);
	}

	private void column(String text, int width) {
		TableColumn c = new TableColumn(table, SWT.LEFT);
		c.setText(text);
		c.setWidth(width);
	}
}
