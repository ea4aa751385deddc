package io.crossbill.mapping.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.util.EcoreUtil;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What JSON an EAttribute's data type accepts, decided once per attribute from the model. Returns the
 * plain-language complaint, or {@code null} when the value fits.
 */
@FunctionalInterface
interface FieldType {

	String check(JsonNode value);

	static FieldType of(EDataType type) {
		if (type instanceof EEnum eEnum) {
			return new EnumType(eEnum);
		}
		Class<?> java = type.getInstanceClass();
		if (java == String.class) {
			return value -> value.isTextual() ? null : "must be text, but is " + describe(value);
		}
		if (java == BigDecimal.class || java == double.class || java == Double.class || java == float.class
				|| java == Float.class) {
			return value -> value.isNumber() ? null : "must be a number, but is " + describe(value);
		}
		if (java == int.class || java == Integer.class || java == long.class || java == Long.class
				|| java == short.class || java == Short.class || java == BigInteger.class) {
			return value -> value.isIntegralNumber()
					|| value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0 ? null
							: "must be a whole number, but is " + describe(value);
		}
		if (java == boolean.class || java == Boolean.class) {
			return value -> value.isBoolean() ? null : "must be true or false, but is " + describe(value);
		}
		return new TextParsedType(type);
	}

	static String describe(JsonNode value) {
		if (value.isTextual()) {
			String text = value.asText();
			return "\"" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "\"";
		}
		return value.isContainerNode() ? (value.isArray() ? "a list" : "an object") : value.toString();
	}

	/** An enum value is its literal, as the canonical JSON writes it. */
	record EnumType(EEnum eEnum) implements FieldType {
		@Override
		public String check(JsonNode value) {
			if (value.isTextual() && eEnum.getEEnumLiteralByLiteral(value.asText()) != null) {
				return null;
			}
			return "must be one of " + eEnum.getELiterals().stream().map(EEnumLiteral::getLiteral)
					.collect(Collectors.joining(", ")) + ", but is " + describe(value);
		}
	}

	/** Dates and other text-encoded types, read the way the model's factory reads them. */
	record TextParsedType(EDataType type) implements FieldType {
		@Override
		public String check(JsonNode value) {
			if (value.isTextual()) {
				try {
					EcoreUtil.createFromString(type, value.asText());
					return null;
				} catch (RuntimeException e) {
					// reported below
				}
			}
			return "must be " + article(type) + ", but is " + describe(value);
		}

		private static String article(EDataType type) {
			return "LocalDate".equals(type.getName()) ? "a date (yyyy-MM-dd)" : "a valid " + type.getName();
		}
	}
}
