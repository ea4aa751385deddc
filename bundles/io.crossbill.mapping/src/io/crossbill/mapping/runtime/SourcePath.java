package io.crossbill.mapping.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A source path parsed once into steps: a field name, an array index, or "each element" ({@code [*]}).
 * Reading never throws: a missing field reads as {@link MissingNode}, a missing array as no elements.
 */
public final class SourcePath {

	/** Receives each value a path reads, with the element indexes of its {@code [*]} steps. */
	@FunctionalInterface
	interface ValueSink {
		void accept(JsonNode value, int[] indexes);
	}

	private static final Object EACH = new Object();

	private final String text;
	/** String = field name, Integer = index, {@link #EACH} = every element. */
	private final Object[] steps;
	private final int wildcards;

	private SourcePath(String text, Object[] steps, int wildcards) {
		this.text = text;
		this.steps = steps;
		this.wildcards = wildcards;
	}

	/** Parses a source path ({@code a.b}, {@code $.a}, {@code a[2]}, {@code a[*].b}); a malformed one is an IllegalArgumentException. */
	public static SourcePath parse(String text) {
		String path = text.trim();
		if (path.equals("$")) {
			return new SourcePath(text, new Object[0], 0);
		}
		if (path.startsWith("$.")) {
			path = path.substring(2);
		}
		if (path.isEmpty()) {
			throw new IllegalArgumentException("the source path is empty");
		}
		List<Object> steps = new ArrayList<>();
		int wildcards = 0;
		for (String segment : path.split("\\.", -1)) {
			int bracket = segment.indexOf('[');
			String name = bracket < 0 ? segment : segment.substring(0, bracket);
			if (name.isEmpty() && bracket != 0) {
				throw new IllegalArgumentException("the source path \"" + text + "\" has an empty segment");
			}
			if (!name.isEmpty()) {
				steps.add(name);
			}
			while (bracket >= 0) {
				int close = segment.indexOf(']', bracket);
				if (close < 0) {
					throw new IllegalArgumentException("the source path \"" + text + "\" has an unclosed '['");
				}
				String inside = segment.substring(bracket + 1, close).trim();
				if (inside.equals("*")) {
					steps.add(EACH);
					wildcards++;
				} else {
					try {
						steps.add(Integer.valueOf(inside));
					} catch (NumberFormatException e) {
						throw new IllegalArgumentException("the source path \"" + text + "\" has '[" + inside
								+ "]': use a number or *", e);
					}
				}
				bracket = segment.indexOf('[', close);
				if (bracket < 0 && close + 1 < segment.length()) {
					throw new IllegalArgumentException("the source path \"" + text + "\" has text after ']'");
				}
			}
		}
		return new SourcePath(text, steps.toArray(), wildcards);
	}

	/** How many {@code [*]} steps the path has. */
	/** How many {@code [*]} steps the path has. */
	public int wildcards() {
		return wildcards;
	}

	/** Reads a path without {@code [*]}. */
	JsonNode readOne(JsonNode root) {
		JsonNode node = root;
		for (Object step : steps) {
			node = step instanceof String name ? node.path(name) : node.path((Integer) step);
		}
		return node;
	}

	/** Calls the sink once per value; a path without {@code [*]} always calls it exactly once. */
	void read(JsonNode root, ValueSink sink) {
		if (wildcards == 0) {
			sink.accept(readOne(root), null);
		} else {
			walk(root, 0, new int[wildcards], 0, sink);
		}
	}

	/** Calls {@code each} once per value, as {@link #read} does, without the element indexes. */
	public void each(JsonNode root, Consumer<JsonNode> each) {
		read(root, (value, indexes) -> each.accept(value));
	}

	private void walk(JsonNode node, int step, int[] indexes, int depth, ValueSink sink) {
		for (int i = step; i < steps.length; i++) {
			Object current = steps[i];
			if (current == EACH) {
				for (int element = 0; element < node.size() && node.isArray(); element++) {
					indexes[depth] = element;
					walk(node.get(element), i + 1, indexes, depth + 1, sink);
				}
				return;
			}
			node = current instanceof String name ? node.path(name) : node.path((Integer) current);
		}
		sink.accept(node, indexes.clone());
	}

	@Override
	public String toString() {
		return text;
	}
}
