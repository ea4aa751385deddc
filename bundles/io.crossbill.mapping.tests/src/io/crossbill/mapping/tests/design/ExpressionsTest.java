package io.crossbill.mapping.tests.design;

import static io.crossbill.mapping.tests.design.Designs.json;
import static io.crossbill.mapping.tests.design.Designs.jsons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.mapping.Direction;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.runtime.MappingCompiler;

import io.crossbill.mapping.design.ExpressionCheck;
import io.crossbill.mapping.design.Expressions;
import io.crossbill.mapping.design.Expressions.Completion;
import io.crossbill.mapping.design.FieldNode;
import io.crossbill.mapping.design.FieldTrees;

class ExpressionsTest {

	private static final JsonNode DEAL = json("""
			{"id":"10261005098","properties":{"dealname":"Kauri Timber Ltd","amount":"86400","dealstage":"closedwon",
			 "deal_currency_code":"NZD","my field":"x"},
			 "LineItems":[{"Quantity":2,"UnitAmount":150.25},{"Quantity":1,"UnitAmount":99.5}]}""");
	private static final List<FieldNode> TREE = FieldTrees.fromSamples(List.of(DEAL), null);

	@Test
	void syntaxErrorsPointAtTheOffendingToken() {
		assertTrue(Expressions.check("$round(properties.amount * 1.15, 2)").valid());

		ExpressionCheck bracket = Expressions.check("LineItems.Quantity]");
		assertFalse(bracket.valid());
		assertEquals(18, bracket.errorOffset(), "the stray ]");
		assertEquals("Syntax error at character 19: Syntax error: \"]\"", bracket.error());

		ExpressionCheck operator = Expressions.check("1 +* 2");
		assertEquals(5, operator.errorOffset(), "JSONata stops at the 2 after +*");

		ExpressionCheck unfinished = Expressions.check("$sum(LineItems.Quantity");
		assertEquals(23, unfinished.errorOffset(), "the end, where ) is missing");
		assertTrue(unfinished.error().contains("Expected \")\" before end of expression"), unfinished.error());

		ExpressionCheck string = Expressions.check("id & \"abc");
		assertEquals(5, string.errorOffset(), "the opening quote of the unterminated string");

		ExpressionCheck empty = Expressions.check("  ");
		assertFalse(empty.valid());
		assertEquals(0, empty.errorOffset());
		assertNull(empty.value());
	}

	@Test
	void evaluationGivesTheValueOnTheSample() {
		ExpressionCheck sum = Expressions.evaluate("$sum(LineItems.(Quantity * UnitAmount))", DEAL);
		assertTrue(sum.valid());
		assertEquals("", sum.error());
		assertEquals(0, new BigDecimal("400").compareTo(sum.value().decimalValue()), sum.value().toString());

		assertEquals("Kauri Timber Ltd (NZD)",
				Expressions.evaluate("properties.dealname & \" (\" & properties.deal_currency_code & \")\"", DEAL).value()
						.asText());
		assertEquals(json("[\"Kauri\",\"Timber\",\"Ltd\"]"),
				Expressions.evaluate("$split(properties.dealname, \" \")", DEAL).value());
		ExpressionCheck nothing = Expressions.evaluate("properties.nosuchfield", DEAL);
		assertTrue(nothing.value().isNull(), "JSON null when the expression gives nothing");
		assertEquals("", nothing.error());
	}

	@Test
	void failuresAndTimeoutsComeBackAsErrorsNotExceptions() {
		ExpressionCheck thrown = Expressions.evaluate("$error(\"no rate for \" & id)", DEAL);
		assertTrue(thrown.valid(), "it parses");
		assertNull(thrown.value());
		assertEquals("The expression failed: no rate for 10261005098", thrown.error());

		ExpressionCheck looping = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> Expressions.evaluate("($loop := function($i){ $loop($i + 1) }; $loop(0))", DEAL));
		assertNull(looping.value());
		assertTrue(looping.error().startsWith("The expression ran longer than 1000 ms and was stopped")
				|| looping.error().startsWith("The expression nested deeper than"), looping.error());

		ExpressionCheck syntax = Expressions.evaluate("properties.(", DEAL);
		assertFalse(syntax.valid());
		assertEquals(12, syntax.errorOffset());

		ExpressionCheck notAnObject = Expressions.evaluate("$", json("[1,2]"));
		assertNull(notAnObject.value());
		assertTrue(notAnObject.error().startsWith("Expected a JSON object but found a list"), notAnObject.error());
	}

	@Test
	void aRuleWithASourcePathIsEvaluatedOnTheValueThereAsTheRuntimeDoes() {
		MappingDesign design = Designs.design("rule evaluation", Direction.INBOUND, "deal", "Project");
		FieldRule doubled = Designs.rule(design, "budget", RuleKind.EXPRESSION, "properties.amount");
		doubled.setExpression("$number($) * 2");
		FieldRule prices = Designs.rule(design, "prices", RuleKind.EXPRESSION, "LineItems[*].UnitAmount");
		prices.setExpression("$ * 2");
		FieldRule upper = Designs.rule(design, "currency", RuleKind.EXPRESSION, "properties.deal_currency_code");
		upper.setExpression("$lowercase($)");
		ObjectNode run = new MappingCompiler().compileUncached(design).map(DEAL).records().get(0);

		ExpressionCheck one = Expressions.evaluate(doubled, null, DEAL);
		assertEquals("", one.error());
		assertEquals(0, new BigDecimal("172800").compareTo(one.value().decimalValue()), one.value().toString());
		assertEquals(run.get("budget"), one.value(), "what a design run writes");
		assertNull(Expressions.evaluate("$number($) * 2", DEAL).value(), "on the whole record it is not a number");

		ExpressionCheck each = Expressions.evaluate(prices, null, DEAL);
		assertEquals("[300.5,199]", each.value().toString(), "each value of [*], collected");
		assertEquals(run.get("prices"), each.value());
		assertEquals(json("\"nzd\""), Expressions.evaluate(upper, "", DEAL).value());
		assertEquals("properties.amount", doubled.getSourcePath(), "the rule itself is not changed");
		assertEquals("budget", doubled.getTargetPath());
	}

	@Test
	void aRuleOfAnArrayEntityMappingIsEvaluatedOnTheFirstElement() {
		MappingDesign design = Designs.design("lines", Direction.INBOUND, "deal", "InvoiceLine");
		Designs.entity(design).setArrayPath("LineItems");
		FieldRule amount = Designs.expression(design, "amount", "Quantity * UnitAmount");
		ExpressionCheck first = Expressions.evaluate(amount, "LineItems", DEAL);
		assertEquals("", first.error());
		assertEquals(0, new BigDecimal("300.5").compareTo(first.value().decimalValue()), first.value().toString());
		assertEquals(new MappingCompiler().compileUncached(design).map(DEAL).records().get(0).get("amount"),
				first.value());

		ExpressionCheck none = Expressions.evaluate(amount, "Milestones", DEAL);
		assertNull(none.value());
		assertEquals("The sample has no elements at Milestones, so the entity mapping makes no record from it.",
				none.error());
	}

	@Test
	void aRulesFailuresRequiredFieldsAndSyntaxErrorsComeBackAsErrors() {
		MappingDesign design = Designs.design("failing", Direction.INBOUND, "deal", "Project");
		FieldRule failing = Designs.rule(design, "name", RuleKind.EXPRESSION, "properties.dealname");
		failing.setExpression("$error(\"no name for \" & $)");
		ExpressionCheck thrown = Expressions.evaluate(failing, null, DEAL);
		assertTrue(thrown.valid());
		assertNull(thrown.value());
		assertEquals("The expression failed: no name for Kauri Timber Ltd", thrown.error());

		FieldRule required = Designs.rule(design, "region", RuleKind.EXPRESSION, "properties.crossbill_region");
		required.setExpression("$uppercase($)");
		required.setRequired(true);
		ExpressionCheck missing = Expressions.evaluate(required, null, DEAL);
		assertNull(missing.value());
		assertTrue(missing.error().startsWith("Required, but the record has no value at \"properties.crossbill_region\""),
				missing.error());
		required.setRequired(false);
		assertTrue(Expressions.evaluate(required, null, DEAL).value().isNull(), "nothing written: JSON null");

		FieldRule broken = Designs.rule(design, "x", RuleKind.EXPRESSION, "properties.amount");
		broken.setExpression("$ * (");
		ExpressionCheck syntax = Expressions.evaluate(broken, null, DEAL);
		assertFalse(syntax.valid());
		assertNull(syntax.value());
		assertTrue(Expressions.evaluate(broken, null, null).error().startsWith("Syntax error"), "checked without a sample");
	}

	@Test
	void afterADotTheChildrenOfThePathAreProposed() {
		String text = "properties.deal";
		List<Completion> proposals = Expressions.complete(text, text.length(), TREE);
		assertEquals(List.of("dealname", "dealstage", "deal_currency_code"),
				proposals.stream().map(Completion::replacement).toList());
		assertEquals(11, proposals.get(0).replaceFrom(), "replaces the typed 'deal'");
		assertEquals("string, e.g. Kauri Timber Ltd", proposals.get(0).detail());

		// after the dot with nothing typed yet: every child, in the order of the tree; odd names are quoted
		List<Completion> all = Expressions.complete("properties.", 11, TREE);
		assertEquals(List.of("dealname", "amount", "dealstage", "deal_currency_code", "`my field`"),
				all.stream().map(Completion::replacement).toList());

		// the caret in the middle of the text: only what is before it counts
		assertEquals(List.of("Quantity"), Expressions.complete("$sum(LineItems.Qu * 2)", 17, TREE).stream()
				.map(Completion::replacement).toList());
		// inside a predicate the element's fields are proposed
		assertEquals(List.of("UnitAmount"), Expressions.complete("LineItems[Uni", 13, TREE).stream()
				.map(Completion::replacement).toList());
		// after the root $.
		assertEquals("properties", Expressions.complete("$.prop", 6, TREE).get(0).replacement());
		// an unknown path has no children; a string literal gets no proposals
		assertEquals(List.of(), Expressions.complete("nosuch.", 7, TREE));
		assertEquals(List.of(), Expressions.complete("\"properties.", 12, TREE));
	}

	@Test
	void atAnIdentifierStartTopLevelFieldsAreProposedBestFirst() {
		List<Completion> proposals = Expressions.complete("$string(i", 9, TREE);
		assertEquals("id", proposals.get(0).replacement(), "starts with i");
		assertEquals(List.of("id", "properties", "LineItems"), proposals.stream().map(Completion::replacement).toList(),
				"then names that contain i, in the order of the tree");
		assertEquals(8, proposals.get(0).replaceFrom());
		assertEquals(List.of("id", "properties", "LineItems"),
				Expressions.complete("", 0, TREE).stream().map(Completion::replacement).toList());
	}

	@Test
	void afterDollarTheFunctionsAndTheExpressionsVariablesAreProposed() {
		List<Completion> s = Expressions.complete("$s", 2, TREE);
		List<String> names = s.stream().map(Completion::label).toList();
		assertEquals("$string(arg, prettify?)", names.get(0));
		assertTrue(names.containsAll(List.of("$sum(array)", "$substring(str, start, length?)", "$split(str, separator, limit?)",
				"$sort(array, function?)")), names.toString());
		assertEquals("$sum(", s.stream().filter(c -> c.label().startsWith("$sum")).findFirst().orElseThrow().replacement());
		assertEquals(0, s.get(0).replaceFrom());
		assertTrue(names.indexOf("$sum(array)") < names.indexOf("$exists(arg)") || !names.contains("$exists(arg)"),
				"prefix matches before names that merely contain s");

		List<String> every = Expressions.complete("$", 1, TREE).stream().map(Completion::label).toList();
		for (String function : List.of("$sum", "$string", "$number", "$round", "$substring", "$uppercase", "$lowercase",
				"$trim", "$join", "$split", "$map", "$filter", "$count", "$exists", "$now", "$fromMillis", "$toMillis")) {
			assertTrue(every.stream().anyMatch(label -> label.startsWith(function + "(")), function);
		}
		assertEquals("$now()", Expressions.complete("$no", 3, TREE).stream().filter(c -> c.label().startsWith("$now"))
				.findFirst().orElseThrow().replacement(), "no arguments: the call is complete");

		String text = "($total := $sum(LineItems.UnitAmount); $to";
		List<Completion> variables = Expressions.complete(text, text.length(), TREE);
		assertEquals("$total", variables.get(0).replacement());
		assertEquals("variable of this expression", variables.get(0).detail());
		assertEquals("$toMillis(", variables.get(1).replacement());
	}

	@Test
	void completionOfNestedArraysFromSamples() {
		List<FieldNode> tree = FieldTrees.fromSamples(jsons("{\"a\":{\"b\":[{\"c\":{\"d\":1}}]}}"), null);
		assertEquals(List.of("d"), Expressions.complete("a.b[0].c.", 9, tree).stream().map(Completion::replacement)
				.toList());
	}
}
