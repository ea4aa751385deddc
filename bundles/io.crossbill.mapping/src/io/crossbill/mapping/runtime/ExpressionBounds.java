package io.crossbill.mapping.runtime;

import java.time.Duration;

/**
 * How long one evaluation of a mapping expression may run and how deeply it may nest before it is
 * stopped as a failure. A design's expression is written by an analyst, not reviewed like code: a
 * runaway recursion must end the record, never the engine.
 *
 * @param timeout  wall-clock budget of one evaluation
 * @param maxDepth deepest nesting of evaluation steps (JSONata's own recursion guard)
 */
public record ExpressionBounds(Duration timeout, int maxDepth) {

	/** Generous for real mapping expressions, which finish in microseconds and nest a few levels. */
	public static final ExpressionBounds DEFAULT = new ExpressionBounds(Duration.ofSeconds(1), 250);

	public ExpressionBounds {
		if (timeout.isNegative() || timeout.isZero() || maxDepth < 1) {
			throw new IllegalArgumentException("timeout and depth must be positive");
		}
	}
}
