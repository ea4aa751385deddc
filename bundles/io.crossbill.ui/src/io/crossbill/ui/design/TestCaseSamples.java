package io.crossbill.ui.design;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.TestCase;

/**
 * The default samples: the source records of the design's golden tests that go through the entity mapping (a test
 * case without a source entity goes through the design's only one). A sample that is not valid JSON is skipped; the
 * Test cases page reports it.
 */
public final class TestCaseSamples implements SampleProvider {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public List<JsonNode> samples(MappingDesign design, EntityMapping entityMapping, int max) {
		List<JsonNode> samples = new ArrayList<>();
		boolean only = design.getEntityMappings().size() == 1;
		for (TestCase testCase : design.getTestCases()) {
			if (samples.size() >= max) {
				break;
			}
			String entity = testCase.getSourceEntity();
			boolean goesThrough = entity == null || entity.isBlank() ? only || design.getEntityMappings().indexOf(
					entityMapping) == 0 : entity.equals(entityMapping.getSourceEntity());
			if (goesThrough && testCase.getSampleJson() != null) {
				try {
					samples.add(JSON.readTree(testCase.getSampleJson()));
				} catch (Exception e) {
					// a test case with broken JSON is reported by the Test cases page, not here
				}
			}
		}
		return samples;
	}

	@Override
	public String origin() {
		return "the design's test cases";
	}
}
