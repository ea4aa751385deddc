package io.crossbill.mapping.design;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.ValueMapEntry;
import io.crossbill.mapping.runtime.Literals;
import io.crossbill.mapping.runtime.SourcePath;

/** The values of samples a VALUE_MAP rule has no entry for, for the value maps page. */
public final class UnmatchedValues {

	private UnmatchedValues() {
	}

	/**
	 * The distinct values at the rule's source path in the samples (relative to the entity mapping's array path
	 * when it has one) that none of the rule's entries match, with how often each occurs, most frequent first
	 * (ties in the order met). Values match as the runtime matches them (numbers by value, {@code 1.50} is
	 * {@code 1.5}); missing and null values are not listed, since the rule's default applies to them. Listed even
	 * when the rule has a value for unmatched values, so the analyst sees what falls through to it. Empty for a
	 * rule that is not a VALUE_MAP or has no source path.
	 *
	 * @throws IllegalArgumentException when the source path or the array path is not a valid source path
	 */
	public static Map<String, Integer> of(FieldRule rule, String arrayPath, List<JsonNode> samples) {
		if (rule.getKind() != RuleKind.VALUE_MAP || rule.getSourcePath() == null || rule.getSourcePath().isBlank()
				|| samples == null) {
			return Map.of();
		}
		SourcePath path = SourcePath.parse(rule.getSourcePath());
		Set<String> known = new HashSet<>();
		for (ValueMapEntry entry : rule.getValueMap()) {
			if (entry.getFrom() != null) {
				known.add(Literals.key(Literals.parse(entry.getFrom())));
			}
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (JsonNode record : SamplePath.records(samples, arrayPath)) {
			if (record == null) {
				continue;
			}
			path.each(record, value -> {
				if (!Literals.isAbsent(value)) {
					String key = Literals.key(value);
					if (!known.contains(key)) {
						counts.merge(key, 1, Integer::sum);
					}
				}
			});
		}
		List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
		entries.sort((a, b) -> Integer.compare(b.getValue(), a.getValue())); // stable: ties keep the order met
		Map<String, Integer> sorted = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> entry : entries) {
			sorted.put(entry.getKey(), entry.getValue());
		}
		return sorted;
	}
}
