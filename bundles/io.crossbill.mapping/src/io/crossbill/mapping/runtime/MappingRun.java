package io.crossbill.mapping.runtime;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.runtime.MappingProblem.Kind;

/** The state of mapping one source record: where problems go and what expressions see. */
final class MappingRun {

	private final String design;
	private final CrossReferenceLookup lookup;
	/** Allocated on the first problem: most records have none. */
	private List<MappingProblem> problems;
	private String entity;
	private JsonNode record;
	private Object recordAsJava;

	MappingRun(String design, CrossReferenceLookup lookup) {
		this.design = design;
		this.lookup = lookup;
	}

	/** Starts a record (one source record, or one element of an entity mapping's array). */
	void begin(String entityLabel, JsonNode source) {
		this.entity = entityLabel;
		this.record = source;
		this.recordAsJava = null;
	}

	CrossReferenceLookup lookup() {
		return lookup;
	}

	/** The record converted for JSONata once, however many expression rules read it. */
	Object recordAsJava() {
		if (recordAsJava == null) {
			recordAsJava = JsonataValues.toJava(record);
		}
		return recordAsJava;
	}

	void problem(CompiledRule rule, Kind kind, String detail) {
		if (problems == null) {
			problems = new ArrayList<>(2);
		}
		problems.add(new MappingProblem(design, entity, rule == null ? null : rule.field(),
				rule == null ? null : rule.label(), kind, detail));
	}

	MappingFailure failure(CompiledRule rule, Kind kind, String detail, Throwable cause) {
		return new MappingFailure(new MappingProblem(design, entity, rule.field(), rule.label(), kind, detail), cause);
	}

	List<MappingProblem> problems() {
		return problems == null ? List.of() : problems;
	}
}
