package io.crossbill.mapping.runtime;

import static io.crossbill.mapping.runtime.TimeEntryMappingTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

class PathTest {

	@Test
	void sourcePathReadsIndexesAndEachElementWithTheirPositions() throws IOException {
		JsonNode doc = json("{\"a\":{\"b\":[{\"c\":[1,2]},{\"c\":[3]}]}}");
		assertEquals(3, SourcePath.parse("a.b[1].c[0]").readOne(doc).intValue());
		assertEquals(true, SourcePath.parse("$.a.missing.deeper").readOne(doc).isMissingNode());
		List<String> seen = new ArrayList<>();
		SourcePath.parse("a.b[*].c[*]").read(doc, (value, at) -> seen.add(at[0] + "," + at[1] + "=" + value));
		assertEquals(List.of("0,0=1", "0,1=2", "1,0=3"), seen);
	}

	@Test
	void targetPathCreatesNestedObjectsAndArrayElements() {
		ObjectNode out = JsonNodeFactory.instance.objectNode();
		TargetPath.parse("lines[]/splits[]/amount").write(out, new int[] { 1, 0 }, TextNode.valueOf("x"));
		TargetPath.parse("billingAddress.city").write(out, null, TextNode.valueOf("Wellington"));
		TargetPath.parse("lines[]/tag").writeEverywhere(out, TextNode.valueOf("t"));
		assertEquals("{\"lines\":[{\"tag\":\"t\"},{\"splits\":[{\"amount\":\"x\"}],\"tag\":\"t\"}],"
				+ "\"billingAddress\":{\"city\":\"Wellington\"}}", out.toString());
	}

	@Test
	void malformedPathsAreRejectedWithTheReason() {
		assertEquals("the source path \"a[1\" has an unclosed '['",
				assertThrows(IllegalArgumentException.class, () -> SourcePath.parse("a[1")).getMessage());
		assertEquals("the source path \"a..b\" has an empty segment",
				assertThrows(IllegalArgumentException.class, () -> SourcePath.parse("a..b")).getMessage());
		assertEquals("the target path \"lines[0]/x\" has an invalid segment \"lines[0]\" (use name or name[])",
				assertThrows(IllegalArgumentException.class, () -> TargetPath.parse("lines[0]/x")).getMessage());
	}
}
