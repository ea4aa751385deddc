package io.crossbill.mapping.design;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.emf.ecore.util.EcoreUtil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.mapping.Direction;
import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.MappingFactory;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.Transform;
import io.crossbill.mapping.ValueMapEntry;
import io.crossbill.mapping.runtime.MappingCompiler;
import io.crossbill.mapping.runtime.MappingDesignFile;
import io.crossbill.mapping.runtime.Literals;

/**
 * How fast the mapping editor's services are on a big design: a synthetic design of 500 field rules (COPY with
 * and without conversions, CONSTANT, 50 VALUE_MAPs, 50 EXPRESSIONs) over records of 500 fields, and the shipped
 * {@code hubspot-deal-to-project} for the preview target (1,000 samples in under 200 ms). Each figure is the
 * median of 5 runs after warm-up, wall time and this thread's CPU time (on a shared machine the CPU time is the
 * cost; the wall time adds the wait for a core). Run it as a plain main with the bundle and its libraries on the
 * class path; it prints one line per figure.
 */
public final class DesignEditorBenchmark {

	private static final int RULES = 500;
	private static final int GROUPS = 10;
	private static final int SAMPLES = 1000;
	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private DesignEditorBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		MappingDesign design = syntheticDesign();
		MappingDesign changed = EcoreUtil.copy(design);
		changeEveryTenthRule(changed);
		List<JsonNode> samples = syntheticSamples();
		MappingDesign deals = MappingDesignFile.loadShipped("hubspot-deal-to-project");
		List<JsonNode> dealSamples = dealSamples(deals);
		System.out.println("Design editor benchmark: " + RULES + " rules (50 expressions, 50 value maps), " + SAMPLES
				+ " samples of " + RULES + " fields; median of 5 after warm-up");
		time("open (XMI write + read) of the 500-rule design", () -> reopen(design));
		time("DesignChecker.check of the 500-rule design", () -> DesignChecker.check(design));
		time("compileUncached of the 500-rule design", () -> new MappingCompiler().compileUncached(design));
		time("preview of 1,000 samples, 500-rule design", () -> DesignPreview.run(design, null, samples));
		time("preview of 1,000 deals, hubspot-deal-to-project", () -> DesignPreview.run(deals, null, dealSamples));
		time("FieldTrees.fromSamples over 1,000 samples of 500 fields", () -> FieldTrees.fromSamples(samples, null));
		time("DesignDiff between two 500-rule versions (" + DesignDiff.between(design, changed).size() + " changes)",
				() -> DesignDiff.between(design, changed));
		DesignPreview.Result result = DesignPreview.run(deals, null, dealSamples);
		System.out.println("  (deal preview: " + result.rows().size() + " rows, " + result.rowsWithProblems()
				+ " with problems; synthetic preview: " + DesignPreview.run(design, null, samples).rowsWithProblems()
				+ " with problems)");
	}

	private static void time(String what, Supplier<Object> work) {
		for (int warm = 0; warm < 3; warm++) {
			work.get();
		}
		long[] wall = new long[5];
		long[] cpu = new long[5];
		for (int run = 0; run < 5; run++) {
			long startCpu = THREADS.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			work.get();
			wall[run] = System.nanoTime() - start;
			cpu[run] = THREADS.getCurrentThreadCpuTime() - startCpu;
		}
		Arrays.sort(wall);
		Arrays.sort(cpu);
		System.out.printf("%-70s %8.1f ms wall %8.1f ms cpu%n", what, wall[2] / 1e6, cpu[2] / 1e6);
	}

	private static MappingDesign reopen(MappingDesign design) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			MappingDesignFile.write(EcoreUtil.copy(design), out);
			return MappingDesignFile.read(new ByteArrayInputStream(out.toByteArray()), "benchmark.xmi");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The benchmark's design: 500 rules of every kind (expressions, value maps, constants, transforms). */
	public static MappingDesign syntheticDesign() {
		MappingFactory factory = MappingFactory.eINSTANCE;
		MappingDesign design = factory.createMappingDesign();
		design.setName("benchmark");
		design.setSystem("bench");
		design.setDirection(Direction.OUTBOUND);
		EntityMapping entity = factory.createEntityMapping();
		entity.setSourceEntity("record");
		entity.setTargetEntity("Thing");
		design.getEntityMappings().add(entity);
		for (int i = 0; i < RULES; i++) {
			FieldRule rule = factory.createFieldRule();
			rule.setTargetPath("section" + i / 100 + "/field" + i);
			String source = "group" + i % GROUPS + ".f" + i;
			switch (i % 10) {
			case 0 -> {
				rule.setKind(RuleKind.EXPRESSION);
				rule.setExpression(i % 20 == 0 ? "$round($number(group" + i % GROUPS + ".n" + i + ") * 1.15, 2)"
						: "$uppercase(" + source + ") & \"-\" & $string(group" + (i + 1) % GROUPS + ".n" + (i + 1) + ")");
			}
			case 1 -> {
				rule.setKind(RuleKind.VALUE_MAP);
				rule.setSourcePath(source);
				rule.setUnmatchedValue("OTHER");
				for (int e = 0; e < 5; e++) {
					ValueMapEntry entry = factory.createValueMapEntry();
					entry.setFrom("v" + e);
					entry.setTo("V" + e);
					rule.getValueMap().add(entry);
				}
			}
			case 2 -> {
				rule.setKind(RuleKind.CONSTANT);
				rule.setValue("constant-" + i);
			}
			case 3 -> {
				rule.setSourcePath(source);
				rule.getTransforms().add(Transform.TRIM);
				rule.getTransforms().add(Transform.UPPER);
			}
			case 4 -> {
				rule.setSourcePath("group" + i % GROUPS + ".n" + i);
				rule.getTransforms().add(Transform.TO_DECIMAL);
				rule.setScale(2);
			}
			default -> rule.setSourcePath(source);
			}
			entity.getRules().add(rule);
		}
		return design;
	}

	private static void changeEveryTenthRule(MappingDesign design) {
		List<FieldRule> rules = design.getEntityMappings().get(0).getRules();
		for (int i = 3; i < RULES; i += 10) {
			FieldRule rule = rules.get(i);
			rule.getTransforms().remove(Transform.TRIM);
			rule.setRequired(true);
		}
		for (int i = 0; i < RULES; i += 50) {
			rules.get(i).setExpression(rules.get(i).getExpression().replace(", 2)", ", 1)"));
		}
	}

	/** Records with 10 groups of text (f) and numeric-text (n) fields, one pair per rule. */
	static List<JsonNode> syntheticSamples() {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		List<JsonNode> samples = new ArrayList<>(SAMPLES);
		for (int s = 0; s < SAMPLES; s++) {
			ObjectNode record = nodes.objectNode();
			for (int i = 0; i < RULES; i++) {
				ObjectNode group = record.withObjectProperty("group" + i % GROUPS);
				group.put("f" + i, i % 10 == 1 ? "v" + (s + i) % 7 : " text " + s + " ");
				if (i % 10 == 0 || i % 10 == 4 || i % 10 == 1) {
					group.put("n" + i, String.valueOf(s * 1.5 + i));
				}
			}
			samples.add(record);
		}
		return samples;
	}

	private static List<JsonNode> dealSamples(MappingDesign deals) throws IOException {
		JsonNode template = Literals.JSON.readTree(deals.getTestCases().get(0).getSampleJson());
		String[] stages = { "closedwon", "closedlost", "contractsent" };
		List<JsonNode> samples = new ArrayList<>(SAMPLES);
		for (int i = 0; i < SAMPLES; i++) {
			ObjectNode deal = template.deepCopy();
			deal.put("id", String.valueOf(10261005098L + i));
			ObjectNode properties = (ObjectNode) deal.get("properties");
			properties.put("amount", String.valueOf(1000 + i));
			properties.put("dealstage", stages[i % 3]);
			properties.put("closedate", String.format("2026-%02d-%02dT15:00:00.000Z", 1 + i % 12, 1 + i % 28));
			samples.add(deal);
		}
		return samples;
	}
}
