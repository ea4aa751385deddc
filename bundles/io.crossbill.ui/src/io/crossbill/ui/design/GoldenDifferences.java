package io.crossbill.ui.design;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crossbill.mapping.runtime.TestCaseOutcome;

/**
 * Why a golden test fails, field by field ("status: expected "ACTIVE", the design gives "PLANNED""), instead of
 * two whole JSON documents. Numbers compare by value, as {@link TestCaseOutcome} does.
 */
final class GoldenDifferences {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final int MAX = 4;

	private GoldenDifferences() {
	}

	/** Why the test fails in one line, or empty when it passes. */
	static String why(String expectedJson, TestCaseOutcome outcome) {
		if (outcome.passed()) {
			return "";
		}
		if (outcome.actual() == null || !outcome.problems().isEmpty()) {
			return outcome.detail();
		}
		JsonNode expected;
		try {
			expected = JSON.readTree(expectedJson);
		} catch (Exception e) {
			return outcome.detail();
		}
		List<String> differences = new ArrayList<>();
		compare("", expected, outcome.actual(), differences);
		if (differences.isEmpty()) {
			return outcome.detail();
		}
		String text = String.join("; ", differences.subList(0, Math.min(MAX, differences.size())));
		return differences.size() > MAX ? text + "; and " + (differences.size() - MAX) + " more" : text;
	}

	private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
		if (expected.isObject() && actual.isObject()) {
			Set<String> names = new LinkedHashSet<>();
			expected.fieldNames().forEachRemaining(names::add);
			actual.fieldNames().forEachRemaining(names::add);
			for (String name : names) {
				String child = path.isEmpty() ? name : path + "/" + name;
				JsonNode e = expected.get(name);
				JsonNode a = actual.get(name);
				if (a == null) {
					out.add(child + ": expected " + shown(e) + ", the design gives nothing");
				} else if (e == null) {
					out.add(child + ": not expected, the design gives " + shown(a));
				} else {
					compare(child, e, a, out);
				}
			}
		} else if (expected.isArray() && actual.isArray()) {
			if (expected.size() != actual.size()) {
				out.add((path.isEmpty() ? "the output" : path) + ": expected " + expected.size() + " elements, the design gives "
						+ actual.size());
			}
			Iterator<JsonNode> e = expected.elements();
			Iterator<JsonNode> a = actual.elements();
			for (int i = 0; e.hasNext() && a.hasNext(); i++) {
				compare(path + "[" + i + "]", e.next(), a.next(), out);
			}
		} else if (!same(expected, actual)) {
			out.add((path.isEmpty() ? "the output" : path) + ": expected " + shown(expected) + ", the design gives "
					+ shown(actual));
		}
	}

	private static boolean same(JsonNode a, JsonNode b) {
		return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
	}

	private static String shown(JsonNode node) {
		String text = node.toString();
		return text.length() > 60 ? text.substring(0, 57) + "..." : text;
	}
}
