package io.crossbill.ui.tests;

import static io.crossbill.ui.tests.WorkbenchFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.MappingPackage;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.runtime.MappingDesignFile;
import io.crossbill.ui.design.DesignEditorContext;
import io.crossbill.ui.design.ExpressionEditor;
import io.crossbill.ui.design.MappingPage;
import io.crossbill.ui.design.ValueMapsPage;

/**
 * The mapping page, the expression editor and the value maps page on the shipped hubspot-deal-to-project design
 * with its golden samples, in a shell of their own inside the running workbench: mapping a field by the drop's
 * path, undo and redo, the value of an expression on the sample and a syntax error as it is typed, and adding
 * an entry for a sample value a value map misses.
 */
class MappingPagesTest {
	private static final ObjectMapper JSON = new ObjectMapper();

	private Shell shell;
	private Context ctx;

	@BeforeEach
	void open() throws Exception {
		MappingPackage.eINSTANCE.eClass();
		ctx = new Context(MappingDesignFile.loadShipped("hubspot-deal-to-project"));
		shell = new Shell(Display.getDefault());
		shell.setSize(1400, 900);
		shell.setLayout(new FillLayout());
		shell.open();
	}

	@AfterEach
	void close() {
		shell.dispose();
	}

	@Test
	void aDroppedFieldBecomesARuleThatUndoTakesBack() throws Exception {
		MappingPage page = new MappingPage(shell, ctx);
		shell.layout(true, true);
		settle();
		EntityMapping em = ctx.currentEntityMapping();
		int rules = em.getRules().size();
		assertEquals(rules, page.rulesTable().getTable().getItemCount());
		assertTrue(page.sourceTree().getTree().getItemCount() > 0, "the samples' fields are listed");

		List<FieldRule> made = page.createRule("properties.pipeline", "contractId");
		settle();
		assertEquals(1, made.size());
		assertEquals(RuleKind.COPY, made.get(0).getKind());
		assertEquals("properties.pipeline", made.get(0).getSourcePath());
		assertEquals(rules + 1, page.rulesTable().getTable().getItemCount());
		assertSame(made.get(0), page.detail().rule(), "the new rule is shown in full");

		ctx.domain().getCommandStack().undo();
		settle();
		assertEquals(rules, em.getRules().size());
		assertEquals(rules, page.rulesTable().getTable().getItemCount(), "undo shows on the page");
		ctx.domain().getCommandStack().redo();
		settle();
		assertEquals(rules + 1, page.rulesTable().getTable().getItemCount(), "redo shows on the page");

		// dropping on a target that has a rule re-points that rule instead of adding a second one
		page.createRule("properties.dealname", "region");
		settle();
		assertEquals(rules + 1, em.getRules().size());
		assertEquals("properties.dealname", rule(em, "region").getSourcePath());
		Path png = screenshot(shell, "mapping-page");
		assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);
	}

	@Test
	void theExpressionEditorShowsTheValueOnTheSampleAndSyntaxErrorsAsTyped() throws Exception {
		MappingPage page = new MappingPage(shell, ctx);
		shell.layout(true, true);
		EntityMapping em = ctx.currentEntityMapping();
		page.select(rule(em, "endDate"));
		ExpressionEditor editor = page.detail().expressionEditor();
		assertTrue(waitUntil(() -> editor.valueText().getText().contains("2027-05-03"), 5_000),
				"six months after the Kauri deal's close date: " + editor.valueText().getText());
		screenshot(shell, "expression-value");

		page.select(rule(em, "name"));
		settle();
		editor.textWidget().setFocus();
		editor.textWidget().setSelection(editor.textWidget().getCharCount());
		editor.textWidget().insert(" & (");
		assertTrue(waitUntil(() -> !editor.problemLabel().getText().isEmpty(), 2_000));
		assertTrue(editor.textWidget().getStyleRanges().length > 0, "the error is underlined");
		screenshot(shell, "expression-syntax-error");

		editor.textWidget().setText("properties.dealname & \" (\" & properties.deal_currency_code & \")\"");
		assertTrue(editor.commit());
		assertTrue(waitUntil(() -> editor.valueText().getText().contains("Kauri Timber Ltd - Finance transformation (NZD)"),
				5_000), editor.valueText().getText());
		assertEquals("properties.dealname & \" (\" & properties.deal_currency_code & \")\"", rule(em, "name").getExpression());
		ctx.domain().getCommandStack().undo();
		settle();
		assertTrue(editor.textWidget().getText().startsWith("$type(properties.dealname)"), editor.textWidget().getText());
	}

	@Test
	void aSampleValueAValueMapMissesGetsAnEntry() throws Exception {
		ValueMapsPage page = new ValueMapsPage(shell, ctx);
		shell.layout(true, true);
		EntityMapping em = ctx.currentEntityMapping();
		FieldRule status = rule(em, "status");
		page.select(status);
		settle();
		assertEquals(1, page.unmatchedTable().getItemCount(), "the open deal's stage has no entry");
		assertEquals("contractsent", page.unmatchedTable().getItem(0).getText(0));
		screenshot(shell, "value-maps");
		assertNotNull(page.addEntry("contractsent"));
		settle();
		assertEquals(3, status.getValueMap().size());
		assertEquals(0, page.unmatchedTable().getItemCount());
		ctx.domain().getCommandStack().undo();
		settle();
		assertEquals(2, status.getValueMap().size());
		assertEquals(1, page.unmatchedTable().getItemCount(), "undo shows the value as missed again");
	}

	private static FieldRule rule(EntityMapping em, String target) {
		return em.getRules().stream().filter(r -> target.equals(r.getTargetPath())).findFirst().orElseThrow();
	}

	/** The editor shell's contract, as small as a test needs: the design's golden samples, one command stack. */
	private static final class Context implements DesignEditorContext {
		private final MappingDesign design;
		private final AdapterFactoryEditingDomain domain;
		private final List<JsonNode> samples = new ArrayList<>();
		private final Map<EntityMapping, Integer> selected = new HashMap<>();
		private final List<Runnable> listeners = new ArrayList<>();
		private EntityMapping current;

		Context(MappingDesign design) throws Exception {
			this.design = design;
			ComposedAdapterFactory factory = new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
			factory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
			BasicCommandStack stack = new BasicCommandStack();
			domain = new AdapterFactoryEditingDomain(factory, stack);
			stack.addCommandStackListener(e -> fire());
			current = design.getEntityMappings().get(0);
			for (TestCase t : design.getTestCases()) {
				samples.add(JSON.readTree(t.getSampleJson()));
			}
		}

		private void fire() {
			for (Runnable r : List.copyOf(listeners)) {
				r.run();
			}
		}

		@Override
		public MappingDesign design() {
			return design;
		}

		@Override
		public EditingDomain domain() {
			return domain;
		}

		@Override
		public EntityMapping currentEntityMapping() {
			return current;
		}

		@Override
		public void selectEntityMapping(EntityMapping entityMapping) {
			current = entityMapping;
			fire();
		}

		@Override
		public List<JsonNode> samples(EntityMapping entityMapping) {
			return samples;
		}

		@Override
		public String samplesOrigin(EntityMapping entityMapping) {
			return samples.size() + " samples from the design's test cases";
		}

		@Override
		public JsonNode selectedSample(EntityMapping entityMapping) {
			return samples.isEmpty() ? null : samples.get(selected.getOrDefault(entityMapping, 0));
		}

		@Override
		public void selectSample(EntityMapping entityMapping, int index) {
			selected.put(entityMapping, index);
			fire();
		}

		@Override
		public void addChangeListener(Runnable listener) {
			listeners.add(listener);
		}

		@Override
		public void removeChangeListener(Runnable listener) {
			listeners.remove(listener);
		}
	}
}
