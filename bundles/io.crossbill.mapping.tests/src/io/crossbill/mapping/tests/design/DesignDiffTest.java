package io.crossbill.mapping.tests.design;

import static io.crossbill.mapping.tests.design.Designs.FACTORY;
import static io.crossbill.mapping.tests.design.Designs.entity;
import static io.crossbill.mapping.tests.design.Designs.entry;
import static io.crossbill.mapping.tests.design.Designs.find;
import static io.crossbill.mapping.tests.design.Designs.rule;
import static io.crossbill.mapping.tests.design.Designs.shipped;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.Transform;
import io.crossbill.mapping.design.DesignDiff;
import io.crossbill.mapping.design.DesignDiff.Change;

class DesignDiffTest {

	private static List<String> sentences(MappingDesign older, MappingDesign newer) {
		return DesignDiff.between(older, newer).stream().map(Change::sentence).toList();
	}

	@Test
	void aDesignAgainstItselfAndAgainstANewVersionNumberHasNoChanges() {
		MappingDesign v1 = shipped("hubspot-deal-to-project");
		MappingDesign v2 = EcoreUtil.copy(v1);
		v2.setVersion(2);
		assertEquals(List.of(), DesignDiff.between(v1, v2));
	}

	@Test
	void ruleChangesReadAsSentences() {
		MappingDesign v1 = shipped("hubspot-deal-to-project");
		MappingDesign v2 = EcoreUtil.copy(v1);
		FieldRule budget = find(v2, "budget");
		budget.getTransforms().add(Transform.ROUND);
		budget.setScale(2);
		FieldRule currency = find(v2, "currencyCode");
		currency.getTransforms().remove(Transform.TRIM);
		FieldRule status = find(v2, "status");
		entry(status, "appointmentscheduled", "PLANNED");
		status.getValueMap().get(1).setTo("CANCELLED");
		status.getValueMap().remove(0);
		status.setUnmatchedValue(null);
		find(v2, "region").setSourcePath("properties.hs_region");
		find(v2, "region").setRequired(true);
		find(v2, "sourceVersion").setDefaultValue("unknown");
		FieldRule name = find(v2, "name");
		name.setKind(RuleKind.COPY);
		name.setSourcePath("properties.dealname");
		FieldRule endDate = find(v2, "endDate");
		endDate.setExpression(endDate.getExpression().replace("+ 6", "+ 12"));
		entity(v2).getRules().remove(find(v2, "dealId"));
		rule(v2, "customerId", RuleKind.LOOKUP, "associations.company").setLookupEntity("company");

		List<Change> changes = DesignDiff.between(v1, v2);
		assertEquals(List.of(
				"name is now copy of \"properties.dealname\" (was an expression)",
				"status map now maps 'closedlost' -> CANCELLED (was CLOSED)",
				"status map gained 'appointmentscheduled' -> PLANNED",
				"status map lost 'closedwon' -> ACTIVE",
				"status map now reports values it has no entry for (was: gives PLANNED)",
				"region now reads \"properties.hs_region\" (was \"properties.crossbill_region\")",
				"region is now required",
				"budget now rounds to 2 decimals",
				"currencyCode no longer trims",
				"endDate expression changed: \"...ng($, 5, 2)) + 6; $d := $number...\" -> \"...ng($, 5, 2)) + 12; $d := $number...\"",
				"sourceVersion default is now unknown (was none)",
				"rule customerId added: lookup of \"associations.company\" as company",
				"rule dealId removed (was copy of \"id\")"),
				changes.stream().map(Change::sentence).toList());
		assertEquals(new Change("deal -> Project", "budget", "budget now rounds to 2 decimals"), changes.get(7));
	}

	@Test
	void roundingAndConversionChangesSayWhatTheValueBecomes() {
		MappingDesign v1 = shipped("xero-time-entries");
		MappingDesign v2 = EcoreUtil.copy(v1);
		find(v2, "hours").setScale(1);
		find(v2, "workDate").getTransforms().clear();
		find(v2, "source/system").setValue("xero-projects");
		FieldRule task = find(v2, "task");
		task.getTransforms().add(Transform.UPPER);
		task.getTransforms().add(Transform.TRIM);
		assertEquals(List.of("task now upper-cases", "task now trims", "workDate no longer converts to a date",
				"hours now rounds to 1 decimal (was 2 decimals)", "source/system is now the constant xero-projects (was xero)"),
				sentences(v1, v2));

		MappingDesign v3 = EcoreUtil.copy(v2);
		find(v3, "task").getTransforms().move(0, 1);
		find(v3, "hours").setScale(-1);
		assertEquals(List.of("task now converts in the order trim, upper (was upper, trim)",
				"hours no longer rounds (was to 1 decimal)"), sentences(v2, v3));
	}

	@Test
	void entityMappingsTestCasesAndTheDescription() {
		MappingDesign v1 = shipped("hubspot-deal-to-project");
		MappingDesign v2 = EcoreUtil.copy(v1);
		v2.setDescription("Deals to projects.");
		EntityMapping lines = FACTORY.createEntityMapping();
		lines.setSourceEntity("lineItem");
		lines.setTargetEntity("InvoiceLine");
		lines.setArrayPath("results[*]");
		v2.getEntityMappings().add(lines);
		TestCase kauri = v2.getTestCases().get(0);
		kauri.setExpectedJson(kauri.getExpectedJson().replace("APAC", "EMEA"));
		v2.getTestCases().remove(2);
		TestCase added = FACTORY.createTestCase();
		added.setName("Kauri deal");
		v2.getTestCases().add(added);

		List<Change> changes = DesignDiff.between(v1, v2);
		assertEquals(new Change("", "", "description changed: \"HubSpot deal (CRM v3 object) to the canonical Project"
				+ " tha...\" -> \"Deals to projects.\""), changes.get(0));
		assertEquals(new Change("lineItem -> InvoiceLine", "", "entity mapping lineItem -> InvoiceLine added (0 rules)"),
				changes.get(1));
		assertEquals(List.of("test case 'Kauri Timber Ltd time-and-materials deal, closed-won 3 Nov 2026' changed its"
				+ " expected output", "test case 'Kauri deal' added", "test case 'an open deal with an unknown billing"
						+ " method is a planned time-and-materials project' removed"),
				changes.subList(2, changes.size()).stream().map(Change::sentence).toList());

		assertEquals(List.of("entity mapping lineItem -> InvoiceLine removed (it had 0 rules)"),
				sentences(v2, EcoreUtil.copy(v2)).isEmpty() ? removeLines(v2) : List.of("not empty"));
	}

	private static List<String> removeLines(MappingDesign design) {
		MappingDesign newer = EcoreUtil.copy(design);
		newer.getEntityMappings().remove(1);
		return sentences(design, newer);
	}
}
