package io.crossbill.mapping.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcoreFactory;
import org.eclipse.emf.ecore.EcorePackage;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.mapping.validation.ValidationProblem.Rules;
import io.crossbill.model.ModelPackage;

class CanonicalValidatorTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static ObjectNode timeEntry(String id, String resource, String date, String hours) throws IOException {
		return (ObjectNode) JSON.readTree("{\"eClass\":\"TimeEntry\",\"canonicalId\":\"" + id + "\",\"resourceId\":\""
				+ resource + "\",\"projectId\":\"PRJ-100\",\"workDate\":\"" + date + "\",\"hours\":" + hours
				+ ",\"billable\":true,\"approvalStatus\":\"APPROVED\"}");
	}

	@Test
	void moreThan24HoursByOnePersonOnOneDayAcrossABatchIsReported() throws IOException {
		CanonicalValidator batch = CanonicalValidator.forBatch();
		assertEquals(List.of(), batch.validate(timeEntry("te-1", "r-1", "2026-10-08", "14")));
		assertEquals(List.of(), batch.validate(timeEntry("te-2", "r-2", "2026-10-08", "14")), "another person");
		assertEquals(List.of(), batch.validate(timeEntry("te-3", "r-1", "2026-10-09", "14")), "another day");
		assertEquals(List.of(), batch.validate(timeEntry("te-1", "r-1", "2026-10-08", "14")), "a replay counts once");

		List<ValidationProblem> problems = batch.validate(timeEntry("te-4", "r-1", "2026-10-08", "10.5"));
		assertEquals(1, problems.size());
		assertEquals("hours", problems.get(0).field());
		assertEquals(Rules.MAX_HOURS_PER_DAY, problems.get(0).rule());
		assertEquals("Resource r-1 has 24.5 hours on 2026-10-08 in this batch, more than the 24 one person can work"
				+ " in a day.", problems.get(0).message());
	}

	@Test
	void aSingleEntryOverADayIsReportedToo() throws IOException {
		List<ValidationProblem> problems = CanonicalValidator.forBatch()
				.validate(timeEntry("te-9", "r-1", "2026-10-08", "25"));
		assertEquals(Rules.MAX_HOURS_PER_DAY, problems.get(0).rule());
	}

	@Test
	void typesEnumsUnknownFieldsAndNestedLinesAreChecked() throws IOException {
		JsonNode invoice = JSON.readTree("""
				{"eClass":"Invoice","canonicalId":"inv-1","status":"SENT","issueDate":"31/10/2026","totalAmount":"12",
				 "colour":"red","periodStart":"2026-10-01","periodEnd":"2026-09-30",
				 "lines":[{"lineNumber":1,"quantity":2},{"lineNumber":1.5,"quantity":"two","timeEntryIds":["te-1",7]}]}""");
		List<ValidationProblem> problems = new CanonicalValidator(List.of()).validate(invoice);
		List<String> seen = problems.stream().map(p -> p.field() + " " + p.rule()).sorted().toList();
		assertEquals(List.of("colour unknown-field", "issueDate type", "lines[1].lineNumber type",
				"lines[1].quantity type", "lines[1].timeEntryIds[1] type", "status allowed-values", "totalAmount type"),
				seen);
		ValidationProblem status = problems.stream().filter(p -> p.field().equals("status")).findFirst().orElseThrow();
		assertEquals("status must be one of DRAFT, POSTED, PAID, VOID, but is \"SENT\".", status.message());
		ValidationProblem date = problems.stream().filter(p -> p.field().equals("issueDate")).findFirst().orElseThrow();
		assertEquals("issueDate must be a date (yyyy-MM-dd), but is \"31/10/2026\".", date.message());
	}

	@Test
	void crossFieldRulesRunOnceTheFieldsAreWellTyped() throws IOException {
		JsonNode invoice = JSON.readTree("""
				{"eClass":"Invoice","canonicalId":"inv-1","periodStart":"2026-10-01","periodEnd":"2026-09-30"}""");
		List<ValidationProblem> problems = CanonicalValidator.forBatch().validate(invoice);
		assertEquals(1, problems.size());
		assertEquals(Rules.DATE_ORDER, problems.get(0).rule());
		assertEquals("The Invoice ends (2026-09-30) before it starts (2026-10-01).", problems.get(0).message());
	}

	@Test
	void recordWithoutOrWithUnknownTypeIsReported() throws IOException {
		CanonicalValidator validator = new CanonicalValidator(List.of());
		assertEquals(Rules.TYPE_UNKNOWN, validator.validate(JSON.readTree("{\"hours\":1}")).get(0).rule());
		assertEquals(Rules.TYPE_UNKNOWN, validator.validate(JSON.readTree("{\"eClass\":\"Timesheet\"}")).get(0).rule());
		assertEquals(List.of(), validator.validate(JSON.readTree("{\"hours\":1,\"workDate\":\"2026-11-02\"}"),
				ModelPackage.Literals.TIME_ENTRY), "a known EClass needs no type member");
		assertEquals(List.of("workDate"), validator.validate(JSON.readTree("{\"hours\":1}"), ModelPackage.Literals.TIME_ENTRY)
				.stream().map(ValidationProblem::field).toList(), "hours and workDate are required");
	}

	@Test
	void requiredFeaturesFollowTheModelsLowerBound() throws IOException {
		EPackage ePackage = EcoreFactory.eINSTANCE.createEPackage();
		ePackage.setName("t");
		ePackage.setNsURI("urn:crossbill:test");
		EClass thing = EcoreFactory.eINSTANCE.createEClass();
		thing.setName("Thing");
		EAttribute name = EcoreFactory.eINSTANCE.createEAttribute();
		name.setName("name");
		name.setEType(EcorePackage.Literals.ESTRING);
		name.setLowerBound(1);
		EAttribute amount = EcoreFactory.eINSTANCE.createEAttribute();
		amount.setName("amount");
		amount.setEType(EcorePackage.Literals.EBIG_DECIMAL);
		thing.getEStructuralFeatures().addAll(List.of(name, amount));
		ePackage.getEClassifiers().add(thing);

		CanonicalValidator validator = new CanonicalValidator(ePackage, List.of());
		List<ValidationProblem> problems = validator.validate(JSON.readTree("{\"eClass\":\"Thing\",\"name\":null,\"amount\":1.5}"));
		assertEquals(List.of(new ValidationProblem("name", Rules.REQUIRED, "Thing needs a name, but the record has none.")),
				problems);
		assertTrue(validator.validate(JSON.readTree("{\"eClass\":\"Thing\",\"name\":\"x\"}")).isEmpty());
	}

	@Test
	void dailyTotalsCanBeReadAndReset() throws IOException {
		DailyHoursLimit limit = new DailyHoursLimit();
		CanonicalValidator validator = new CanonicalValidator(List.of(limit));
		validator.validate(timeEntry("a", "r-1", "2026-10-08", "7.5"));
		validator.validate(timeEntry("b", "r-1", "2026-10-08", "1.25"));
		assertEquals(0, new BigDecimal("8.75").compareTo(limit.total("r-1", "2026-10-08")));
		limit.reset();
		assertEquals(BigDecimal.ZERO, limit.total("r-1", "2026-10-08"));
	}
}
