package io.crossbill.mapping.runtime;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.Transform;
import io.crossbill.mapping.runtime.MappingProblem.Kind;

/**
 * One field rule ready to run: paths parsed, value map hashed, expression parsed, literals read. Applying
 * it reads the source value(s), produces the value by kind, falls back to the default, applies the
 * transforms and writes the target; a required field left without a value is reported.
 */
final class CompiledRule {

	private final String field;
	private final String label;
	private final SourcePath source;
	private final TargetPath target;
	private final ValueProducer producer;
	private final Transform[] transforms;
	private final int scale;
	private final JsonNode defaultValue;
	private final boolean required;

	private CompiledRule(FieldRule rule, String label, SourcePath source, TargetPath target, ValueProducer producer) {
		this.field = rule.getTargetPath();
		this.label = label;
		this.source = source;
		this.target = target;
		this.producer = producer;
		this.transforms = rule.getTransforms().toArray(Transform[]::new);
		this.scale = rule.getScale();
		this.defaultValue = Literals.parse(rule.getDefaultValue());
		this.required = rule.isRequired();
	}

	/**
	 * @param system the design's system, for lookups that name none
	 * @throws IllegalArgumentException saying what in the rule cannot run
	 */
	static CompiledRule compile(FieldRule rule, String system, ExpressionBounds bounds) {
		if (rule.getTargetPath() == null || rule.getTargetPath().isBlank()) {
			throw new IllegalArgumentException("a rule has no target field");
		}
		TargetPath target = TargetPath.parse(rule.getTargetPath());
		SourcePath source = rule.getSourcePath() == null || rule.getSourcePath().isBlank() ? null
				: SourcePath.parse(rule.getSourcePath());
		RuleKind kind = rule.getKind();
		if (source == null && (kind == RuleKind.COPY || kind == RuleKind.VALUE_MAP || kind == RuleKind.LOOKUP)) {
			throw new IllegalArgumentException("a " + kindName(kind) + " rule needs a source path");
		}
		int sourceArrays = source == null ? 0 : source.wildcards();
		if (sourceArrays > 0 && target.arrays() > 0 && sourceArrays != target.arrays()) {
			throw new IllegalArgumentException("the source path has " + sourceArrays
					+ " [*] but the target path has " + target.arrays() + " []; they must pair up");
		}
		ValueProducer producer = switch (kind) {
		case COPY -> ValueProducers.copy();
		case CONSTANT -> ValueProducers.constant(Literals.parse(rule.getValue() == null ? "null" : rule.getValue()));
		case VALUE_MAP -> ValueProducers.valueMap(rule);
		case LOOKUP -> {
			String lookupSystem = rule.getLookupSystem() != null ? rule.getLookupSystem() : system;
			if (lookupSystem == null || rule.getLookupEntity() == null) {
				throw new IllegalArgumentException("a lookup needs the system and entity whose ids it looks up");
			}
			yield ValueProducers.lookup(lookupSystem, rule.getLookupEntity());
		}
		case EXPRESSION -> {
			if (rule.getExpression() == null || rule.getExpression().isBlank()) {
				throw new IllegalArgumentException("the expression is empty");
			}
			yield ValueProducers.expression(new CompiledExpression(rule.getExpression(), bounds), source == null);
		}
		};
		return new CompiledRule(rule, describe(rule), source, target, producer);
	}

	String field() {
		return field;
	}

	/** The rule as the analyst sees it, e.g. {@code copy of "duration", then minutes to hours}. */
	String label() {
		return label;
	}

	/** A rule that fills a field of elements other rules created (no [*] in its source, [] in its target). */
	boolean fillsExistingElements() {
		return target.arrays() > 0 && (source == null || source.wildcards() == 0);
	}

	void apply(JsonNode record, ObjectNode out, MappingRun run) {
		if (source == null) {
			write(out, null, resolve(producer.produce(record, run, this), run));
		} else if (source.wildcards() == 0) {
			write(out, null, resolve(producer.produce(source.readOne(record), run, this), run));
		} else if (target.arrays() == 0) {
			collect(record, out, run);
		} else {
			int[] count = new int[1];
			source.read(record, (value, indexes) -> {
				count[0]++;
				write(out, indexes, resolve(producer.produce(value, run, this), run));
			});
			if (count[0] == 0 && required) {
				run.problem(this, Kind.REQUIRED_MISSING, "required, but the source has no elements at \"" + source + "\"");
			}
		}
	}

	/** A source with [*] into a plain field: the field becomes the list of values. */
	private void collect(JsonNode record, ObjectNode out, MappingRun run) {
		ArrayNode values = JsonNodeFactory.instance.arrayNode();
		source.read(record, (value, indexes) -> {
			JsonNode resolved = resolve(producer.produce(value, run, this), run);
			if (resolved != null) {
				values.add(resolved);
			}
		});
		if (values.isEmpty() && required) {
			run.problem(this, Kind.REQUIRED_MISSING, "required, but the source has no values at \"" + source + "\"");
		} else if (!values.isEmpty()) {
			target.write(out, null, values);
		}
	}

	/** The produced value after default and transforms; {@code null} when there is none to write. */
	private JsonNode resolve(JsonNode produced, MappingRun run) {
		if (produced == null) {
			return null; // the producer has reported why
		}
		JsonNode value = produced;
		if (Literals.isAbsent(value)) {
			value = defaultValue;
		} else {
			for (Transform transform : transforms) {
				try {
					value = Conversions.apply(transform, value, scale);
				} catch (Conversions.ConversionException e) {
					run.problem(this, Kind.TYPE_MISMATCH, e.getMessage());
					return null;
				}
			}
		}
		if (Literals.isAbsent(value)) {
			if (required) {
				run.problem(this, Kind.REQUIRED_MISSING, source == null ? "required, but the rule gave no value"
						: "required, but the record has no value at \"" + source + "\" and the rule has no default");
			}
			return null;
		}
		return value;
	}

	private void write(ObjectNode out, int[] indexes, JsonNode value) {
		if (value == null) {
			return;
		}
		if (indexes == null && target.arrays() > 0) {
			target.writeEverywhere(out, value);
		} else {
			target.write(out, indexes, value);
		}
	}

	private static String describe(FieldRule rule) {
		String text = switch (rule.getKind()) {
		case COPY -> "copy of \"" + rule.getSourcePath() + "\"";
		case CONSTANT -> "constant " + rule.getValue();
		case EXPRESSION -> "expression \"" + rule.getExpression() + "\""
				+ (rule.getSourcePath() == null ? "" : " on \"" + rule.getSourcePath() + "\"");
		case VALUE_MAP -> "value map of \"" + rule.getSourcePath() + "\"";
		case LOOKUP -> "lookup of \"" + rule.getSourcePath() + "\" as "
				+ (rule.getLookupSystem() == null ? "" : rule.getLookupSystem() + " ") + rule.getLookupEntity();
		};
		StringBuilder label = new StringBuilder(text);
		for (Transform transform : rule.getTransforms()) {
			label.append(", then ").append(Conversions.name(transform));
		}
		if (!rule.getTransforms().isEmpty() && rule.getScale() >= 0) {
			label.append(" to ").append(rule.getScale()).append(" places");
		}
		return label.toString();
	}

	private static String kindName(RuleKind kind) {
		return kind.getLiteral().toLowerCase(Locale.ROOT).replace('_', ' ');
	}
}
