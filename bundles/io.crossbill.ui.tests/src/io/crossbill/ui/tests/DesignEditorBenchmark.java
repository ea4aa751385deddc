package io.crossbill.ui.tests;

import static io.crossbill.ui.tests.WorkbenchFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

import io.crossbill.mapping.MappingDesign;
import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.parts.DesignEditorPart;
import io.crossbill.ui.design.DesignEditors;
import io.crossbill.ui.design.LibraryDesignRepository;
import io.crossbill.ui.design.MappingDesignEditor;
import io.crossbill.ui.engine.WorkbenchEngine;

/**
 * How long the mapping design editor takes to open a design of 500 field rules in the real workbench (the issue's
 * goal: under a second): the synthetic design of {@link io.crossbill.mapping.design.DesignEditorBenchmark} is saved in the workspace's library,
 * then opened as the navigator opens a design, until its rules table has painted its rows, and closed again, three
 * times. The first open is the first in this JVM (the editor's classes are loaded then), as after a start of the
 * workbench. Prints the figures and writes them to {@code target/benchmarks/design-editor.txt}.
 * <p>
 * Not part of the test suite (its name does not end in Test); run it by hand, with a display:
 *
 * <pre>./mvnw -B verify -Dtest=DesignEditorBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false</pre>
 */
class DesignEditorBenchmark {
	private static final String NAME = "benchmark-500-rules";

	@Test
	void openADesignOf500Rules() throws Exception {
		EngineDatabase db = WorkbenchEngine.database();
		MappingDesign design = io.crossbill.mapping.design.DesignEditorBenchmark.syntheticDesign();
		design.setName(NAME);
		int rules = design.getEntityMappings().get(0).getRules().size();
		new LibraryDesignRepository(db, "benchmark").save(design, "benchmark", "500 rules for the editor benchmark");
		EModelService models = application().getContext().get(EModelService.class);
		EPartService parts = mainWindow().getContext().get(EPartService.class);
		Display display = Display.getCurrent();
		List<String> out = new ArrayList<>();
		out.add(String.format(Locale.ROOT, "design editor bench: a design of %d rules", rules));
		long best = Long.MAX_VALUE;
		for (int run = 1; run <= 3; run++) {
			long t0 = System.nanoTime();
			MPart part = DesignEditors.open(parts, models, application(), NAME);
			long[] painted = {0};
			Listener onPaint = e -> {
				if (painted[0] == 0) {
					painted[0] = System.nanoTime();
				}
			};
			Table[] table = {null};
			while (painted[0] == 0 && System.nanoTime() - t0 < 60_000_000_000L) {
				if (table[0] == null && part.getObject() instanceof DesignEditorPart p && p.editor() != null
						&& p.editor().mappingPage() != null) {
					table[0] = p.editor().mappingPage().rulesTable().getTable();
					table[0].addListener(SWT.Paint, onPaint);
					table[0].redraw();
				}
				if (!display.readAndDispatch()) {
					display.sleep();
				}
			}
			assertNotEquals(0, painted[0], "the rules table never painted");
			MappingDesignEditor editor = ((DesignEditorPart) part.getObject()).editor();
			assertEquals(rules, editor.mappingPage().rulesTable().getTable().getItemCount());
			long open = ms(painted[0] - t0);
			// then until nothing is left to do (analysis, samples, layout)
			int idle = 0;
			while (idle < 20 && System.nanoTime() - t0 < 60_000_000_000L) {
				if (display.readAndDispatch()) {
					idle = 0;
				} else {
					idle++;
					Thread.sleep(5);
				}
			}
			long settled = ms(System.nanoTime() - t0);
			boolean analysed = waitUntil(editor::isAnalysed, 30_000);
			long checked = ms(System.nanoTime() - t0);
			out.add(String.format(Locale.ROOT, "  open %d: rules painted %,d ms after the click | idle at %,d ms |"
					+ " checked (%s) at %,d ms", run, open, settled, analysed ? editor.analysis().errors() + " errors"
							: "not analysed", checked));
			best = Math.min(best, open);
			if (run == 1) {
				screenshot(mainShell(), "design-editor-500-rules");
			}
			parts.hidePart(part, true);
			settle();
		}
		out.add(String.format(Locale.ROOT, "  the editor opens a %d-rule design in %,d ms (best of 3; the first includes"
				+ " class loading)", rules, best));
		Path report = Path.of("target", "benchmarks", "design-editor.txt");
		Files.createDirectories(report.getParent());
		Files.write(report, out, StandardCharsets.UTF_8);
		out.forEach(System.out::println);
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}
}
