package io.crossbill.mapping.design;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.Transform;
import io.crossbill.mapping.ValueMapEntry;
import io.crossbill.mapping.runtime.Literals;

/**
 * Field-level differences between two versions of a design, in sentences an analyst reads. Entity mappings are
 * matched by {@code source -> target}, rules by target path within them, value-map entries by their source
 * value, test cases by name. The version number itself is not a difference.
 */
public final class DesignDiff {

	private static final int SHOWN = 60;

	private DesignDiff() {
	}

	/**
	 * One difference.
	 *
	 * @param entityMapping the entity mapping's label ({@code source -> target}), or empty for the design
	 * @param targetPath    the rule's target path, or empty
	 * @param sentence      e.g. "amount now rounds to 2 decimals", "stage map gained 'closedwon' -> ACTIVE",
	 *                      "rule customerId removed", "test case 'Kauri deal' added"
	 */
	public record Change(String entityMapping, String targetPath, String sentence) {
	}

	/** What changed from {@code older} to {@code newer}; empty when they map the same way. */
	public static List<Change> between(MappingDesign older, MappingDesign newer) {
		List<Change> changes = new ArrayList<>();
		designChanges(older, newer, changes);
		Map<String, List<EntityMapping>> olderMappings = new LinkedHashMap<>();
		for (EntityMapping entity : older.getEntityMappings()) {
			olderMappings.computeIfAbsent(DesignChecker.label(entity), key -> new ArrayList<>()).add(entity);
		}
		for (EntityMapping entity : newer.getEntityMappings()) {
			String label = DesignChecker.label(entity);
			List<EntityMapping> candidates = olderMappings.get(label);
			if (candidates == null || candidates.isEmpty()) {
				changes.add(new Change(label, "", "entity mapping " + label + " added (" + rules(entity) + ")"));
			} else {
				entityChanges(label, candidates.remove(0), entity, changes);
			}
		}
		for (List<EntityMapping> removed : olderMappings.values()) {
			for (EntityMapping entity : removed) {
				String label = DesignChecker.label(entity);
				changes.add(new Change(label, "", "entity mapping " + label + " removed (it had " + rules(entity) + ")"));
			}
		}
		testCaseChanges(older, newer, changes);
		return changes;
	}

	private static void designChanges(MappingDesign older, MappingDesign newer, List<Change> changes) {
		if (!Objects.equals(older.getName(), newer.getName())) {
			changes.add(design("design renamed from '" + older.getName() + "' to '" + newer.getName() + "'"));
		}
		if (!Objects.equals(older.getSystem(), newer.getSystem())) {
			changes.add(design("system is now " + text(newer.getSystem()) + " (was " + text(older.getSystem()) + ")"));
		}
		if (older.getDirection() != newer.getDirection()) {
			changes.add(design("direction is now " + newer.getDirection() + " (was " + older.getDirection() + ")"));
		}
		if (!Objects.equals(older.getDescription(), newer.getDescription())) {
			changes.add(design("description changed: " + pair(older.getDescription(), newer.getDescription())));
		}
	}

	private static void entityChanges(String label, EntityMapping older, EntityMapping newer, List<Change> changes) {
		if (!Objects.equals(blankToNull(older.getArrayPath()), blankToNull(newer.getArrayPath()))) {
			changes.add(new Change(label, "", newer.getArrayPath() == null || newer.getArrayPath().isBlank()
					? "entity mapping now maps whole records (was each element of \"" + older.getArrayPath() + "\")"
					: "entity mapping now maps each element of \"" + newer.getArrayPath() + "\" (was "
							+ (older.getArrayPath() == null || older.getArrayPath().isBlank() ? "whole records"
									: "\"" + older.getArrayPath() + "\"")
							+ ")"));
		}
		Map<String, List<FieldRule>> olderRules = new LinkedHashMap<>();
		for (FieldRule rule : older.getRules()) {
			olderRules.computeIfAbsent(TargetSegments.normal(rule.getTargetPath()), key -> new ArrayList<>()).add(rule);
		}
		for (FieldRule rule : newer.getRules()) {
			String path = text(rule.getTargetPath());
			List<FieldRule> candidates = olderRules.get(TargetSegments.normal(rule.getTargetPath()));
			if (candidates == null || candidates.isEmpty()) {
				changes.add(new Change(label, path, "rule " + path + " added: " + RuleWords.describe(rule)));
			} else {
				ruleChanges(label, path, candidates.remove(0), rule, changes);
			}
		}
		for (List<FieldRule> removed : olderRules.values()) {
			for (FieldRule rule : removed) {
				String path = text(rule.getTargetPath());
				changes.add(new Change(label, path, "rule " + path + " removed (was " + RuleWords.describe(rule) + ")"));
			}
		}
	}

	private static void ruleChanges(String label, String path, FieldRule older, FieldRule newer, List<Change> changes) {
		if (older.getKind() != newer.getKind()) {
			say(changes, label, path, path + " is now " + RuleWords.describe(newer) + " (was " + RuleWords.kindName(older)
					+ ")");
		} else {
			if (!Objects.equals(blankToNull(older.getSourcePath()), blankToNull(newer.getSourcePath()))) {
				say(changes, label, path, path + " now reads " + source(newer.getSourcePath()) + " (was "
						+ source(older.getSourcePath()) + ")");
			}
			switch (newer.getKind()) {
			case EXPRESSION -> {
				if (!Objects.equals(older.getExpression(), newer.getExpression())) {
					say(changes, label, path, path + " expression changed: " + pair(older.getExpression(), newer.getExpression()));
				}
			}
			case CONSTANT -> {
				if (!Objects.equals(older.getValue(), newer.getValue())) {
					say(changes, label, path, path + " is now the constant " + text(newer.getValue()) + " (was "
							+ text(older.getValue()) + ")");
				}
			}
			case VALUE_MAP -> valueMapChanges(label, path, older, newer, changes);
			case LOOKUP -> {
				if (!Objects.equals(older.getLookupSystem(), newer.getLookupSystem())
						|| !Objects.equals(older.getLookupEntity(), newer.getLookupEntity())) {
					say(changes, label, path, path + " now looks up " + RuleWords.lookupTarget(newer) + " ids (was "
							+ RuleWords.lookupTarget(older) + ")");
				}
			}
			case COPY -> {
				// the source path is all a copy has
			}
			}
		}
		transformChanges(label, path, older, newer, changes);
		if (!Objects.equals(older.getDefaultValue(), newer.getDefaultValue())) {
			say(changes, label, path, newer.getDefaultValue() == null
					? path + " no longer has a default (was " + text(older.getDefaultValue()) + ")"
					: path + " default is now " + text(newer.getDefaultValue()) + " (was "
							+ (older.getDefaultValue() == null ? "none" : text(older.getDefaultValue())) + ")");
		}
		if (older.isRequired() != newer.isRequired()) {
			say(changes, label, path, path + (newer.isRequired() ? " is now required" : " is no longer required"));
		}
	}

	private static void valueMapChanges(String label, String path, FieldRule older, FieldRule newer,
			List<Change> changes) {
		Map<String, ValueMapEntry> before = entries(older);
		Map<String, ValueMapEntry> after = entries(newer);
		for (Map.Entry<String, ValueMapEntry> entry : after.entrySet()) {
			ValueMapEntry was = before.get(entry.getKey());
			ValueMapEntry now = entry.getValue();
			if (was == null) {
				say(changes, label, path, path + " map gained '" + now.getFrom() + "' -> " + text(now.getTo()));
			} else if (!Objects.equals(was.getTo(), now.getTo())) {
				say(changes, label, path, path + " map now maps '" + now.getFrom() + "' -> " + text(now.getTo()) + " (was "
						+ text(was.getTo()) + ")");
			}
		}
		for (Map.Entry<String, ValueMapEntry> entry : before.entrySet()) {
			if (!after.containsKey(entry.getKey())) {
				ValueMapEntry was = entry.getValue();
				say(changes, label, path, path + " map lost '" + was.getFrom() + "' -> " + text(was.getTo()));
			}
		}
		if (!Objects.equals(older.getUnmatchedValue(), newer.getUnmatchedValue())) {
			say(changes, label, path, newer.getUnmatchedValue() == null
					? path + " map now reports values it has no entry for (was: gives " + text(older.getUnmatchedValue()) + ")"
					: path + " map now gives " + text(newer.getUnmatchedValue()) + " for values it has no entry for (was: "
							+ (older.getUnmatchedValue() == null ? "reported as a problem"
									: "gives " + text(older.getUnmatchedValue()))
							+ ")");
		}
	}

	private static void transformChanges(String label, String path, FieldRule older, FieldRule newer,
			List<Change> changes) {
		List<Transform> before = older.getTransforms();
		List<Transform> after = newer.getTransforms();
		boolean roundSaid = false;
		if (after.contains(Transform.ROUND) && !before.contains(Transform.ROUND)) {
			roundSaid = true;
			say(changes, label, path, path + " now rounds to " + RuleWords.decimals(RuleWords.rounding(newer)));
		}
		for (Transform transform : after) {
			if (!before.contains(transform) && transform != Transform.ROUND) {
				say(changes, label, path, path + " now " + RuleWords.verb(transform));
			}
		}
		for (Transform transform : before) {
			if (!after.contains(transform)) {
				roundSaid |= transform == Transform.ROUND;
				say(changes, label, path, path + " no longer " + RuleWords.verb(transform));
			}
		}
		Integer roundedBefore = RuleWords.rounding(older);
		Integer roundedAfter = RuleWords.rounding(newer);
		if (!roundSaid && !Objects.equals(roundedBefore, roundedAfter)) {
			say(changes, label, path, roundedAfter == null
					? path + " no longer rounds (was to " + RuleWords.decimals(roundedBefore) + ")"
					: path + " now rounds to " + RuleWords.decimals(roundedAfter)
							+ (roundedBefore == null ? "" : " (was " + RuleWords.decimals(roundedBefore) + ")"));
		}
		if (!before.equals(after) && new HashSet<>(before).equals(new HashSet<>(after))) {
			say(changes, label, path, path + " now converts in the order " + RuleWords.transformList(after) + " (was "
					+ RuleWords.transformList(before) + ")");
		}
	}

	private static void testCaseChanges(MappingDesign older, MappingDesign newer, List<Change> changes) {
		Map<String, TestCase> before = new LinkedHashMap<>();
		for (TestCase testCase : older.getTestCases()) {
			before.putIfAbsent(name(testCase), testCase);
		}
		Set<String> seen = new HashSet<>();
		for (TestCase testCase : newer.getTestCases()) {
			String name = name(testCase);
			if (!seen.add(name)) {
				continue;
			}
			TestCase was = before.get(name);
			if (was == null) {
				changes.add(design("test case '" + name + "' added"));
				continue;
			}
			List<String> parts = new ArrayList<>();
			if (!Objects.equals(was.getSampleJson(), testCase.getSampleJson())) {
				parts.add("its sample");
			}
			if (!Objects.equals(was.getExpectedJson(), testCase.getExpectedJson())) {
				parts.add("its expected output");
			}
			if (!Objects.equals(was.getSourceEntity(), testCase.getSourceEntity())) {
				parts.add("its source entity (now " + text(testCase.getSourceEntity()) + ")");
			}
			if (!parts.isEmpty()) {
				changes.add(design("test case '" + name + "' changed " + String.join(" and ", parts)));
			}
		}
		for (String name : before.keySet()) {
			if (!seen.contains(name)) {
				changes.add(design("test case '" + name + "' removed"));
			}
		}
	}

	/**
	 * Old and new text side by side, each cut to the part around where they differ, so a change at the end of
	 * a long expression is still visible: {@code "...$round(x, 1)" -> "...$round(x, 2)"}.
	 */
	static String pair(String older, String newer) {
		String a = older == null ? "" : older.replaceAll("\\s+", " ").strip();
		String b = newer == null ? "" : newer.replaceAll("\\s+", " ").strip();
		if (a.length() <= SHOWN && b.length() <= SHOWN) {
			return quote(a) + " -> " + quote(b);
		}
		int prefix = 0;
		while (prefix < a.length() && prefix < b.length() && a.charAt(prefix) == b.charAt(prefix)) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < a.length() - prefix && suffix < b.length() - prefix
				&& a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
			suffix++;
		}
		int from = Math.max(0, prefix - 15);
		return quote(window(a, from, suffix)) + " -> " + quote(window(b, from, suffix));
	}

	private static String window(String text, int from, int suffix) {
		int to = Math.min(text.length(), text.length() - suffix + 15);
		String part = text.substring(from, Math.max(from, to));
		if (part.length() > SHOWN) {
			part = part.substring(0, SHOWN - 3) + "...";
			return (from > 0 ? "..." : "") + part;
		}
		return (from > 0 ? "..." : "") + part + (to < text.length() ? "..." : "");
	}

	private static String quote(String text) {
		return text.isEmpty() ? "(empty)" : "\"" + text + "\"";
	}

	private static Map<String, ValueMapEntry> entries(FieldRule rule) {
		Map<String, ValueMapEntry> entries = new LinkedHashMap<>();
		for (ValueMapEntry entry : rule.getValueMap()) {
			if (entry.getFrom() != null) {
				entries.put(Literals.key(Literals.parse(entry.getFrom())), entry);
			}
		}
		return entries;
	}

	private static String source(String sourcePath) {
		return sourcePath == null || sourcePath.isBlank() ? "the whole record" : "\"" + sourcePath + "\"";
	}

	private static String rules(EntityMapping entity) {
		int count = entity.getRules().size();
		return count == 1 ? "1 rule" : count + " rules";
	}

	private static String text(String value) {
		return value == null ? "(none)" : Literal.shorten(value, 40);
	}

	/** A test case's name in full: it is how the analyst finds it. */
	private static String name(TestCase testCase) {
		return testCase.getName() == null ? "(unnamed)" : testCase.getName();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private static Change design(String sentence) {
		return new Change("", "", sentence);
	}

	private static void say(List<Change> changes, String label, String path, String sentence) {
		changes.add(new Change(label, path, sentence));
	}
}
