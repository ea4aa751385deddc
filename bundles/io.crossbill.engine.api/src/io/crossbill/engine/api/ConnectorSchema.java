package io.crossbill.engine.api;

import java.util.List;
import java.util.Optional;

/**
 * The entities and fields a connector reads or writes, for the mapping editor's source tree.
 *
 * @param system   the system's name, e.g. {@code xero}
 * @param entities the entities, in display order
 */
public record ConnectorSchema(String system, List<Entity> entities) {

    public ConnectorSchema {
        entities = List.copyOf(entities);
    }

    /** A field's type as the spec declares it. */
    public enum Type { STRING, UUID, INTEGER, NUMBER, BOOLEAN, DATE, DATE_TIME, OBJECT, ARRAY }

    /**
     * @param name     the field name exactly as in the API
     * @param type     its type
     * @param of       for OBJECT and ARRAY: the entity it holds, else {@code null}
     * @param readOnly whether the API computes it (not writable)
     */
    public record Field(String name, Type type, String of, boolean readOnly) {
    }

    /**
     * @param name   the schema name in the spec, e.g. {@code Invoice}
     * @param path   where the connector reads it, e.g. {@code GET /Invoices}
     * @param fields its fields
     */
    public record Entity(String name, String path, List<Field> fields) {
        public Entity {
            fields = List.copyOf(fields);
        }

        public Optional<Field> field(String fieldName) {
            return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
        }
    }

    public Optional<Entity> entity(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
