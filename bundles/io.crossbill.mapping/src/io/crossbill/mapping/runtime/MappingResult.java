package io.crossbill.mapping.runtime;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What mapping one source record produced: the output records (one, or one per element of the entity
 * mapping's array path) and the problems found on the way. A result with problems still carries the
 * output as far as it got, so the design preview can show both.
 */
public record MappingResult(List<ObjectNode> records, List<MappingProblem> problems) {

	public MappingResult {
		records = List.copyOf(records);
		problems = List.copyOf(problems);
	}

	/** True when no rule reported a problem. */
	public boolean isClean() {
		return problems.isEmpty();
	}

	/** The single output record; for designs that map one source record to one target record. */
	public ObjectNode output() {
		if (records.size() != 1) {
			throw new IllegalStateException("the mapping produced " + records.size() + " records, not one");
		}
		return records.get(0);
	}

	/** This result when it is clean, otherwise a {@link MappingFailure} carrying every problem. */
	public MappingResult orThrow() {
		if (!problems.isEmpty()) {
			throw new MappingFailure(problems);
		}
		return this;
	}
}
