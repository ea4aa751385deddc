package io.crossbill.engine.exceptions;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;

/**
 * One field of a payload set to a new value, addressed by a JSON pointer (RFC 6901), e.g.
 * {@code /projectId} or {@code /lines/0/rate}: the bulk edit applied to every exception of a query
 * before it is replayed. The field's parent must exist; the field itself is added when missing.
 */
public record PayloadEdit(String pointer, JsonNode value) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public PayloadEdit {
        Objects.requireNonNull(value, "value");
        if (pointer == null || pointer.isEmpty()) {
            throw new IllegalArgumentException("A JSON pointer naming a field is needed, e.g. /projectId.");
        }
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + pointer + "' is not a JSON pointer; write it like /projectId"
                    + " or /lines/0/rate.", e);
        }
    }

    /**
     * An edit from text: the value is read as JSON when it is JSON ({@code 90}, {@code true},
     * {@code "x"}, {@code {...}}), otherwise taken as a string.
     */
    public static PayloadEdit parse(String pointer, String value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            node = null;
        }
        return new PayloadEdit(pointer, node == null || node.isMissingNode() ? JSON.getNodeFactory().textNode(value)
                : node);
    }

    /**
     * Applies the edit to a payload.
     *
     * @throws IllegalArgumentException when the payload is not a JSON object or array, or the field's
     *                                  parent is missing; the message says which
     */
    public byte[] applyTo(byte[] payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("The payload is not valid JSON, so " + pointer + " cannot be set in it.");
        }
        if (root == null || !root.isContainerNode()) {
            throw new IllegalArgumentException("The payload is not a JSON object, so " + pointer
                    + " cannot be set in it.");
        }
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = root.at(p.head());
        String field = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(field, value.deepCopy());
        } else if (parent instanceof ArrayNode array) {
            int index = p.last().getMatchingIndex();
            if ("-".equals(field)) {
                array.add(value.deepCopy());
            } else if (index >= 0 && index < array.size()) {
                array.set(index, value.deepCopy());
            } else {
                throw new IllegalArgumentException("The payload has no element " + pointer + " (the array has "
                        + array.size() + " elements).");
            }
        } else {
            throw new IllegalArgumentException("The payload has no " + (p.head().toString().isEmpty() ? "object"
                    : p.head().toString()) + " to set " + field + " in.");
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return pointer + " = " + value;
    }
}
