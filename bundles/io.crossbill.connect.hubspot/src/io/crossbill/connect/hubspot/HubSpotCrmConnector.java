package io.crossbill.connect.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.connect.hubspot.HubSpotClient.Answer;
import io.crossbill.connect.hubspot.HubSpotSchemas.CrmObject;
import io.crossbill.engine.api.Connector;
import io.crossbill.engine.api.ConnectorSchema;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.SampleSource;
import io.crossbill.engine.api.WriteResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HubSpot CRM behind the engine's {@link Connector} and {@link SampleSource} contracts.
 * <p>
 * <b>Writes</b> ({@code company}, {@code deal}): the payload is {@code {"id": ..., "properties": {...}}}; with an
 * id it is a {@code PATCH} of those properties, without one a {@code POST} that creates the record (an optional
 * {@code "associations"} array is passed on). HubSpot has no idempotency key, so every write also sets
 * {@value #REFERENCE_PROPERTY} to the outbox entry's key, and {@link #findByReference} searches that property:
 * after a lost answer delivery finds the record instead of creating it twice.
 * <p>
 * <b>Reads</b>: {@link #closedWonDeals}, {@link #companies}, {@link #contacts} search by last-modified time and
 * page by that time (keyset), not by search offsets, so a record changed while paging is never skipped and the
 * search API's 10,000-result ceiling does not apply; {@link #companiesOf} and {@link #lineItemsOf} follow the
 * deal's associations (v4) and batch-read the records.
 */
public final class HubSpotCrmConnector implements Connector, SampleSource {

    /** The system name in envelopes and outbox rows. */
    public static final String SYSTEM = "hubspot";
    /** The custom property every write stamps with the outbox entry's idempotency key. */
    public static final String REFERENCE_PROPERTY = "crossbill_sync_key";
    /** HubSpot's maximum page size for searches. */
    public static final int MAX_SEARCH_PAGE = 200;

    private static final int LIST_PAGE = 100;
    private static final int BATCH = 100;

    private final HubSpotClient client;
    private final int searchPage;

    public HubSpotCrmConnector(HubSpotClient client) {
        this(client, MAX_SEARCH_PAGE);
    }

    /** @param searchPage 1..200 results per search request */
    public HubSpotCrmConnector(HubSpotClient client, int searchPage) {
        if (searchPage < 1 || searchPage > MAX_SEARCH_PAGE) {
            throw new IllegalArgumentException("searchPage must be 1.." + MAX_SEARCH_PAGE);
        }
        this.client = client;
        this.searchPage = searchPage;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public ConnectorSchema schema() {
        return HubSpotSchemas.crm();
    }

    // ---------------------------------------------------------------- writes

    @Override
    public WriteResult write(OutboxEntry entry) {
        CrmObject type = CrmObject.of(entry.entity());
        if (type != CrmObject.COMPANY && type != CrmObject.DEAL) {
            return WriteResult.failed(ExceptionClass.INTERNAL, "The HubSpot connector cannot write '" + entry.entity()
                    + "' records; it writes company and deal.");
        }
        String singular = type.schemaName.toLowerCase();
        ObjectNode payload;
        try {
            JsonNode n = HubSpotClient.JSON.readTree(entry.payload());
            if (n == null || !n.isObject() || !n.path("properties").isObject()) {
                throw new IOException("no properties object");
            }
            payload = (ObjectNode) n;
        } catch (IOException | RuntimeException e) {
            return WriteResult.failed(ExceptionClass.MAPPING, "The " + singular + " for HubSpot must be a JSON object"
                    + " {\"id\": ..., \"properties\": {...}}; it was not, so nothing was sent.");
        }
        String id = payload.path("id").asText("").trim();
        if (!id.isEmpty() && !id.matches("\\d{1,20}")) {
            return WriteResult.failed(ExceptionClass.MAPPING, "'" + id + "' is not a HubSpot record id (HubSpot ids"
                    + " are numbers); nothing was sent.");
        }
        ObjectNode body = HubSpotClient.JSON.createObjectNode();
        ObjectNode props = body.putObject("properties");
        props.setAll((ObjectNode) payload.get("properties"));
        props.put(REFERENCE_PROPERTY, entry.idempotencyKey());
        boolean create = id.isEmpty();
        if (create && payload.has("associations")) {
            body.set("associations", payload.get("associations"));
        }
        String what = (create ? "create the " : "update the ") + singular + (create ? "" : " " + id);
        String path = "/crm/v3/objects/" + type.path + (create ? "" : "/" + id);
        Answer a;
        try {
            a = client.send(create ? "POST" : "PATCH", path, Map.of(), body.toString());
        } catch (HubSpotApiException e) {
            return e.exceptionClass().isTransient() ? WriteResult.retry(e.exceptionClass(), e.getMessage(), null)
                    : WriteResult.failed(e.exceptionClass(), e.getMessage());
        }
        String raw = HubSpotErrors.raw(a.status(), a.body());
        if (!a.ok()) {
            HubSpotApiException e = HubSpotErrors.toException(what, a.status(), a.body(), a.retryAfter(),
                    client.window(), client.now());
            return e.exceptionClass().isTransient()
                    ? WriteResult.retry(e.exceptionClass(), e.getMessage() + "\n" + raw, e.retryAfter())
                    : WriteResult.failed(e.exceptionClass(), e.getMessage() + "\n" + raw);
        }
        String targetId = null;
        try {
            targetId = HubSpotClient.JSON.readTree(a.body()).path("id").asText(null);
        } catch (IOException | RuntimeException unreadable) {
            // falls through
        }
        if (targetId == null || targetId.isBlank()) {
            return WriteResult.retry(ExceptionClass.CONNECTIVITY, "HubSpot answered HTTP " + a.status() + " to " + what
                    + " but the answer could not be read; the write was probably made, and it will be looked up by "
                    + REFERENCE_PROPERTY + " before anything is sent again.\n" + raw, null);
        }
        return WriteResult.done(targetId, raw);
    }

    /**
     * Updates properties of one record by id (outside the outbox, e.g. a one-off fix) and returns the record as
     * HubSpot answered it.
     *
     * @param entity company, contact, deal or line_item
     * @throws HubSpotApiException for any refusal or fault, classified
     */
    public JsonNode updateProperties(String entity, String id, Map<String, String> properties) {
        CrmObject type = require(entity);
        ObjectNode body = HubSpotClient.JSON.createObjectNode();
        ObjectNode props = body.putObject("properties");
        properties.forEach(props::put);
        return client.patch("/crm/v3/objects/" + type.path + "/" + id, body.toString(), "update the "
                + type.schemaName.toLowerCase() + " " + id);
    }

    /** Searches {@value #REFERENCE_PROPERTY} (set by every write) for our reference; the lowest id wins. */
    @Override
    public Optional<String> findByReference(String entity, String reference) {
        CrmObject type = CrmObject.of(entity);
        if (type == null || reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        return findBy(type, REFERENCE_PROPERTY, reference).map(r -> r.path("id").asText());
    }

    /** The first record (lowest id) whose property equals the value, e.g. a company by crossbill_tax_id. */
    public Optional<JsonNode> findBy(String entity, String property, String value) {
        return findBy(require(entity), property, value);
    }

    private Optional<JsonNode> findBy(CrmObject type, String property, String value) {
        ObjectNode q = HubSpotClient.JSON.createObjectNode();
        filter(q.putArray("filterGroups").addObject().putArray("filters"), property, "EQ", value);
        q.putArray("sorts").addObject().put("propertyName", "hs_object_id").put("direction", "ASCENDING");
        properties(q, type);
        q.put("limit", 1);
        JsonNode page = client.post("/crm/v3/objects/" + type.path + "/search", q.toString(), "search "
                + type.path + " by " + property);
        JsonNode first = page.path("results").path(0);
        return first.isObject() ? Optional.of(first) : Optional.empty();
    }

    // ---------------------------------------------------------------- reads

    /** Deals in stage closedwon changed at or after {@code since} (null: all), oldest change first. */
    public List<JsonNode> closedWonDeals(Instant since) {
        return changedSince(CrmObject.DEAL, since, "dealstage", "closedwon");
    }

    /** Companies changed at or after {@code since}; {@code null}: every company (list paging). */
    public List<JsonNode> companies(Instant since) {
        return since == null ? list(CrmObject.COMPANY, Integer.MAX_VALUE) : changedSince(CrmObject.COMPANY, since);
    }

    /** Contacts changed at or after {@code since} (their {@code lastmodifieddate}); {@code null}: every contact. */
    public List<JsonNode> contacts(Instant since) {
        return since == null ? list(CrmObject.CONTACT, Integer.MAX_VALUE) : changedSince(CrmObject.CONTACT, since);
    }

    /** One deal with the properties of the schema, or empty when HubSpot has no such deal. */
    public Optional<JsonNode> deal(String id) {
        if (id == null || !id.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("not a HubSpot deal id: " + id);
        }
        try {
            return Optional.of(client.get("/crm/v3/objects/deals/" + id,
                    Map.of("properties", String.join(",", CrmObject.DEAL.propertyNames())), "read deal " + id));
        } catch (HubSpotApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The companies associated with a deal (any association type), in id order. */
    public List<JsonNode> companiesOf(String dealId) {
        return batchRead(CrmObject.COMPANY, associatedIds(CrmObject.DEAL, dealId, CrmObject.COMPANY));
    }

    /** The line items of a deal (for a fixed-fee deal: its milestones), in id order. */
    public List<JsonNode> lineItemsOf(String dealId) {
        return batchRead(CrmObject.LINE_ITEM, associatedIds(CrmObject.DEAL, dealId, CrmObject.LINE_ITEM));
    }

    @Override
    public List<JsonNode> samples(String entity, int max) {
        CrmObject type = CrmObject.of(entity);
        if (type == null) {
            throw new IllegalArgumentException("HubSpot has no entity '" + entity + "' in this connector; it reads"
                    + " Company, Contact, Deal and LineItem.");
        }
        return max <= 0 ? List.of() : list(type, max);
    }

    /** IDs of the records of {@code to} associated with one record, following the v4 paging. */
    private List<String> associatedIds(CrmObject from, String id, CrmObject to) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("limit", "500");
            if (after != null) {
                q.put("after", after);
            }
            JsonNode page = client.get("/crm/v4/objects/" + from.path + "/" + id + "/associations/" + to.path, q,
                    "read the " + to.path + " of " + from.schemaName.toLowerCase() + " " + id);
            for (JsonNode r : page.path("results")) {
                ids.add(r.path("toObjectId").asText());
            }
            after = page.path("paging").path("next").path("after").asText(null);
        } while (after != null);
        return ids;
    }

    /** Batch read in chunks of 100; ids HubSpot no longer has (207 with OBJECT_NOT_FOUND) are left out. */
    private List<JsonNode> batchRead(CrmObject type, List<String> ids) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            ObjectNode q = HubSpotClient.JSON.createObjectNode();
            properties(q, type);
            ArrayNode inputs = q.putArray("inputs");
            ids.subList(i, Math.min(ids.size(), i + BATCH)).forEach(id -> inputs.addObject().put("id", id));
            JsonNode answer = client.post("/crm/v3/objects/" + type.path + "/batch/read", q.toString(), "read "
                    + type.path);
            answer.path("results").forEach(out::add);
        }
        out.sort((a, b) -> Long.compare(a.path("id").asLong(), b.path("id").asLong()));
        return out;
    }

    /** Up to {@code max} records through the list endpoint, following {@code paging.next.after}. */
    private List<JsonNode> list(CrmObject type, int max) {
        List<JsonNode> out = new ArrayList<>();
        String after = null;
        do {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("limit", Integer.toString(Math.min(LIST_PAGE, max - out.size())));
            q.put("properties", String.join(",", type.propertyNames()));
            if (after != null) {
                q.put("after", after);
            }
            JsonNode page = client.get("/crm/v3/objects/" + type.path, q, "list " + type.path);
            page.path("results").forEach(out::add);
            after = page.path("paging").path("next").path("after").asText(null);
        } while (after != null && out.size() < max);
        return out;
    }

    /**
     * Records changed at or after {@code since} matching {@code property = value} pairs, oldest change first.
     * Keyset paging: each request asks for changes at or after the last change time seen; records seen twice
     * (ties, or changed while reading) keep their latest version. A page that is all one change time is read
     * through with search offsets before moving on.
     */
    private List<JsonNode> changedSince(CrmObject type, Instant since, String... equals) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        long cursor = since == null ? 0 : since.toEpochMilli();
        while (true) {
            JsonNode page = search(type, equals, "GTE", cursor, null);
            JsonNode results = page.path("results");
            results.forEach(r -> keep(byId, r));
            if (results.size() < searchPage) {
                break;
            }
            long last = changedAt(type, results.get(results.size() - 1));
            if (last > cursor) {
                cursor = last;
                continue;
            }
            // a whole page changed in the same millisecond: read that millisecond by offset, then go past it
            String after = page.path("paging").path("next").path("after").asText(null);
            while (after != null) {
                JsonNode tie = search(type, equals, "EQ", cursor, after);
                tie.path("results").forEach(r -> keep(byId, r));
                after = tie.path("paging").path("next").path("after").asText(null);
            }
            cursor++;
        }
        List<JsonNode> out = new ArrayList<>(byId.values());
        out.sort((a, b) -> {
            int c = Long.compare(changedAt(type, a), changedAt(type, b));
            return c != 0 ? c : Long.compare(a.path("id").asLong(), b.path("id").asLong());
        });
        return out;
    }

    private JsonNode search(CrmObject type, String[] equals, String op, long changedMillis, String after) {
        ObjectNode q = HubSpotClient.JSON.createObjectNode();
        ArrayNode filters = q.putArray("filterGroups").addObject().putArray("filters");
        for (int i = 0; i + 1 < equals.length; i += 2) {
            filter(filters, equals[i], "EQ", equals[i + 1]);
        }
        filter(filters, type.lastModified, op, Long.toString(changedMillis));
        q.putArray("sorts").addObject().put("propertyName", type.lastModified).put("direction", "ASCENDING");
        properties(q, type);
        q.put("limit", searchPage);
        if (after != null) {
            q.put("after", after);
        }
        return client.post("/crm/v3/objects/" + type.path + "/search", q.toString(), "search " + type.path);
    }

    private static void keep(Map<String, JsonNode> byId, JsonNode r) {
        String id = r.path("id").asText();
        JsonNode had = byId.get(id);
        if (had == null || had.path("updatedAt").asText("").compareTo(r.path("updatedAt").asText("")) <= 0) {
            byId.put(id, r);
        }
    }

    private static long changedAt(CrmObject type, JsonNode r) {
        String v = r.path("properties").path(type.lastModified).asText(r.path("updatedAt").asText(""));
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (RuntimeException e) {
            throw new HubSpotApiException(ExceptionClass.CONNECTIVITY, 200, null, null, "HubSpot sent a "
                    + type.schemaName.toLowerCase() + " (" + r.path("id").asText() + ") without a readable "
                    + type.lastModified + " ('" + v + "'), so changes cannot be followed.");
        }
    }

    private static void filter(ArrayNode filters, String property, String op, String value) {
        filters.addObject().put("propertyName", property).put("operator", op).put("value", value);
    }

    private static void properties(ObjectNode q, CrmObject type) {
        ArrayNode p = q.putArray("properties");
        type.propertyNames().forEach(p::add);
    }

    private static CrmObject require(String entity) {
        CrmObject type = CrmObject.of(entity);
        if (type == null) {
            throw new IllegalArgumentException("HubSpot has no entity '" + entity + "' in this connector; use"
                    + " company, contact, deal or line_item.");
        }
        return type;
    }

    @Override
    public String toString() {
        return "HubSpotCrmConnector[" + client.connection() + "]";
    }
}
