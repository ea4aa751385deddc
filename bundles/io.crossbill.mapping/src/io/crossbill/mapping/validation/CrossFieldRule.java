package io.crossbill.mapping.validation;

import java.util.List;

import org.eclipse.emf.ecore.EClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A check over several fields of a record, or over records of a batch, run after the record passed its
 * field checks. Implementations that keep state across records say so and must be thread-safe.
 */
@FunctionalInterface
public interface CrossFieldRule {

	/**
	 * @param type     the record's canonical class
	 * @param record   the record, already known to have well-typed fields
	 * @param problems where to add what is wrong
	 */
	void check(EClass type, JsonNode record, List<ValidationProblem> problems);
}
