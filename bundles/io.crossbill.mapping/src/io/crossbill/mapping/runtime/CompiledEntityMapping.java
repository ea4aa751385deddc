package io.crossbill.mapping.runtime;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.mapping.runtime.MappingProblem.Kind;

/** One entity mapping ready to run: its rules in the order that lets array fills see their elements. */
final class CompiledEntityMapping {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final String label;
	private final SourcePath arrayPath;
	private final String typeField;
	private final String targetEntity;
	private final CompiledRule[] rules;

	/**
	 * @param typeField the member naming the target's type in each output record, or {@code null}
	 */
	CompiledEntityMapping(String label, SourcePath arrayPath, String typeField, String targetEntity,
			List<CompiledRule> rules) {
		this.label = label;
		this.arrayPath = arrayPath;
		this.typeField = typeField;
		this.targetEntity = targetEntity;
		// rules that fill fields of existing array elements run after the rules that create them
		this.rules = rules.stream().sorted((a, b) -> Boolean.compare(a.fillsExistingElements(), b.fillsExistingElements()))
				.toArray(CompiledRule[]::new);
	}

	String label() {
		return label;
	}

	void map(JsonNode source, MappingRun run, List<ObjectNode> out) {
		if (arrayPath == null) {
			mapOne(source, run, out);
		} else {
			arrayPath.read(source, (element, indexes) -> mapOne(element, run, out));
		}
	}

	private void mapOne(JsonNode record, MappingRun run, List<ObjectNode> out) {
		run.begin(label, record);
		if (!record.isObject()) {
			run.problem(null, Kind.INVALID_INPUT, "expected a JSON object but found " + Conversions.describe(record));
			return;
		}
		ObjectNode output = NODES.objectNode();
		if (typeField != null) {
			output.put(typeField, targetEntity);
		}
		for (CompiledRule rule : rules) {
			rule.apply(record, output, run);
		}
		out.add(output);
	}
}
