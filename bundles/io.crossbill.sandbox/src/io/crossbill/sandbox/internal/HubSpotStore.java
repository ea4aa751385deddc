package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.sandbox.internal.HubSpotAnswers.Invalid;
import io.crossbill.sandbox.internal.HubSpotSchema.ObjectType;
import io.crossbill.sandbox.internal.HubSpotSchema.Property;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole state of one sandboxed HubSpot portal: records of each object type (kept as the JSON the API
 * shows, ordered by id) and associations between them (both directions, with their association type ids).
 * Callers synchronise on the instance for compound operations.
 */
public final class HubSpotStore {

    /**
     * One HubSpot-defined association type.
     *
     * @param inverse the type id of the same association seen from the other side
     */
    public record AssociationType(int id, ObjectType from, ObjectType to, String label, int inverse) {
    }

    /** HubSpot-defined association types between the four object types (unlabeled defaults and primaries). */
    public static final List<AssociationType> ASSOCIATION_TYPES = List.of(
            new AssociationType(279, ObjectType.CONTACTS, ObjectType.COMPANIES, null, 280),
            new AssociationType(280, ObjectType.COMPANIES, ObjectType.CONTACTS, null, 279),
            new AssociationType(1, ObjectType.CONTACTS, ObjectType.COMPANIES, "Primary", 2),
            new AssociationType(2, ObjectType.COMPANIES, ObjectType.CONTACTS, "Primary", 1),
            new AssociationType(341, ObjectType.DEALS, ObjectType.COMPANIES, null, 342),
            new AssociationType(342, ObjectType.COMPANIES, ObjectType.DEALS, null, 341),
            new AssociationType(5, ObjectType.DEALS, ObjectType.COMPANIES, "Primary", 6),
            new AssociationType(6, ObjectType.COMPANIES, ObjectType.DEALS, "Primary", 5),
            new AssociationType(3, ObjectType.DEALS, ObjectType.CONTACTS, null, 4),
            new AssociationType(4, ObjectType.CONTACTS, ObjectType.DEALS, null, 3),
            new AssociationType(19, ObjectType.DEALS, ObjectType.LINE_ITEMS, null, 20),
            new AssociationType(20, ObjectType.LINE_ITEMS, ObjectType.DEALS, null, 19));

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public final Clock clock;
    private final Random idSteps;
    private long nextId;
    private final Map<ObjectType, NavigableMap<Long, ObjectNode>> records = new EnumMap<>(ObjectType.class);
    /** "fromType|fromId|toType" -> toId -> association type ids. */
    private final Map<String, Map<Long, Set<Integer>>> associations = new LinkedHashMap<>();

    public HubSpotStore(Clock clock, long seed) {
        this.clock = clock;
        this.idSteps = new Random(seed ^ 0x48554253L);
        this.nextId = 10_000_000_000L + (seed % 1_000_000L + 1_000_000L) % 1_000_000L * 1000L;
        for (ObjectType t : ObjectType.values()) {
            records.put(t, new TreeMap<>());
        }
    }

    /** HubSpot's datetime form: ISO-8601 UTC with milliseconds. */
    public static String format(Instant t) {
        return MILLIS.format(t);
    }

    /** Ids are numeric and increase (with gaps), so id order is creation order. */
    private synchronized long newId() {
        nextId += 1 + idSteps.nextInt(97);
        return nextId;
    }

    public synchronized NavigableMap<Long, ObjectNode> records(ObjectType t) {
        return records.get(t);
    }

    /** The live (not archived) record or a 404 in HubSpot's words. */
    public synchronized ObjectNode live(ObjectType t, String id) {
        ObjectNode r = null;
        try {
            r = records.get(t).get(Long.parseLong(id));
        } catch (NumberFormatException notAnId) {
            // falls through to 404
        }
        if (r == null || r.path("archived").asBoolean()) {
            throw HubSpotAnswers.notFound("No " + t.singular() + " with ID " + id + " exists in this portal.");
        }
        return r;
    }

    /**
     * Creates a record after validating its properties; {@code at} is its create time (the clock's now
     * for API writes, a fixed time for demo data).
     */
    public synchronized ObjectNode create(ObjectType t, JsonNode properties, Instant at) {
        Map<String, String> values = validate(t, properties);
        long id = newId();
        ObjectNode r = Json.object();
        r.put("id", Long.toString(id));
        ObjectNode p = r.putObject("properties");
        String ts = format(at);
        p.put("createdate", ts);
        p.put(t.lastModified, ts);
        p.put("hs_object_id", Long.toString(id));
        if (t == ObjectType.DEALS) {
            p.put("pipeline", "default");
        }
        r.put("createdAt", ts);
        r.put("updatedAt", ts);
        r.put("archived", false);
        apply(t, p, values);
        records.get(t).put(id, r);
        return r;
    }

    /** Updates the given properties (an empty value clears one) and bumps the change time. */
    public synchronized ObjectNode update(ObjectType t, ObjectNode record, JsonNode properties) {
        Map<String, String> values = validate(t, properties);
        apply(t, (ObjectNode) record.get("properties"), values);
        touch(t, record);
        return record;
    }

    public synchronized void archive(ObjectType t, ObjectNode record) {
        record.put("archived", true);
        record.put("archivedAt", format(clock.instant()));
        touch(t, record);
    }

    /** Sets a record's change time (demo data: when the seeded history says it last changed). */
    public synchronized void stamp(ObjectType t, ObjectNode record, Instant modified) {
        String ts = format(modified);
        ((ObjectNode) record.get("properties")).put(t.lastModified, ts);
        record.put("updatedAt", ts);
    }

    private void touch(ObjectType t, ObjectNode record) {
        String ts = format(clock.instant());
        ((ObjectNode) record.get("properties")).put(t.lastModified, ts);
        record.put("updatedAt", ts);
    }

    private static void apply(ObjectType t, ObjectNode p, Map<String, String> values) {
        values.forEach((k, v) -> {
            if (v.isEmpty()) {
                p.remove(k);
            } else {
                p.put(k, v);
            }
        });
        if (t == ObjectType.LINE_ITEMS && p.hasNonNull("price") && p.hasNonNull("quantity")) {
            BigDecimal amount = new BigDecimal(p.get("price").asText()).multiply(new BigDecimal(p.get("quantity").asText()));
            p.put("amount", amount.stripTrailingZeros().toPlainString());
        }
    }

    /**
     * Checks every property against the registry and returns the values as HubSpot stores them (strings;
     * booleans lower case; datetimes normalised). Throws a 400 naming every bad property.
     */
    public static Map<String, String> validate(ObjectType t, JsonNode properties) {
        if (properties == null || properties.isNull() || properties.isMissingNode()) {
            return Map.of();
        }
        if (!properties.isObject()) {
            throw HubSpotAnswers.badRequest("Invalid input JSON: \"properties\" must be an object of property"
                    + " names to values.");
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<Invalid> invalid = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : properties.properties()) {
            String name = e.getKey();
            Property def = HubSpotSchema.property(t, name);
            JsonNode raw = e.getValue();
            String value = raw == null || raw.isNull() ? "" : raw.isValueNode() ? raw.asText() : null;
            if (def == null) {
                invalid.add(new Invalid(name, "PROPERTY_DOESNT_EXIST", "Property \"" + name + "\" does not exist"));
            } else if (def.readOnly()) {
                invalid.add(new Invalid(name, "READ_ONLY_VALUE", name + " is a read only property; its value cannot"
                        + " be set."));
            } else if (value == null) {
                invalid.add(new Invalid(name, "INVALID_VALUE", "The value of " + name + " must be a string, number"
                        + " or boolean, not " + raw.getNodeType().name().toLowerCase(Locale.ROOT)));
            } else if (value.isEmpty()) {
                out.put(name, "");
            } else {
                String normal = normalise(def, value);
                if (normal == null) {
                    invalid.add(new Invalid(name, code(def), problem(def, value)));
                } else {
                    out.put(name, normal);
                }
            }
        }
        if (!invalid.isEmpty()) {
            throw HubSpotAnswers.invalidProperties(invalid);
        }
        return out;
    }

    private static String normalise(Property def, String value) {
        return switch (def.kind()) {
            case STRING -> value;
            case NUMBER -> {
                try {
                    yield new BigDecimal(value.trim()).toPlainString();
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            case BOOL, ENUMERATION -> {
                String v = def.kind() == HubSpotSchema.Kind.BOOL ? value.trim().toLowerCase(Locale.ROOT) : value;
                yield def.options().contains(v) ? v : null;
            }
            case DATETIME -> {
                Instant at = parseInstant(value);
                yield at == null ? null : format(at);
            }
        };
    }

    /** Epoch milliseconds, an ISO instant or an ISO date (midnight UTC); null when it is none of them. */
    public static Instant parseInstant(String value) {
        String v = value.trim();
        try {
            if (v.matches("-?\\d{1,15}")) {
                return Instant.ofEpochMilli(Long.parseLong(v));
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static String code(Property def) {
        return switch (def.kind()) {
            case NUMBER -> "INVALID_FLOAT";
            case BOOL -> "INVALID_BOOLEAN";
            case ENUMERATION -> "INVALID_OPTION";
            case DATETIME -> "INVALID_DATE";
            case STRING -> "INVALID_VALUE";
        };
    }

    private static String problem(Property def, String value) {
        return switch (def.kind()) {
            case NUMBER -> value + " was not a valid number.";
            case BOOL -> value + " was not a valid boolean (true or false).";
            case ENUMERATION -> value + " was not one of the allowed options: " + def.options();
            case DATETIME -> value + " was not a valid date-time (epoch milliseconds or ISO-8601).";
            case STRING -> value + " is not valid.";
        };
    }

    // ---- associations ----

    public static AssociationType associationType(int id) {
        for (AssociationType a : ASSOCIATION_TYPES) {
            if (a.id() == id) {
                return a;
            }
        }
        return null;
    }

    /** The unlabeled default type from one object type to another, or null when they cannot be associated. */
    public static AssociationType defaultType(ObjectType from, ObjectType to) {
        for (AssociationType a : ASSOCIATION_TYPES) {
            if (a.from() == from && a.to() == to && a.label() == null) {
                return a;
            }
        }
        return null;
    }

    /** Associates both ways (the type and its inverse) and bumps both records' change time. */
    public synchronized void associate(ObjectType from, long fromId, ObjectType to, long toId, int typeId) {
        AssociationType a = associationType(typeId);
        if (a == null || a.from() != from || a.to() != to) {
            throw HubSpotAnswers.badRequest("Association type " + typeId + " does not go from " + from.path + " to "
                    + to.path + ".");
        }
        edges(from, fromId, to).computeIfAbsent(toId, k -> new TreeSet<>()).add(typeId);
        edges(to, toId, from).computeIfAbsent(fromId, k -> new TreeSet<>()).add(a.inverse());
        touch(from, records.get(from).get(fromId));
        touch(to, records.get(to).get(toId));
    }

    /** Associations of one record to one object type: toId -> type ids, in id order. */
    public synchronized Map<Long, Set<Integer>> associations(ObjectType from, long fromId, ObjectType to) {
        Map<Long, Set<Integer>> m = associations.get(from.path + '|' + fromId + '|' + to.path);
        return m == null ? Map.of() : new TreeMap<>(m);
    }

    private Map<Long, Set<Integer>> edges(ObjectType from, long fromId, ObjectType to) {
        return associations.computeIfAbsent(from.path + '|' + fromId + '|' + to.path, k -> new TreeMap<>());
    }

    /** How many association pairs exist (each counted once, not per direction). */
    public synchronized int associationCount() {
        int n = 0;
        for (Map<Long, Set<Integer>> m : associations.values()) {
            n += m.size();
        }
        return n / 2;
    }
}
