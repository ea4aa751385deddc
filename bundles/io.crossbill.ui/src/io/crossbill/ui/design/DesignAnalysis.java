package io.crossbill.ui.design;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.design.DesignChecker;
import io.crossbill.mapping.design.DesignPreview;
import io.crossbill.mapping.design.DesignProblem;
import io.crossbill.mapping.runtime.CompiledMapping;
import io.crossbill.mapping.runtime.MappingCompiler;
import io.crossbill.mapping.runtime.MappingFailure;
import io.crossbill.mapping.runtime.TestCaseOutcome;

/**
 * What the editor knows about the design as it is in memory after one change: its problems, the outcome of every
 * golden test and the preview of the samples. Computed off the UI thread on a private copy of the design; each part
 * that fails to compute says why instead of the whole analysis failing.
 *
 * @param generation     the editor's change counter it was computed for
 * @param problems       the design's problems (empty when {@code checkFailure} is set)
 * @param checkFailure   why the design could not be checked, or empty
 * @param outcomes       one per test case, in the design's order
 * @param preview        the preview of the samples, or null when {@code previewFailure} is set
 * @param previewFailure why there is no preview, or empty
 * @param sourceEntity   the entity mapping the preview ran through
 */
public record DesignAnalysis(long generation, List<DesignProblem> problems, String checkFailure,
		List<TestCaseOutcome> outcomes, DesignPreview.Result preview, String previewFailure, String sourceEntity) {

	/** Before the first analysis. */
	static DesignAnalysis none() {
		return new DesignAnalysis(-1, List.of(), "", List.of(), null, "the preview has not run yet", null);
	}

	/** Analyses {@code design}, which nobody else may touch while this runs. */
	static DesignAnalysis of(long generation, MappingDesign design, String sourceEntity, List<JsonNode> samples) {
		List<DesignProblem> problems = List.of();
		String checkFailure = "";
		try {
			problems = List.copyOf(DesignChecker.check(design));
		} catch (RuntimeException e) {
			checkFailure = "The design could not be checked: " + e;
		}
		List<TestCaseOutcome> outcomes = tests(design);
		DesignPreview.Result preview = null;
		String previewFailure = "";
		try {
			preview = DesignPreview.run(design, sourceEntity, samples);
		} catch (RuntimeException e) {
			previewFailure = "The preview could not run: " + e;
		}
		return new DesignAnalysis(generation, problems, checkFailure, outcomes, preview, previewFailure, sourceEntity);
	}

	/** Runs every golden test of the design; a design that does not compile fails them all, saying why. */
	static List<TestCaseOutcome> tests(MappingDesign design) {
		List<TestCaseOutcome> outcomes = new ArrayList<>();
		CompiledMapping compiled;
		try {
			compiled = new MappingCompiler().compileUncached(design);
		} catch (MappingFailure e) {
			for (TestCase testCase : design.getTestCases()) {
				outcomes.add(new TestCaseOutcome(testCase.getName(), false, null, e.problems(), e.getMessage()));
			}
			return outcomes;
		}
		for (TestCase testCase : design.getTestCases()) {
			try {
				outcomes.add(TestCaseOutcome.run(compiled, testCase));
			} catch (RuntimeException e) {
				outcomes.add(new TestCaseOutcome(testCase.getName(), false, null, List.of(), "the test could not run: " + e));
			}
		}
		return outcomes;
	}

	/** How many design problems are errors. */
	public long errors() {
		return problems.stream().filter(p -> p.severity() == DesignProblem.Severity.ERROR).count();
	}

	/** How many golden tests fail. */
	public long failingTests() {
		return outcomes.stream().filter(o -> !o.passed()).count();
	}
}
