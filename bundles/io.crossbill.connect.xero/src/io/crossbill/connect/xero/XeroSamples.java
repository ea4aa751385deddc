package io.crossbill.connect.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.engine.api.ConnectorSchema;
import io.crossbill.engine.api.ConnectorSchema.Entity;
import io.crossbill.engine.api.ConnectorSchema.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Sample records for the mapping editor, shared by the Accounting connector and the Projects reader. A top-level
 * entity (its schema path is {@code GET ...}) is read by the caller; a nested one (LineItem, Amount, ...) is
 * collected from the fields of top-level samples that hold it, as the schema says ({@link Field#of()}).
 */
final class XeroSamples {
    private XeroSamples() {
    }

    /**
     * @param read reads up to n records of a top-level entity (a single page)
     */
    static List<JsonNode> samples(ConnectorSchema schema, String entity, int max,
            BiFunction<String, Integer, List<JsonNode>> read) {
        if (max < 1) {
            throw new IllegalArgumentException("The number of samples must be at least 1, not " + max + ".");
        }
        Entity wanted = schema.entity(entity).orElseThrow(() -> new IllegalArgumentException("The " + schema.system()
                + " schema has no entity '" + entity + "'; it has " + schema.entities().stream().map(Entity::name)
                        .collect(Collectors.joining(", ")) + "."));
        if (wanted.path().startsWith("GET ")) {
            List<JsonNode> got = read.apply(wanted.name(), max);
            return List.copyOf(got.size() > max ? got.subList(0, max) : got);
        }
        List<JsonNode> out = new ArrayList<>();
        for (Entity parent : schema.entities()) {
            if (!parent.path().startsWith("GET ")) {
                continue;
            }
            List<Field> holders = parent.fields().stream().filter(f -> wanted.name().equals(f.of())).toList();
            if (holders.isEmpty()) {
                continue;
            }
            for (JsonNode record : read.apply(parent.name(), max)) {
                for (Field f : holders) {
                    JsonNode v = record.path(f.name());
                    if (v.isArray()) {
                        v.forEach(out::add);
                    } else if (v.isObject() && !v.isEmpty()) {
                        out.add(v);
                    }
                    if (out.size() >= max) {
                        return List.copyOf(out.subList(0, max));
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
