package io.crossbill.mapping.runtime;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSONata expression, parsed once, evaluated under {@link ExpressionBounds}. JSONata checks the
 * bounds itself on every evaluation step (its {@code Frame.setRuntimeBounds}), so a looping expression
 * stops with an error instead of holding a worker thread; Java stack exhaustion is caught as well.
 */
final class CompiledExpression {

	static {
		// load and initialise the engine's classes once, so that cost does not count against the first
		// record's time bound
		Jsonata.jsonata("$round(1.5 * 2, 1)").evaluate(null);
	}

	private final String text;
	private final Jsonata expression;
	private final long timeoutMillis;
	private final int maxDepth;

	/** @throws IllegalArgumentException with the parser's message when the text is not valid JSONata */
	CompiledExpression(String text, ExpressionBounds bounds) {
		this.text = text;
		try {
			this.expression = Jsonata.jsonata(text);
		} catch (JException | IllegalStateException e) {
			throw new IllegalArgumentException("the expression does not parse: " + clean(e), e);
		}
		this.timeoutMillis = bounds.timeout().toMillis();
		this.maxDepth = bounds.maxDepth();
	}

	/**
	 * @param input the record or value, already converted by {@link JsonataValues#toJava}
	 * @return the result; a missing node when the expression gives nothing (JSONata "undefined")
	 * @throws ExpressionException when the expression throws, runs out of time or depth, or gives a
	 *                             value JSON cannot hold
	 */
	JsonNode evaluate(Object input) throws ExpressionException {
		// a fresh frame per evaluation: the time bound starts when it is set
		Jsonata.Frame frame = expression.createFrame();
		frame.setRuntimeBounds(timeoutMillis, maxDepth);
		Object result;
		try {
			result = expression.evaluate(input, frame);
		} catch (JException e) {
			throw new ExpressionException(explain(e), e);
		} catch (StackOverflowError e) {
			throw new ExpressionException("the expression recursed too deeply (stack exhausted)", null);
		} catch (RuntimeException e) {
			throw new ExpressionException("the expression failed: " + clean(e), e);
		}
		try {
			return JsonataValues.toJson(result);
		} catch (JsonataValues.NotJsonException e) {
			throw new ExpressionException(e.getMessage(), e);
		}
	}

	String text() {
		return text;
	}

	private String explain(JException e) {
		String message = clean(e);
		if (message.contains("timeout")) {
			return "the expression ran longer than " + timeoutMillis + " ms and was stopped (" + message + ")";
		}
		if (message.contains("Stack overflow") || message.contains("depth")) {
			return "the expression nested deeper than " + maxDepth + " steps and was stopped (" + message + ")";
		}
		return "the expression failed: " + message;
	}

	private static String clean(Throwable e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
	}

	/** An evaluation that ended without a value. */
	static final class ExpressionException extends Exception {
		private static final long serialVersionUID = 1L;

		ExpressionException(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
