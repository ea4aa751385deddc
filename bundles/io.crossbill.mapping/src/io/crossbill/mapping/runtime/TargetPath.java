package io.crossbill.mapping.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A target path parsed once: field names, each either a plain object member or an array ({@code name[]})
 * whose element is chosen by the source's {@code [*]} indexes, outermost first.
 */
final class TargetPath {

	private final String text;
	private final String[] names;
	private final boolean[] arrays;
	private final int arrayCount;

	private TargetPath(String text, String[] names, boolean[] arrays, int arrayCount) {
		this.text = text;
		this.names = names;
		this.arrays = arrays;
		this.arrayCount = arrayCount;
	}

	static TargetPath parse(String text) {
		String path = text.trim();
		if (path.isEmpty()) {
			throw new IllegalArgumentException("the target path is empty");
		}
		String[] segments = path.split("[/.]", -1);
		String[] names = new String[segments.length];
		boolean[] arrays = new boolean[segments.length];
		int arrayCount = 0;
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i].trim();
			arrays[i] = segment.endsWith("[]");
			names[i] = arrays[i] ? segment.substring(0, segment.length() - 2) : segment;
			if (names[i].isEmpty() || names[i].contains("[") || names[i].contains("]")) {
				throw new IllegalArgumentException("the target path \"" + text
						+ "\" has an invalid segment \"" + segment + "\" (use name or name[])");
			}
			arrayCount += arrays[i] ? 1 : 0;
		}
		return new TargetPath(text, names, arrays, arrayCount);
	}

	/** How many {@code name[]} segments the path has. */
	int arrays() {
		return arrayCount;
	}

	/** Writes the value at the element the indexes choose, creating objects and array elements on the way. */
	void write(ObjectNode root, int[] indexes, JsonNode value) {
		ObjectNode node = root;
		int array = 0;
		int last = names.length - 1;
		for (int i = 0; i < last; i++) {
			if (arrays[i]) {
				node = element(node.withArrayProperty(names[i]), indexes[array++]);
			} else {
				node = node.withObjectProperty(names[i]);
			}
		}
		if (arrays[last]) {
			ArrayNode values = node.withArrayProperty(names[last]);
			int index = indexes[array];
			while (values.size() <= index) {
				values.add(NullNode.getInstance());
			}
			values.set(index, value);
		} else {
			node.set(names[last], value);
		}
	}

	/** Writes the value into every element that already exists along the path's arrays. */
	void writeEverywhere(ObjectNode root, JsonNode value) {
		writeEverywhere(root, 0, value);
	}

	private void writeEverywhere(ObjectNode node, int from, JsonNode value) {
		int last = names.length - 1;
		for (int i = from; i < last; i++) {
			if (arrays[i]) {
				JsonNode elements = node.path(names[i]);
				for (JsonNode element : elements) {
					if (element instanceof ObjectNode object) {
						writeEverywhere(object, i + 1, value);
					}
				}
				return;
			}
			node = node.withObjectProperty(names[i]);
		}
		if (arrays[last]) {
			throw new IllegalStateException("a value without [*] cannot fill the array " + text);
		}
		node.set(names[last], value);
	}

	private static ObjectNode element(ArrayNode array, int index) {
		while (array.size() <= index) {
			array.addObject();
		}
		JsonNode element = array.get(index);
		if (element instanceof ObjectNode object) {
			return object;
		}
		ObjectNode object = array.objectNode();
		array.set(index, object);
		return object;
	}

	@Override
	public String toString() {
		return text;
	}
}
