package io.crossbill.mapping.tests.design;

import static io.crossbill.mapping.tests.design.Designs.json;
import static io.crossbill.mapping.tests.design.Designs.jsons;
import static io.crossbill.mapping.tests.design.Designs.shipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.Transform;
import io.crossbill.mapping.design.DesignPreview;
import io.crossbill.mapping.design.DesignPreview.Result;
import io.crossbill.mapping.design.DesignPreview.Row;

class DesignPreviewTest {

	private static final String DEAL = """
			{"id":"10261005098","properties":{"dealname":"Kauri Timber Ltd - Finance transformation","amount":"86400",
			 "dealstage":"closedwon","closedate":"2026-11-03T15:00:00.000Z","deal_currency_code":"NZD",
			 "crossbill_billing_method":"time_and_materials","crossbill_region":"APAC",
			 "hs_lastmodifieddate":"2026-11-03T16:54:00.000Z"}}""";

	@Test
	void theShippedDealDesignPreviewsItsGoldenSamplesExactly() {
		MappingDesign design = shipped("hubspot-deal-to-project");
		List<JsonNode> samples = new ArrayList<>();
		List<JsonNode> expected = new ArrayList<>();
		for (TestCase testCase : design.getTestCases()) {
			samples.add(json(testCase.getSampleJson()));
			expected.add(json(testCase.getExpectedJson()));
		}
		Result result = DesignPreview.run(design, null, samples);
		assertEquals("", result.compileProblem());
		assertEquals(0, result.rowsWithProblems());
		assertEquals(3, result.rows().size());
		for (int i = 0; i < samples.size(); i++) {
			Row row = result.rows().get(i);
			assertEquals(i, row.index());
			assertEquals(samples.get(i), row.source());
			assertEquals(List.of(), row.problems());
			assertEquals(1, row.outputs().size());
			assertTrue(expected.get(i).equals((a, b) -> a.isNumber() && b.isNumber()
					? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1, row.outputs().get(0)),
					"sample " + i + ": " + row.outputs().get(0));
		}
		assertTrue(result.nanos() > 0);
	}

	@Test
	void anInvalidCanonicalValueIsAProblemOfItsRowOnly() {
		MappingDesign design = shipped("hubspot-deal-to-project");
		FieldRule budget = design.getEntityMappings().get(0).getRules().stream()
				.filter(r -> r.getTargetPath().equals("budget")).findFirst().orElseThrow();
		budget.getTransforms().remove(Transform.TO_DECIMAL); // unsaved edit: the amount stays text
		ObjectNode noAmount = (ObjectNode) json(DEAL);
		((ObjectNode) noAmount.get("properties")).remove("amount");
		Result result = DesignPreview.run(design, "deal", List.of(json(DEAL), noAmount));
		assertEquals(1, result.rowsWithProblems());
		assertEquals(List.of("budget: budget must be a number, but is \"86400\"."), result.rows().get(0).problems());
		assertEquals("86400", result.rows().get(0).outputs().get(0).get("budget").asText(), "the output is still shown");
		assertEquals(List.of(), result.rows().get(1).problems());
	}

	@Test
	void mappingProblemsAndFailingExpressionsStayInTheirRow() {
		MappingDesign design = shipped("hubspot-deal-to-project");
		FieldRule name = design.getEntityMappings().get(0).getRules().stream()
				.filter(r -> r.getTargetPath().equals("name")).findFirst().orElseThrow();
		name.setExpression("properties.dealname = \"boom\" ? $error(\"no name for \" & id) : properties.dealname");
		FieldRule status = design.getEntityMappings().get(0).getRules().stream()
				.filter(r -> r.getTargetPath().equals("status")).findFirst().orElseThrow();
		status.setUnmatchedValue(null);
		ObjectNode boom = (ObjectNode) json(DEAL);
		((ObjectNode) boom.get("properties")).put("dealname", "boom");
		ObjectNode open = (ObjectNode) json(DEAL);
		((ObjectNode) open.get("properties")).put("dealstage", "appointmentscheduled");

		Result result = DesignPreview.run(design, null, Arrays.asList(json(DEAL), boom, open, json("[1]"), null));
		assertEquals(4, result.rowsWithProblems());
		assertEquals(List.of(), result.rows().get(0).problems());
		assertEquals(List.of(), result.rows().get(1).outputs());
		assertEquals(List.of("name: the expression failed: no name for 10261005098"), result.rows().get(1).problems());
		assertEquals(List.of("status: the value \"appointmentscheduled\" has no entry in the value map (it maps:"
				+ " closedwon, closedlost)"), result.rows().get(2).problems());
		assertEquals(1, result.rows().get(2).outputs().size(), "the rest of the record is still shown");
		assertEquals(List.of("Expected a JSON object but found a list"), result.rows().get(3).problems());
		assertTrue(result.rows().get(4).source().isNull(), "a missing sample is shown as null");
		assertEquals(1, result.rows().get(4).problems().size());
	}

	@Test
	void aBrokenDesignIsACompileProblemOnEveryRowAndNeverThrows() {
		MappingDesign design = shipped("hubspot-deal-to-project");
		design.getEntityMappings().get(0).getRules().stream().filter(r -> r.getTargetPath().equals("name")).findFirst()
				.orElseThrow().setExpression("properties.dealname &");
		Result result = DesignPreview.run(design, null, jsons(DEAL, DEAL));
		assertTrue(result.compileProblem().startsWith("name: the design cannot run: the expression does not parse:"),
				result.compileProblem());
		assertEquals(2, result.rowsWithProblems());
		for (Row row : result.rows()) {
			assertEquals(List.of(result.compileProblem()), row.problems());
			assertEquals(List.of(), row.outputs());
		}

		Result unknown = DesignPreview.run(shipped("hubspot-deal-to-project"), "company", jsons(DEAL));
		assertEquals("The design has no mapping for source entity \"company\" (it maps [deal]).", unknown.compileProblem());
		assertEquals(List.of(unknown.compileProblem()), unknown.rows().get(0).problems());
	}

	@Test
	void aThousandSamplesAreMappedAndValidatedRecordByRecord() {
		// how fast is measured by DesignEditorBenchmark, which prints its figures; a test asserts no time
		MappingDesign design = shipped("hubspot-deal-to-project");
		List<JsonNode> samples = new ArrayList<>();
		String[] stages = { "closedwon", "closedlost", "contractsent" };
		for (int i = 0; i < 1000; i++) {
			ObjectNode deal = (ObjectNode) json(DEAL);
			deal.put("id", String.valueOf(10261005098L + i));
			ObjectNode properties = (ObjectNode) deal.get("properties");
			properties.put("amount", String.valueOf(1000 + i));
			properties.put("dealstage", stages[i % 3]);
			properties.put("closedate", "2026-" + String.format("%02d", 1 + i % 12) + "-" + String.format("%02d", 1 + i % 28));
			samples.add(deal);
		}
		Result result = DesignPreview.run(design, null, samples);
		assertEquals(0, result.rowsWithProblems(), result.rows().get(0).problems().toString());
		assertEquals(1000, result.rows().size());
		assertEquals("2026-07-01", result.rows().get(0).outputs().get(0).get("endDate").asText());
		assertEquals("CLOSED", result.rows().get(1).outputs().get(0).get("status").asText());
		assertEquals("1001", result.rows().get(1).source().get("properties").get("amount").asText());
	}
}
