package io.crossbill.connect.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.connect.xero.XeroClient.Answer;
import io.crossbill.connect.xero.XeroClient.Api;
import io.crossbill.engine.api.ConnectorSchema;
import io.crossbill.engine.api.Connector;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.SampleSource;
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
 * Xero Accounting behind the engine's {@link Connector} and {@link SampleSource} contracts: contacts, invoices,
 * credit notes and items, plus the organisation's tax rates and currencies.
 * <p>
 * <b>Writes.</b> The outbox entry's payload is one Xero element ({@code Contact}, {@code Invoice},
 * {@code CreditNote} or {@code Item}, as the mapping produced it). Without its id ({@code ContactID},
 * {@code InvoiceID}, {@code CreditNoteID}) it is created with {@code PUT /Contacts}, {@code PUT /Invoices},
 * {@code PUT /CreditNotes}; with it, updated with {@code POST}. An item is always sent with {@code POST /Items},
 * which Xero treats as "update the item with this {@code Code} (or {@code ItemID}), else create it". Every write
 * carries the entry's key as {@code Idempotency-Key}; Xero answers a repeat with the first answer, so
 * {@link #honoursIdempotencyKey()} is {@code true}.
 * <p>
 * <b>References.</b> {@link #findByReference} looks a contact up by {@code ContactNumber} (then {@code Name}),
 * an invoice by {@code InvoiceNumber} (then {@code Reference}), a credit note by {@code CreditNoteNumber} (then
 * {@code Reference}), an item by {@code Code}; the mapping puts our reference into those fields.
 * <p>
 * <b>Reads.</b> {@link #contacts}, {@link #invoices} and {@link #creditNotes} page through their lists with
 * {@code page} (and {@code pageSize}) and optionally {@code If-Modified-Since}; {@link #items}, {@link #taxRates}
 * and {@link #currencies} are single lists (Xero does not page them). {@link #samples} reads one page.
 */
public final class XeroAccountingConnector implements Connector, SampleSource {

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

    /** The entities this connector writes and how Xero names them. */
    private enum Kind {
        CONTACT("Contact", "Contacts", "ContactID"), INVOICE("Invoice", "Invoices", "InvoiceID"),
        CREDIT_NOTE("CreditNote", "CreditNotes", "CreditNoteID"), ITEM("Item", "Items", "ItemID");

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
                case "creditnote", "creditnotes", "credit note", "credit notes", "credit_note" -> CREDIT_NOTE;
                case "item", "items" -> ITEM;
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
    @Override
    public ConnectorSchema schema() {
        return XeroSchemas.accounting();
    }

    @Override
    public WriteResult write(OutboxEntry entry) {
        Kind kind = Kind.of(entry.entity());
        if (kind == null) {
            return WriteResult.failed(ExceptionClass.INTERNAL, "The Xero Accounting connector cannot write '"
                    + entry.entity() + "' records; it writes Contact, Invoice, CreditNote and Item.");
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
        if (kind == Kind.ITEM && id.isBlank() && element.path("Code").asText("").isBlank()) {
            return WriteResult.failed(ExceptionClass.MAPPING, "An Item for Xero needs its Code (or the ItemID of the"
                    + " item to update); the payload has neither, so it was not sent.");
        }
        String method = id.isBlank() && kind != Kind.ITEM ? "PUT" : "POST";
        ObjectNode body = XeroClient.JSON.createObjectNode();
        body.putArray(kind.plural).add(element);
        String what = (kind == Kind.ITEM ? "save the " : id.isBlank() ? "create the " : "update the ") + kind.singular;
        return client.writeForDelivery(Api.ACCOUNTING, method, "/" + kind.plural, body.toString(),
                entry.idempotencyKey(), what, answer -> answer.path(kind.plural).path(0).path(kind.idField)
                        .asText(null));
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
        if (kind == Kind.ITEM) {
            return items().stream().filter(i -> reference.equalsIgnoreCase(i.path("Code").asText("")))
                    .map(i -> i.path("ItemID").asText()).findFirst();
        }
        if (kind == Kind.CREDIT_NOTE) {
            // GET /CreditNotes has no number or reference filter besides "where": page through all of them
            JsonNode[] hit = new JsonNode[2];
            pages(kind, Map.of(), null, n -> {
                if (hit[0] == null && reference.equalsIgnoreCase(n.path("CreditNoteNumber").asText(""))) {
                    hit[0] = n;
                } else if (hit[1] == null && reference.equals(n.path("Reference").asText(""))) {
                    hit[1] = n;
                }
            });
            JsonNode found = hit[0] != null ? hit[0] : hit[1];
            return Optional.ofNullable(found).map(c -> c.path("CreditNoteID").asText());
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

    /** Every credit note (with line items), changed at or after {@code since} if given. */
    public List<JsonNode> creditNotes(Instant since) {
        List<JsonNode> out = new ArrayList<>();
        pages(Kind.CREDIT_NOTE, Map.of(), since, out::add);
        return out;
    }

    /** Every item (products and services, with their sales and purchase details). */
    public List<JsonNode> items() {
        return items(null);
    }

    /** The items changed at or after {@code since} ({@code null}: all). */
    public List<JsonNode> items(Instant since) {
        return list("/Items", "Items", since);
    }

    /** The organisation's tax rates ({@code TaxType}, name, components and effective rate). */
    public List<JsonNode> taxRates() {
        return list("/TaxRates", "TaxRates", null);
    }

    /** The currencies the organisation is subscribed to ({@code Code}, {@code Description}). */
    public List<JsonNode> currencies() {
        return list("/Currencies", "Currencies", null);
    }

    /**
     * Subscribes the organisation to a currency ({@code PUT /Currencies}); a currency it already has is simply
     * confirmed. Needs Xero's multi-currency plan.
     *
     * @param code an ISO 4217 code such as {@code SEK}
     * @return the currency as Xero answered it
     * @throws XeroApiException when Xero refuses (e.g. an unknown code) or cannot be reached
     */
    public JsonNode enableCurrency(String code) {
        if (code == null || !code.trim().matches("[A-Za-z]{3}")) {
            throw new IllegalArgumentException("A currency code is three letters (ISO 4217), not '" + code + "'.");
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        ObjectNode body = XeroClient.JSON.createObjectNode().put("Code", c);
        // the same currency always gets the same key: enabling it twice is one change
        Answer a = client.write(Api.ACCOUNTING, "PUT", "/Currencies", Map.of(), body.toString(), "enable-currency-" + c);
        if (!a.ok()) {
            throw XeroErrors.toException("enable the currency " + c, a.status(), a.body(), a.retryAfter(),
                    a.rateLimitProblem(), client.now());
        }
        try {
            return XeroClient.JSON.readTree(a.body()).path("Currencies").path(0);
        } catch (IOException e) {
            throw new XeroApiException(ExceptionClass.CONNECTIVITY, a.status(), null, null, "Xero answered the"
                    + " currency " + c + " with HTTP " + a.status() + " but the answer is not readable JSON.");
        }
    }

    /**
     * Up to {@code max} real records of one entity of {@link #schema()}, from a single page (one request; nested
     * entities such as LineItem come from the records that hold them). Reads only.
     *
     * @throws IllegalArgumentException for an entity the schema does not know, or {@code max < 1}
     */
    @Override
    public List<JsonNode> samples(String entity, int max) {
        return XeroSamples.samples(schema(), entity, max, this::onePage);
    }

    private List<JsonNode> onePage(String entity, int max) {
        return switch (entity) {
            case "Contact", "Invoice", "CreditNote" -> {
                String plural = entity.equals("CreditNote") ? "CreditNotes" : entity + "s";
                Map<String, String> q = new LinkedHashMap<>();
                q.put("page", "1");
                q.put("pageSize", Integer.toString(Math.min(max, 1000)));
                List<JsonNode> out = new ArrayList<>();
                client.get(Api.ACCOUNTING, "/" + plural, q, null).path(plural).forEach(out::add);
                yield out;
            }
            case "Item" -> items();
            case "TaxRate" -> taxRates();
            case "Currency" -> currencies();
            default -> throw new IllegalArgumentException("Xero Accounting has no list of '" + entity + "' to sample.");
        };
    }

    private List<JsonNode> list(String path, String field, Instant since) {
        List<JsonNode> out = new ArrayList<>();
        client.get(Api.ACCOUNTING, path, Map.of(), since).path(field).forEach(out::add);
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
