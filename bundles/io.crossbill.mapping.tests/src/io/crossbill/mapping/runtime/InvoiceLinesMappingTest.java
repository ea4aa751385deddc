package io.crossbill.mapping.runtime;

import static io.crossbill.mapping.runtime.TimeEntryMappingTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.mapping.validation.CanonicalValidator;
import io.crossbill.model.Invoice;
import io.crossbill.model.json.CanonicalJson;

class InvoiceLinesMappingTest {

	private static final String XERO_INVOICE = """
			{"InvoiceID":"inv-9","InvoiceNumber":"INV-0042","Date":"2026-10-31","Status":"AUTHORISED","Total":"1450.00",
			 "LineItems":[
			   {"Description":"Consulting, October","Quantity":10,"UnitAmount":125.00},
			   {"Description":"Workshop","Quantity":1.5,"UnitAmount":133.33}
			 ]}""";

	@Test
	void eachLineItemBecomesAnInvoiceLine() throws IOException {
		MappingResult result = new MappingCompiler().compile(XeroDesigns.invoices()).map(json(XERO_INVOICE));

		assertTrue(result.isClean(), result.problems().toString());
		ObjectNode invoice = result.output();
		assertEquals("POSTED", invoice.get("status").asText());
		assertEquals("NZD", invoice.get("currencyCode").asText(), "default for the missing CurrencyCode");
		JsonNode lines = invoice.get("lines");
		assertEquals(2, lines.size());
		assertEquals("Workshop", lines.get(1).get("description").asText());
		assertEquals(new BigDecimal("1250"), lines.get(0).get("lineAmount").decimalValue().stripTrailingZeros()
				.setScale(0));
		assertEquals(0, new BigDecimal("200.00").compareTo(lines.get(1).get("lineAmount").decimalValue()));
		assertEquals("PRJ-100", lines.get(0).get("projectId").asText());
		assertEquals("PRJ-100", lines.get(1).get("projectId").asText());

		assertEquals(List.of(), CanonicalValidator.forBatch().validate(invoice));
		Invoice read = new CanonicalJson().fromJson(invoice, Invoice.class);
		assertEquals(2, read.getLines().size());
	}

	@Test
	void aLineWithoutRequiredValueIsReportedAndTheOthersStillMap() throws IOException {
		String oneBad = XERO_INVOICE.replace(",\"UnitAmount\":133.33", "");
		MappingResult result = new MappingCompiler().compile(XeroDesigns.invoices()).map(json(oneBad));
		assertEquals(1, result.problems().size(), result.problems().toString());
		assertTrue(result.problems().get(0).message().contains("field lines[]/unitAmount"));
		assertEquals(2, result.output().get("lines").size());
	}

	@Test
	void aSourceArrayIntoAPlainFieldCollectsTheValues() throws IOException {
		var design = XeroDesigns.design("collect", 1, io.crossbill.mapping.Direction.OUTBOUND);
		XeroDesigns.rule(XeroDesigns.entity(design, "invoice", "summary"), "descriptions", io.crossbill.mapping.RuleKind.COPY,
				"$.LineItems[*].Description");
		ObjectNode out = new MappingCompiler().compile(design).map(json(XERO_INVOICE)).output();
		assertEquals("[\"Consulting, October\",\"Workshop\"]", out.get("descriptions").toString());
		assertTrue(!out.has("eClass"), "outbound records carry no canonical type");
	}
}
