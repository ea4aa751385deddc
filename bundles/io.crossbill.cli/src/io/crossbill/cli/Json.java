package io.crossbill.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code --json} output, and how payloads are shown: as JSON when they are JSON, as text otherwise. */
final class Json {

	static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private Json() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static void print(PrintWriter out, JsonNode node) {
		try {
			out.println(MAPPER.writeValueAsString(node));
		} catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A payload as a JSON value: the parsed tree when it is JSON, else its text, or null when absent. */
	static JsonNode payload(byte[] bytes) {
		if (bytes == null) {
			return MAPPER.nullNode();
		}
		try {
			JsonNode tree = MAPPER.readTree(bytes);
			if (tree != null && !tree.isMissingNode()) {
				return tree;
			}
		} catch (IOException notJson) {
			// shown as text below
		}
		return MAPPER.getNodeFactory().textNode(text(bytes));
	}

	/** A payload for people: indented JSON when it is JSON, else the text (bad UTF-8 bytes shown as U+FFFD). */
	static String pretty(byte[] bytes) {
		JsonNode tree = payload(bytes);
		if (tree.isTextual()) {
			return tree.asText();
		}
		try {
			return MAPPER.writeValueAsString(tree);
		} catch (JsonProcessingException e) {
			return text(bytes);
		}
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}
}
