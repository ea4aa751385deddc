package io.crossbill.mapping.design;

import java.util.List;

/**
 * One field of a source or target tree in the mapping editor.
 *
 * @param name     the field's own name, e.g. {@code UnitAmount}
 * @param path     the whole path in the design's syntax: source-path syntax for source trees
 *                 ({@code LineItems[*].UnitAmount}), target-path syntax for target trees ({@code lines[]/unitAmount})
 * @param shape    a plain value, an object or an array
 * @param type     the type in words ({@code string}, {@code decimal}, {@code date}, an enum's name, ...), or empty
 * @param required whether a record is incomplete without it (target trees; always false for sources)
 * @param sample   a sample value as text (the first non-null one met in the samples), or empty
 * @param children the fields of an object, or of an array's elements
 */
public record FieldNode(String name, String path, Shape shape, String type, boolean required, String sample,
		List<FieldNode> children) {

	/** What a field holds. */
	public enum Shape { VALUE, OBJECT, ARRAY }

	public FieldNode {
		children = List.copyOf(children);
	}
}
