package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.sandbox.internal.HubSpotSchema.Kind;
import io.crossbill.sandbox.internal.HubSpotSchema.ObjectType;
import io.crossbill.sandbox.internal.HubSpotSchema.Property;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code POST /crm/v3/objects/{type}/search}: filterGroups (OR of groups, AND within a group; at most 5 groups,
 * 6 filters per group, 18 in all), one sort, a free-text {@code query}, {@code properties}, {@code limit}
 * (at most 200) and a numeric {@code after} offset; no more than {@code resultCap} results can be paged
 * through (HubSpot's 10,000). Answers {@code {"total", "results", "paging"}}.
 */
public final class HubSpotSearch {
    public static final int MAX_LIMIT = 200;
    private static final Set<String> OPERATORS = Set.of("EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN",
            "NOT_IN", "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN");

    private final HubSpotStore store;
    private final int resultCap;

    public HubSpotSearch(HubSpotStore store, int resultCap) {
        this.store = store;
        this.resultCap = resultCap;
    }

    public Response search(ObjectType t, HubSpotCall c) {
        JsonNode body = c.json();
        int limit = HubSpotCall.limit(body.path("limit").isMissingNode() ? null : body.path("limit").asText(), 10,
                MAX_LIMIT);
        int after = offset(body.path("after"));
        if (after + limit > resultCap) {
            throw HubSpotAnswers.badRequest("Search can page through at most " + resultCap + " results (after "
                    + after + " + limit " + limit + "); narrow the filters instead, e.g. by the last modified date.");
        }
        Predicate<ObjectNode> filter = filterGroups(t, body.path("filterGroups"));
        String query = body.path("query").asText("").trim().toLowerCase(Locale.ROOT);
        Comparator<ObjectNode> order = order(t, body.path("sorts"));
        List<String> props = null;
        if (body.path("properties").isArray() && !body.path("properties").isEmpty()) {
            props = new ArrayList<>();
            for (JsonNode p : body.path("properties")) {
                props.add(p.asText());
            }
        }
        List<ObjectNode> hits = new ArrayList<>();
        ObjectNode out = Json.object();
        synchronized (store) {
            for (ObjectNode r : store.records(t).values()) {
                if (!r.path("archived").asBoolean() && filter.test(r) && matchesQuery(t, r, query)) {
                    hits.add(r);
                }
            }
            hits.sort(order);
            out.put("total", hits.size());
            ArrayNode results = out.putArray("results");
            for (int i = after; i < Math.min(hits.size(), after + limit); i++) {
                results.add(HubSpotObjects.render(t, hits.get(i), props));
            }
        }
        if (after + limit < hits.size()) {
            out.putObject("paging").putObject("next").put("after", Integer.toString(after + limit));
        }
        return Response.json(200, Json.write(out));
    }

    private static int offset(JsonNode after) {
        if (after.isMissingNode() || after.isNull() || after.asText().isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(after.asText().trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // falls through
        }
        throw HubSpotAnswers.badRequest("after must be the paging.next.after of the previous page, not '"
                + after.asText() + "'.");
    }

    private static Predicate<ObjectNode> filterGroups(ObjectType t, JsonNode groups) {
        if (groups.isMissingNode() || groups.isNull() || groups.isEmpty()) {
            return r -> true;
        }
        if (!groups.isArray() || groups.size() > 5) {
            throw HubSpotAnswers.badRequest("filterGroups must be an array of at most 5 groups.");
        }
        int total = 0;
        List<Predicate<ObjectNode>> any = new ArrayList<>();
        for (JsonNode g : groups) {
            JsonNode filters = g.path("filters");
            if (!filters.isArray() || filters.size() > 6) {
                throw HubSpotAnswers.badRequest("Each filter group must have a filters array of at most 6 filters.");
            }
            total += filters.size();
            Predicate<ObjectNode> all = r -> true;
            for (JsonNode f : filters) {
                all = all.and(filter(t, f));
            }
            any.add(all);
        }
        if (total > 18) {
            throw HubSpotAnswers.badRequest("A search may have at most 18 filters in all, not " + total + ".");
        }
        return r -> any.stream().anyMatch(p -> p.test(r));
    }

    private static Predicate<ObjectNode> filter(ObjectType t, JsonNode f) {
        String name = f.path("propertyName").asText("");
        String op = f.path("operator").asText("EQ").toUpperCase(Locale.ROOT);
        Property def = HubSpotSchema.property(t, name);
        if (def == null) {
            throw HubSpotAnswers.badRequest("Filter on unknown property '" + name + "': " + t.path
                    + " have no such property.");
        }
        if (!OPERATORS.contains(op)) {
            throw HubSpotAnswers.badRequest("Unknown filter operator '" + op + "' on " + name + "; use one of "
                    + OPERATORS + ".");
        }
        JsonNode value = f.get("value");
        List<String> values = new ArrayList<>();
        f.path("values").forEach(v -> values.add(v.asText()));
        boolean needsValue = !Set.of("HAS_PROPERTY", "NOT_HAS_PROPERTY", "IN", "NOT_IN").contains(op);
        if (needsValue && (value == null || value.isNull())) {
            throw HubSpotAnswers.badRequest("Filter " + name + " " + op + " needs a value.");
        }
        if ((op.equals("IN") || op.equals("NOT_IN")) && values.isEmpty()) {
            throw HubSpotAnswers.badRequest("Filter " + name + " " + op + " needs a values array.");
        }
        String v = value == null ? null : value.asText();
        String high = f.path("highValue").asText(null);
        return r -> {
            JsonNode stored = r.path("properties").get(name);
            String s = stored == null || stored.isNull() ? null : stored.asText();
            return switch (op) {
                case "HAS_PROPERTY" -> s != null;
                case "NOT_HAS_PROPERTY" -> s == null;
                case "EQ" -> s != null && compare(def, s, v) == 0;
                case "NEQ" -> s == null || compare(def, s, v) != 0;
                case "LT" -> s != null && compare(def, s, v) < 0;
                case "LTE" -> s != null && compare(def, s, v) <= 0;
                case "GT" -> s != null && compare(def, s, v) > 0;
                case "GTE" -> s != null && compare(def, s, v) >= 0;
                case "BETWEEN" -> s != null && compare(def, s, v) >= 0 && high != null && compare(def, s, high) <= 0;
                case "IN" -> s != null && values.stream().anyMatch(x -> compare(def, s, x) == 0);
                case "NOT_IN" -> s == null || values.stream().noneMatch(x -> compare(def, s, x) == 0);
                case "CONTAINS_TOKEN" -> s != null && tokenMatch(s, v);
                case "NOT_CONTAINS_TOKEN" -> s == null || !tokenMatch(s, v);
                default -> false;
            };
        };
    }

    /**
     * Compares a stored value with a filter value by the property's type: numbers as numbers, datetimes as
     * instants (the filter value in epoch milliseconds or ISO-8601), everything else as case-insensitive text.
     */
    private static int compare(Property def, String stored, String filterValue) {
        if (def.kind() == Kind.NUMBER) {
            try {
                return new BigDecimal(stored).compareTo(new BigDecimal(filterValue.trim()));
            } catch (NumberFormatException e) {
                throw HubSpotAnswers.badRequest("'" + filterValue + "' is not a number, so it cannot be compared with "
                        + def.name() + ".");
            }
        }
        if (def.kind() == Kind.DATETIME) {
            Instant a = HubSpotStore.parseInstant(stored);
            Instant b = HubSpotStore.parseInstant(filterValue);
            if (b == null) {
                throw HubSpotAnswers.badRequest("'" + filterValue + "' is not a date (epoch milliseconds or ISO-8601),"
                        + " so it cannot be compared with " + def.name() + ".");
            }
            return a.compareTo(b);
        }
        return stored.toLowerCase(Locale.ROOT).compareTo(filterValue.toLowerCase(Locale.ROOT));
    }

    private static boolean tokenMatch(String stored, String token) {
        String t = token.toLowerCase(Locale.ROOT).replace("*", "");
        for (String word : stored.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}@.]+")) {
            if (token.endsWith("*") ? word.startsWith(t) : word.equals(t)) {
                return true;
            }
        }
        return false;
    }

    /** Free-text query over the type's default text properties (name, dealname, email, ...). */
    private static boolean matchesQuery(ObjectType t, ObjectNode r, String query) {
        if (query.isEmpty()) {
            return true;
        }
        for (String p : t.defaults) {
            if (r.path("properties").path(p).asText("").toLowerCase(Locale.ROOT).contains(query)) {
                return true;
            }
        }
        return false;
    }

    /** One sort ({"propertyName","direction"} or "name" / "-name"), ties and the default by id. */
    private static Comparator<ObjectNode> order(ObjectType t, JsonNode sorts) {
        Comparator<ObjectNode> byId = Comparator.comparingLong(r -> Long.parseLong(r.path("id").asText()));
        if (!sorts.isArray() || sorts.isEmpty()) {
            return byId;
        }
        JsonNode s = sorts.get(0);
        String name;
        boolean descending;
        if (s.isTextual()) {
            descending = s.asText().startsWith("-");
            name = descending ? s.asText().substring(1) : s.asText();
        } else {
            name = s.path("propertyName").asText("");
            descending = "DESCENDING".equalsIgnoreCase(s.path("direction").asText("ASCENDING"));
        }
        Property def = HubSpotSchema.property(t, name);
        if (def == null) {
            throw HubSpotAnswers.badRequest("Sort on unknown property '" + name + "'.");
        }
        Comparator<ObjectNode> byValue = (a, b) -> {
            String x = a.path("properties").path(name).asText(null);
            String y = b.path("properties").path(name).asText(null);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1; // records without the property last
            }
            int c = compare(def, x, y);
            return descending ? -c : c;
        };
        return byValue.thenComparing(byId);
    }
}
