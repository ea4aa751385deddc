package io.crossbill.mapping.design;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.design.FieldNode.Shape;
import io.crossbill.model.ModelPackage;

/** Source and target trees for the mapping editor. */
public final class FieldTrees {

	/** Contained classes deeper than this are not expanded (the canonical model nests three levels). */
	private static final int MAX_DEPTH = 8;

	private FieldTrees() {
	}

	/**
	 * The source tree of sample records: the union of the fields of all samples (a field missing from some is
	 * still listed), arrays of objects as {@code name[*]} with their elements' fields as children, the first
	 * non-null value of each field as its sample. When {@code arrayPath} is set (an entity mapping that maps
	 * each element of an array), the tree is of the elements, with paths relative to them.
	 * <p>
	 * An array of plain values is one node of shape ARRAY without children, its path without {@code [*]} (it
	 * is read whole); the type says what was met ({@code string or integer} when samples disagree, {@code null}
	 * when only nulls were met). Samples that are not JSON objects add nothing.
	 *
	 * @throws IllegalArgumentException when {@code arrayPath} is not a valid source path
	 */
	public static List<FieldNode> fromSamples(List<JsonNode> samples, String arrayPath) {
		FieldBuilder root = new FieldBuilder("");
		for (JsonNode record : SamplePath.records(samples, arrayPath)) {
			if (record != null && record.isObject()) {
				root.addMembers(record);
			}
		}
		return root.childNodes("", Syntax.SOURCE);
	}

	/**
	 * The fields of a canonical EClass (by name, e.g. {@code Invoice}), from the canonical Ecore model: attributes
	 * with their type, contained references as arrays or objects with their own fields, required = lower bound
	 * above 0. {@code asSource} gives source-path syntax (the source of an OUTBOUND design), otherwise
	 * target-path syntax. Sample values are taken from {@code samples} when given. Empty for an unknown name.
	 */
	public static List<FieldNode> canonical(String eClassName, boolean asSource, List<JsonNode> samples) {
		return canonical(ModelPackage.eINSTANCE, eClassName, asSource, samples);
	}

	/** As {@link #canonical(String, boolean, List)}, for the classes of another canonical package. */
	public static List<FieldNode> canonical(EPackage ePackage, String eClassName, boolean asSource,
			List<JsonNode> samples) {
		EClassifier classifier = eClassName == null ? null : ePackage.getEClassifier(eClassName);
		if (!(classifier instanceof EClass eClass)) {
			return List.of();
		}
		Map<String, String> sampleValues = new HashMap<>();
		if (samples != null && !samples.isEmpty()) {
			index(fromSamples(samples, null), sampleValues);
		}
		return fields(eClass, "", "", asSource ? Syntax.SOURCE : Syntax.TARGET, sampleValues, 0);
	}

	/**
	 * A target tree for an OUTBOUND design (the target is a system's JSON, which has no Ecore model): the
	 * union of the given target paths and of the fields of sample outputs, in target-path syntax.
	 *
	 * @throws IllegalArgumentException naming a target path that is not valid target-path syntax
	 */
	public static List<FieldNode> fromTargetPaths(List<String> targetPaths, List<JsonNode> sampleOutputs) {
		FieldBuilder root = new FieldBuilder("");
		for (String targetPath : targetPaths) {
			FieldBuilder node = root;
			for (String segment : TargetSegments.parse(targetPath)) {
				boolean array = segment.endsWith("[]");
				node = node.child(array ? segment.substring(0, segment.length() - 2) : segment);
				node.declaredArray |= array;
			}
		}
		if (sampleOutputs != null) {
			for (JsonNode output : sampleOutputs) {
				if (output != null && output.isObject()) {
					root.addMembers(output);
				}
			}
		}
		return root.childNodes("", Syntax.TARGET);
	}

	/** The type of an attribute in words: an enum's name, string, decimal, integer, boolean, date. */
	static String typeName(EDataType type) {
		if (type instanceof EEnum) {
			return type.getName();
		}
		Class<?> java = type.getInstanceClass();
		if (java == String.class) {
			return "string";
		}
		if (java == BigDecimal.class || java == double.class || java == Double.class || java == float.class
				|| java == Float.class) {
			return "decimal";
		}
		if (java == int.class || java == Integer.class || java == long.class || java == Long.class
				|| java == short.class || java == Short.class || java == BigInteger.class) {
			return "integer";
		}
		if (java == boolean.class || java == Boolean.class) {
			return "boolean";
		}
		if (java == LocalDate.class) {
			return "date";
		}
		return type.getName();
	}

	/** The features a canonical record of the class may carry (the canonical validator's view). */
	static List<EStructuralFeature> features(EClass eClass) {
		List<EStructuralFeature> features = new ArrayList<>();
		for (EStructuralFeature feature : eClass.getEAllStructuralFeatures()) {
			if (feature.isTransient() || feature.isDerived()
					|| feature instanceof EReference reference && !reference.isContainment()) {
				continue;
			}
			features.add(feature);
		}
		return features;
	}

	private static List<FieldNode> fields(EClass eClass, String sourcePrefix, String targetPrefix, Syntax syntax,
			Map<String, String> samples, int depth) {
		List<FieldNode> nodes = new ArrayList<>();
		for (EStructuralFeature feature : features(eClass)) {
			String name = feature.getName();
			boolean required = feature.getLowerBound() > 0;
			if (feature instanceof EAttribute attribute) {
				String type = typeName(attribute.getEAttributeType());
				String sourcePath = sourcePrefix + name;
				String path = syntax == Syntax.SOURCE ? sourcePath : targetPrefix + name;
				String sample = samples.getOrDefault(sourcePath, "");
				nodes.add(new FieldNode(name, path, feature.isMany() ? Shape.ARRAY : Shape.VALUE,
						feature.isMany() ? "list of " + type : type, required, sample, List.of()));
			} else {
				EClass contained = ((EReference) feature).getEReferenceType();
				boolean many = feature.isMany();
				String sourcePath = sourcePrefix + name + (many ? "[*]" : "");
				String targetPath = targetPrefix + name + (many ? "[]" : "");
				List<FieldNode> children = depth >= MAX_DEPTH ? List.of()
						: fields(contained, sourcePath + ".", targetPath + "/", syntax, samples, depth + 1);
				nodes.add(new FieldNode(name, syntax == Syntax.SOURCE ? sourcePath : targetPath,
						many ? Shape.ARRAY : Shape.OBJECT, many ? "list of " + contained.getName() : contained.getName(),
						required, "", children));
			}
		}
		return nodes;
	}

	private static void index(List<FieldNode> nodes, Map<String, String> samples) {
		for (FieldNode node : nodes) {
			if (!node.sample().isEmpty()) {
				samples.put(node.path(), node.sample());
			}
			index(node.children(), samples);
		}
	}

	/** How paths are written: source paths ({@code a[*].b}) or target paths ({@code a[]/b}). */
	enum Syntax {
		SOURCE(".", "[*]"), TARGET("/", "[]");

		final String separator;
		final String each;

		Syntax(String separator, String each) {
			this.separator = separator;
			this.each = each;
		}
	}

	/** The union of what samples (and declared target paths) hold at one field. */
	private static final class FieldBuilder {
		final String name;
		final Map<String, FieldBuilder> children = new LinkedHashMap<>();
		boolean object;
		boolean array;
		boolean elementObjects;
		boolean declaredArray;
		final ValueKinds values = new ValueKinds();
		final ValueKinds elements = new ValueKinds();

		FieldBuilder(String name) {
			this.name = name;
		}

		FieldBuilder child(String childName) {
			FieldBuilder child = children.get(childName);
			if (child == null) {
				child = new FieldBuilder(childName);
				children.put(childName, child);
			}
			return child;
		}

		void addMembers(JsonNode object) {
			for (Map.Entry<String, JsonNode> member : object.properties()) {
				child(member.getKey()).add(member.getValue());
			}
		}

		void add(JsonNode value) {
			if (value.isObject()) {
				object = true;
				addMembers(value);
			} else if (value.isArray()) {
				array = true;
				for (JsonNode element : value) {
					if (element.isObject()) {
						elementObjects = true;
						addMembers(element);
					} else {
						elements.add(element);
					}
				}
			} else {
				values.add(value);
			}
		}

		List<FieldNode> childNodes(String prefix, Syntax syntax) {
			List<FieldNode> nodes = new ArrayList<>(children.size());
			for (FieldBuilder child : children.values()) {
				nodes.add(child.toNode(prefix, syntax));
			}
			return nodes;
		}

		FieldNode toNode(String prefix, Syntax syntax) {
			String path = prefix + name;
			if (array || declaredArray) {
				boolean ofObjects = elementObjects || !children.isEmpty()
						|| declaredArray && syntax == Syntax.TARGET;
				String arrayPath = ofObjects ? path + syntax.each : path;
				String type = elementObjects || !children.isEmpty() ? "list of objects"
						: elements.isEmpty() ? "list" : "list of " + elements.words();
				return new FieldNode(name, arrayPath, Shape.ARRAY, type, false, elements.sample,
						childNodes(arrayPath + syntax.separator, syntax));
			}
			if (object || !children.isEmpty()) {
				return new FieldNode(name, path, Shape.OBJECT, "object", false, "",
						childNodes(path + syntax.separator, syntax));
			}
			return new FieldNode(name, path, Shape.VALUE, values.words(), false, values.sample, List.of());
		}
	}

	/** The kinds of plain values met at one field, and the first non-null one as text. */
	private static final class ValueKinds {
		boolean text;
		boolean date;
		boolean dateTime;
		boolean integer;
		boolean decimal;
		boolean bool;
		boolean nul;
		String sample = "";

		void add(JsonNode value) {
			switch (value.getNodeType()) {
			case STRING -> {
				String string = value.textValue();
				if (isDate(string)) {
					if (string.length() == 10) {
						date = true;
					} else {
						dateTime = true;
					}
				} else {
					text = true;
				}
			}
			case NUMBER -> {
				if (value.isIntegralNumber()) {
					integer = true;
				} else {
					decimal = true;
				}
			}
			case BOOLEAN -> bool = true;
			case NULL, MISSING -> nul = true;
			default -> text = true;
			}
			if (sample.isEmpty() && !value.isNull() && !value.isMissingNode()) {
				sample = value.isTextual() ? value.textValue() : value.toString();
			}
		}

		boolean isEmpty() {
			return !(text || date || dateTime || integer || decimal || bool || nul);
		}

		String words() {
			List<String> kinds = new ArrayList<>(2);
			if (text) {
				kinds.add("string");
			}
			if (date) {
				kinds.add("date");
			}
			if (dateTime) {
				kinds.add("date-time");
			}
			if (decimal) {
				kinds.add("decimal");
			} else if (integer) {
				kinds.add("integer");
			}
			if (bool) {
				kinds.add("boolean");
			}
			if (kinds.isEmpty()) {
				return nul ? "null" : "";
			}
			return String.join(" or ", kinds);
		}

		/** yyyy-MM-dd, optionally followed by a time: checked by shape, not parsed (this runs per value). */
		private static boolean isDate(String text) {
			if (text.length() < 10 || text.length() > 10 && text.charAt(10) != 'T' && text.charAt(10) != ' ') {
				return false;
			}
			for (int i = 0; i < 10; i++) {
				char c = text.charAt(i);
				if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
					return false;
				}
			}
			return true;
		}
	}
}
