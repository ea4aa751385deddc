package io.crossbill.mapping.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.Transform;

/** Rules and their conversions in the words the diff's sentences use. */
final class RuleWords {

	private RuleWords() {
	}

	/** The rule in a few words, e.g. {@code copy of "properties.amount", converts to a decimal}. */
	static String describe(FieldRule rule) {
		String text = switch (rule.getKind()) {
		case COPY -> "copy of \"" + rule.getSourcePath() + "\"";
		case CONSTANT -> "the constant " + Literal.shorten(rule.getValue(), 40);
		case EXPRESSION -> "expression \"" + Literal.shorten(rule.getExpression(), 60) + "\""
				+ (rule.getSourcePath() == null ? "" : " on \"" + rule.getSourcePath() + "\"");
		case VALUE_MAP -> "value map of \"" + rule.getSourcePath() + "\" (" + rule.getValueMap().size()
				+ (rule.getValueMap().size() == 1 ? " entry)" : " entries)");
		case LOOKUP -> "lookup of \"" + rule.getSourcePath() + "\" as " + lookupTarget(rule);
		};
		List<String> steps = new ArrayList<>();
		for (Transform transform : rule.getTransforms()) {
			steps.add(transform == Transform.ROUND ? "rounds to " + decimals(Math.max(rule.getScale(), 0))
					: verb(transform));
		}
		Integer rounding = rounding(rule);
		if (rounding != null && !rule.getTransforms().contains(Transform.ROUND)) {
			steps.add("to " + decimals(rounding));
		}
		return steps.isEmpty() ? text : text + ", then " + String.join(", ", steps);
	}

	static String kindName(FieldRule rule) {
		return switch (rule.getKind()) {
		case COPY -> "a copy";
		case CONSTANT -> "a constant";
		case EXPRESSION -> "an expression";
		case VALUE_MAP -> "a value map";
		case LOOKUP -> "a lookup";
		};
	}

	static String lookupTarget(FieldRule rule) {
		return (rule.getLookupSystem() == null ? "" : rule.getLookupSystem() + " ") + rule.getLookupEntity();
	}

	/** What a conversion does, as a verb: "trims", "converts minutes to hours". */
	static String verb(Transform transform) {
		return switch (transform) {
		case TRIM -> "trims";
		case UPPER -> "upper-cases";
		case LOWER -> "lower-cases";
		case TO_STRING -> "converts to text";
		case TO_DECIMAL -> "converts to a decimal";
		case TO_INTEGER -> "converts to a whole number";
		case TO_BOOLEAN -> "converts to true or false";
		case TO_DATE -> "converts to a date";
		case MINUTES_TO_HOURS -> "converts minutes to hours";
		case SECONDS_TO_HOURS -> "converts seconds to hours";
		case HOURS_TO_MINUTES -> "converts hours to minutes";
		case ROUND -> "rounds";
		};
	}

	/** The decimal places the rule's value is rounded to, or {@code null} when it is not rounded. */
	static Integer rounding(FieldRule rule) {
		List<Transform> transforms = rule.getTransforms();
		if (transforms.contains(Transform.ROUND)) {
			return Math.max(rule.getScale(), 0);
		}
		boolean numeric = transforms.contains(Transform.TO_DECIMAL) || transforms.contains(Transform.MINUTES_TO_HOURS)
				|| transforms.contains(Transform.SECONDS_TO_HOURS) || transforms.contains(Transform.HOURS_TO_MINUTES);
		return numeric && rule.getScale() >= 0 ? rule.getScale() : null;
	}

	static String decimals(int places) {
		return places == 0 ? "whole numbers" : places == 1 ? "1 decimal" : places + " decimals";
	}

	static String transformList(List<Transform> transforms) {
		if (transforms.isEmpty()) {
			return "none";
		}
		List<String> words = new ArrayList<>();
		for (Transform transform : transforms) {
			words.add(transform.getLiteral().toLowerCase(Locale.ROOT).replace('_', ' '));
		}
		return String.join(", ", words);
	}
}
