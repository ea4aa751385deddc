package io.crossbill.ui.design;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.MappingDesign;

/**
 * Sample source records for the mapping design editor's preview and trees: read from the system, captured from
 * the inbox, or (the default, {@link TestCaseSamples}) the samples of the design's own golden tests. Called off the
 * UI thread, with a private copy of the design.
 */
public interface SampleProvider {

	/** Up to {@code max} sample source records for the entity mapping; empty when there are none. */
	List<JsonNode> samples(MappingDesign design, EntityMapping entityMapping, int max);

	/** Where the samples come from, in words ("deals read from HubSpot (sandbox)", "the design's test cases"). */
	String origin();

	/**
	 * The samples with where these very records came from. The default says "N samples from " + {@link #origin()};
	 * a provider with fallbacks ({@link SystemSamples}) says which one answered and why the others did not.
	 */
	default SampleSet read(MappingDesign design, EntityMapping entityMapping, int max) {
		List<JsonNode> records = samples(design, entityMapping, max);
		return new SampleSet(records, String.format("%,d %s from %s", records.size(), records.size() == 1 ? "sample"
				: "samples", origin()));
	}
}
