package io.crossbill.ui.tests;

import static io.crossbill.ui.tests.WorkbenchFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.Test;

import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingPackage;
import io.crossbill.mapping.ValueMapEntry;
import io.crossbill.mapping.design.DesignDiff;
import io.crossbill.ui.design.DesignEditors;
import io.crossbill.ui.design.MappingDesignEditor;
import io.crossbill.ui.design.MappingDesignEditor.Page;
import io.crossbill.ui.parts.DesignEditorPart;

/**
 * The mapping design editor in the real workbench, on the shipped design hubspot-deal-to-project: a rule made the
 * way a drop makes it shows in the preview at once (no save), undo takes it away and redo brings it back; saving
 * makes a new version that a reopened editor shows; a pinned golden test passes, then fails after a breaking
 * value-map change; that version cannot be approved; a broken expression is an error on the Problems page.
 * A screenshot of every page.
 */
class MappingDesignEditorTest {

	private static final String DESIGN = "hubspot-deal-to-project";

	@Test
	void aRuleIsPreviewedUndoneRedoneSavedReopenedAndAGoldenTestCatchesABreakingChange() throws Exception {
		MPart part = open();
		MappingDesignEditor editor = editorOf(part);
		int openedVersion = editor.design().getVersion();
		assertFalse(hasRule(editor, "contractId"), "the workspace already holds a version mapping contractId: "
				+ "run the test on a clean workspace");
		assertTrue(waitUntil(() -> editor.isAnalysed() && editor.previewPage().result() != null
				&& !editor.previewPage().result().rows().isEmpty(), 20_000), "the preview of the samples never came");
		shot(editor, Page.MAPPING, "design-mapping");
		shot(editor, Page.VALUE_MAPS, "design-value-maps");

		// the widget action of a drop of properties.pipeline on contractId: the preview changes without a save
		editor.showPage(Page.PREVIEW);
		editor.previewPage().select(0);
		assertFalse(editor.previewPage().outputText().contains("\"contractId\""), editor.previewPage().outputText());
		editor.mappingPage().createRule("properties.pipeline", "contractId");
		assertTrue(editor.isDirty());
		assertTrue(waitUntil(() -> editor.isAnalysed() && editor.previewPage().outputText().contains(
				"\"contractId\" : \"default\""), 10_000), "the preview does not show the new field: "
						+ editor.previewPage().outputText());
		shot(editor, Page.PREVIEW, "design-preview");

		// undo, as the analyst would: Ctrl+Z with the focus in the editor
		mainShell().forceActive();
		editor.previewPage().table().setFocus();
		settle();
		assertTrue(editor.previewPage().table().isFocusControl(), "the preview table did not take the focus");
		key('z', SWT.MOD1);
		assertTrue(waitUntil(() -> editor.isAnalysed() && !editor.previewPage().outputText().contains("contractId"),
				10_000), "undo left the field in the preview");
		assertFalse(editor.isDirty(), "undoing the only change leaves nothing to save");
		editor.redo();
		assertTrue(waitUntil(() -> editor.isAnalysed() && editor.previewPage().outputText().contains("\"contractId\""),
				10_000), "redo did not bring the field back");

		// save through the part (File > Save): a new version, the part no longer dirty
		assertTrue(part.isDirty());
		partService().savePart(part, false);
		int saved = editor.design().getVersion();
		assertTrue(saved > openedVersion, "saving kept version " + saved);
		assertFalse(part.isDirty());

		// close and reopen: the rule is there
		partService().hidePart(part, true);
		settle();
		assertTrue(editor.isDisposed(), "closing the part did not dispose its editor");
		MPart reopenedPart = open();
		MappingDesignEditor reopened = editorOf(reopenedPart);
		assertNotSame(editor, reopened);
		assertEquals(saved, reopened.design().getVersion());
		assertTrue(hasRule(reopened, "contractId"), "the reopened design lost the rule");

		// pin the first preview record as a golden test: it passes
		assertTrue(waitUntil(() -> reopened.isAnalysed() && reopened.previewPage().result() != null
				&& !reopened.previewPage().result().rows().isEmpty(), 20_000));
		reopened.showPage(Page.PREVIEW);
		reopened.previewPage().select(0);
		int before = reopened.design().getTestCases().size();
		reopened.testCasesPage().pin("Kauri deal: pipeline as contract id");
		assertEquals(before + 1, reopened.design().getTestCases().size());
		assertTrue(waitUntil(() -> reopened.isAnalysed() && reopened.testCasesPage().outcomes().size() == before + 1
				&& reopened.testCasesPage().outcomes().get(before).passed(), 10_000),
				"the pinned test does not pass: " + reopened.testCasesPage().outcomes());
		reopened.save("ui-test", "golden test for the Kauri deal");

		// a breaking change: closed-won deals now start as PLANNED; the pinned test fails on the Test cases page
		FieldRule status = rule(reopened, "status");
		ValueMapEntry closedWon = status.getValueMap().stream().filter(e -> "closedwon".equals(e.getFrom()))
				.findFirst().orElseThrow();
		reopened.domain().getCommandStack().execute(SetCommand.create(reopened.domain(), closedWon,
				MappingPackage.Literals.VALUE_MAP_ENTRY__TO, "PLANNED"));
		assertTrue(waitUntil(() -> reopened.isAnalysed() && !reopened.testCasesPage().outcomes().get(before).passed(),
				10_000), "the pinned test still passes after the breaking change");
		reopened.showPage(Page.TESTS);
		reopened.testCasesPage().table().setSelection(before);
		reopened.testCasesPage().table().notifyListeners(SWT.Selection, new Event());
		assertEquals("FAIL", reopened.testCasesPage().table().getItem(before).getText(0));
		assertTrue(reopened.testCasesPage().table().getItem(before).getText(2).contains("status"),
				reopened.testCasesPage().table().getItem(before).getText(2));
		shot(reopened, Page.TESTS, "design-tests");

		// history: the diff names the change; the broken version cannot be approved, and says why
		int broken = reopened.save("ui-test", "closed-won deals start as planned");
		reopened.showPage(Page.HISTORY);
		List<DesignDiff.Change> diff = reopened.historyPage().compare(saved, broken);
		assertTrue(diff.stream().anyMatch(c -> c.sentence().contains("closedwon")), diff.toString());
		assertFalse(reopened.historyPage().approve(broken), "a version with a failing golden test was approved");
		assertTrue(reopened.historyPage().outcomeText().contains("Kauri deal: pipeline as contract id"),
				reopened.historyPage().outcomeText());
		shot(reopened, Page.HISTORY, "design-history");

		// a broken expression is an error on the Problems page and in the header; undo clears it
		reopened.domain().getCommandStack().execute(SetCommand.create(reopened.domain(), rule(reopened, "name"),
				MappingPackage.Literals.FIELD_RULE__EXPRESSION, "properties.dealname & "));
		assertTrue(waitUntil(() -> reopened.isAnalysed() && reopened.analysis().errors() > 0, 10_000));
		assertTrue(reopened.problemsPage().table().getItemCount() > 0);
		assertTrue(reopened.headerText().contains("1 error"), reopened.headerText());
		shot(reopened, Page.PROBLEMS, "design-problems");
		reopened.undo();
		assertTrue(waitUntil(() -> reopened.isAnalysed() && reopened.analysis().errors() == 0, 10_000));
		assertFalse(reopened.isDirty());
	}

	private static MPart open() {
		EModelService models = application().getContext().get(EModelService.class);
		MPart part = DesignEditors.open(partService(), models, application(), DESIGN);
		settle();
		return part;
	}

	private static EPartService partService() {
		return mainWindow().getContext().get(EPartService.class);
	}

	private static MappingDesignEditor editorOf(MPart part) {
		assertTrue(part.getObject() instanceof DesignEditorPart, "the part is not a design editor: " + part.getObject());
		MappingDesignEditor editor = ((DesignEditorPart) part.getObject()).editor();
		assertNotNull(editor, "the design could not be opened");
		return editor;
	}

	private static boolean hasRule(MappingDesignEditor editor, String targetPath) {
		return editor.design().getEntityMappings().get(0).getRules().stream()
				.anyMatch(r -> targetPath.equals(r.getTargetPath()));
	}

	private static FieldRule rule(MappingDesignEditor editor, String targetPath) {
		return editor.design().getEntityMappings().get(0).getRules().stream()
				.filter(r -> targetPath.equals(r.getTargetPath())).findFirst().orElseThrow();
	}

	/** A key press through the display's event filters, as the keyboard sends it. */
	private static void key(char character, int modifiers) {
		Event e = new Event();
		e.type = SWT.KeyDown;
		e.character = character;
		e.keyCode = character;
		e.stateMask = modifiers;
		org.eclipse.swt.widgets.Display.getCurrent().getFocusControl().notifyListeners(SWT.KeyDown, e);
		settle();
	}

	private static void shot(MappingDesignEditor editor, Page page, String name) throws Exception {
		editor.showPage(page);
		settle();
		Path png = screenshot(mainShell(), name);
		assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);
	}
}
