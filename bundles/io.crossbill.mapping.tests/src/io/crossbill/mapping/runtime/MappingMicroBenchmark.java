package io.crossbill.mapping.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.RuleKind;

/**
 * A quick measurement, not a test: the cost per record of mapping 1,000 Xero time entries with the
 * expression-free design (COPY, transforms, value map, lookup, constant) against the same design with
 * hours computed by one JSONata expression. Prints the median of several rounds after warm-up.
 * <p>
 * Run: {@code java -cp <tests>:<bundle>:<model>:<emf, jackson, jsonata jars> io.crossbill.mapping.runtime.MappingMicroBenchmark}
 */
public final class MappingMicroBenchmark {

	private static final int RECORDS = 1_000;
	private static final int ROUNDS = 30;

	private MappingMicroBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		List<JsonNode> records = new ArrayList<>(RECORDS);
		for (int i = 0; i < RECORDS; i++) {
			records.add(Literals.JSON.readTree(XeroDesigns.TIME_ENTRY.replace("te-1", "te-" + i)
					.replace("195", Integer.toString(15 + i % 600))));
		}
		MappingCompiler compiler = new MappingCompiler((system, entity, id) -> "PRJ-" + id, ExpressionBounds.DEFAULT);
		CompiledMapping simple = compiler.compile(XeroDesigns.timeEntries(1));
		MappingDesign withExpression = XeroDesigns.timeEntries(2);
		withExpression.getEntityMappings().get(0).getRules().removeIf(r -> r.getTargetPath().equals("hours"));
		FieldRule hours = XeroDesigns.rule(withExpression.getEntityMappings().get(0), "hours", RuleKind.EXPRESSION, null);
		hours.setExpression("$round(duration/60, 2)");
		CompiledMapping expression = compiler.compile(withExpression);

		warmUp(simple, records);
		warmUp(expression, records);
		// rounds alternate so both designs see the same machine load
		double[] simpleRounds = new double[ROUNDS];
		double[] expressionRounds = new double[ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			simpleRounds[round] = perRecord(simple, records);
			expressionRounds[round] = perRecord(expression, records);
		}
		double simpleNanos = median(simpleRounds);
		double expressionNanos = median(expressionRounds);
		System.out.printf("mapping %,d records, median of %d rounds after warm-up (%s, %d cores)%n", RECORDS, ROUNDS,
				Runtime.version(), Runtime.getRuntime().availableProcessors());
		System.out.printf("  COPY + transforms (10 rules, no expression): %,8.0f ns/record (%,.0f records/s)%n",
				simpleNanos, 1e9 / simpleNanos);
		System.out.printf("  same with hours by one EXPRESSION rule:      %,8.0f ns/record (%,.0f records/s)%n",
				expressionNanos, 1e9 / expressionNanos);
		System.out.printf("  the one expression rule alone: about %,.0f ns/record%n", expressionNanos - simpleNanos);
	}

	private static void warmUp(CompiledMapping mapping, List<JsonNode> records) {
		for (int round = 0; round < 30; round++) {
			perRecord(mapping, records);
		}
	}

	private static double perRecord(CompiledMapping mapping, List<JsonNode> records) {
		long start = System.nanoTime();
		int fields = 0;
		for (JsonNode record : records) {
			fields += mapping.map(record).output().size();
		}
		if (fields != records.size() * 10) {
			throw new IllegalStateException("the mapping lost fields: " + fields);
		}
		return (System.nanoTime() - start) / (double) records.size();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}
}
