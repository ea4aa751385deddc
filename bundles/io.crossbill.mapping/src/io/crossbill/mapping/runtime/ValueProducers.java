package io.crossbill.mapping.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.ValueMapEntry;
import io.crossbill.mapping.runtime.MappingProblem.Kind;

/** The {@link ValueProducer} of each rule kind. Only {@link #expression} touches JSONata. */
final class ValueProducers {

	private ValueProducers() {
	}

	static ValueProducer copy() {
		return (value, run, rule) -> value;
	}

	static ValueProducer constant(JsonNode constant) {
		return (value, run, rule) -> constant;
	}

	static ValueProducer valueMap(FieldRule source) {
		Map<String, JsonNode> entries = new HashMap<>();
		for (ValueMapEntry entry : source.getValueMap()) {
			if (entry.getFrom() == null) {
				throw new IllegalArgumentException("a value map entry has no 'from' value");
			}
			entries.put(Literals.key(Literals.parse(entry.getFrom())), Literals.parse(entry.getTo()));
		}
		JsonNode unmatched = Literals.parse(source.getUnmatchedValue());
		String known = source.getValueMap().stream().map(ValueMapEntry::getFrom).limit(10)
				.collect(Collectors.joining(", "));
		return (value, run, rule) -> {
			if (Literals.isAbsent(value)) {
				return value;
			}
			JsonNode mapped = entries.get(Literals.key(value));
			if (mapped != null) {
				return mapped;
			}
			if (unmatched != null) {
				return unmatched;
			}
			run.problem(rule, Kind.UNMATCHED_VALUE, "the value " + Conversions.describe(value)
					+ " has no entry in the value map (it maps: " + known + ")");
			return null;
		};
	}

	static ValueProducer lookup(String system, String entity) {
		return (value, run, rule) -> {
			if (Literals.isAbsent(value)) {
				return value;
			}
			String id = run.lookup().canonicalId(system, entity, value.asText());
			if (id == null) {
				run.problem(rule, Kind.REFERENCE_NOT_FOUND, "no " + system + " " + entity + " with id "
						+ Conversions.describe(value) + " is known to Crossbill yet (no cross-reference)");
				return null;
			}
			return TextNode.valueOf(id);
		};
	}

	/** Evaluates against the whole record when the rule has no source path, else against each value. */
	static ValueProducer expression(CompiledExpression expression, boolean wholeRecord) {
		return (value, run, rule) -> {
			Object input;
			if (wholeRecord) {
				input = run.recordAsJava();
			} else if (Literals.isAbsent(value)) {
				return MissingNode.getInstance();
			} else {
				input = JsonataValues.toJava(value);
			}
			try {
				return expression.evaluate(input);
			} catch (CompiledExpression.ExpressionException e) {
				throw run.failure(rule, Kind.EXPRESSION_FAILED, e.getMessage(), e.getCause());
			}
		};
	}
}
