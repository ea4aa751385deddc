package io.crossbill.model.json;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.model.ModelPackage;

/**
 * Converts canonical records to JSON payloads and back, so they can travel through queues, the exception
 * store and connector calls in the form the rest of the integration world speaks.
 * <p>
 * The mapping is read from the Ecore model, not written per class: each object becomes a JSON object with
 * a {@value #TYPE_FIELD} member naming its EClass and one member per feature that has a value, named as
 * in the model. Null values, empty lists and absent contained objects are left out; enums and booleans are
 * always written, even at their default, because a receiver must not need the model to know that a
 * missing {@code systemKind} means {@code CRM} or a missing {@code billable} means {@code false}.
 * Contained objects nest, many-valued features become arrays, enums are written as their literal, dates as
 * ISO-8601 strings, and {@link BigDecimal} money as a JSON number that keeps its exact value and scale
 * ({@code 1234.50} stays {@code 1234.50}).
 * <p>
 * Reading is strict: a member the type does not have is an error rather than silently dropped, because a
 * dropped field in a mapping is a bug that otherwise surfaces only at month-end.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class CanonicalJson {

	/** The member that names the EClass of each JSON object. */
	public static final String TYPE_FIELD = "eClass";

	private final EPackage ePackage;
	private final ObjectMapper mapper;

	/** A converter for the Crossbill canonical model. */
	public CanonicalJson() {
		this(ModelPackage.eINSTANCE);
	}

	/** A converter for the classes of the given package. */
	public CanonicalJson(EPackage ePackage) {
		this.ePackage = ePackage;
		// money must not lose trailing zeros or go through double on either side
		this.mapper = JsonMapper.builder()
				.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
				.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
				.build();
	}

	/** The record as a JSON object tree. */
	public ObjectNode toJson(EObject eObject) {
		EClass eClass = eObject.eClass();
		ObjectNode node = mapper.createObjectNode();
		node.put(TYPE_FIELD, eClass.getName());
		for (EStructuralFeature feature : eClass.getEAllStructuralFeatures()) {
			Object value = isSerialized(feature) ? eObject.eGet(feature) : null;
			if (value instanceof List<?> values) {
				if (!values.isEmpty()) {
					ArrayNode array = node.putArray(feature.getName());
					values.forEach(element -> array.add(toJsonValue(feature, element)));
				}
			} else if (value != null) {
				node.set(feature.getName(), toJsonValue(feature, value));
			}
		}
		return node;
	}

	/** The record as a compact JSON string. */
	public String write(EObject eObject) {
		try {
			return mapper.writeValueAsString(toJson(eObject));
		} catch (JsonProcessingException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Reads a record whose type is named by its {@value #TYPE_FIELD} member. */
	public EObject fromJson(JsonNode node) {
		return readObject(node, null);
	}

	/** Reads a record of the expected type (or a subtype named by {@value #TYPE_FIELD}). */
	public <T extends EObject> T fromJson(JsonNode node, Class<T> expected) {
		EObject eObject = fromJson(node);
		if (!expected.isInstance(eObject)) {
			throw new IllegalArgumentException(
					"Expected a " + expected.getSimpleName() + " but the JSON holds a " + eObject.eClass().getName());
		}
		return expected.cast(eObject);
	}

	/** Parses a JSON string and reads the record in it. */
	public EObject read(String json) {
		return fromJson(parse(json));
	}

	/** Parses a JSON string and reads the record of the expected type in it. */
	public <T extends EObject> T read(String json, Class<T> expected) {
		return fromJson(parse(json), expected);
	}

	private JsonNode parse(String json) {
		try {
			return mapper.readTree(json);
		} catch (JsonProcessingException e) {
			throw new IllegalArgumentException("Not valid JSON: " + e.getOriginalMessage(), e);
		}
	}

	private static boolean isSerialized(EStructuralFeature feature) {
		return !feature.isTransient() && !feature.isDerived();
	}

	private JsonNode toJsonValue(EStructuralFeature feature, Object value) {
		if (feature instanceof EReference reference) {
			if (!reference.isContainment()) {
				// canonical records refer to each other by id strings; a cross reference has no JSON form here
				throw new IllegalArgumentException("Non-containment reference " + qualified(feature)
						+ " cannot be written as JSON");
			}
			return toJson((EObject) value);
		}
		JsonNodeFactory nodes = mapper.getNodeFactory();
		return switch (value) {
		case BigDecimal decimal -> nodes.numberNode(decimal);
		case Integer i -> nodes.numberNode(i);
		case Long l -> nodes.numberNode(l);
		case Double d -> nodes.numberNode(d);
		case Boolean b -> nodes.booleanNode(b);
		case Enumerator literal -> nodes.textNode(literal.getLiteral());
		default -> nodes.textNode(EcoreUtil.convertToString((EDataType) feature.getEType(), value));
		};
	}

	private EObject readObject(JsonNode node, EReference container) {
		if (!node.isObject()) {
			throw new IllegalArgumentException("Expected a JSON object" + where(container) + " but found " + node.getNodeType());
		}
		EClass eClass = typeOf(node, container);
		EObject eObject = EcoreUtil.create(eClass);
		for (Map.Entry<String, JsonNode> member : node.properties()) {
			String name = member.getKey();
			JsonNode value = member.getValue();
			if (TYPE_FIELD.equals(name) || value.isNull()) {
				continue;
			}
			EStructuralFeature feature = eClass.getEStructuralFeature(name);
			if (feature == null || !isSerialized(feature)) {
				throw new IllegalArgumentException("Unknown field '" + name + "' for type " + eClass.getName());
			}
			if (feature.isMany()) {
				if (!value.isArray()) {
					throw new IllegalArgumentException("Field " + qualified(feature) + " must be a JSON array");
				}
				List<Object> values = new ArrayList<>();
				for (JsonNode element : value) {
					values.add(fromJsonValue(feature, element));
				}
				eObject.eSet(feature, values);
			} else {
				eObject.eSet(feature, fromJsonValue(feature, value));
			}
		}
		return eObject;
	}

	private EClass typeOf(JsonNode node, EReference container) {
		JsonNode typeName = node.get(TYPE_FIELD);
		EClass expected = container == null ? null : container.getEReferenceType();
		if (typeName == null || typeName.isNull()) {
			if (expected == null || expected.isAbstract()) {
				throw new IllegalArgumentException("Missing '" + TYPE_FIELD + "'" + where(container));
			}
			return expected;
		}
		EClassifier classifier = ePackage.getEClassifier(typeName.asText());
		if (!(classifier instanceof EClass eClass) || eClass.isAbstract()) {
			throw new IllegalArgumentException("Unknown type '" + typeName.asText() + "'" + where(container));
		}
		if (expected != null && !expected.isSuperTypeOf(eClass)) {
			throw new IllegalArgumentException("Type " + eClass.getName() + " is not allowed" + where(container)
					+ ", expected " + expected.getName());
		}
		return eClass;
	}

	private Object fromJsonValue(EStructuralFeature feature, JsonNode value) {
		if (feature instanceof EReference reference) {
			if (!reference.isContainment()) {
				throw new IllegalArgumentException("Non-containment reference " + qualified(feature)
						+ " cannot be read from JSON");
			}
			return readObject(value, reference);
		}
		EDataType type = ((EAttribute) feature).getEAttributeType();
		if (!value.isValueNode()) {
			throw new IllegalArgumentException("Field " + qualified(feature) + " must be a single value, not "
					+ value.getNodeType());
		}
		if (type instanceof EEnum eEnum) {
			EEnumLiteral literal = eEnum.getEEnumLiteralByLiteral(value.asText());
			if (literal == null) {
				throw new IllegalArgumentException("'" + value.asText() + "' is not a " + eEnum.getName()
						+ " (field " + qualified(feature) + ")");
			}
			return literal.getInstance();
		}
		if (value.isNumber() && type.getInstanceClass() == BigDecimal.class) {
			return value.decimalValue();
		}
		try {
			return EcoreUtil.createFromString(type, value.asText());
		} catch (RuntimeException e) {
			throw new IllegalArgumentException("Cannot read '" + value.asText() + "' as " + type.getName()
					+ " (field " + qualified(feature) + ")", e);
		}
	}

	private static String qualified(EStructuralFeature feature) {
		return feature.getEContainingClass().getName() + "." + feature.getName();
	}

	private static String where(EReference container) {
		return container == null ? "" : " in " + qualified(container);
	}
}
