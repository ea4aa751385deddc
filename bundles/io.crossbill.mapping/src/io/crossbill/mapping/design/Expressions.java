package io.crossbill.mapping.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.util.EcoreUtil;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.crossbill.mapping.Direction;
import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.MappingFactory;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.runtime.MappingCompiler;
import io.crossbill.mapping.runtime.MappingFailure;
import io.crossbill.mapping.runtime.MappingProblem;
import io.crossbill.mapping.runtime.MappingResult;

/**
 * JSONata help for the expression editor: syntax check, evaluation on a sample, content assist. Evaluation
 * goes through the mapping runtime itself (an EXPRESSION rule compiled uncached), so the editor shows exactly
 * the value, the error and the time and depth bounds a design run would have.
 */
public final class Expressions {

	private static final String VALUE = "value";
	private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)\\s*:=");
	private static final MappingCompiler COMPILER = new MappingCompiler();

	private Expressions() {
	}

	/** One proposal of content assist: replace {@code text[replaceFrom, caret)} with {@code replacement}. */
	public record Completion(String replacement, int replaceFrom, String label, String detail) {
	}

	/** Parses the expression: valid, or the parser's message and the offset it points at. Fast (no evaluation). */
	public static ExpressionCheck check(String expression) {
		if (expression == null || expression.isBlank()) {
			return new ExpressionCheck(false, "The expression is empty: type a JSONata expression, e.g. properties.amount.",
					0, null);
		}
		try {
			Jsonata.jsonata(expression);
			return new ExpressionCheck(true, "", -1, null);
		} catch (JException e) {
			int offset = offset(expression, e);
			return new ExpressionCheck(false, "Syntax error at character " + (offset + 1) + ": " + message(e), offset,
					null);
		} catch (RuntimeException | StackOverflowError e) {
			return new ExpressionCheck(false, "The expression does not parse: " + message(e), -1, null);
		}
	}

	/**
	 * Parses and evaluates the expression on one sample record, bounded in time and depth like the runtime;
	 * a syntax error, a failure or a timeout comes back as the check's error, never as an exception. Without a
	 * sample the expression is only checked (value {@code null}).
	 */
	public static ExpressionCheck evaluate(String expression, JsonNode sample) {
		ExpressionCheck syntax = check(expression);
		if (!syntax.valid() || sample == null) {
			return syntax;
		}
		try {
			MappingResult result = COMPILER.compileUncached(expressionDesign(expression)).map(sample);
			if (!result.problems().isEmpty()) {
				return new ExpressionCheck(true, sentence(result.problems().get(0).detail()), -1, null);
			}
			JsonNode value = result.records().isEmpty() ? null : result.records().get(0).get(VALUE);
			return new ExpressionCheck(true, "", -1, value == null ? NullNode.getInstance() : value);
		} catch (MappingFailure failure) {
			return new ExpressionCheck(true, sentence(failure.problems().get(0).detail()), -1, null);
		} catch (RuntimeException | StackOverflowError e) {
			return new ExpressionCheck(true, "The expression failed: " + message(e), -1, null);
		}
	}

	/**
	 * Evaluates one rule on one sample record exactly as a design run would: a copy of the rule (source path,
	 * expression, value map, default, transforms, required flag) in a one-rule design compiled uncached, its
	 * entity mapping reading {@code arrayPath} when it is set. So an EXPRESSION rule with a source path sees the
	 * value at that path, not the record (each value for {@code [*]}, collected into a list), and one without sees
	 * the record, or the element of {@code arrayPath}. The value is the one the rule writes on the first record the
	 * entity mapping makes (JSON null when it writes nothing); a syntax error, a failure, a missing required value
	 * or a sample without elements at {@code arrayPath} comes back as the check's error, never as an exception.
	 * Without a sample the rule's expression is only checked.
	 *
	 * @param rule      the rule as it would run (not changed; pass a copy with the text being edited as its expression)
	 * @param arrayPath the entity mapping's array path, or null/blank when each record is mapped once
	 */
	public static ExpressionCheck evaluate(FieldRule rule, String arrayPath, JsonNode sample) {
		if (rule == null) {
			return new ExpressionCheck(false, "There is no rule to evaluate.", -1, null);
		}
		if (rule.getKind() == RuleKind.EXPRESSION) {
			ExpressionCheck syntax = check(rule.getExpression());
			if (!syntax.valid() || sample == null) {
				return syntax;
			}
		} else if (sample == null) {
			return new ExpressionCheck(true, "", -1, null);
		}
		try {
			MappingResult result = COMPILER.compileUncached(ruleDesign(rule, arrayPath)).map(sample);
			if (!result.problems().isEmpty()) {
				return new ExpressionCheck(true, sentence(result.problems().get(0).detail()), -1, null);
			}
			if (result.records().isEmpty()) {
				return new ExpressionCheck(true, "The sample has no elements at " + arrayPath
						+ ", so the entity mapping makes no record from it.", -1, null);
			}
			JsonNode value = result.records().get(0).get(VALUE);
			return new ExpressionCheck(true, "", -1, value == null ? NullNode.getInstance() : value);
		} catch (MappingFailure failure) {
			return new ExpressionCheck(true, sentence(failure.problems().get(0).detail()), -1, null);
		} catch (RuntimeException | StackOverflowError e) {
			return new ExpressionCheck(true, "The rule failed: " + message(e), -1, null);
		}
	}

	/**
	 * Proposals for the text before the caret: the field paths of the source tree that continue the path being
	 * typed (after {@code .} they are the children of the path before it; inside a predicate {@code [..]} the
	 * fields of the array's elements), and JSONata's functions and the expression's own variables after
	 * {@code $}; best first (starts with the typed text, then starts with it ignoring case, then contains it).
	 * Nothing inside a string literal, or after a path the tree does not know.
	 */
	public static List<Completion> complete(String text, int caret, List<FieldNode> sourceTree) {
		String expression = text == null ? "" : text;
		int end = Math.max(0, Math.min(caret, expression.length()));
		char quote = openQuote(expression, end);
		if (quote == '"' || quote == '\'') {
			return List.of();
		}
		int start = end;
		while (start > 0 && isNameChar(expression.charAt(start - 1), quote == '`')) {
			start--;
		}
		String prefix = expression.substring(start, end);
		if (quote == '`') {
			start--; // the opening backtick is replaced too
		} else if (start > 0 && expression.charAt(start - 1) == '$' && (start < 2 || expression.charAt(start - 2) != '$')) {
			return functions(expression, start - 1, prefix);
		}
		List<FieldNode> context = context(expression, start, sourceTree == null ? List.of() : sourceTree);
		return fields(context, start, prefix);
	}

	private static List<Completion> functions(String expression, int dollar, String prefix) {
		List<Completion> proposals = new ArrayList<>();
		Set<String> variables = new LinkedHashSet<>();
		Matcher matcher = VARIABLE.matcher(expression);
		while (matcher.find()) {
			if (matcher.start() != dollar) {
				variables.add(matcher.group(1));
			}
		}
		List<Ranked> ranked = new ArrayList<>();
		int order = 0;
		for (String variable : variables) {
			int rank = rank(variable, prefix);
			if (rank >= 0) {
				ranked.add(new Ranked(rank, order++,
						new Completion("$" + variable, dollar, "$" + variable, "variable of this expression")));
			}
		}
		for (JsonataFunctions.Function function : JsonataFunctions.ALL) {
			int rank = rank(function.name(), prefix);
			if (rank >= 0) {
				String replacement = "$" + function.name() + (function.argumentsOptional() ? "()" : "(");
				ranked.add(new Ranked(rank, order++,
						new Completion(replacement, dollar, function.signature(), function.summary())));
			}
		}
		ranked.sort(Ranked.BEST_FIRST);
		for (Ranked proposal : ranked) {
			proposals.add(proposal.completion());
		}
		return proposals;
	}

	private static List<Completion> fields(List<FieldNode> context, int replaceFrom, String prefix) {
		List<Ranked> ranked = new ArrayList<>();
		int order = 0;
		for (FieldNode field : context) {
			int rank = rank(field.name(), prefix);
			if (rank >= 0) {
				ranked.add(new Ranked(rank, order++, new Completion(quoteName(field.name()), replaceFrom, field.name(),
						detail(field))));
			}
		}
		ranked.sort(Ranked.BEST_FIRST);
		List<Completion> proposals = new ArrayList<>(ranked.size());
		for (Ranked proposal : ranked) {
			proposals.add(proposal.completion());
		}
		return proposals;
	}

	/** The fields a name typed at {@code start} can be: children of the path before a dot, else of the context. */
	private static List<FieldNode> context(String text, int start, List<FieldNode> tree) {
		List<FieldNode> enclosing = enclosing(text, start, tree);
		if (start == 0 || text.charAt(start - 1) != '.') {
			return enclosing;
		}
		List<String> chain = chainBefore(text, start - 1);
		if (chain == null) {
			return List.of();
		}
		List<FieldNode> resolved = resolve(chain, enclosing);
		if (resolved == null && enclosing != tree) {
			resolved = resolve(chain, tree);
		}
		return resolved == null ? List.of() : resolved;
	}

	/** Inside {@code Items[...]} names are the element's fields; elsewhere the record's. */
	private static List<FieldNode> enclosing(String text, int start, List<FieldNode> tree) {
		int depth = 0;
		for (int i = start - 1; i >= 0; i--) {
			char c = text.charAt(i);
			if (c == ')' || c == ']' || c == '}') {
				depth++;
			} else if (c == '(' || c == '{') {
				depth = Math.max(0, depth - 1);
			} else if (c == '[') {
				if (depth > 0) {
					depth--;
				} else {
					List<String> chain = chainBefore(text, i);
					if (chain == null || chain.isEmpty()) {
						return tree;
					}
					List<FieldNode> outer = enclosing(text, chainStart(text, i), tree);
					List<FieldNode> resolved = resolve(chain, outer);
					if (resolved == null && outer != tree) {
						resolved = resolve(chain, tree);
					}
					return resolved == null ? tree : resolved;
				}
			}
		}
		return tree;
	}

	/**
	 * The names of the path that ends just before {@code end} ({@code a.b[0].c} gives a, b, c); empty for the
	 * root {@code $}; {@code null} when it is not a plain path (a function call, a literal).
	 */
	private static List<String> chainBefore(String text, int end) {
		List<String> chain = new ArrayList<>();
		int i = end;
		while (true) {
			i = skipBrackets(text, i);
			if (i < 0) {
				return null;
			}
			int nameEnd = i;
			String name;
			if (i > 0 && text.charAt(i - 1) == '`') {
				int open = text.lastIndexOf('`', i - 2);
				if (open < 0) {
					return null;
				}
				name = text.substring(open + 1, i - 1);
				i = open;
			} else {
				while (i > 0 && isNameChar(text.charAt(i - 1), false)) {
					i--;
				}
				name = text.substring(i, nameEnd);
			}
			if (name.isEmpty()) {
				// "$." (or "$$.") starts at the record itself; anything else (")." say) is not a field path
				return i > 0 && text.charAt(i - 1) == '$' ? chain.reversed() : null;
			}
			if (i > 0 && text.charAt(i - 1) == '$') {
				return null; // a variable or function, not a field
			}
			chain.add(name);
			if (i == 0 || text.charAt(i - 1) != '.') {
				return chain.reversed();
			}
			i--; // the dot
		}
	}

	/** Where the path ending before {@code end} starts, for finding what encloses it. */
	private static int chainStart(String text, int end) {
		int i = end;
		while (i > 0) {
			i = skipBrackets(text, i);
			if (i <= 0) {
				return Math.max(i, 0);
			}
			char c = text.charAt(i - 1);
			if (isNameChar(c, false) || c == '.' || c == '`' || c == '$') {
				i--;
			} else {
				return i;
			}
		}
		return 0;
	}

	/** Steps back over {@code [...]} groups that end just before {@code end}; -1 when they do not close. */
	private static int skipBrackets(String text, int end) {
		int i = end;
		while (i > 0 && text.charAt(i - 1) == ']') {
			int depth = 0;
			int j = i - 1;
			for (; j >= 0; j--) {
				char c = text.charAt(j);
				if (c == ']') {
					depth++;
				} else if (c == '[' && --depth == 0) {
					break;
				}
			}
			if (j < 0) {
				return -1;
			}
			i = j;
		}
		return i;
	}

	private static List<FieldNode> resolve(List<String> chain, List<FieldNode> from) {
		List<FieldNode> level = from;
		for (String name : chain) {
			FieldNode found = null;
			for (FieldNode node : level) {
				if (node.name().equals(name)) {
					found = node;
					break;
				}
			}
			if (found == null) {
				return null;
			}
			level = found.children();
		}
		return level;
	}

	/** 0: starts with the prefix; 1: starts with it ignoring case; 2: contains it ignoring case; -1: no match. */
	private static int rank(String name, String prefix) {
		if (name.startsWith(prefix)) {
			return 0;
		}
		String lowerName = name.toLowerCase(Locale.ROOT);
		String lowerPrefix = prefix.toLowerCase(Locale.ROOT);
		if (lowerName.startsWith(lowerPrefix)) {
			return 1;
		}
		return lowerName.contains(lowerPrefix) ? 2 : -1;
	}

	private record Ranked(int rank, int order, Completion completion) {
		static final Comparator<Ranked> BEST_FIRST = Comparator.comparingInt(Ranked::rank)
				.thenComparingInt(Ranked::order);
	}

	private static String detail(FieldNode field) {
		String type = field.type().isEmpty() ? field.shape().name().toLowerCase(Locale.ROOT) : field.type();
		if (field.sample().isEmpty()) {
			return type;
		}
		String sample = field.sample();
		return type + ", e.g. " + (sample.length() > 40 ? sample.substring(0, 37) + "..." : sample);
	}

	private static String quoteName(String name) {
		boolean plain = !name.isEmpty() && !Character.isDigit(name.charAt(0));
		for (int i = 0; i < name.length() && plain; i++) {
			plain = isNameChar(name.charAt(i), false);
		}
		return plain ? name : "`" + name + "`";
	}

	private static boolean isNameChar(char c, boolean insideBackticks) {
		return insideBackticks ? c != '`' : Character.isLetterOrDigit(c) || c == '_';
	}

	/** The quote character of a string or backtick name open at {@code end}, or 0. */
	private static char openQuote(String text, int end) {
		char open = 0;
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			if (open != 0) {
				if (c == '\\' && open != '`') {
					i++;
				} else if (c == open) {
					open = 0;
				}
			} else if (c == '"' || c == '\'' || c == '`') {
				open = c;
			} else if (c == '/' && i + 1 < end && text.charAt(i + 1) == '*') {
				int close = text.indexOf("*/", i + 2);
				if (close < 0 || close + 2 > end) {
					return '"'; // inside a comment: no proposals either
				}
				i = close + 1;
			}
		}
		return open;
	}

	/**
	 * Where the syntax error is: JSONata reports the position just after the token it stopped at, so the
	 * offset is the token's start; "end of expression" errors point at the end.
	 */
	private static int offset(String expression, JException e) {
		int location = Math.max(0, Math.min(e.getLocation(), expression.length()));
		String message = String.valueOf(e.getMessage());
		if (message.contains("end of expression")) {
			return location == expression.length() ? location : Math.max(0, location);
		}
		if ("S0101".equals(e.getError())) {
			// an unterminated string: point at its opening quote
			int quote = Math.max(expression.lastIndexOf('"', location - 1), expression.lastIndexOf('\'', location - 1));
			return Math.max(0, quote);
		}
		if (e.getCurrent() instanceof String token && !token.isEmpty() && location >= token.length()
				&& expression.startsWith(token, location - token.length())) {
			return location - token.length();
		}
		return Math.max(0, Math.min(location, expression.length() - 1));
	}

	private static String message(Throwable e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
	}

	/** The runtime's detail ("the expression failed: ...") as a sentence. */
	private static String sentence(String detail) {
		return detail.isEmpty() ? detail : Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
	}

	private static MappingDesign expressionDesign(String expression) {
		MappingFactory factory = MappingFactory.eINSTANCE;
		MappingDesign design = factory.createMappingDesign();
		design.setName("expression editor");
		design.setDirection(Direction.OUTBOUND);
		EntityMapping entity = factory.createEntityMapping();
		entity.setSourceEntity("sample");
		entity.setTargetEntity(VALUE);
		FieldRule rule = factory.createFieldRule();
		rule.setTargetPath(VALUE);
		rule.setKind(RuleKind.EXPRESSION);
		rule.setExpression(expression);
		entity.getRules().add(rule);
		design.getEntityMappings().add(entity);
		return design;
	}

	/** A design of one entity mapping (reading {@code arrayPath}) holding a copy of the rule, writing {@code value}. */
	private static MappingDesign ruleDesign(FieldRule rule, String arrayPath) {
		MappingFactory factory = MappingFactory.eINSTANCE;
		MappingDesign design = factory.createMappingDesign();
		design.setName("expression editor");
		design.setDirection(Direction.OUTBOUND);
		EntityMapping entity = factory.createEntityMapping();
		entity.setSourceEntity("sample");
		entity.setTargetEntity(VALUE);
		if (arrayPath != null && !arrayPath.isBlank()) {
			entity.setArrayPath(arrayPath);
		}
		FieldRule copy = EcoreUtil.copy(rule);
		copy.setTargetPath(VALUE);
		entity.getRules().add(copy);
		design.getEntityMappings().add(entity);
		return design;
	}

	static String describe(MappingProblem problem) {
		return problem.field() == null ? sentence(problem.detail()) : problem.field() + ": " + problem.detail();
	}
}
