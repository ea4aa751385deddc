package io.crossbill.ui.design;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sample records as one {@link SampleProvider} read them, with where they came from in words ("25 deals read from
 * HubSpot (sandbox) at 10:42", "the design's 3 test cases: HubSpot did not answer: ...").
 *
 * @param records the sample source records, in the order read
 * @param origin  where they came from and, when the first choice failed, why it was not used
 */
public record SampleSet(List<JsonNode> records, String origin) {

	public SampleSet {
		records = List.copyOf(records);
	}
}
