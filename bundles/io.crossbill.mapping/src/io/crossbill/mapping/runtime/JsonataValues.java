package io.crossbill.mapping.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts between Jackson trees and the plain maps, lists, strings, numbers and booleans the JSONata
 * engine works on. Decimals go in as doubles because JSONata's arithmetic is double arithmetic, as in
 * the JavaScript original; results come back as exact decimals of what the engine computed.
 */
final class JsonataValues {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private JsonataValues() {
	}

	static Object toJava(JsonNode node) {
		return switch (node.getNodeType()) {
		case OBJECT -> {
			Map<String, Object> map = new LinkedHashMap<>(node.size() * 2);
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				map.put(member.getKey(), toJava(member.getValue()));
			}
			yield map;
		}
		case ARRAY -> {
			List<Object> list = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				list.add(toJava(element));
			}
			yield list;
		}
		case STRING -> node.textValue();
		case BOOLEAN -> node.booleanValue();
		case NUMBER -> node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue() : node.doubleValue();
		case NULL -> Jsonata.NULL_VALUE;
		default -> null;
		};
	}

	/** The engine's result as JSON; {@code null} (JSONata's "undefined") becomes a missing node. */
	static JsonNode toJson(Object value) throws NotJsonException {
		if (value == null) {
			return MissingNode.getInstance();
		}
		if (value == Jsonata.NULL_VALUE) {
			return NODES.nullNode();
		}
		return switch (value) {
		case String text -> NODES.textNode(text);
		case Boolean bool -> NODES.booleanNode(bool);
		case Integer number -> NODES.numberNode(number);
		case Long number -> NODES.numberNode(number);
		case BigInteger number -> NODES.numberNode(number);
		case BigDecimal number -> NODES.numberNode(number);
		case Double number -> decimal(number);
		case Float number -> decimal(number.doubleValue());
		case Number number -> NODES.numberNode(new BigDecimal(number.toString()));
		case Map<?, ?> map -> {
			ObjectNode object = NODES.objectNode();
			for (Map.Entry<?, ?> member : map.entrySet()) {
				object.set(String.valueOf(member.getKey()), toJson(member.getValue()));
			}
			yield object;
		}
		case List<?> list -> {
			ArrayNode array = NODES.arrayNode(list.size());
			for (Object element : list) {
				JsonNode json = toJson(element);
				if (!json.isMissingNode()) {
					array.add(json);
				}
			}
			yield array;
		}
		default -> throw new NotJsonException(value);
		};
	}

	private static JsonNode decimal(double number) throws NotJsonException {
		if (Double.isNaN(number) || Double.isInfinite(number)) {
			throw new NotJsonException(number);
		}
		if (number == Math.rint(number) && Math.abs(number) < 1e15) {
			return NODES.numberNode((long) number);
		}
		// shortest decimal that reads back as the same double: 3.25, not 3.25000000000000001
		return NODES.numberNode(BigDecimal.valueOf(number));
	}

	/** A result that JSON cannot hold: a function, NaN, infinity or a Java object. */
	static final class NotJsonException extends Exception {
		private static final long serialVersionUID = 1L;

		NotJsonException(Object value) {
			super("the expression gives " + (value instanceof Number ? value.toString()
					: "a " + value.getClass().getSimpleName().replace("JFunction", "function"))
					+ ", not a JSON value");
		}
	}
}
