package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.sandbox.internal.HubSpotSchema.ObjectType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CRM v3 object endpoints for one object type: list with {@code limit}/{@code after} paging, read, create
 * (201), update (PATCH), archive (DELETE, 204) and batch read; plus how a record is shown.
 */
public final class HubSpotObjects {
    /** HubSpot's maximum page size for list endpoints. */
    public static final int MAX_LIST_LIMIT = 100;
    /** HubSpot's maximum number of inputs in one batch. */
    public static final int MAX_BATCH = 100;

    private final HubSpotStore store;

    public HubSpotObjects(HubSpotStore store) {
        this.store = store;
    }

    /** {@code GET /crm/v3/objects/{type}}: pages of records in id order; {@code after} is an opaque cursor. */
    public Response list(ObjectType t, HubSpotCall c) {
        int limit = HubSpotCall.limit(c.param("limit"), 10, MAX_LIST_LIMIT);
        long after = decodeCursor(c.param("after"));
        boolean archived = "true".equalsIgnoreCase(c.param("archived"));
        List<String> props = c.list("properties");
        ObjectNode out = Json.object();
        ArrayNode results = out.putArray("results");
        synchronized (store) {
            long last = -1;
            boolean more = false;
            for (ObjectNode r : store.records(t).tailMap(after, false).values()) {
                if (r.path("archived").asBoolean() != archived) {
                    continue;
                }
                if (results.size() == limit) {
                    more = true;
                    break;
                }
                results.add(render(t, r, props));
                last = Long.parseLong(r.path("id").asText());
            }
            if (more) {
                String cursor = encodeCursor(last);
                ObjectNode next = out.putObject("paging").putObject("next");
                next.put("after", cursor);
                next.put("link", c.baseUrl() + "/crm/v3/objects/" + t.path + "?after=" + cursor);
            }
        }
        return Response.json(200, Json.write(out));
    }

    public Response read(ObjectType t, String id, HubSpotCall c) {
        synchronized (store) {
            return Response.json(200, Json.write(render(t, store.live(t, id), c.list("properties"))));
        }
    }

    /** {@code POST /crm/v3/objects/{type}}: {@code {"properties":{...},"associations":[...]}} -> 201. */
    public Response create(ObjectType t, HubSpotCall c) {
        JsonNode body = c.json();
        synchronized (store) {
            checkUniqueEmail(t, body.get("properties"), null);
            List<long[]> links = associationsOf(t, body.get("associations"));
            ObjectNode r = store.create(t, body.get("properties"), store.clock.instant());
            long id = Long.parseLong(r.path("id").asText());
            for (long[] l : links) {
                store.associate(t, id, HubSpotStore.associationType((int) l[1]).to(), l[0], (int) l[1]);
            }
            return Response.json(201, Json.write(render(t, r, allSet(r))));
        }
    }

    /** {@code PATCH /crm/v3/objects/{type}/{id}}: {@code {"properties":{...}}} -> 200 with the record. */
    public Response update(ObjectType t, String id, HubSpotCall c) {
        JsonNode body = c.json();
        synchronized (store) {
            ObjectNode r = store.live(t, id);
            checkUniqueEmail(t, body.get("properties"), r.path("id").asText());
            store.update(t, r, body.get("properties"));
            return Response.json(200, Json.write(render(t, r, allSet(r))));
        }
    }

    public Response archive(ObjectType t, String id) {
        synchronized (store) {
            store.archive(t, store.live(t, id));
        }
        return Response.empty(204);
    }

    /**
     * {@code POST /crm/v3/objects/{type}/batch/read}: {@code {"properties":[...],"inputs":[{"id":...}]}}; 200 when
     * all were found, 207 with an OBJECT_NOT_FOUND error listing the missing ids otherwise.
     */
    public Response batchRead(ObjectType t, HubSpotCall c) {
        JsonNode body = c.json();
        if (body.hasNonNull("idProperty")) {
            throw HubSpotAnswers.badRequest("The sandbox reads batches by record id only; idProperty is not served.");
        }
        JsonNode inputs = body.path("inputs");
        if (!inputs.isArray() || inputs.size() > MAX_BATCH) {
            throw HubSpotAnswers.badRequest("inputs must be an array of at most " + MAX_BATCH + " {\"id\": ...}"
                    + " objects.");
        }
        List<String> props = null;
        if (body.path("properties").isArray()) {
            props = new ArrayList<>();
            for (JsonNode p : body.path("properties")) {
                props.add(p.asText());
            }
        }
        ObjectNode out = Json.object();
        String now = HubSpotStore.format(store.clock.instant());
        ArrayNode results = Json.array();
        List<String> missing = new ArrayList<>();
        synchronized (store) {
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode in : inputs) {
                String id = in.path("id").asText("");
                if (!seen.add(id)) {
                    continue;
                }
                ObjectNode r = null;
                try {
                    r = store.live(t, id);
                } catch (ApiException notFound) {
                    missing.add(id);
                }
                if (r != null) {
                    results.add(render(t, r, props));
                }
            }
        }
        out.put("status", "COMPLETE");
        out.set("results", results);
        if (!missing.isEmpty()) {
            out.put("numErrors", 1);
            ObjectNode e = out.putArray("errors").addObject();
            e.put("status", "error");
            e.put("category", "OBJECT_NOT_FOUND");
            e.put("message", "Could not get some " + t.upper + " objects, they may be deleted or not exist. Check"
                    + " that ids are valid.");
            ArrayNode ids = e.putObject("context").putArray("ids");
            missing.forEach(ids::add);
        }
        out.put("startedAt", now);
        out.put("completedAt", now);
        return Response.json(missing.isEmpty() ? 200 : 207, Json.write(out));
    }

    /**
     * A record as the API shows it. {@code props} null: the type's default properties; else those asked for
     * (unknown names are skipped, as HubSpot does). createdate, the change time and hs_object_id always.
     */
    public static ObjectNode render(ObjectType t, ObjectNode r, List<String> props) {
        ObjectNode out = Json.object();
        out.put("id", r.path("id").asText());
        ObjectNode stored = (ObjectNode) r.get("properties");
        ObjectNode p = out.putObject("properties");
        Set<String> names = new LinkedHashSet<>(props == null ? t.defaults : props);
        names.add("createdate");
        names.add(t.lastModified);
        names.add("hs_object_id");
        for (String n : names) {
            if (HubSpotSchema.property(t, n) == null) {
                continue;
            }
            JsonNode v = stored.get(n);
            if (v == null) {
                p.putNull(n);
            } else {
                p.set(n, v);
            }
        }
        out.set("createdAt", r.get("createdAt"));
        out.set("updatedAt", r.get("updatedAt"));
        out.put("archived", r.path("archived").asBoolean());
        if (r.has("archivedAt")) {
            out.set("archivedAt", r.get("archivedAt"));
        }
        return out;
    }

    /** Every stored property of a record (what create and update answer with). */
    static List<String> allSet(ObjectNode r) {
        List<String> out = new ArrayList<>();
        r.path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private void checkUniqueEmail(ObjectType t, JsonNode props, String self) {
        if (t != ObjectType.CONTACTS || props == null || !props.path("email").isTextual()) {
            return;
        }
        String email = props.path("email").asText().trim();
        if (email.isEmpty()) {
            return;
        }
        for (Map.Entry<Long, ObjectNode> e : store.records(t).entrySet()) {
            ObjectNode r = e.getValue();
            if (!r.path("archived").asBoolean() && !e.getKey().toString().equals(self)
                    && email.equalsIgnoreCase(r.path("properties").path("email").asText())) {
                throw HubSpotAnswers.fail(409, "CONFLICT", "Contact already exists. Existing ID: " + e.getKey());
            }
        }
    }

    /** Create-time associations: [{"to":{"id":..},"types":[{"associationCategory":..,"associationTypeId":..}]}]. */
    private List<long[]> associationsOf(ObjectType t, JsonNode list) {
        List<long[]> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw HubSpotAnswers.badRequest("associations must be an array.");
        }
        for (JsonNode a : list) {
            String to = a.path("to").path("id").asText("");
            for (JsonNode type : a.path("types")) {
                int typeId = type.path("associationTypeId").asInt(-1);
                HubSpotStore.AssociationType def = HubSpotStore.associationType(typeId);
                if (def == null || def.from() != t) {
                    throw HubSpotAnswers.badRequest("Association type " + typeId + " cannot be used from a "
                            + t.singular() + ".");
                }
                ObjectNode target = store.live(def.to(), to);
                out.add(new long[] {Long.parseLong(target.path("id").asText()), typeId});
            }
        }
        return out;
    }

    static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String after) {
        if (after == null || after.isBlank()) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(after.trim()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw HubSpotAnswers.badRequest("after '" + after + "' is not a paging cursor this endpoint gave out;"
                    + " use paging.next.after from the previous page.");
        }
    }
}
