package io.crossbill.mapping.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.validation.ValidationProblem.Rules;
import io.crossbill.model.ModelPackage;
import io.crossbill.model.json.CanonicalJson;

/**
 * Validates canonical records in their JSON form (as {@link CanonicalJson} writes them and INBOUND
 * mapping designs produce them) against the canonical EMF model, then runs the cross-field rules.
 * <p>
 * What the model says is what is checked: a feature with a lower bound above zero is required; a value
 * must fit its EAttribute's type (text, number, whole number, boolean, a date, an enum literal); a
 * member the class has no feature for is reported, since a silently dropped field surfaces only at
 * month-end; contained objects (invoice lines) are checked the same way. The shape of each class is read
 * from the model once.
 * <p>
 * Thread-safe as long as its cross-field rules are.
 */
public final class CanonicalValidator {

	private final EPackage ePackage;
	private final List<CrossFieldRule> rules;
	private final Map<EClass, ClassShape> shapes = new ConcurrentHashMap<>();

	/** Validates against the Crossbill canonical model with the given cross-field rules. */
	public CanonicalValidator(List<CrossFieldRule> rules) {
		this(ModelPackage.eINSTANCE, rules);
	}

	public CanonicalValidator(EPackage ePackage, List<CrossFieldRule> rules) {
		this.ePackage = ePackage;
		this.rules = List.copyOf(rules);
	}

	/**
	 * The standard checks for a batch: at most 24 hours per person per day (a new {@link DailyHoursLimit},
	 * so one validator per batch), and start dates before end dates.
	 */
	public static CanonicalValidator forBatch() {
		return new CanonicalValidator(List.of(new DailyHoursLimit(), new DateOrder("startDate", "endDate"),
				new DateOrder("periodStart", "periodEnd")));
	}

	/** Validates a record whose type is named by its {@value CanonicalJson#TYPE_FIELD} member. */
	public List<ValidationProblem> validate(JsonNode record) {
		return validate(record, null);
	}

	/**
	 * Validates a record as the given class (or the subclass its type member names).
	 *
	 * @param type the expected class, or {@code null} to take it from the record
	 */
	public List<ValidationProblem> validate(JsonNode record, EClass type) {
		List<ValidationProblem> problems = new ArrayList<>(0);
		EClass eClass = typeOf(record, type, "", problems);
		if (eClass == null) {
			return problems;
		}
		checkObject(record, eClass, "", problems);
		if (problems.isEmpty()) {
			for (CrossFieldRule rule : rules) {
				rule.check(eClass, record, problems);
			}
		}
		return problems;
	}

	private EClass typeOf(JsonNode node, EClass expected, String path, List<ValidationProblem> problems) {
		if (!node.isObject()) {
			problems.add(new ValidationProblem(path.isEmpty() ? null : path, Rules.WRONG_TYPE,
					"A record must be a JSON object, but this is " + FieldType.describe(node) + "."));
			return null;
		}
		JsonNode typeName = node.get(CanonicalJson.TYPE_FIELD);
		if (typeName == null || typeName.isNull()) {
			if (expected == null || expected.isAbstract()) {
				problems.add(new ValidationProblem(field(path, CanonicalJson.TYPE_FIELD), Rules.TYPE_UNKNOWN,
						"The record does not say what it is (no \"" + CanonicalJson.TYPE_FIELD + "\" member)."));
				return null;
			}
			return expected;
		}
		EClassifier classifier = ePackage.getEClassifier(typeName.asText());
		if (!(classifier instanceof EClass eClass) || eClass.isAbstract()
				|| expected != null && !expected.isSuperTypeOf(eClass)) {
			problems.add(new ValidationProblem(field(path, CanonicalJson.TYPE_FIELD), Rules.TYPE_UNKNOWN,
					"\"" + typeName.asText() + "\" is not a kind of record " + (expected == null
							? "the canonical model knows." : "allowed here (expected " + expected.getName() + ").")));
			return null;
		}
		return eClass;
	}

	private void checkObject(JsonNode node, EClass eClass, String path, List<ValidationProblem> problems) {
		ClassShape shape = shapes.computeIfAbsent(eClass, ClassShape::new);
		for (Map.Entry<String, JsonNode> member : node.properties()) {
			String name = member.getKey();
			JsonNode value = member.getValue();
			if (name.equals(CanonicalJson.TYPE_FIELD) || value.isNull()) {
				continue;
			}
			EStructuralFeature feature = shape.features.get(name);
			if (feature == null) {
				problems.add(new ValidationProblem(field(path, name), Rules.UNKNOWN_FIELD,
						"\"" + name + "\" is not a field of " + eClass.getName() + "."));
			} else if (feature.isMany()) {
				if (!value.isArray()) {
					problems.add(new ValidationProblem(field(path, name), Rules.WRONG_TYPE,
							name + " must be a list, but is " + FieldType.describe(value) + "."));
					continue;
				}
				for (int i = 0; i < value.size(); i++) {
					checkValue(feature, value.get(i), shape, field(path, name) + "[" + i + "]", problems);
				}
			} else {
				checkValue(feature, value, shape, field(path, name), problems);
			}
		}
		for (EStructuralFeature required : shape.required) {
			JsonNode value = node.get(required.getName());
			boolean missing = value == null || value.isNull()
					|| required.isMany() && value.isArray() && value.size() < required.getLowerBound();
			if (missing) {
				problems.add(new ValidationProblem(field(path, required.getName()), Rules.REQUIRED,
						eClass.getName() + " needs " + (required.isMany()
								? "at least " + required.getLowerBound() + " " + required.getName()
								: "a " + required.getName()) + ", but the record has none."));
			}
		}
	}

	private void checkValue(EStructuralFeature feature, JsonNode value, ClassShape shape, String path,
			List<ValidationProblem> problems) {
		if (feature instanceof EReference reference) {
			EClass eClass = typeOf(value, reference.getEReferenceType(), path, problems);
			if (eClass != null) {
				checkObject(value, eClass, path, problems);
			}
			return;
		}
		String complaint = shape.types.get(feature).check(value);
		if (complaint != null) {
			String rule = ((EAttribute) feature).getEAttributeType() instanceof org.eclipse.emf.ecore.EEnum
					? Rules.ENUM_LITERAL : Rules.WRONG_TYPE;
			problems.add(new ValidationProblem(path, rule, feature.getName() + " " + complaint + "."));
		}
	}

	private static String field(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

	/** The part of a class validation needs, read from the model once. */
	private static final class ClassShape {
		final Map<String, EStructuralFeature> features = new HashMap<>();
		final Map<EStructuralFeature, FieldType> types = new HashMap<>();
		final List<EStructuralFeature> required = new ArrayList<>();

		ClassShape(EClass eClass) {
			for (EStructuralFeature feature : eClass.getEAllStructuralFeatures()) {
				if (feature.isTransient() || feature.isDerived()
						|| feature instanceof EReference reference && !reference.isContainment()) {
					continue;
				}
				features.put(feature.getName(), feature);
				if (feature instanceof EAttribute attribute) {
					types.put(feature, FieldType.of(attribute.getEAttributeType()));
				}
				if (feature.getLowerBound() > 0) {
					required.add(feature);
				}
			}
		}
	}
}
