package io.crossbill.mapping.design;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.runtime.SourcePath;

/** The records an entity mapping maps, read from sample records with the runtime's own {@link SourcePath}. */
final class SamplePath {

	private SamplePath() {
	}

	/**
	 * The records an entity mapping maps from the samples: each element of the array path (the runtime adds
	 * {@code [*]} to a path without one), or the samples themselves without an array path.
	 *
	 * @throws IllegalArgumentException when the array path does not parse
	 */
	static List<JsonNode> records(List<JsonNode> samples, String arrayPath) {
		if (arrayPath == null || arrayPath.isBlank()) {
			return samples;
		}
		SourcePath path = SourcePath.parse(arrayPath);
		if (path.wildcards() == 0) {
			path = SourcePath.parse(arrayPath.trim() + "[*]");
		}
		List<JsonNode> elements = new ArrayList<>();
		for (JsonNode sample : samples) {
			if (sample != null) {
				path.each(sample, elements::add);
			}
		}
		return elements;
	}
}
