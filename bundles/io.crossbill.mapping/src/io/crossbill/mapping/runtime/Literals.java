package io.crossbill.mapping.runtime;

import java.io.IOException;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Values an analyst types into a design (constants, defaults, value-map targets): a JSON literal when the
 * text is one ({@code 42}, {@code true}, {@code "x"}, {@code {"a":1}}), otherwise the text itself, so
 * {@code NZD} needs no quotes.
 */
public final class Literals {

	public static final JsonMapper JSON = JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
			.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
			.build();

	private Literals() {
	}

	/** @return the literal, or {@code null} when the text is {@code null} */
	public static JsonNode parse(String text) {
		if (text == null) {
			return null;
		}
		try {
			JsonNode node = JSON.readTree(text);
			return node == null || node.isMissingNode() ? TextNode.valueOf(text) : node;
		} catch (IOException notJson) {
			return TextNode.valueOf(text);
		}
	}

	/** The key a value is looked up by in a value map: text as is, numbers without trailing zeros. */
	public static String key(JsonNode value) {
		if (value.isNumber()) {
			return value.isIntegralNumber() ? value.bigIntegerValue().toString()
					: value.decimalValue().stripTrailingZeros().toPlainString();
		}
		return value.asText();
	}

	/** True for a value a rule treats as "nothing there": missing, JSON null. */
	public static boolean isAbsent(JsonNode value) {
		return value == null || value.isMissingNode() || value.isNull();
	}
}
