package io.crossbill.engine.exceptions;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One field of a payload computed by a JSONata expression, for a bulk edit before replay: the field is
 * addressed by a JSON pointer (e.g. {@code /projectId}), the expression sees the whole payload as its input
 * ({@code $} or plain field names) and the field's current value as {@code $value}, e.g.
 * {@code $replace($value, "PRJ-", "P-")} or {@code "PRJ-" & $string(duration)}. Parsed once, evaluated per
 * payload with a time and depth bound, so a looping expression stops with an error.
 */
public final class FieldExpression {

    /** How long one evaluation may run. */
    public static final long TIMEOUT_MILLIS = 1000;
    /** How deep one evaluation may nest. */
    public static final int MAX_DEPTH = 250;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String pointer;
    private final String text;
    private final Jsonata expression;

    /** What the expression made of one payload. */
    public record Change(JsonNode before, JsonNode after, byte[] editedPayload) {
    }

    /**
     * @throws IllegalArgumentException when the pointer is not a JSON pointer or the expression does not
     *                                  parse; the message says which and why
     */
    public FieldExpression(String pointer, String expression) {
        if (pointer == null || pointer.isEmpty() || !pointer.startsWith("/")) {
            throw new IllegalArgumentException("A JSON pointer naming the field to change is needed, e.g. /projectId"
                    + (pointer == null || pointer.isEmpty() ? "." : ", not '" + pointer + "'."));
        }
        new PayloadEdit(pointer, NODES.nullNode()); // checks the pointer's syntax
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("An expression computing the new value is needed, e.g."
                    + " $replace($value, \"PRJ-\", \"P-\").");
        }
        this.pointer = pointer;
        this.text = expression.strip();
        try {
            this.expression = Jsonata.jsonata(text);
        } catch (JException | IllegalStateException e) {
            throw new IllegalArgumentException("The expression does not parse: " + message(e), e);
        }
    }

    /** The field's JSON pointer. */
    public String pointer() {
        return pointer;
    }

    /** The expression's text. */
    public String text() {
        return text;
    }

    /**
     * Computes the field for one payload and sets it.
     *
     * @throws IllegalArgumentException when the payload is not a JSON object, the expression fails or gives
     *                                  nothing (or a value JSON cannot hold), or the field's parent is missing;
     *                                  the message says which, in words for the analyst
     */
    public Change apply(byte[] payload) {
        JsonNode root;
        Object input;
        try {
            root = JSON.readTree(payload);
            input = JSON.readValue(payload, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("The payload is not valid JSON, so " + pointer + " cannot be computed.");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The payload is not a JSON object, so " + pointer
                    + " cannot be computed.");
        }
        JsonNode before = root.at(JsonPointer.compile(pointer));
        Jsonata.Frame frame = expression.createFrame();
        frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
        frame.bind("value", before.isMissingNode() ? null : JSON.convertValue(before, Object.class));
        Object result;
        try {
            result = expression.evaluate(input, frame);
        } catch (JException e) {
            throw new IllegalArgumentException("The expression failed on this payload: " + message(e), e);
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("The expression recursed too deeply on this payload.");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The expression failed on this payload: " + message(e), e);
        }
        JsonNode after = toJson(result);
        if (after.isMissingNode()) {
            throw new IllegalArgumentException("The expression gives no value for this payload (a field it reads"
                    + " is missing?), so " + pointer + " is left as it is.");
        }
        byte[] edited = new PayloadEdit(pointer, after).applyTo(payload);
        return new Change(before, after, edited);
    }

    private static JsonNode toJson(Object value) {
        if (value == null) {
            return MissingNode.getInstance();
        }
        if (value == Jsonata.NULL_VALUE) {
            return NODES.nullNode();
        }
        return switch (value) {
            case String s -> NODES.textNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Integer n -> NODES.numberNode(n);
            case Long n -> NODES.numberNode(n);
            case BigInteger n -> NODES.numberNode(n);
            case BigDecimal n -> NODES.numberNode(n);
            case Double d -> decimal(d);
            case Float f -> decimal(f.doubleValue());
            case Map<?, ?> map -> {
                var object = NODES.objectNode();
                for (Map.Entry<?, ?> m : map.entrySet()) {
                    JsonNode v = toJson(m.getValue());
                    if (!v.isMissingNode()) {
                        object.set(String.valueOf(m.getKey()), v);
                    }
                }
                yield object;
            }
            case List<?> list -> {
                var array = NODES.arrayNode(list.size());
                for (Object o : list) {
                    JsonNode v = toJson(o);
                    if (!v.isMissingNode()) {
                        array.add(v);
                    }
                }
                yield array;
            }
            default -> throw new IllegalArgumentException("The expression gives a "
                    + value.getClass().getSimpleName().replace("JFunction", "function") + ", not a JSON value.");
        };
    }

    private static JsonNode decimal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("The expression gives " + d + ", not a number JSON can hold.");
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return NODES.numberNode((long) d);
        }
        return NODES.numberNode(BigDecimal.valueOf(d));
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }

    @Override
    public String toString() {
        return pointer + " := " + text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldExpression f && f.pointer.equals(pointer) && f.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pointer, text);
    }
}
