package io.crossbill.mapping.tests.design;

import static io.crossbill.mapping.tests.design.Designs.find;
import static io.crossbill.mapping.tests.design.Designs.jsons;
import static io.crossbill.mapping.tests.design.Designs.shipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.MappingFactory;
import io.crossbill.mapping.RuleKind;

class UnmatchedValuesTest {

	@Test
	void valuesWithoutAnEntryAreCountedMostFrequentFirst() {
		MappingDesign design = shipped("hubspot-deal-to-project");
		FieldRule stage = find(design, "status");
		Map<String, Integer> unmatched = io.crossbill.mapping.design.UnmatchedValues.of(stage, null, jsons(
				"{\"properties\":{\"dealstage\":\"closedwon\"}}",
				"{\"properties\":{\"dealstage\":\"contractsent\"}}",
				"{\"properties\":{\"dealstage\":\"appointmentscheduled\"}}",
				"{\"properties\":{\"dealstage\":\"appointmentscheduled\"}}",
				"{\"properties\":{\"dealstage\":null}}",
				"{\"properties\":{}}",
				"{\"properties\":{\"dealstage\":\"closedlost\"}}"));
		assertEquals(new ArrayList<>(Map.of("appointmentscheduled", 2, "contractsent", 1).entrySet()).size(), unmatched.size());
		assertEquals(List.of("appointmentscheduled", "contractsent"), new ArrayList<>(unmatched.keySet()));
		assertEquals(List.of(2, 1), new ArrayList<>(unmatched.values()));
	}

	@Test
	void numbersMatchByValueAndArrayPathsAndWildcardsAreFollowed() {
		FieldRule rule = MappingFactory.eINSTANCE.createFieldRule();
		rule.setKind(RuleKind.VALUE_MAP);
		rule.setTargetPath("lines[]/taxType");
		rule.setSourcePath("Lines[*].TaxRate");
		Designs.entry(rule, "15", "OUTPUT2");
		Designs.entry(rule, "0.0", "NONE");
		Map<String, Integer> unmatched = io.crossbill.mapping.design.UnmatchedValues.of(rule, "Invoices", jsons("""
				{"Invoices":[{"Lines":[{"TaxRate":15.00},{"TaxRate":0},{"TaxRate":12.5}]},{"Lines":[{"TaxRate":"GST"}]}]}""",
				"""
				{"Invoices":[{"Lines":[{"TaxRate":12.50}]}]}"""));
		assertEquals(List.of("12.5", "GST"), new ArrayList<>(unmatched.keySet()));
		assertEquals(2, unmatched.get("12.5"));
	}

	@Test
	void otherRulesHaveNoneAndABadPathSaysWhy() {
		MappingDesign design = shipped("hubspot-deal-to-project");
		assertEquals(Map.of(), io.crossbill.mapping.design.UnmatchedValues.of(find(design, "region"), null,
				jsons("{\"properties\":{\"crossbill_region\":\"APAC\"}}")));
		FieldRule stage = find(design, "status");
		stage.setSourcePath("properties[x");
		IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
				() -> io.crossbill.mapping.design.UnmatchedValues.of(stage, null, jsons("{}")));
		assertEquals("the source path \"properties[x\" has an unclosed '['", bad.getMessage());
	}
}
