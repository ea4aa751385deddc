package io.crossbill.mapping.design;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.Direction;
import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.Transform;
import io.crossbill.mapping.ValueMapEntry;
import io.crossbill.mapping.design.DesignProblem.Severity;
import io.crossbill.model.ModelPackage;
import io.crossbill.mapping.runtime.Literals;
import io.crossbill.mapping.runtime.SourcePath;

/**
 * Checks a design as it is in memory (no compile cache, nothing written). Everything the runtime would refuse
 * to compile is an ERROR, and so is what would make every record fail canonical validation (an unknown
 * canonical field, an enum value the model does not have, a required field no rule fills); WARNINGs are
 * legal but probably unintended.
 */
public final class DesignChecker {

	private DesignChecker() {
	}

	/**
	 * Every problem of the design: expressions that do not parse, rules without a target path, COPY/VALUE_MAP/
	 * LOOKUP rules without a source path, VALUE_MAP rules without entries, LOOKUP without an entity, the same
	 * target path twice in an entity mapping, an unknown canonical target field or entity (INBOUND), required
	 * canonical fields no rule fills (INBOUND), test cases whose JSON does not parse; a design without a name.
	 */
	public static List<DesignProblem> check(MappingDesign design) {
		return check(design, ModelPackage.eINSTANCE);
	}

	/** As {@link #check(MappingDesign)}, against another canonical package (INBOUND targets are its classes). */
	public static List<DesignProblem> check(MappingDesign design, EPackage canonical) {
		List<DesignProblem> problems = new ArrayList<>();
		if (design.getName() == null || design.getName().isBlank()) {
			problems.add(error("", "", "The design has no name: give it one (e.g. hubspot-deal-to-project)."));
		}
		if (design.getEntityMappings().isEmpty()) {
			problems.add(error("", "", "The design maps nothing yet: add an entity mapping (source entity -> target)."));
		}
		Set<String> sources = new HashSet<>();
		for (EntityMapping entity : design.getEntityMappings()) {
			String label = label(entity);
			String source = entity.getSourceEntity();
			if (source == null || source.isBlank()) {
				problems.add(error(label, "", "The entity mapping has no source entity: say which records it reads (e.g. deal)."));
			} else if (!sources.add(source)) {
				problems.add(error(label, "", "The source entity \"" + source
						+ "\" is mapped twice: a record must know which mapping to take, so merge or rename one."));
			}
			EClass target = null;
			if (entity.getTargetEntity() == null || entity.getTargetEntity().isBlank()) {
				problems.add(error(label, "", "The entity mapping has no target entity: say what it produces"
						+ (design.getDirection() == Direction.INBOUND ? " (a canonical record such as Project)." : ".")));
			} else if (design.getDirection() == Direction.INBOUND) {
				target = canonicalClass(canonical, entity.getTargetEntity());
				if (target == null) {
					problems.add(error(label, "", "\"" + entity.getTargetEntity() + "\" is not a canonical record: use one of "
							+ recordClasses(canonical) + "."));
				}
			}
			if (entity.getArrayPath() != null && !entity.getArrayPath().isBlank()) {
				try {
					SourcePath.parse(entity.getArrayPath());
				} catch (IllegalArgumentException e) {
					problems.add(error(label, "", "The array path is not valid: " + e.getMessage() + "."));
				}
			}
			if (entity.getRules().isEmpty()) {
				problems.add(warning(label, "", "The entity mapping fills no fields yet: drag source fields onto target fields."));
			}
			Map<String, FieldRule> seen = new HashMap<>();
			for (FieldRule rule : entity.getRules()) {
				checkRule(design, label, target, rule, seen, problems);
			}
			if (target != null) {
				for (String path : unmappedRequired(design, entity, canonical)) {
					problems.add(error(label, path, target.getName() + " needs " + path
							+ ", but no rule fills it: map a source field onto it, or give it a constant or a default."));
				}
			}
		}
		for (TestCase testCase : design.getTestCases()) {
			checkTestCase(design, testCase, sources, problems);
		}
		return problems;
	}

	/** Target paths of required fields no rule of the entity mapping fills (for the mapping page's count). */
	public static List<String> unmappedRequired(MappingDesign design, EntityMapping entityMapping) {
		return unmappedRequired(design, entityMapping, ModelPackage.eINSTANCE);
	}

	/**
	 * As {@link #unmappedRequired(MappingDesign, EntityMapping)} against another canonical package. Empty for
	 * OUTBOUND designs (a system's JSON has no model saying what is required) and unknown targets. A required
	 * field inside a contained object (e.g. {@code lines[]/unitAmount}) counts once some rule writes into that
	 * object, unless a rule fills the object as a whole.
	 */
	public static List<String> unmappedRequired(MappingDesign design, EntityMapping entityMapping, EPackage canonical) {
		if (design.getDirection() != Direction.INBOUND || entityMapping.getTargetEntity() == null) {
			return List.of();
		}
		EClass target = canonicalClass(canonical, entityMapping.getTargetEntity());
		if (target == null) {
			return List.of();
		}
		List<List<String>> filled = new ArrayList<>();
		for (FieldRule rule : entityMapping.getRules()) {
			try {
				filled.add(TargetSegments.parse(rule.getTargetPath()).stream().map(DesignChecker::bare).toList());
			} catch (IllegalArgumentException e) {
				// reported by check
			}
		}
		List<String> missing = new ArrayList<>();
		collectUnmapped(target, List.of(), "", filled, missing, 0);
		return missing;
	}

	private static void collectUnmapped(EClass eClass, List<String> prefix, String pathPrefix, List<List<String>> filled,
			List<String> missing, int depth) {
		for (EStructuralFeature feature : FieldTrees.features(eClass)) {
			List<String> names = new ArrayList<>(prefix);
			names.add(feature.getName());
			boolean containment = feature instanceof EReference;
			String path = pathPrefix + feature.getName() + (containment && feature.isMany() ? "[]" : "");
			boolean whole = false;
			boolean into = false;
			for (List<String> rule : filled) {
				if (rule.size() >= names.size() && rule.subList(0, names.size()).equals(names)) {
					whole |= rule.size() == names.size();
					into |= rule.size() > names.size();
				}
			}
			if (feature.getLowerBound() > 0 && !whole && !into) {
				missing.add(path);
			}
			if (containment && into && !whole && depth < 8) {
				collectUnmapped(((EReference) feature).getEReferenceType(), names, path + "/", filled, missing, depth + 1);
			}
		}
	}

	private static void checkRule(MappingDesign design, String label, EClass target, FieldRule rule,
			Map<String, FieldRule> seen, List<DesignProblem> problems) {
		String targetPath = rule.getTargetPath() == null ? "" : rule.getTargetPath().trim();
		RuleKind kind = rule.getKind();
		String kindName = kind.getLiteral().toLowerCase(Locale.ROOT).replace('_', ' ');
		List<String> segments = null;
		if (targetPath.isEmpty()) {
			problems.add(error(label, "", "A " + kindName + " rule"
					+ (rule.getSourcePath() == null ? "" : " of \"" + rule.getSourcePath() + "\"")
					+ " has no target field: drop it onto a target field or type the target path."));
		} else {
			try {
				segments = TargetSegments.parse(targetPath);
				FieldRule earlier = seen.putIfAbsent(TargetSegments.normal(targetPath), rule);
				if (earlier != null) {
					problems.add(error(label, targetPath, "Two rules fill " + targetPath
							+ ": the later one overwrites the earlier, so delete or retarget one."));
				}
			} catch (IllegalArgumentException e) {
				problems.add(error(label, targetPath, "The target path is not valid: " + e.getMessage() + "."));
			}
		}
		EStructuralFeature feature = target == null || segments == null ? null
				: targetFeature(target, segments, label, targetPath, problems);
		int sourceArrays = 0;
		boolean hasSource = rule.getSourcePath() != null && !rule.getSourcePath().isBlank();
		if (hasSource) {
			try {
				sourceArrays = SourcePath.parse(rule.getSourcePath()).wildcards();
			} catch (IllegalArgumentException e) {
				problems.add(error(label, targetPath, "The source path is not valid: " + e.getMessage() + "."));
			}
		} else if (kind == RuleKind.COPY || kind == RuleKind.VALUE_MAP || kind == RuleKind.LOOKUP) {
			problems.add(error(label, targetPath, "This " + kindName + " rule has no source path: drag a source field onto "
					+ (targetPath.isEmpty() ? "its target" : targetPath) + "."));
		}
		if (segments != null && sourceArrays > 0 && TargetSegments.arrays(segments) > 0
				&& sourceArrays != TargetSegments.arrays(segments)) {
			problems.add(error(label, targetPath, "The source path has " + sourceArrays + " [*] but the target path has "
					+ TargetSegments.arrays(segments) + " []: each [*] fills one [] level, so they must pair up."));
		}
		switch (kind) {
		case EXPRESSION -> {
			ExpressionCheck syntax = Expressions.check(rule.getExpression());
			if (!syntax.valid()) {
				problems.add(error(label, targetPath, "The expression does not parse. " + syntax.error()));
			}
		}
		case VALUE_MAP -> checkValueMap(label, targetPath, rule, feature, problems);
		case CONSTANT -> {
			if (rule.getValue() == null) {
				problems.add(warning(label, targetPath, "The constant has no value, so the rule writes nothing: type one."));
			} else {
				checkEnumValue(label, targetPath, feature, rule.getValue(), "The constant", problems);
			}
		}
		case LOOKUP -> {
			if (rule.getLookupEntity() == null || rule.getLookupEntity().isBlank()) {
				problems.add(error(label, targetPath, "The lookup does not say which entity's ids it looks up (e.g. company)."));
			}
			if ((rule.getLookupSystem() == null || rule.getLookupSystem().isBlank())
					&& (design.getSystem() == null || design.getSystem().isBlank())) {
				problems.add(error(label, targetPath,
						"The lookup does not say which system's ids it looks up, and the design names no system."));
			}
		}
		case COPY -> {
			// nothing more to check
		}
		}
		if (rule.getDefaultValue() != null) {
			checkEnumValue(label, targetPath, feature, rule.getDefaultValue(), "The default", problems);
		}
		if (rule.getTransforms().contains(Transform.ROUND) && rule.getScale() < 0) {
			problems.add(warning(label, targetPath,
					"ROUND has no decimal places set, so it rounds to whole numbers: set the scale if you meant decimals."));
		}
	}

	private static void checkValueMap(String label, String targetPath, FieldRule rule, EStructuralFeature feature,
			List<DesignProblem> problems) {
		if (rule.getValueMap().isEmpty()) {
			problems.add(error(label, targetPath, "The value map has no entries: add the values to translate"
					+ " (the value maps page lists the ones found in the samples)."));
		}
		Set<String> froms = new HashSet<>();
		for (ValueMapEntry entry : rule.getValueMap()) {
			if (entry.getFrom() == null) {
				problems.add(error(label, targetPath, "A value map entry has no 'from' value: type the source value it translates."));
				continue;
			}
			if (!froms.add(Literals.key(Literals.parse(entry.getFrom())))) {
				problems.add(warning(label, targetPath, "The value map has '" + entry.getFrom()
						+ "' twice; the last entry wins, so delete the other."));
			}
			checkEnumValue(label, targetPath, feature, entry.getTo(), "'" + entry.getFrom() + "' maps to a value that", problems);
		}
		if (rule.getUnmatchedValue() != null) {
			checkEnumValue(label, targetPath, feature, rule.getUnmatchedValue(), "The value for unmatched values", problems);
		}
	}

	private static void checkEnumValue(String label, String targetPath, EStructuralFeature feature, String text,
			String what, List<DesignProblem> problems) {
		if (!(feature instanceof EAttribute attribute) || !(attribute.getEAttributeType() instanceof EEnum eEnum)
				|| text == null) {
			return;
		}
		JsonNode value = Literals.parse(text);
		if (value.isNull() || value.isTextual() && eEnum.getEEnumLiteralByLiteral(value.asText()) != null) {
			return;
		}
		problems.add(error(label, targetPath, what + " (" + Literal.shorten(text, 40) + ") is not a " + eEnum.getName()
				+ ": use one of " + eEnum.getELiterals().stream().map(EEnumLiteral::getLiteral)
						.collect(Collectors.joining(", "))
				+ "."));
	}

	/** The canonical feature the target path ends at, reporting segments the model does not have. */
	private static EStructuralFeature targetFeature(EClass target, List<String> segments, String label, String targetPath,
			List<DesignProblem> problems) {
		EClass eClass = target;
		EStructuralFeature feature = null;
		for (int i = 0; i < segments.size(); i++) {
			String segment = segments.get(i);
			String name = bare(segment);
			feature = null;
			for (EStructuralFeature candidate : FieldTrees.features(eClass)) {
				if (candidate.getName().equals(name)) {
					feature = candidate;
					break;
				}
			}
			if (feature == null) {
				problems.add(error(label, targetPath, "\"" + name + "\" is not a field of " + eClass.getName()
						+ ": canonical validation rejects every record that has it, so pick a field of the target tree."));
				return null;
			}
			boolean last = i == segments.size() - 1;
			if (feature instanceof EReference reference) {
				if (!last && reference.isMany() && !segment.endsWith("[]")) {
					problems.add(error(label, targetPath, name + " is a list of " + reference.getEReferenceType().getName()
							+ ": write " + name + "[]/" + String.join("/", segments.subList(i + 1, segments.size())) + "."));
					return null;
				}
				if (!reference.isMany() && segment.endsWith("[]")) {
					problems.add(error(label, targetPath, name + " is one " + reference.getEReferenceType().getName()
							+ ", not a list: write " + name + " without []."));
					return null;
				}
				eClass = reference.getEReferenceType();
			} else if (!last) {
				problems.add(error(label, targetPath, name + " is a plain value of " + eClass.getName()
						+ " and has no fields of its own."));
				return null;
			}
		}
		return feature;
	}

	private static void checkTestCase(MappingDesign design, TestCase testCase, Set<String> sources,
			List<DesignProblem> problems) {
		String name = testCase.getName() == null || testCase.getName().isBlank() ? "(unnamed)" : testCase.getName();
		if (testCase.getName() == null || testCase.getName().isBlank()) {
			problems.add(warning("", "", "A test case has no name: say what it proves (e.g. \"195 minutes is 3.25 hours\")."));
		}
		checkJson(name, "sample", testCase.getSampleJson(), problems);
		checkJson(name, "expected output", testCase.getExpectedJson(), problems);
		String source = testCase.getSourceEntity();
		if (source != null && !source.isBlank()) {
			if (!sources.contains(source)) {
				problems.add(error("", "", "Test case '" + name + "' goes through source entity \"" + source
						+ "\", which the design does not map: pick one of " + sources + "."));
			}
		} else if (design.getEntityMappings().size() > 1) {
			problems.add(error("", "", "Test case '" + name + "' does not say which source entity its sample is,"
					+ " and the design maps several: pick one of " + sources + "."));
		}
	}

	private static void checkJson(String testCase, String what, String json, List<DesignProblem> problems) {
		if (json == null || json.isBlank()) {
			problems.add(error("", "", "Test case '" + testCase + "' has no " + what + ": paste the JSON."));
			return;
		}
		try {
			Literals.JSON.readTree(json);
		} catch (IOException e) {
			String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
			problems.add(error("", "", "The " + what + " of test case '" + testCase + "' is not valid JSON (" + detail
					+ "): fix it or paste it again."));
		}
	}

	/** The concrete canonical class of the name, or {@code null}. */
	static EClass canonicalClass(EPackage canonical, String name) {
		EClassifier classifier = canonical.getEClassifier(name.trim());
		return classifier instanceof EClass eClass && !eClass.isAbstract() && !eClass.isInterface() ? eClass : null;
	}

	private static String recordClasses(EPackage canonical) {
		List<String> names = new ArrayList<>();
		for (EClassifier classifier : canonical.getEClassifiers()) {
			if (classifier instanceof EClass eClass && !eClass.isAbstract()
					&& eClass.getEAllSuperTypes().stream().anyMatch(EClass::isAbstract)) {
				names.add(eClass.getName());
			}
		}
		if (names.isEmpty()) {
			for (EClassifier classifier : canonical.getEClassifiers()) {
				if (classifier instanceof EClass eClass && !eClass.isAbstract()) {
					names.add(eClass.getName());
				}
			}
		}
		return String.join(", ", names);
	}

	static String label(EntityMapping entity) {
		return entity.getSourceEntity() + " -> " + entity.getTargetEntity();
	}

	private static String bare(String segment) {
		return segment.endsWith("[]") ? segment.substring(0, segment.length() - 2) : segment;
	}

	private static DesignProblem error(String entity, String targetPath, String message) {
		return new DesignProblem(Severity.ERROR, entity, targetPath, message);
	}

	private static DesignProblem warning(String entity, String targetPath, String message) {
		return new DesignProblem(Severity.WARNING, entity, targetPath, message);
	}
}
