package io.crossbill.mapping.design;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.mapping.Direction;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.runtime.CompiledMapping;
import io.crossbill.mapping.runtime.CrossReferenceLookup;
import io.crossbill.mapping.runtime.ExpressionBounds;
import io.crossbill.mapping.runtime.MappingCompiler;
import io.crossbill.mapping.runtime.MappingFailure;
import io.crossbill.mapping.runtime.MappingProblem;
import io.crossbill.mapping.runtime.MappingResult;
import io.crossbill.mapping.validation.CanonicalValidator;
import io.crossbill.mapping.validation.ValidationProblem;

/**
 * Runs a design as it is in memory (unsaved edits included) over sample records, writing nowhere: the design
 * is compiled uncached (the compile cache keeps published versions only), each sample is mapped on its own,
 * and INBOUND outputs are checked by one {@link CanonicalValidator} for the whole run (so the batch rules, such
 * as 24 hours per person per day, see the samples as one batch).
 */
public final class DesignPreview {

	private DesignPreview() {
	}

	/**
	 * One sample's outcome.
	 *
	 * @param index    the sample's position
	 * @param source   the sample
	 * @param outputs  the records it mapped to (none when it failed)
	 * @param problems mapping problems and, for INBOUND designs, canonical validation problems, in words
	 */
	public record Row(int index, JsonNode source, List<JsonNode> outputs, List<String> problems) {

		public Row {
			outputs = List.copyOf(outputs);
			problems = List.copyOf(problems);
		}
	}

	/**
	 * The preview of all samples.
	 *
	 * @param rows               one per sample
	 * @param rowsWithProblems   how many rows have at least one problem
	 * @param compileProblem     why the design does not compile (then every row carries it), or empty
	 * @param nanos              the time the compile and the run took
	 */
	public record Result(List<Row> rows, int rowsWithProblems, String compileProblem, long nanos) {

		public Result {
			rows = List.copyOf(rows);
		}
	}

	/**
	 * Compiles a private, uncached copy of the design and maps every sample through the entity mapping whose
	 * source entity is {@code sourceEntity} (or the design's only one when null). Never throws for a bad design
	 * or a bad sample: they become problems. LOOKUP rules find no cross-reference here (see the overload).
	 */
	public static Result run(MappingDesign design, String sourceEntity, List<JsonNode> samples) {
		return run(design, sourceEntity, samples, CrossReferenceLookup.NONE);
	}

	/** As {@link #run(MappingDesign, String, List)}, with LOOKUP rules answered by {@code lookup} (read only). */
	public static Result run(MappingDesign design, String sourceEntity, List<JsonNode> samples,
			CrossReferenceLookup lookup) {
		long start = System.nanoTime();
		List<JsonNode> records = samples == null ? List.of() : samples;
		CompiledMapping mapping = null;
		String compileProblem = "";
		try {
			mapping = new MappingCompiler(lookup, ExpressionBounds.DEFAULT).compileUncached(design);
			if (sourceEntity == null && mapping.sourceEntities().size() != 1) {
				compileProblem = mapping.sourceEntities().isEmpty() ? "The design maps nothing yet: add an entity mapping."
						: "The design maps " + mapping.sourceEntities() + ": pick which source entity the samples are.";
			} else if (sourceEntity != null && !mapping.sourceEntities().contains(sourceEntity)) {
				compileProblem = "The design has no mapping for source entity \"" + sourceEntity + "\" (it maps "
						+ mapping.sourceEntities() + ").";
			}
		} catch (MappingFailure failure) {
			compileProblem = failure.problems().isEmpty() ? failure.getMessage() : describe(failure.problems().get(0));
		} catch (RuntimeException | StackOverflowError e) {
			compileProblem = "The design cannot run: " + e;
		}
		List<Row> rows = new ArrayList<>(records.size());
		int withProblems = 0;
		if (!compileProblem.isEmpty()) {
			for (int i = 0; i < records.size(); i++) {
				rows.add(new Row(i, source(records.get(i)), List.of(), List.of(compileProblem)));
			}
			return new Result(rows, records.size(), compileProblem, System.nanoTime() - start);
		}
		CanonicalValidator validator = design.getDirection() == Direction.INBOUND ? CanonicalValidator.forBatch() : null;
		for (int i = 0; i < records.size(); i++) {
			Row row = row(mapping, sourceEntity, i, source(records.get(i)), validator);
			withProblems += row.problems().isEmpty() ? 0 : 1;
			rows.add(row);
		}
		return new Result(rows, withProblems, "", System.nanoTime() - start);
	}

	private static Row row(CompiledMapping mapping, String sourceEntity, int index, JsonNode sample,
			CanonicalValidator validator) {
		List<String> problems = new ArrayList<>(0);
		MappingResult result;
		try {
			result = sourceEntity == null ? mapping.map(sample) : mapping.map(sourceEntity, sample);
		} catch (MappingFailure failure) {
			for (MappingProblem problem : failure.problems()) {
				problems.add(describe(problem));
			}
			return new Row(index, sample, List.of(), problems);
		} catch (RuntimeException | StackOverflowError e) {
			return new Row(index, sample, List.of(), List.of("The sample could not be mapped: " + e));
		}
		for (MappingProblem problem : result.problems()) {
			problems.add(describe(problem));
		}
		List<ObjectNode> outputs = result.records();
		if (validator != null) {
			for (int r = 0; r < outputs.size(); r++) {
				String where = outputs.size() > 1 ? "record " + (r + 1) + ", " : "";
				try {
					for (ValidationProblem problem : validator.validate(outputs.get(r))) {
						problems.add(where + (problem.field() == null ? "" : problem.field() + ": ") + problem.message());
					}
				} catch (RuntimeException e) {
					problems.add(where + "the output could not be validated: " + e);
				}
			}
		}
		return new Row(index, sample, new ArrayList<>(outputs), problems);
	}

	/** A mapping problem without the design's name (the preview is inside the design). */
	private static String describe(MappingProblem problem) {
		return Expressions.describe(problem);
	}

	private static JsonNode source(JsonNode sample) {
		return sample == null ? NullNode.getInstance() : sample;
	}
}
