package io.crossbill.mapping.design;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the expression editor shows under a JSONata expression.
 *
 * @param valid       whether the expression parses
 * @param error       the parser's or the evaluation's message in plain words, or empty
 * @param errorOffset the character offset the syntax error points at, or -1
 * @param value       the value the expression gives on the sample (JSON null when it gives nothing), or
 *                    {@code null} when it was not evaluated or failed
 */
public record ExpressionCheck(boolean valid, String error, int errorOffset, JsonNode value) {
}
