package io.crossbill.mapping.tests.design;

import static io.crossbill.mapping.tests.design.Designs.json;
import static io.crossbill.mapping.tests.design.Designs.jsons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcoreFactory;
import org.eclipse.emf.ecore.EcorePackage;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.mapping.design.FieldNode;
import io.crossbill.mapping.design.FieldNode.Shape;
import io.crossbill.mapping.design.FieldTrees;

class FieldTreesTest {

	/** path -> "SHAPE type sample" of every node, depth first. */
	static Map<String, String> flatten(List<FieldNode> nodes) {
		Map<String, String> flat = new TreeMap<>();
		flatten(nodes, flat);
		return flat;
	}

	private static void flatten(List<FieldNode> nodes, Map<String, String> flat) {
		for (FieldNode node : nodes) {
			flat.put(node.path(), node.shape() + " " + node.type() + (node.required() ? " required" : "")
					+ (node.sample().isEmpty() ? "" : " =" + node.sample()));
			flatten(node.children(), flat);
		}
	}

	static FieldNode node(List<FieldNode> nodes, String name) {
		return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no field " + name + " in " + nodes));
	}

	@Test
	void samplesGiveTheUnionOfNestedObjectsArraysNullsAndMixedTypes() {
		List<JsonNode> samples = jsons("""
				{"id":"1","properties":{"amount":"86400","closedate":"2026-11-03T15:00:00.000Z","owner":null},
				 "LineItems":[{"Code":"A","UnitAmount":10},{"Code":"B","Qty":2}],"tags":["x","y"],"count":3}""", """
				{"id":2,"properties":{"amount":"1","owner":"Ann","start":"2026-01-31"},"LineItems":[{"UnitAmount":1.5}],
				 "tags":[],"archived":false,"count":4}""");
		Map<String, String> flat = flatten(FieldTrees.fromSamples(samples, null));
		assertEquals(new TreeMap<>(Map.ofEntries(
				Map.entry("id", "VALUE string or integer =1"),
				Map.entry("properties", "OBJECT object"),
				Map.entry("properties.amount", "VALUE string =86400"),
				Map.entry("properties.closedate", "VALUE date-time =2026-11-03T15:00:00.000Z"),
				Map.entry("properties.owner", "VALUE string =Ann"),
				Map.entry("properties.start", "VALUE date =2026-01-31"),
				Map.entry("LineItems[*]", "ARRAY list of objects"),
				Map.entry("LineItems[*].Code", "VALUE string =A"),
				Map.entry("LineItems[*].UnitAmount", "VALUE decimal =10"),
				Map.entry("LineItems[*].Qty", "VALUE integer =2"),
				Map.entry("tags", "ARRAY list of string =x"),
				Map.entry("count", "VALUE integer =3"),
				Map.entry("archived", "VALUE boolean =false"))), flat);
		// the order met is kept: the editor shows fields as the system sends them
		assertEquals(List.of("id", "properties", "LineItems", "tags", "count", "archived"),
				FieldTrees.fromSamples(samples, null).stream().map(FieldNode::name).toList());
		FieldNode lineItems = node(FieldTrees.fromSamples(samples, null), "LineItems");
		assertEquals(Shape.ARRAY, lineItems.shape());
		assertEquals(List.of("Code", "UnitAmount", "Qty"), lineItems.children().stream().map(FieldNode::name).toList());
		assertFalse(lineItems.required(), "sources are never required");
	}

	@Test
	void aFieldOnlyEverNullSaysSo() {
		FieldNode owner = node(FieldTrees.fromSamples(jsons("{\"owner\":null}", "{}"), null), "owner");
		assertEquals(Shape.VALUE, owner.shape());
		assertEquals("null", owner.type());
		assertEquals("", owner.sample());
	}

	@Test
	void withAnArrayPathTheTreeIsOfTheElementsWithRelativePaths() {
		List<JsonNode> samples = jsons("""
				{"Invoices":[{"InvoiceID":"i-1","Lines":[{"Amount":5}]},{"InvoiceID":"i-2","Total":9.5}]}""");
		Map<String, String> expected = new TreeMap<>(Map.of("InvoiceID", "VALUE string =i-1", "Lines[*]",
				"ARRAY list of objects", "Lines[*].Amount", "VALUE integer =5", "Total", "VALUE decimal =9.5"));
		assertEquals(expected, flatten(FieldTrees.fromSamples(samples, "Invoices[*]")));
		assertEquals(expected, flatten(FieldTrees.fromSamples(samples, "Invoices")), "[*] is implied, as in the runtime");
		IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
				() -> FieldTrees.fromSamples(samples, "Invoices[x]"));
		assertEquals("the source path \"Invoices[x]\" has '[x]': use a number or *", bad.getMessage());
	}

	@Test
	void twoHundredSamplesOfAHundredFieldsTakeAFewMilliseconds() {
		List<JsonNode> samples = new ArrayList<>();
		for (int s = 0; s < 200; s++) {
			ObjectNode sample = Designs.JSON.createObjectNode();
			for (int f = 0; f < 90; f++) {
				if (f % 3 == 0) {
					sample.put("field" + f, "text " + s);
				} else if (f % 3 == 1) {
					sample.put("field" + f, s);
				} else {
					sample.put("field" + f, s + 0.5);
				}
			}
			ObjectNode nested = sample.putObject("nested");
			for (int f = 0; f < 10; f++) {
				nested.put("n" + f, s * f);
			}
			samples.add(sample);
		}
		for (int warm = 0; warm < 20; warm++) {
			FieldTrees.fromSamples(samples, null);
		}
		long start = System.nanoTime();
		List<FieldNode> tree = FieldTrees.fromSamples(samples, null);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertEquals(91, tree.size());
		assertEquals(10, node(tree, "nested").children().size());
		assertTrue(millis < 50, "took " + millis + " ms");
	}

	@Test
	void canonicalTreeHasTypesEnumsContainedListsAndSampleValues() {
		List<FieldNode> invoice = FieldTrees.canonical("Invoice", false, List.of());
		FieldNode lines = node(invoice, "lines");
		assertEquals("lines[]", lines.path());
		assertEquals(Shape.ARRAY, lines.shape());
		assertEquals("list of InvoiceLine", lines.type());
		assertEquals("lines[]/unitAmount", node(lines.children(), "unitAmount").path());
		assertEquals("decimal", node(lines.children(), "unitAmount").type());
		assertEquals("integer", node(lines.children(), "lineNumber").type());
		assertEquals("list of string", node(lines.children(), "timeEntryIds").type());
		assertEquals("InvoiceStatus", node(invoice, "status").type());
		assertEquals("date", node(invoice, "issueDate").type());
		assertEquals("crossReferences[]/externalId",
				node(node(invoice, "crossReferences").children(), "externalId").path(), "inherited from CanonicalRecord");

		List<FieldNode> asSource = FieldTrees.canonical("Invoice", true,
				jsons("{\"eClass\":\"Invoice\",\"currencyCode\":\"NZD\",\"lines\":[{\"unitAmount\":150}]}"));
		FieldNode sourceLines = node(asSource, "lines");
		assertEquals("lines[*]", sourceLines.path());
		assertEquals("lines[*].unitAmount", node(sourceLines.children(), "unitAmount").path());
		assertEquals("150", node(sourceLines.children(), "unitAmount").sample());
		assertEquals("NZD", node(asSource, "currencyCode").sample());
		assertEquals(List.of(), FieldTrees.canonical("NoSuchThing", false, List.of()));
	}

	@Test
	void requiredComesFromTheLowerBound() {
		EPackage ePackage = EcoreFactory.eINSTANCE.createEPackage();
		ePackage.setName("test");
		EClass invoice = EcoreFactory.eINSTANCE.createEClass();
		invoice.setName("Invoice");
		EAttribute currency = EcoreFactory.eINSTANCE.createEAttribute();
		currency.setName("currencyCode");
		currency.setEType(EcorePackage.Literals.ESTRING);
		currency.setLowerBound(1);
		EAttribute notes = EcoreFactory.eINSTANCE.createEAttribute();
		notes.setName("notes");
		notes.setEType(EcorePackage.Literals.ESTRING);
		invoice.getEStructuralFeatures().add(currency);
		invoice.getEStructuralFeatures().add(notes);
		ePackage.getEClassifiers().add(invoice);
		List<FieldNode> tree = FieldTrees.canonical(ePackage, "Invoice", false, null);
		assertTrue(node(tree, "currencyCode").required());
		assertFalse(node(tree, "notes").required());
	}

	@Test
	void outboundTargetTreeIsTheUnionOfRulePathsAndSampleOutputs() {
		List<FieldNode> tree = FieldTrees.fromTargetPaths(List.of("Name", "Addresses[]/City", "Addresses[]/AddressType",
				"Contact/ContactID"), List.of(json("""
						{"Name":"Kauri","Addresses":[{"City":"Auckland","Country":"NZ"}],"Phones":["1"],"Website":null}""")));
		assertEquals(new TreeMap<>(Map.of("Name", "VALUE string =Kauri", "Addresses[]", "ARRAY list of objects",
				"Addresses[]/City", "VALUE string =Auckland", "Addresses[]/AddressType", "VALUE ",
				"Addresses[]/Country", "VALUE string =NZ", "Contact", "OBJECT object", "Contact/ContactID", "VALUE ",
				"Phones", "ARRAY list of string =1", "Website", "VALUE null")), flatten(tree));
		IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
				() -> FieldTrees.fromTargetPaths(List.of("lines[0]/x"), List.of()));
		assertTrue(bad.getMessage().contains("\"lines[0]\""), bad.getMessage());
	}
}
