package io.crossbill.mapping.tests.design;

import static io.crossbill.mapping.tests.design.Designs.FACTORY;
import static io.crossbill.mapping.tests.design.Designs.design;
import static io.crossbill.mapping.tests.design.Designs.entity;
import static io.crossbill.mapping.tests.design.Designs.entry;
import static io.crossbill.mapping.tests.design.Designs.expression;
import static io.crossbill.mapping.tests.design.Designs.rule;
import static io.crossbill.mapping.tests.design.Designs.shipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EcoreFactory;
import org.eclipse.emf.ecore.EcorePackage;
import org.junit.jupiter.api.Test;

import io.crossbill.mapping.Direction;
import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.Transform;
import io.crossbill.mapping.design.DesignChecker;
import io.crossbill.mapping.design.DesignProblem;
import io.crossbill.mapping.design.DesignProblem.Severity;

class DesignCheckerTest {

	private static String lines(List<DesignProblem> problems) {
		return problems.stream().map(p -> p.severity() + " [" + p.entityMapping() + "] " + p.targetPath() + ": " + p.message())
				.collect(Collectors.joining("\n"));
	}

	@Test
	void shippedDesignsThatFollowTheCanonicalModelHaveNoProblems() {
		for (String name : List.of("hubspot-company-to-customer", "hubspot-deal-to-project", "customer-to-xero-contact",
				"project-to-xero-project")) {
			assertEquals(List.of(), DesignChecker.check(shipped(name)), name);
		}
	}

	@Test
	void aTargetFieldTheCanonicalModelLacksIsAnError() {
		MappingDesign design = shipped("hubspot-company-to-customer");
		for (FieldRule r : design.getEntityMappings().get(0).getRules()) {
			if ("website".equals(r.getTargetPath())) {
				r.setTargetPath("homepage");
			}
		}
		List<DesignProblem> problems = DesignChecker.check(design);
		assertEquals(List.of(new DesignProblem(Severity.ERROR, "company -> Customer", "homepage",
				"\"homepage\" is not a field of Customer: canonical validation rejects every record that has it, so pick"
						+ " a field of the target tree.")),
				problems);
	}

	@Test
	void everyKindOfRuleProblemIsReportedWithItsField() {
		MappingDesign design = design("broken", Direction.INBOUND, "deal", "Project");
		rule(design, "dealId", RuleKind.COPY, "id");
		rule(design, "", RuleKind.COPY, "properties.x");
		rule(design, "region", RuleKind.COPY, null);
		rule(design, "dealId", RuleKind.COPY, "properties.other_id");
		expression(design, "name", "properties.dealname &");
		rule(design, "status", RuleKind.VALUE_MAP, "properties.dealstage");
		FieldRule billing = rule(design, "billingMethod", RuleKind.VALUE_MAP, "properties.method");
		entry(billing, "fixed_fee", "FIXED");
		entry(billing, "tm", "TIME_AND_MATERIALS");
		entry(billing, "tm", "TIME_AND_MATERIALS");
		rule(design, "customerId", RuleKind.LOOKUP, "associations.company");
		rule(design, "budgett", RuleKind.COPY, "properties.amount");
		rule(design, "milestones/name", RuleKind.COPY, "milestones[*].name");
		rule(design, "lines[0]/x", RuleKind.COPY, "a");
		rule(design, "currencyCode", RuleKind.COPY, "properties.[x");
		FieldRule rounded = rule(design, "startDate", RuleKind.COPY, "x");
		rounded.getTransforms().add(Transform.ROUND);
		rule(design, "contractId", RuleKind.CONSTANT, null);

		String label = "deal -> Project";
		assertEquals(List.of(
				"ERROR [" + label + "] : A copy rule of \"properties.x\" has no target field: drop it onto a target field"
						+ " or type the target path.",
				"ERROR [" + label + "] region: This copy rule has no source path: drag a source field onto region.",
				"ERROR [" + label + "] dealId: Two rules fill dealId: the later one overwrites the earlier, so delete or"
						+ " retarget one.",
				"ERROR [" + label + "] name: The expression does not parse. Syntax error at character 22: Unexpected end"
						+ " of expression",
				"ERROR [" + label + "] status: The value map has no entries: add the values to translate (the value maps"
						+ " page lists the ones found in the samples).",
				"ERROR [" + label + "] billingMethod: 'fixed_fee' maps to a value that (FIXED) is not a BillingMethod: use"
						+ " one of TIME_AND_MATERIALS, FIXED_FEE.",
				"WARNING [" + label + "] billingMethod: The value map has 'tm' twice; the last entry wins, so delete the other.",
				"ERROR [" + label + "] customerId: The lookup does not say which entity's ids it looks up (e.g. company).",
				"ERROR [" + label + "] budgett: \"budgett\" is not a field of Project: canonical validation rejects every"
						+ " record that has it, so pick a field of the target tree.",
				"ERROR [" + label + "] milestones/name: milestones is a list of Milestone: write milestones[]/name.",
				"ERROR [" + label + "] lines[0]/x: The target path is not valid: the target path \"lines[0]/x\" has an"
						+ " invalid segment \"lines[0]\" (use name or name[]).",
				"ERROR [" + label + "] currencyCode: The source path is not valid: the source path \"properties.[x\" has"
						+ " an unclosed '['.",
				"WARNING [" + label + "] startDate: ROUND has no decimal places set, so it rounds to whole numbers: set the"
						+ " scale if you meant decimals.",
				"WARNING [" + label + "] contractId: The constant has no value, so the rule writes nothing: type one."),
				List.of(lines(DesignChecker.check(design)).split("\n")));
	}

	@Test
	void designEntityAndTestCaseProblems() {
		MappingDesign design = design(" ", Direction.INBOUND, "deal", "Projekt");
		EntityMapping twice = FACTORY.createEntityMapping();
		twice.setSourceEntity("deal");
		twice.setTargetEntity("Project");
		twice.setArrayPath("items[y]");
		design.getEntityMappings().add(twice);
		TestCase badJson = FACTORY.createTestCase();
		badJson.setName("Kauri");
		badJson.setSourceEntity("deal");
		badJson.setSampleJson("{\"id\": 1,");
		badJson.setExpectedJson("{}");
		design.getTestCases().add(badJson);
		TestCase noEntity = FACTORY.createTestCase();
		noEntity.setName("which one");
		noEntity.setSampleJson("{}");
		noEntity.setExpectedJson("{}");
		design.getTestCases().add(noEntity);

		List<DesignProblem> problems = DesignChecker.check(design);
		String text = lines(problems);
		assertTrue(text.contains("ERROR [] : The design has no name"), text);
		assertTrue(text.contains("ERROR [deal -> Projekt] : \"Projekt\" is not a canonical record: use one of Customer,"
				+ " Contact, Deal, Contract, Milestone, Project, Role, Resource, TimeEntry, Expense, ChangeOrder, Invoice,"
				+ " Forecast."), text);
		assertTrue(text.contains("ERROR [deal -> Project] : The source entity \"deal\" is mapped twice"), text);
		assertTrue(text.contains("ERROR [deal -> Project] : The array path is not valid: the source path \"items[y]\""
				+ " has '[y]': use a number or *."), text);
		assertTrue(text.contains("WARNING [deal -> Project] : The entity mapping fills no fields yet"), text);
		assertTrue(text.contains("ERROR [] : The sample of test case 'Kauri' is not valid JSON ("), text);
		assertTrue(text.contains("ERROR [] : Test case 'which one' does not say which source entity its sample is, and"
				+ " the design maps several: pick one of [deal]."), text);
		assertTrue(problems.stream().allMatch(p -> !p.message().isBlank() && p.message().endsWith(".")), text);
	}

	@Test
	void requiredCanonicalFieldsNoRuleFillsAreCountedAndAreErrors() {
		EPackage canonical = invoicePackage();
		MappingDesign design = design("invoices", Direction.INBOUND, "invoice", "Invoice");
		rule(design, "invoiceNumber", RuleKind.COPY, "InvoiceNumber");
		EntityMapping entity = entity(design);
		assertEquals(List.of("currencyCode", "lines[]"), DesignChecker.unmappedRequired(design, entity, canonical));

		rule(design, "lines[]/description", RuleKind.COPY, "LineItems[*].Description");
		assertEquals(List.of("currencyCode", "lines[]/unitAmount"), DesignChecker.unmappedRequired(design, entity, canonical),
				"once lines are mapped, their own required fields count");
		List<DesignProblem> problems = DesignChecker.check(design, canonical);
		assertEquals(List.of(new DesignProblem(Severity.ERROR, "invoice -> Invoice", "currencyCode", "Invoice needs"
				+ " currencyCode, but no rule fills it: map a source field onto it, or give it a constant or a default."),
				new DesignProblem(Severity.ERROR, "invoice -> Invoice", "lines[]/unitAmount", "Invoice needs"
						+ " lines[]/unitAmount, but no rule fills it: map a source field onto it, or give it a constant or a"
						+ " default.")),
				problems);

		rule(design, "currencyCode", RuleKind.CONSTANT, null).setValue("NZD");
		rule(design, "lines[]/unitAmount", RuleKind.COPY, "LineItems[*].UnitAmount");
		assertEquals(List.of(), DesignChecker.unmappedRequired(design, entity, canonical));
		assertEquals(List.of(), DesignChecker.check(design, canonical));

		design.setDirection(Direction.OUTBOUND);
		entity.getRules().clear();
		assertEquals(List.of(), DesignChecker.unmappedRequired(design, entity, canonical), "a system's JSON has no model");
	}

	/** Invoice (currencyCode required, lines: at least one) of InvoiceLine (unitAmount required). */
	private static EPackage invoicePackage() {
		EcoreFactory ecore = EcoreFactory.eINSTANCE;
		EPackage ePackage = ecore.createEPackage();
		ePackage.setName("test");
		EClass line = ecore.createEClass();
		line.setName("InvoiceLine");
		line.getEStructuralFeatures().add(attribute("description", 0));
		line.getEStructuralFeatures().add(attribute("unitAmount", 1));
		EClass invoice = ecore.createEClass();
		invoice.setName("Invoice");
		invoice.getEStructuralFeatures().add(attribute("invoiceNumber", 0));
		invoice.getEStructuralFeatures().add(attribute("currencyCode", 1));
		EReference lines = ecore.createEReference();
		lines.setName("lines");
		lines.setEType(line);
		lines.setContainment(true);
		lines.setLowerBound(1);
		lines.setUpperBound(-1);
		invoice.getEStructuralFeatures().add(lines);
		ePackage.getEClassifiers().add(invoice);
		ePackage.getEClassifiers().add(line);
		return ePackage;
	}

	private static EAttribute attribute(String name, int lowerBound) {
		EAttribute attribute = EcoreFactory.eINSTANCE.createEAttribute();
		attribute.setName(name);
		attribute.setEType(EcorePackage.Literals.ESTRING);
		attribute.setLowerBound(lowerBound);
		return attribute;
	}
}
