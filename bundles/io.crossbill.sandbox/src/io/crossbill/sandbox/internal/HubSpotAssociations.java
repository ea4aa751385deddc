package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.sandbox.internal.HubSpotSchema.ObjectType;
import io.crossbill.sandbox.internal.HubSpotStore.AssociationType;
import java.util.Map;
import java.util.Set;

/**
 * The associations v4 endpoints: {@code GET /crm/v4/objects/{fromType}/{id}/associations/{toType}} (results with
 * {@code toObjectId} and {@code associationTypes}, {@code limit} up to 500 and an {@code after} cursor) and
 * {@code PUT /crm/v4/objects/{fromType}/{fromId}/associations/default/{toType}/{toId}} (the unlabeled default
 * association, both directions).
 */
public final class HubSpotAssociations {
    public static final int MAX_LIMIT = 500;

    private final HubSpotStore store;

    public HubSpotAssociations(HubSpotStore store) {
        this.store = store;
    }

    public Response list(ObjectType from, String id, ObjectType to, HubSpotCall c) {
        int limit = HubSpotCall.limit(c.param("limit"), MAX_LIMIT, MAX_LIMIT);
        long after = cursor(c.param("after"));
        ObjectNode out = Json.object();
        ArrayNode results = out.putArray("results");
        synchronized (store) {
            ObjectNode r = store.live(from, id);
            long fromId = Long.parseLong(r.path("id").asText());
            long last = -1;
            for (Map.Entry<Long, Set<Integer>> e : store.associations(from, fromId, to).entrySet()) {
                if (e.getKey() <= after) {
                    continue;
                }
                if (results.size() == limit) {
                    String next = Long.toString(last);
                    ObjectNode n = out.putObject("paging").putObject("next");
                    n.put("after", next);
                    n.put("link", c.baseUrl() + "/crm/v4/objects/" + from.path + "/" + id + "/associations/" + to.path
                            + "?after=" + next);
                    break;
                }
                ObjectNode hit = results.addObject();
                hit.put("toObjectId", e.getKey());
                ArrayNode types = hit.putArray("associationTypes");
                for (int typeId : e.getValue()) {
                    AssociationType def = HubSpotStore.associationType(typeId);
                    ObjectNode ty = types.addObject();
                    ty.put("category", "HUBSPOT_DEFINED");
                    ty.put("typeId", typeId);
                    if (def.label() == null) {
                        ty.putNull("label");
                    } else {
                        ty.put("label", def.label());
                    }
                }
                last = e.getKey();
            }
        }
        return Response.json(200, Json.write(out));
    }

    public Response associateDefault(ObjectType from, String fromId, ObjectType to, String toId) {
        AssociationType type = HubSpotStore.defaultType(from, to);
        if (type == null) {
            throw HubSpotAnswers.badRequest("There is no default association from " + from.path + " to " + to.path
                    + " in this sandbox.");
        }
        String now;
        ObjectNode out = Json.object();
        synchronized (store) {
            long a = Long.parseLong(store.live(from, fromId).path("id").asText());
            long b = Long.parseLong(store.live(to, toId).path("id").asText());
            store.associate(from, a, to, b, type.id());
            now = HubSpotStore.format(store.clock.instant());
            out.put("status", "COMPLETE");
            ArrayNode results = out.putArray("results");
            spec(results.addObject(), from, a, to, b, type.id());
            spec(results.addObject(), to, b, from, a, type.inverse());
        }
        out.put("startedAt", now);
        out.put("completedAt", now);
        return Response.json(200, Json.write(out));
    }

    private static void spec(ObjectNode o, ObjectType from, long fromId, ObjectType to, long toId, int typeId) {
        o.put("fromObjectTypeId", from.typeId);
        o.put("fromObjectId", fromId);
        o.put("toObjectTypeId", to.typeId);
        o.put("toObjectId", toId);
        ObjectNode s = o.putObject("associationSpec");
        s.put("associationCategory", "HUBSPOT_DEFINED");
        s.put("associationTypeId", typeId);
    }

    private static long cursor(String after) {
        if (after == null || after.isBlank()) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            throw HubSpotAnswers.badRequest("after '" + after + "' is not a paging cursor this endpoint gave out.");
        }
    }
}
