package io.crossbill.mapping.runtime;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.TestCase;

/**
 * The outcome of one golden sample kept with a design: did the sample map to exactly the expected JSON.
 * Numbers compare by value (3.25 equals 3.250), everything else exactly.
 *
 * @param name     the test case's name
 * @param passed   true when the output equals the expected JSON and no problem was reported
 * @param actual   what the design produced (one record as an object, several as an array), or null
 * @param problems the mapping problems, or the failure's, if any
 * @param detail   why it did not pass, in words; empty when it passed
 */
public record TestCaseOutcome(String name, boolean passed, JsonNode actual, List<MappingProblem> problems,
		String detail) {

	private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
			? a.decimalValue().compareTo(b.decimalValue())
			: a.equals(b) ? 0 : 1;

	/** Runs a test case through the compiled design. */
	public static TestCaseOutcome run(CompiledMapping mapping, TestCase testCase) {
		JsonNode sample;
		JsonNode expected;
		try {
			sample = Literals.JSON.readTree(testCase.getSampleJson());
			expected = Literals.JSON.readTree(testCase.getExpectedJson());
		} catch (IOException | IllegalArgumentException e) {
			return new TestCaseOutcome(testCase.getName(), false, null, List.of(),
					"the sample or the expected JSON is not valid JSON: " + e.getMessage());
		}
		MappingResult result;
		try {
			result = testCase.getSourceEntity() == null ? mapping.map(sample)
					: mapping.map(testCase.getSourceEntity(), sample);
		} catch (MappingFailure failure) {
			return new TestCaseOutcome(testCase.getName(), false, null, failure.problems(), failure.getMessage());
		}
		JsonNode actual = result.records().size() == 1 ? result.records().get(0)
				: Literals.JSON.valueToTree(result.records());
		boolean same = actual.equals(NUMBERS_BY_VALUE, expected);
		String detail = !result.isClean() ? result.problems().get(0).message()
				: same ? "" : "expected " + expected + " but the design produced " + actual;
		return new TestCaseOutcome(testCase.getName(), same && result.isClean(), actual, result.problems(), detail);
	}
}
