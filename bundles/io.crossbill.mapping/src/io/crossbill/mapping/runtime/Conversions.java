package io.crossbill.mapping.runtime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.crossbill.mapping.Transform;

/**
 * The typed conversions behind {@link Transform}: plain Java on Jackson nodes, no expression engine. A value
 * that cannot be converted raises {@link ConversionException} with a sentence for the analyst.
 */
final class Conversions {

	private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
	private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
	/** Microsoft JSON dates, as Xero's accounting API still sends them: /Date(1760000000000+0000)/. */
	private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

	/** A value a transform cannot convert. */
	static final class ConversionException extends Exception {
		private static final long serialVersionUID = 1L;

		ConversionException(String message) {
			super(message);
		}
	}

	private Conversions() {
	}

	static JsonNode apply(Transform transform, JsonNode value, int scale) throws ConversionException {
		return switch (transform) {
		case TRIM -> TextNode.valueOf(text(value, transform).strip());
		case UPPER -> TextNode.valueOf(text(value, transform).toUpperCase(Locale.ROOT));
		case LOWER -> TextNode.valueOf(text(value, transform).toLowerCase(Locale.ROOT));
		case TO_STRING -> TextNode.valueOf(value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
		case TO_DECIMAL -> DecimalNode.valueOf(round(decimal(value, transform), scale));
		case TO_INTEGER -> LongNode.valueOf(integer(value, transform));
		case TO_BOOLEAN -> BooleanNode.valueOf(bool(value));
		case TO_DATE -> isoDate(value);
		case MINUTES_TO_HOURS -> hours(decimal(value, transform), SIXTY, scale);
		case SECONDS_TO_HOURS -> hours(decimal(value, transform), SECONDS_PER_HOUR, scale);
		case HOURS_TO_MINUTES -> DecimalNode.valueOf(round(decimal(value, transform).multiply(SIXTY), scale));
		case ROUND -> DecimalNode.valueOf(round(decimal(value, transform), Math.max(scale, 0)));
		};
	}

	private static JsonNode hours(BigDecimal amount, BigDecimal divisor, int scale) {
		BigDecimal hours = scale >= 0 ? amount.divide(divisor, scale, RoundingMode.HALF_UP)
				// exact when it terminates (195 min = 3.25 h), otherwise to 6 places
				: divideExactOr(amount, divisor);
		return DecimalNode.valueOf(hours);
	}

	private static BigDecimal divideExactOr(BigDecimal amount, BigDecimal divisor) {
		try {
			return amount.divide(divisor);
		} catch (ArithmeticException nonTerminating) {
			return amount.divide(divisor, 6, RoundingMode.HALF_UP);
		}
	}

	private static BigDecimal round(BigDecimal value, int scale) {
		return scale >= 0 ? value.setScale(scale, RoundingMode.HALF_UP) : value;
	}

	private static String text(JsonNode value, Transform transform) throws ConversionException {
		if (value.isContainerNode()) {
			throw new ConversionException("cannot apply " + name(transform) + " to " + describe(value));
		}
		return value.asText();
	}

	static BigDecimal decimal(JsonNode value, Transform transform) throws ConversionException {
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isTextual()) {
			try {
				return new BigDecimal(value.asText().strip());
			} catch (NumberFormatException e) {
				// reported below
			}
		}
		throw new ConversionException("expected a number for " + name(transform) + " but found " + describe(value));
	}

	private static long integer(JsonNode value, Transform transform) throws ConversionException {
		try {
			return decimal(value, transform).longValueExact();
		} catch (ArithmeticException e) {
			throw new ConversionException("expected a whole number but found " + describe(value));
		}
	}

	private static boolean bool(JsonNode value) throws ConversionException {
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		String text = value.asText().strip().toLowerCase(Locale.ROOT);
		return switch (text) {
		case "true", "yes", "y", "1" -> true;
		case "false", "no", "n", "0" -> false;
		default -> throw new ConversionException("expected true or false but found " + describe(value));
		};
	}

	/** TO_DATE: an ISO date or date-time keeps its first 10 characters once checked, without formatting. */
	private static JsonNode isoDate(JsonNode value) throws ConversionException {
		if (value.isTextual()) {
			String text = value.textValue();
			if (text.length() >= 10 && text.charAt(4) == '-' && text.charAt(7) == '-'
					&& (text.length() == 10 || text.charAt(10) == 'T' || text.charAt(10) == ' ')
					&& text.charAt(0) != '+') {
				date(value); // checks digits and the calendar (2026-02-30 is no date)
				return text.length() == 10 ? value : TextNode.valueOf(text.substring(0, 10));
			}
		}
		return TextNode.valueOf(date(value).toString());
	}

	private static LocalDate date(JsonNode value) throws ConversionException {
		String text = value.asText().strip();
		try {
			// an ISO date or date-time: the date is as written, whatever the offset, so no parsing of the rest
			if (text.length() >= 10 && text.charAt(4) == '-' && text.charAt(7) == '-'
					&& (text.length() == 10 || text.charAt(10) == 'T' || text.charAt(10) == ' ')) {
				return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
			}
			Matcher ms = MS_DATE.matcher(text);
			if (ms.matches()) {
				ZoneOffset offset = ms.group(2) == null ? ZoneOffset.UTC : ZoneOffset.of(ms.group(2));
				return Instant.ofEpochMilli(Long.parseLong(ms.group(1))).atOffset(offset).toLocalDate();
			}
			return OffsetDateTime.parse(text).toLocalDate();
		} catch (DateTimeException | NumberFormatException | ArithmeticException e) {
			throw new ConversionException("expected a date (yyyy-MM-dd or an ISO date-time) but found "
					+ describe(value));
		}
	}

	private static int digits(String text, int from, int to) {
		int number = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new NumberFormatException(text);
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

	static String describe(JsonNode value) {
		if (value.isTextual()) {
			return "\"" + abbreviate(value.asText()) + "\"";
		}
		if (value.isContainerNode()) {
			return value.isArray() ? "a list" : "an object";
		}
		return abbreviate(value.toString());
	}

	private static String abbreviate(String text) {
		return text.length() <= 60 ? text : text.substring(0, 57) + "...";
	}

	static String name(Transform transform) {
		return transform.getLiteral().toLowerCase(Locale.ROOT).replace('_', ' ');
	}
}
