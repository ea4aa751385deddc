package io.crossbill.mapping.runtime;

import static io.crossbill.mapping.runtime.TimeEntryMappingTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.runtime.MappingProblem.Kind;

class ExpressionRuleTest {

	private final MappingCompiler compiler = new MappingCompiler(CrossReferenceLookup.NONE,
			new ExpressionBounds(Duration.ofMillis(500), 200));

	/** The time entry design with hours computed by an expression instead of COPY + transform. */
	private static MappingDesign withHoursExpression(String expression) {
		MappingDesign design = XeroDesigns.timeEntries(3);
		design.getEntityMappings().get(0).getRules().removeIf(r -> r.getTargetPath().equals("hours")
				|| r.getKind() == RuleKind.LOOKUP);
		FieldRule hours = XeroDesigns.rule(design.getEntityMappings().get(0), "hours", RuleKind.EXPRESSION, null);
		hours.setExpression(expression);
		return design;
	}

	@Test
	void expressionComputesHours() throws IOException {
		MappingResult result = compiler.compile(withHoursExpression("$round(duration/60, 2)"))
				.map(json(XeroDesigns.TIME_ENTRY));
		assertTrue(result.isClean(), result.problems().toString());
		assertEquals(new BigDecimal("3.25"), result.output().get("hours").decimalValue());
	}

	@Test
	void throwingExpressionFailsNamingDesignFieldAndRule() throws IOException {
		CompiledMapping mapping = compiler.compile(withHoursExpression("$error(\"no rate for task \" & taskId)"));
		MappingFailure failure = assertThrows(MappingFailure.class, () -> mapping.map(json(XeroDesigns.TIME_ENTRY)));
		assertEquals(Kind.EXPRESSION_FAILED, failure.kind());
		assertEquals("Design \"xero-time-entries\" v3, mapping timeEntry -> TimeEntry, field hours"
				+ " (expression \"$error(\"no rate for task \" & taskId)\"): the expression failed: no rate for task t-3",
				failure.getMessage());
	}

	@Test
	void loopingExpressionIsStoppedInBoundedTime() throws IOException {
		// tail recursion: JSONata turns it into a loop, so only the time bound can stop it
		CompiledMapping mapping = compiler
				.compile(withHoursExpression("($loop := function($i){ $loop($i + 1) }; $loop(0))"));
		MappingFailure failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> assertThrows(MappingFailure.class, () -> mapping.map(json(XeroDesigns.TIME_ENTRY))));
		assertTrue(failure.getMessage().startsWith("Design \"xero-time-entries\" v3, mapping timeEntry -> TimeEntry,"
				+ " field hours (expression \"($loop"), failure.getMessage());
		assertTrue(failure.getMessage().contains("ran longer than 500 ms"), failure.getMessage());
	}

	@Test
	void deeplyRecursiveExpressionIsStoppedByDepth() throws IOException {
		CompiledMapping mapping = compiler
				.compile(withHoursExpression("($f := function($n){ 1 + $f($n + 1) }; $f(0))"));
		MappingFailure failure = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> assertThrows(MappingFailure.class, () -> mapping.map(json(XeroDesigns.TIME_ENTRY))));
		assertTrue(failure.getMessage().contains("field hours"), failure.getMessage());
		assertTrue(failure.getMessage().contains("nested deeper than 200 steps"), failure.getMessage());
	}

	@Test
	void engineKeepsMappingAfterAFailedExpression() throws IOException {
		CompiledMapping broken = compiler.compile(withHoursExpression("$error(\"boom\")"));
		assertThrows(MappingFailure.class, () -> broken.map(json(XeroDesigns.TIME_ENTRY)));
		MappingDesign fixed = withHoursExpression("duration / 60");
		fixed.setVersion(4);
		assertEquals(0, new BigDecimal("3.25").compareTo(
				compiler.compile(fixed).map(json(XeroDesigns.TIME_ENTRY)).output().get("hours").decimalValue()));
	}

	@Test
	void expressionThatDoesNotParseIsReportedWhenCompiling() {
		MappingFailure failure = assertThrows(MappingFailure.class,
				() -> compiler.compile(withHoursExpression("duration +")));
		assertEquals(Kind.INVALID_DESIGN, failure.kind());
		assertTrue(failure.getMessage().contains("field hours"), failure.getMessage());
		assertTrue(failure.getMessage().contains("the expression does not parse"), failure.getMessage());
	}

	@Test
	void expressionOnEachArrayElementSeesTheElement() throws IOException {
		MappingDesign design = XeroDesigns.design("lines", 1, io.crossbill.mapping.Direction.OUTBOUND);
		FieldRule rule = XeroDesigns.rule(XeroDesigns.entity(design, "invoice", "xeroInvoice"), "LineItems[]/Amount",
				RuleKind.EXPRESSION, "lines[*]");
		rule.setExpression("quantity * unitAmount");
		var out = compiler.compile(design)
				.map(json("{\"lines\":[{\"quantity\":2,\"unitAmount\":10.5},{\"quantity\":3,\"unitAmount\":1}]}")).output();
		assertEquals("[{\"Amount\":21},{\"Amount\":3}]", out.get("LineItems").toString());
	}
}
