package io.crossbill.mapping.design;

import java.util.List;

/** JSONata's built-in functions, for content assist after {@code $}: name, signature and what it does. */
final class JsonataFunctions {

	/** One built-in function. */
	record Function(String name, String signature, String summary) {

		/** True when the call is complete without arguments ({@code $now()}), so the proposal closes it. */
		boolean argumentsOptional() {
			String arguments = signature.substring(signature.indexOf('(') + 1, signature.lastIndexOf(')')).strip();
			for (String argument : arguments.split(",")) {
				if (!argument.isBlank() && !argument.strip().endsWith("?")) {
					return false;
				}
			}
			return true;
		}
	}

	/** Most used in mappings first, so an empty prefix proposes the likely ones at the top. */
	static final List<Function> ALL = List.of(
			f("string", "$string(arg, prettify?)", "the value as text"),
			f("number", "$number(arg)", "text or a boolean as a number"),
			f("round", "$round(number, precision?)", "rounds half to even to the given decimal places"),
			f("sum", "$sum(array)", "the sum of the numbers"),
			f("substring", "$substring(str, start, length?)", "part of the text, from 0"),
			f("uppercase", "$uppercase(str)", "the text in upper case"),
			f("lowercase", "$lowercase(str)", "the text in lower case"),
			f("trim", "$trim(str)", "the text without surrounding or repeated white space"),
			f("join", "$join(array, separator?)", "the texts joined into one"),
			f("split", "$split(str, separator, limit?)", "the text cut into an array"),
			f("map", "$map(array, function)", "each element transformed"),
			f("filter", "$filter(array, function)", "the elements the function accepts"),
			f("count", "$count(array)", "how many elements"),
			f("exists", "$exists(arg)", "true when the value is there"),
			f("now", "$now(picture?, timezone?)", "the current time as an ISO timestamp"),
			f("fromMillis", "$fromMillis(number, picture?, timezone?)", "milliseconds since 1970 as an ISO timestamp"),
			f("toMillis", "$toMillis(timestamp, picture?)", "an ISO timestamp as milliseconds since 1970"),
			f("millis", "$millis()", "the current time in milliseconds since 1970"),
			f("contains", "$contains(str, pattern)", "true when the text contains the text or regex"),
			f("replace", "$replace(str, pattern, replacement, limit?)", "the text with matches replaced"),
			f("match", "$match(str, pattern, limit?)", "the regex matches in the text"),
			f("pad", "$pad(str, width, char?)", "the text padded to the width (negative pads on the left)"),
			f("length", "$length(str)", "the number of characters"),
			f("substringBefore", "$substringBefore(str, chars)", "the text before the first occurrence"),
			f("substringAfter", "$substringAfter(str, chars)", "the text after the first occurrence"),
			f("boolean", "$boolean(arg)", "the value as true or false"),
			f("not", "$not(arg)", "the opposite boolean"),
			f("type", "$type(value)", "the value's JSON type as text"),
			f("abs", "$abs(number)", "the absolute value"),
			f("floor", "$floor(number)", "rounded down"),
			f("ceil", "$ceil(number)", "rounded up"),
			f("power", "$power(base, exponent)", "base to the power of exponent"),
			f("sqrt", "$sqrt(number)", "the square root"),
			f("random", "$random()", "a random number between 0 and 1"),
			f("formatNumber", "$formatNumber(number, picture, options?)", "the number as text by a picture"),
			f("formatBase", "$formatBase(number, radix?)", "the number as text in another base"),
			f("formatInteger", "$formatInteger(number, picture)", "the integer as text by a picture"),
			f("parseInteger", "$parseInteger(str, picture)", "the text read as an integer by a picture"),
			f("max", "$max(array)", "the largest number"),
			f("min", "$min(array)", "the smallest number"),
			f("average", "$average(array)", "the mean of the numbers"),
			f("append", "$append(array1, array2)", "the two arrays joined"),
			f("sort", "$sort(array, function?)", "the elements in order"),
			f("reverse", "$reverse(array)", "the elements in reverse order"),
			f("shuffle", "$shuffle(array)", "the elements in random order"),
			f("distinct", "$distinct(array)", "the elements without duplicates"),
			f("zip", "$zip(array1, ...)", "the arrays combined element by element"),
			f("reduce", "$reduce(array, function, init?)", "the elements folded into one value"),
			f("single", "$single(array, function?)", "the one element the function accepts"),
			f("keys", "$keys(object)", "the object's field names"),
			f("lookup", "$lookup(object, key)", "the value of the object's field"),
			f("spread", "$spread(object)", "the object as an array of one-field objects"),
			f("merge", "$merge(array)", "the objects merged into one"),
			f("sift", "$sift(object, function)", "the fields the function accepts"),
			f("each", "$each(object, function)", "the function applied to each field"),
			f("error", "$error(message)", "stops with the message"),
			f("assert", "$assert(condition, message)", "stops with the message when the condition is false"),
			f("base64encode", "$base64encode(str)", "the text in base 64"),
			f("base64decode", "$base64decode(str)", "base 64 back to text"),
			f("encodeUrlComponent", "$encodeUrlComponent(str)", "the text escaped for a URL component"),
			f("encodeUrl", "$encodeUrl(str)", "the text escaped for a URL"),
			f("decodeUrlComponent", "$decodeUrlComponent(str)", "a URL component unescaped"),
			f("decodeUrl", "$decodeUrl(str)", "a URL unescaped"),
			f("eval", "$eval(expr, context?)", "evaluates JSONata text"));

	private JsonataFunctions() {
	}

	private static Function f(String name, String signature, String summary) {
		return new Function(name, signature, summary);
	}
}
