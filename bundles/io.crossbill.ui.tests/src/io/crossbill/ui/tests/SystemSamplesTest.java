package io.crossbill.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.runtime.MappingDesignFile;
import io.crossbill.store.EngineDatabase;
import io.crossbill.ui.design.SampleSet;
import io.crossbill.ui.design.SystemSamples;
import io.crossbill.workflow.DesignLibrary;
import io.crossbill.workflow.WorkspaceSystems;

/**
 * Where the design editor's samples come from, against the built-in sandbox (HubSpot and Xero on 127.0.0.1): an
 * INBOUND design reads its own system's records, an OUTBOUND design gets the canonical records its INBOUND
 * counterpart makes from them, a system that does not answer falls back to the inbox's captured payloads and then
 * to the design's test cases, and the origin says which, every time.
 */
class SystemSamplesTest {

	private static final Clock AT_10_42 = Clock.fixed(Instant.parse("2026-11-27T10:42:00Z"), ZoneOffset.UTC);

	private static Path workspace;
	private static WorkspaceSystems sandbox;
	private static EngineDatabase database;

	@BeforeAll
	static void startSandbox() throws Exception {
		workspace = Files.createTempDirectory("crossbill-samples");
		sandbox = WorkspaceSystems.open(workspace);
		database = EngineDatabase.open(workspace);
	}

	@AfterAll
	static void stopSandbox() {
		if (database != null) {
			database.close();
		}
		if (sandbox != null) {
			sandbox.close();
		}
	}

	private static SystemSamples samples(java.util.function.Supplier<WorkspaceSystems> systems) {
		return new SystemSamples(systems, database::inbox, SystemSamplesTest::shipped, AT_10_42);
	}

	private static List<MappingDesign> shipped() {
		List<MappingDesign> designs = new ArrayList<>();
		for (String name : DesignLibrary.SHIPPED) {
			designs.add(design(name));
		}
		return designs;
	}

	private static MappingDesign design(String name) {
		try {
			return MappingDesignFile.loadShipped(name);
		} catch (java.io.IOException e) {
			throw new AssertionError(name + " cannot be read: " + e.getMessage(), e);
		}
	}

	private static SampleSet read(SystemSamples provider, String designName, int max) {
		MappingDesign d = design(designName);
		return provider.read(d, d.getEntityMappings().get(0), max);
	}

	@Test
	void anInboundDesignReadsItsSystemsRecords() {
		SampleSet deals = read(samples(() -> sandbox), "hubspot-deal-to-project", 25);
		assertFalse(deals.records().isEmpty());
		assertTrue(deals.records().size() <= 25, deals.records().size() + " records");
		assertEquals(deals.records().size() + " deals read from HubSpot (sandbox) at 10:42", deals.origin());
		for (JsonNode deal : deals.records()) {
			assertTrue(deal.path("properties").has("dealstage"), "not a HubSpot deal: " + deal);
		}

		SampleSet time = read(samples(() -> sandbox), "xero-time-entries", 10);
		assertEquals(time.records().size() + " time entries read from Xero Projects (sandbox) at 10:42",
				time.origin());
		assertFalse(time.records().isEmpty());
		assertTrue(time.records().get(0).has("timeEntryId"), time.records().get(0).toString());
	}

	@Test
	void anOutboundDesignGetsTheCanonicalRecordsItsInboundCounterpartMakes() {
		SampleSet projects = read(samples(() -> sandbox), "project-to-xero-project", 1_000);
		assertFalse(projects.records().isEmpty());
		assertTrue(projects.origin().matches("\\d+ Project records made by hubspot-deal-to-project from \\d+ deals"
				+ " read from HubSpot \\(sandbox\\) at 10:42.*"), projects.origin());
		JsonNode first = projects.records().get(0);
		assertEquals("Project", first.path("eClass").asText(), first.toString());
		assertTrue(first.has("dealId"), first.toString());

		SampleSet customers = read(samples(() -> sandbox), "customer-to-xero-contact", 5);
		assertTrue(customers.origin().startsWith(customers.records().size()
				+ " Customer records made by hubspot-company-to-customer from "), customers.origin());
		assertEquals("Customer", customers.records().get(0).path("eClass").asText());
	}

	@Test
	void aSystemThatDoesNotAnswerFallsBackToTheInboxThenToTheTestCases() throws Exception {
		// a HubSpot that is not there: a stopped sandbox of its own
		Path elsewhere = Files.createTempDirectory("crossbill-samples-down");
		WorkspaceSystems down = WorkspaceSystems.open(elsewhere);
		down.close();

		SampleSet none = read(samples(() -> down), "hubspot-deal-to-project", 25);
		assertEquals(design("hubspot-deal-to-project").getTestCases().size(), none.records().size());
		assertTrue(none.origin().startsWith("the design's " + none.records().size() + " test cases: HubSpot (sandbox)"
				+ " did not answer: "), none.origin());
		assertTrue(none.origin().contains("the inbox has no deal payloads from hubspot"), none.origin());

		// two deals captured in the inbox (and one company, which is not a deal)
		database.inTransaction(() -> {
			append("hubspot", "deal", "9001", "{\"id\":\"9001\",\"properties\":{\"dealname\":\"Captured one\"}}");
			append("hubspot", "company", "77", "{\"id\":\"77\",\"properties\":{\"name\":\"Not a deal\"}}");
			append("hubspot", "deals", "9002", "{\"id\":\"9002\",\"properties\":{\"dealname\":\"Captured two\"}}");
		});
		SampleSet captured = read(samples(() -> down), "hubspot-deal-to-project", 25);
		assertEquals(List.of("9002", "9001"), captured.records().stream().map(r -> r.path("id").asText()).toList(),
				"newest first, deals only");
		assertTrue(captured.origin().startsWith("2 deal payloads captured in the inbox (HubSpot (sandbox) did not"
				+ " answer: "), captured.origin());

		SampleSet unopened = read(samples(() -> {
			throw new IllegalStateException("No credentials for hubspot: set them with ./crossbill credentials set");
		}), "hubspot-deal-to-project", 1);
		assertEquals(1, unopened.records().size());
		assertEquals("1 deal payload captured in the inbox (the systems could not be opened: No credentials for"
				+ " hubspot: set them with ./crossbill credentials set)", unopened.origin());
	}

	private static void append(String system, String entity, String id, String json) {
		byte[] payload = json.getBytes(StandardCharsets.UTF_8);
		RecordEnvelope envelope = new RecordEnvelope(system, entity, id, "1", payload, Instant.now(), null);
		database.inbox().append(envelope, IdempotencyKey.of(system, id, "1"), false);
	}
}
