package io.crossbill.connect.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.connect.xero.XeroClient.Answer;
import io.crossbill.connect.xero.XeroClient.Api;
import io.crossbill.engine.api.ConnectorSchema;
import io.crossbill.engine.api.Connector;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.WriteResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Xero Accounting behind the engine's {@link Connector} contract: contacts and invoices.
 * <p>
 * <b>Writes.</b> The outbox entry's payload is one Xero element ({@code Contact} or {@code Invoice}, as the
 * mapping produced it). Without its id ({@code ContactID}/{@code InvoiceID}) it is created with
 * {@code PUT /Contacts} / {@code PUT /Invoices}; with it, updated with {@code POST}. Every write carries the
 * entry's key as {@code Idempotency-Key}; Xero answers a repeat with the first answer, so
 * {@link #honoursIdempotencyKey()} is {@code true}.
 * <p>
 * <b>References.</b> {@link #findByReference} looks a contact up by {@code ContactNumber} (then
 * {@code Name}), an invoice by {@code InvoiceNumber} (then {@code Reference}); the mapping puts our
 * reference into those fields.
 * <p>
 * <b>Reads.</b> {@link #contacts} / {@link #invoices} page through {@code GET /Contacts} / {@code GET /Invoices}
 * with {@code page} (and {@code pageSize}) and optionally {@code If-Modified-Since}.
 */
public final class XeroAccountingConnector implements Connector {

    /** The system name in envelopes and outbox rows. */
    public static final String SYSTEM = "xero";
    /** Xero's default Accounting page size. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final XeroClient client;
    private final int pageSize;

    public XeroAccountingConnector(XeroClient client) {
        this(client, DEFAULT_PAGE_SIZE);
    }

    /** @param pageSize 1..1000 records per page when reading */
    public XeroAccountingConnector(XeroClient client, int pageSize) {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be 1..1000");
        }
        this.client = client;
        this.pageSize = pageSize;
    }

    /** The two entities and how Xero names them. */
    private enum Kind {
        CONTACT("Contact", "Contacts", "ContactID"), INVOICE("Invoice", "Invoices", "InvoiceID");

        final String singular;
        final String plural;
        final String idField;

        Kind(String singular, String plural, String idField) {
            this.singular = singular;
            this.plural = plural;
            this.idField = idField;
        }

        static Kind of(String entity) {
            String e = entity == null ? "" : entity.trim().toLowerCase(Locale.ROOT);
            return switch (e) {
                case "contact", "contacts", "customer", "company" -> CONTACT;
                case "invoice", "invoices" -> INVOICE;
                default -> null;
            };
        }
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public boolean honoursIdempotencyKey() {
        return true;
    }

    /** The entities and fields of Xero Accounting that this connector handles. */
    public ConnectorSchema schema() {
        return XeroSchemas.accounting();
    }

    @Override
    public WriteResult write(OutboxEntry entry) {
        Kind kind = Kind.of(entry.entity());
        if (kind == null) {
            return WriteResult.failed(ExceptionClass.INTERNAL, "The Xero Accounting connector cannot write '"
                    + entry.entity() + "' records; it writes Contact and Invoice.");
        }
        ObjectNode element;
        try {
            JsonNode n = XeroClient.JSON.readTree(entry.payload());
            if (n == null || !n.isObject()) {
                throw new IOException("not a JSON object");
            }
            element = (ObjectNode) n;
        } catch (IOException | RuntimeException e) {
            return WriteResult.failed(ExceptionClass.MAPPING, "The " + kind.singular + " for Xero is not a JSON"
                    + " object, so it was not sent.");
        }
        if (element.has(kind.plural) && element.get(kind.plural).isArray()) {
            return WriteResult.failed(ExceptionClass.MAPPING, "One outbox entry must hold one " + kind.singular
                    + ", not a {\"" + kind.plural + "\": [...]} batch.");
        }
        String id = element.path(kind.idField).asText("");
        String method = id.isBlank() ? "PUT" : "POST";
        ObjectNode body = XeroClient.JSON.createObjectNode();
        body.putArray(kind.plural).add(element);
        String what = (id.isBlank() ? "create the " : "update the ") + kind.singular;
        Answer a;
        try {
            a = client.write(Api.ACCOUNTING, method, "/" + kind.plural, Map.of(), body.toString(),
                    entry.idempotencyKey());
        } catch (XeroApiException e) {
            return WriteResult.retry(e.exceptionClass(), e.getMessage(), null);
        }
        String raw = XeroErrors.raw(a.status(), a.body());
        if (!a.ok()) {
            XeroApiException e = XeroErrors.toException(what, a.status(), a.body(), a.retryAfter(),
                    a.rateLimitProblem(), client.now());
            return e.exceptionClass().isTransient()
                    ? WriteResult.retry(e.exceptionClass(), e.getMessage() + "\n" + raw, e.retryAfter())
                    : WriteResult.failed(e.exceptionClass(), e.getMessage() + "\n" + raw);
        }
        String targetId = null;
        try {
            JsonNode first = XeroClient.JSON.readTree(a.body()).path(kind.plural).path(0);
            targetId = first.path(kind.idField).asText(null);
        } catch (IOException | RuntimeException unreadable) {
            // falls through
        }
        if (targetId == null || targetId.isBlank()) {
            // Xero applied the write (2xx) but the answer was lost; the same key gets the first answer again.
            return WriteResult.retry(ExceptionClass.CONNECTIVITY, "Xero answered HTTP " + a.status() + " to "
                    + what + " but the answer could not be read; the write was probably made and will be asked"
                    + " for again with the same Idempotency-Key.\n" + raw, null);
        }
        return WriteResult.done(targetId, raw);
    }

    @Override
    public Optional<String> findByReference(String entity, String reference) {
        Kind kind = Kind.of(entity);
        if (kind == null || reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        if (kind == Kind.CONTACT) {
            JsonNode found = firstMatch(kind, Map.of("searchTerm", reference), "ContactNumber", reference);
            if (found == null) {
                found = firstMatch(kind, Map.of("searchTerm", reference), "Name", reference);
            }
            return Optional.ofNullable(found).map(c -> c.path("ContactID").asText());
        }
        JsonNode found = firstMatch(kind, Map.of("InvoiceNumbers", reference), "InvoiceNumber", reference);
        if (found == null) {
            found = firstMatch(kind, Map.of("searchTerm", reference), "Reference", reference);
        }
        return Optional.ofNullable(found).map(i -> i.path("InvoiceID").asText());
    }

    private JsonNode firstMatch(Kind kind, Map<String, String> filter, String field, String value) {
        JsonNode[] hit = new JsonNode[1];
        Map<String, String> q = new LinkedHashMap<>(filter);
        q.put("includeArchived", "true");
        pages(kind, q, null, n -> {
            if (hit[0] == null && value.equalsIgnoreCase(n.path(field).asText(""))) {
                hit[0] = n;
            }
        });
        return hit[0];
    }

    /** Every contact (including archived ones when asked), changed at or after {@code since} if given. */
    public List<JsonNode> contacts(Instant since, boolean includeArchived) {
        List<JsonNode> out = new ArrayList<>();
        pages(Kind.CONTACT, includeArchived ? Map.of("includeArchived", "true") : Map.of(), since, out::add);
        return out;
    }

    /** One invoice by its id, with its lines and totals, or empty when Xero has no such invoice. */
    public Optional<JsonNode> invoice(String invoiceId) {
        if (invoiceId == null || !invoiceId.matches("[0-9a-fA-F-]{36}")) {
            throw new IllegalArgumentException("not a Xero invoice id: " + invoiceId);
        }
        try {
            JsonNode first = client.get(Api.ACCOUNTING, "/Invoices/" + invoiceId, Map.of(), null).path("Invoices")
                    .path(0);
            return first.isObject() ? Optional.of(first) : Optional.empty();
        } catch (XeroApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every invoice (with line items), changed at or after {@code since} if given. */
    public List<JsonNode> invoices(Instant since) {
        List<JsonNode> out = new ArrayList<>();
        pages(Kind.INVOICE, Map.of(), since, out::add);
        return out;
    }

    /** Invoices in a status (DRAFT, AUTHORISED, ...), changed at or after {@code since} if given. */
    public List<JsonNode> invoices(Instant since, String... statuses) {
        List<JsonNode> out = new ArrayList<>();
        pages(Kind.INVOICE, statuses.length == 0 ? Map.of() : Map.of("Statuses", String.join(",", statuses)), since,
                out::add);
        return out;
    }

    /**
     * Pages through a list: page 1, 2, ... until a page is short (Xero's rule) or the pagination block
     * says it was the last.
     */
    private void pages(Kind kind, Map<String, String> filter, Instant since, Consumer<JsonNode> each) {
        for (int page = 1;; page++) {
            Map<String, String> q = new LinkedHashMap<>(filter);
            q.put("page", Integer.toString(page));
            q.put("pageSize", Integer.toString(pageSize));
            JsonNode answer = client.get(Api.ACCOUNTING, "/" + kind.plural, q, since);
            JsonNode items = answer.path(kind.plural);
            items.forEach(each);
            int pageCount = answer.path("pagination").path("pageCount").asInt(-1);
            if (items.size() < pageSize || (pageCount >= 0 && page >= pageCount)) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "XeroAccountingConnector[" + client.connection() + "]";
    }
}
