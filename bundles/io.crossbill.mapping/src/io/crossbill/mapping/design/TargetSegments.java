package io.crossbill.mapping.design;

import java.util.ArrayList;
import java.util.List;

/** Target paths read the way the runtime reads them: segments separated by {@code /} or {@code .}, {@code name[]}. */
final class TargetSegments {

	private TargetSegments() {
	}

	/**
	 * The segments, each {@code name} or {@code name[]}.
	 *
	 * @throws IllegalArgumentException saying what is wrong with the path
	 */
	static List<String> parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("the target path is empty");
		}
		List<String> segments = new ArrayList<>();
		for (String raw : text.trim().split("[/.]", -1)) {
			String segment = raw.trim();
			String name = segment.endsWith("[]") ? segment.substring(0, segment.length() - 2) : segment;
			if (name.isEmpty() || name.contains("[") || name.contains("]")) {
				throw new IllegalArgumentException("the target path \"" + text + "\" has an invalid segment \""
						+ segment + "\" (use name or name[])");
			}
			segments.add(segment);
		}
		return segments;
	}

	/** How many {@code name[]} segments the path has. */
	static int arrays(List<String> segments) {
		int arrays = 0;
		for (String segment : segments) {
			arrays += segment.endsWith("[]") ? 1 : 0;
		}
		return arrays;
	}

	/** The path written in one spelling ({@code a[]/b} for {@code a[].b}), for comparing paths. */
	static String normal(String text) {
		try {
			return String.join("/", parse(text));
		} catch (IllegalArgumentException e) {
			return text == null ? "" : text.trim();
		}
	}
}
