package io.crossbill.mapping.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.runtime.MappingProblem.Kind;
import io.crossbill.mapping.validation.CanonicalValidator;
import io.crossbill.model.TimeEntry;
import io.crossbill.model.json.CanonicalJson;

class TimeEntryMappingTest {

	/** What the engine's cross-reference store would answer: xero project xp-100 is our PRJ-100. */
	private static final CrossReferenceLookup XREFS = (system, entity, id) -> Map
			.of("xero/Project/xp-100", "PRJ-100").get(system + "/" + entity + "/" + id);

	private final MappingCompiler compiler = new MappingCompiler(XREFS, ExpressionBounds.DEFAULT);

	@Test
	void mapsXeroTimeEntryToCanonicalTimeEntry() throws IOException {
		MappingResult result = compiler.compile(XeroDesigns.timeEntries(3)).map(json(XeroDesigns.TIME_ENTRY));

		assertEquals(List.of(), result.problems());
		ObjectNode out = result.output();
		assertEquals("TimeEntry", out.get("eClass").asText());
		assertEquals(new BigDecimal("3.25"), out.get("hours").decimalValue());
		assertEquals("2026-10-08", out.get("workDate").asText());
		assertEquals("PRJ-100", out.get("projectId").asText());
		assertEquals("u-7", out.get("resourceId").asText());
		assertEquals("Design workshop", out.get("notes").asText());
		assertEquals("SUBMITTED", out.get("approvalStatus").asText());
		assertTrue(out.get("billable").booleanValue());
	}

	@Test
	void mappedRecordIsAValidCanonicalTimeEntry() throws IOException {
		ObjectNode out = compiler.compile(XeroDesigns.timeEntries(3)).map(json(XeroDesigns.TIME_ENTRY)).output();

		assertEquals(List.of(), CanonicalValidator.forBatch().validate(out));
		TimeEntry entry = new CanonicalJson().fromJson(out, TimeEntry.class);
		assertEquals(0, new BigDecimal("3.25").compareTo(entry.getHours()));
		assertEquals("2026-10-08", entry.getWorkDate().toString());
	}

	@Test
	void designLoadedFromXmiMapsLikeTheOneBuiltInCodeAndPassesItsGoldenSample() throws IOException {
		MappingDesign design;
		try (InputStream in = getClass().getResourceAsStream("/designs/xero-time-entries.xmi")) {
			design = MappingDesignFile.read(in, "xero-time-entries.xmi");
		}
		assertEquals("xero-time-entries", design.getName());
		assertEquals(3, design.getVersion());

		CompiledMapping fromFile = new MappingCompiler(XREFS, ExpressionBounds.DEFAULT).compile(design);
		JsonNode sample = json(XeroDesigns.TIME_ENTRY);
		assertEquals(compiler.compile(XeroDesigns.timeEntries(3)).map(sample).output(), fromFile.map(sample).output());

		assertEquals(1, design.getTestCases().size());
		for (TestCase testCase : design.getTestCases()) {
			TestCaseOutcome outcome = TestCaseOutcome.run(fromFile, testCase);
			assertTrue(outcome.passed(), outcome.detail());
		}
	}

	@Test
	void goldenSampleReportsADifference() throws IOException {
		TestCase testCase = io.crossbill.mapping.MappingFactory.eINSTANCE.createTestCase();
		testCase.setName("wrong expectation");
		testCase.setSampleJson(XeroDesigns.TIME_ENTRY);
		testCase.setExpectedJson("{\"eClass\":\"TimeEntry\",\"hours\":3.5}");
		TestCaseOutcome outcome = TestCaseOutcome.run(compiler.compile(XeroDesigns.timeEntries(3)), testCase);
		assertFalse(outcome.passed());
		assertTrue(outcome.detail().startsWith("expected "), outcome.detail());
	}

	@Test
	void unmatchedValueIsReportedNamingDesignFieldAndRule() throws IOException {
		JsonNode deleted = json(XeroDesigns.TIME_ENTRY.replace("\"ACTIVE\"", "\"DELETED\""));
		MappingResult result = compiler.compile(XeroDesigns.timeEntries(3)).map(deleted);

		assertEquals(1, result.problems().size(), result.problems().toString());
		MappingProblem problem = result.problems().get(0);
		assertEquals(Kind.UNMATCHED_VALUE, problem.kind());
		assertEquals("Design \"xero-time-entries\" v3, mapping timeEntry -> TimeEntry, field approvalStatus"
				+ " (value map of \"status\"): the value \"DELETED\" has no entry in the value map"
				+ " (it maps: ACTIVE, LOCKED, INVOICED)", problem.message());
		assertFalse(result.output().has("approvalStatus"));
	}

	@Test
	void unmatchedValueTakesTheRulesUnmatchedValueWhenSet() throws IOException {
		MappingDesign design = XeroDesigns.timeEntries(4);
		design.getEntityMappings().get(0).getRules().stream().filter(r -> r.getTargetPath().equals("approvalStatus"))
				.findFirst().orElseThrow().setUnmatchedValue("DRAFT");
		MappingResult result = compiler.compile(design)
				.map(json(XeroDesigns.TIME_ENTRY.replace("\"ACTIVE\"", "\"DELETED\"")));
		assertTrue(result.isClean(), result.problems().toString());
		assertEquals("DRAFT", result.output().get("approvalStatus").asText());
	}

	@Test
	void missingRequiredSourceAndWrongTypeAreReported() throws IOException {
		JsonNode record = json(XeroDesigns.TIME_ENTRY.replace("\"duration\":195,", "")
				.replace("\"2026-10-08T00:00:00Z\"", "\"next tuesday\""));
		MappingResult result = compiler.compile(XeroDesigns.timeEntries(3)).map(record);

		List<Kind> kinds = result.problems().stream().map(MappingProblem::kind).toList();
		assertEquals(List.of(Kind.TYPE_MISMATCH, Kind.REQUIRED_MISSING), kinds, result.problems().toString());
		assertTrue(result.problems().get(0).message().contains("field workDate"), result.problems().get(0).message());
		assertTrue(result.problems().get(0).message().contains("\"next tuesday\""));
		assertTrue(result.problems().get(1).message().contains("field hours"));
		assertTrue(result.problems().get(1).message().contains("no value at \"duration\""));
		MappingFailure failure = org.junit.jupiter.api.Assertions.assertThrows(MappingFailure.class, result::orThrow);
		assertTrue(failure.getMessage().endsWith("(and 1 more problems)"), failure.getMessage());
	}

	@Test
	void unknownCrossReferenceIsAProblemNotAGuess() throws IOException {
		MappingResult result = compiler.compile(XeroDesigns.timeEntries(3))
				.map(json(XeroDesigns.TIME_ENTRY.replace("xp-100", "xp-999")));
		assertEquals(Kind.REFERENCE_NOT_FOUND, result.problems().get(0).kind());
		assertTrue(result.problems().get(0).message().contains("no xero Project with id \"xp-999\""),
				result.problems().get(0).message());
		assertFalse(result.output().has("projectId"));
	}

	@Test
	void defaultFillsAMissingSource() throws IOException {
		MappingDesign design = XeroDesigns.timeEntries(5);
		design.getEntityMappings().get(0).getRules().stream().filter(r -> r.getTargetPath().equals("task"))
				.findFirst().orElseThrow().setDefaultValue("general");
		MappingResult result = compiler.compile(design).map(json(XeroDesigns.TIME_ENTRY.replace("\"taskId\":\"t-3\",", "")));
		assertEquals("general", result.output().get("task").asText());
	}

	@Test
	void arrayPathMapsEachElementToARecord() throws IOException {
		MappingDesign design = XeroDesigns.timeEntries(6);
		design.getEntityMappings().get(0).setArrayPath("items");
		String page = "{\"items\":[" + XeroDesigns.TIME_ENTRY + ","
				+ XeroDesigns.TIME_ENTRY.replace("te-1", "te-2").replace("195", "30") + "]}";
		MappingResult result = compiler.compile(design).map(json(page));
		assertEquals(2, result.records().size());
		assertEquals(new BigDecimal("0.50"), result.records().get(1).get("hours").decimalValue());
	}

	static JsonNode json(String text) throws IOException {
		return Literals.JSON.readTree(text);
	}
}
