package io.crossbill.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.model.Contract;
import io.crossbill.model.Customer;
import io.crossbill.model.TimeEntry;
import io.crossbill.model.json.CanonicalJson;

/** Records travel between workflow steps and systems as JSON payloads without losing anything. */
class CanonicalJsonTest {

	private final CanonicalJson json = new CanonicalJson();

	@Test
	void everyRecordSurvivesJsonRoundTrip() {
		for (EObject record : SampleRecords.all()) {
			String payload = json.write(record);
			EObject back = json.read(payload);
			assertTrue(EcoreUtil.equals(record, back), () -> "round trip changed " + payload);
		}
	}

	@Test
	void moneyKeepsItsExactValueAndScale() {
		String payload = json.write(SampleRecords.contract());
		assertTrue(payload.contains("\"value\":1234.50"), payload);

		Contract back = json.read(payload, Contract.class);
		assertEquals(new BigDecimal("1234.50"), back.getValue()); // BigDecimal.equals compares scale too
		assertEquals(2, back.getValue().scale());
		assertEquals(new BigDecimal("210.50"), back.getRateCard().get(1).getBillRate());
	}

	@Test
	void payloadUsesModelNamesLiteralsAndIsoDates() {
		ObjectNode node = json.toJson(SampleRecords.timeEntry());
		assertEquals("TimeEntry", node.get(CanonicalJson.TYPE_FIELD).asText());
		assertEquals("APPROVED", node.get("approvalStatus").asText());
		assertEquals("2025-03-31", node.get("workDate").asText());
		assertEquals("PSA", node.get("crossReferences").get(0).get("systemKind").asText());

		ObjectNode openMilestone = json.toJson(SampleRecords.contract().getMilestones().get(1));
		assertFalse(openMilestone.has("completedDate"), "unset features are left out");
		assertTrue(openMilestone.has("completed"), "booleans are written even when false");
		assertFalse(openMilestone.get("completed").asBoolean());
		ObjectNode crmReference = (ObjectNode) json.toJson(SampleRecords.customer()).get("crossReferences").get(0);
		assertEquals("CRM", crmReference.get("systemKind").asText(), "enums are written even at their default");

		TimeEntry entry = SampleRecords.timeEntry();
		entry.setNotes(null);
		assertFalse(json.toJson(entry).has("notes"), "null features are left out");
	}

	@Test
	void unknownFieldIsRejectedByName() {
		String payload = "{\"eClass\":\"TimeEntry\",\"hours\":7.5,\"overtimeHours\":2}";
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> json.read(payload));
		assertTrue(error.getMessage().contains("overtimeHours"), error.getMessage());
		assertTrue(error.getMessage().contains("TimeEntry"), error.getMessage());
	}

	@Test
	void unknownFieldInNestedObjectIsRejectedByName() {
		String payload = "{\"eClass\":\"Customer\",\"billingAddress\":{\"city\":\"Leeds\",\"street\":\"1 Park Row\"}}";
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
				() -> json.read(payload, Customer.class));
		assertTrue(error.getMessage().contains("'street'"), error.getMessage());
		assertTrue(error.getMessage().contains("Address"), error.getMessage());
	}

	@Test
	void unknownEnumLiteralAndTypeAreRejected() {
		IllegalArgumentException badLiteral = assertThrows(IllegalArgumentException.class,
				() -> json.read("{\"eClass\":\"Contract\",\"billingMethod\":\"RETAINER\"}"));
		assertTrue(badLiteral.getMessage().contains("RETAINER"), badLiteral.getMessage());
		assertTrue(badLiteral.getMessage().contains("Contract.billingMethod"), badLiteral.getMessage());

		IllegalArgumentException badType = assertThrows(IllegalArgumentException.class,
				() -> json.read("{\"eClass\":\"Opportunity\"}"));
		assertTrue(badType.getMessage().contains("Opportunity"), badType.getMessage());
	}
}
