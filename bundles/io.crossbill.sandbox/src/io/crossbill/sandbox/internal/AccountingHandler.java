package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Xero Accounting (base path /api.xro/2.0): Contacts, Invoices, CreditNotes, Items, TaxRates and Currencies.
 * Credit notes and items are held here rather than in {@link XeroState}, so they are not part of a saved state
 * file yet.
 */
public final class AccountingHandler extends XeroHttpHandler {
    public static final String BASE = "/api.xro/2.0";
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1000;

    private final XeroState state;
    private final Map<String, ObjectNode> creditNotes = new LinkedHashMap<>();
    private final Map<String, ObjectNode> items = new LinkedHashMap<>();
    private int creditNoteSequence;

    public AccountingHandler(XeroState state, Context ctx) {
        super(BASE, "accounting", ctx);
        this.state = state;
    }

    @Override
    protected Response route(Request r) {
        String root = r.seg(0);
        if ("Contacts".equalsIgnoreCase(root)) {
            if (r.is("GET", 1)) {
                return listContacts(r);
            } else if (r.is("PUT", 1) || r.is("POST", 1)) {
                return saveContacts(r, null);
            } else if (r.is("GET", 2)) {
                return getOne(state.contacts, r.seg(1), "Contacts", c -> true);
            } else if (r.is("POST", 2)) {
                return saveContacts(r, r.seg(1));
            }
        } else if ("Invoices".equalsIgnoreCase(root)) {
            if (r.is("GET", 1)) {
                return listInvoices(r);
            } else if (r.is("PUT", 1) || r.is("POST", 1)) {
                return saveDocuments(Doc.INVOICE, r, null);
            } else if (r.is("GET", 2)) {
                return getOne(state.invoices, r.seg(1), "Invoices", i -> true);
            } else if (r.is("POST", 2)) {
                return saveDocuments(Doc.INVOICE, r, r.seg(1));
            }
        } else if ("CreditNotes".equalsIgnoreCase(root)) {
            if (r.is("GET", 1)) {
                return list(r, creditNotes, "CreditNotes", c -> true, true);
            } else if (r.is("PUT", 1) || r.is("POST", 1)) {
                return saveDocuments(Doc.CREDIT_NOTE, r, null);
            } else if (r.is("GET", 2)) {
                return getOne(creditNotes, r.seg(1), "CreditNotes", c -> true);
            } else if (r.is("POST", 2)) {
                return saveDocuments(Doc.CREDIT_NOTE, r, r.seg(1));
            }
        } else if ("Items".equalsIgnoreCase(root)) {
            if (r.is("GET", 1)) {
                return list(r, items, "Items", i -> true, false);
            } else if (r.is("PUT", 1) || r.is("POST", 1)) {
                return saveItems(r, null);
            } else if (r.is("GET", 2)) {
                return getItem(r.seg(1));
            } else if (r.is("POST", 2)) {
                return saveItems(r, r.seg(1));
            } else if (r.is("DELETE", 2)) {
                return deleteItem(r.seg(1));
            }
        } else if ("TaxRates".equalsIgnoreCase(root) && r.is("GET", 1)) {
            return listTaxRates();
        } else if ("Currencies".equalsIgnoreCase(root)) {
            if (r.is("GET", 1)) {
                return listCurrencies();
            } else if (r.is("PUT", 1)) {
                return enableCurrency(r);
            }
        }
        return notFound();
    }

    // ---------------------------------------------------------------- envelope and errors

    private ObjectNode envelope() {
        ObjectNode o = Json.object();
        o.put("Id", UUID.randomUUID().toString());
        o.put("Status", "OK");
        o.put("ProviderName", "Crossbill Sandbox");
        o.put("DateTimeUTC", XeroDates.msDate(state.now()));
        return o;
    }

    static Response notFound() {
        return Response.text(404, "The resource you're looking for cannot be found");
    }

    private static Response postDataInvalid(String detail) {
        ObjectNode o = Json.object();
        o.put("ErrorNumber", 14);
        o.put("Type", "PostDataInvalidException");
        o.put("Message", "JSON for post data was invalid," + detail);
        return Response.json(400, Json.write(o));
    }

    private static Response validation(List<ObjectNode> failedElements) {
        ObjectNode o = Json.object();
        o.put("ErrorNumber", 10);
        o.put("Type", "ValidationException");
        o.put("Message", "A validation exception occurred");
        ArrayNode els = o.putArray("Elements");
        failedElements.forEach(els::add);
        return Response.json(400, Json.write(o));
    }

    private static ObjectNode withErrors(JsonNode element, List<String> errors, String flag) {
        ObjectNode e = element.isObject() ? ((ObjectNode) element).deepCopy() : Json.object();
        ArrayNode ve = e.putArray("ValidationErrors");
        errors.forEach(m -> ve.addObject().put("Message", m));
        e.put(flag, true);
        e.put("StatusAttributeString", "ERROR");
        return e;
    }

    /** Accepts {"Contacts":[...]} or a single object, as Xero does. */
    private static List<JsonNode> elements(Request r, String plural) {
        JsonNode body = r.json();
        if (body == null || !body.isObject()) {
            throw new ApiException(postDataInvalid("Unexpected end when deserializing object or not a JSON object."));
        }
        List<JsonNode> out = new ArrayList<>();
        JsonNode arr = body.get(plural);
        if (arr != null && arr.isArray()) {
            arr.forEach(out::add);
        } else {
            out.add(body);
        }
        if (out.isEmpty()) {
            throw new ApiException(postDataInvalid("No " + plural + " were supplied."));
        }
        return out;
    }

    private static boolean summarize(Request r) {
        return !"false".equalsIgnoreCase(r.param("summarizeErrors"));
    }

    private Response getOne(Map<String, ObjectNode> map, String id, String plural, Predicate<ObjectNode> filter) {
        synchronized (state) {
            ObjectNode found = map.get(id.toLowerCase());
            if (found == null || !filter.test(found)) {
                return notFound();
            }
            ObjectNode env = envelope();
            env.putArray(plural).add(found.deepCopy());
            return Response.json(200, Json.write(env));
        }
    }

    // ---------------------------------------------------------------- listing

    private Response list(Request r, Map<String, ObjectNode> map, String plural, Predicate<ObjectNode> filter,
            boolean dropLinesUnlessPaged) {
        Instant since = null;
        String ims = r.header("If-Modified-Since");
        if (ims != null) {
            since = XeroDates.parseIfModifiedSince(ims);
        }
        Integer page = intParam(r, "page");
        Integer pageSize = intParam(r, "pageSize");
        if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
            return validation(List.of(withErrors(Json.object(), List.of("pageSize must be between 1 and "
                    + MAX_PAGE_SIZE), "HasValidationErrors")));
        }
        List<ObjectNode> all = new ArrayList<>();
        synchronized (state) {
            for (Map.Entry<String, ObjectNode> e : map.entrySet()) {
                Instant u = state.updated.get(e.getKey());
                if (since != null && u != null && u.isBefore(since)) {
                    continue;
                }
                if (filter.test(e.getValue())) {
                    all.add(e.getValue().deepCopy());
                }
            }
        }
        ObjectNode env = envelope();
        List<ObjectNode> shown = all;
        if (page != null) {
            int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
            int p = Math.max(1, page);
            int from = Math.min(all.size(), (p - 1) * size);
            shown = all.subList(from, Math.min(all.size(), from + size));
            ObjectNode pg = env.putObject("pagination");
            pg.put("page", p);
            pg.put("pageSize", size);
            pg.put("pageCount", (all.size() + size - 1) / size);
            pg.put("itemCount", all.size());
        } else if (dropLinesUnlessPaged) {
            shown.forEach(o -> o.remove("LineItems"));
        }
        ArrayNode arr = env.putArray(plural);
        shown.forEach(arr::add);
        return Response.json(200, Json.write(env));
    }

    private static Integer intParam(Request r, String name) {
        String v = r.param(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(validation(List.of(withErrors(Json.object(),
                    List.of(name + " must be an integer"), "HasValidationErrors"))));
        }
    }

    private static Set<String> csv(Request r, String name) {
        String v = r.param(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        return Arrays.stream(v.split(",")).map(s -> s.replace("\"", "").trim().toLowerCase())
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private Response listContacts(Request r) {
        Set<String> ids = csv(r, "IDs");
        boolean archived = "true".equalsIgnoreCase(r.param("includeArchived"));
        String term = r.param("searchTerm");
        return list(r, state.contacts, "Contacts", c -> (ids == null || ids.contains(c.path("ContactID").asText()))
                && (archived || !"ARCHIVED".equals(c.path("ContactStatus").asText()))
                && (term == null || matches(c, term, "Name", "FirstName", "LastName", "ContactNumber", "EmailAddress")),
                false);
    }

    private Response listInvoices(Request r) {
        Set<String> ids = csv(r, "IDs");
        Set<String> numbers = csv(r, "InvoiceNumbers");
        Set<String> contactIds = csv(r, "ContactIDs");
        Set<String> statuses = csv(r, "Statuses");
        String term = r.param("searchTerm");
        return list(r, state.invoices, "Invoices", i -> (ids == null || ids.contains(i.path("InvoiceID").asText()))
                && (numbers == null || numbers.contains(i.path("InvoiceNumber").asText().toLowerCase()))
                && (contactIds == null || contactIds.contains(i.path("Contact").path("ContactID").asText()))
                && (statuses == null || statuses.contains(i.path("Status").asText().toLowerCase()))
                && (term == null || matches(i, term, "InvoiceNumber", "Reference")), true);
    }

    private static boolean matches(JsonNode o, String term, String... fields) {
        String t = term.toLowerCase();
        for (String f : fields) {
            if (o.path(f).asText("").toLowerCase().contains(t)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- contacts

    private Response saveContacts(Request r, String pathId) {
        List<JsonNode> in = elements(r, "Contacts");
        synchronized (state) {
            List<ObjectNode> failed = new ArrayList<>();
            List<List<String>> errors = new ArrayList<>();
            Set<String> namesInBatch = new HashSet<>();
            for (JsonNode c : in) {
                List<String> errs = new ArrayList<>();
                String id = pathId != null ? pathId.toLowerCase() : c.path("ContactID").asText(null);
                ObjectNode existing = id == null ? null : state.contacts.get(id.toLowerCase());
                if (id != null && existing == null) {
                    errs.add("The contact with ContactID " + id + " does not exist.");
                }
                String name = c.has("Name") ? c.path("Name").asText("").trim()
                        : existing == null ? "" : existing.path("Name").asText();
                if (name.isEmpty()) {
                    errs.add("The contact name must be specified.");
                } else if (name.length() > 255) {
                    errs.add("The contact name must not exceed 255 characters.");
                } else {
                    ObjectNode same = state.contactByName(name);
                    if ((same != null && same != existing) || !namesInBatch.add(name.toLowerCase())) {
                        errs.add("The contact name " + name + " is already assigned to another contact. The contact"
                                + " name must be unique across all active contacts.");
                    }
                }
                String cur = c.path("DefaultCurrency").asText(null);
                if (cur != null && !cur.isEmpty() && !state.currencies.contains(cur)) {
                    errs.add("Organisation is not subscribed to currency " + cur);
                }
                errors.add(errs);
                if (!errs.isEmpty()) {
                    failed.add(withErrors(c, errs, "HasValidationErrors"));
                }
            }
            if (!failed.isEmpty() && summarize(r)) {
                return validation(failed);
            }
            ObjectNode env = envelope();
            ArrayNode out = env.putArray("Contacts");
            for (int i = 0; i < in.size(); i++) {
                if (!errors.get(i).isEmpty()) {
                    out.add(withErrors(in.get(i), errors.get(i), "HasValidationErrors"));
                    continue;
                }
                out.add(upsertContact((ObjectNode) in.get(i), pathId).deepCopy());
            }
            return Response.json(200, Json.write(env));
        }
    }

    private ObjectNode upsertContact(ObjectNode input, String pathId) {
        String given = pathId != null ? pathId : input.path("ContactID").asText(null);
        String id = given == null ? null : given.toLowerCase();
        ObjectNode c = id == null ? null : state.contacts.get(id);
        if (c == null) {
            c = Json.object();
            id = state.newId();
            c.put("ContactID", id);
            c.put("ContactStatus", "ACTIVE");
            c.put("IsSupplier", false);
            c.put("IsCustomer", false);
            state.contacts.put(id, c);
        }
        for (var e : input.properties()) {
            if (!Set.of("ContactID", "UpdatedDateUTC", "HasValidationErrors", "ValidationErrors").contains(e.getKey())) {
                c.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        touch(id, c);
        c.put("HasValidationErrors", false);
        return c;
    }

    private void touch(String id, ObjectNode node) {
        Instant now = state.now();
        state.updated.put(id, now);
        node.put("UpdatedDateUTC", XeroDates.msDate(now));
    }

    // ---------------------------------------------------------------- invoices and credit notes

    /** The two sales documents, which share lines, tax, totals, numbering and status rules. */
    private enum Doc {
        INVOICE("Invoice", "Invoices", "InvoiceID", "InvoiceNumber", "INV-%04d", "ACCREC", "ACCPAY"),
        CREDIT_NOTE("Credit Note", "CreditNotes", "CreditNoteID", "CreditNoteNumber", "CN-%04d", "ACCRECCREDIT",
                "ACCPAYCREDIT");

        final String noun;
        final String plural;
        final String idField;
        final String numberField;
        final String numberFormat;
        final String salesType;
        final String purchaseType;

        Doc(String noun, String plural, String idField, String numberField, String numberFormat, String salesType,
                String purchaseType) {
            this.noun = noun;
            this.plural = plural;
            this.idField = idField;
            this.numberField = numberField;
            this.numberFormat = numberFormat;
            this.salesType = salesType;
            this.purchaseType = purchaseType;
        }

        /** "An invoice", "A credit note": the start of a sentence. */
        String article() {
            return this == INVOICE ? "An invoice" : "A credit note";
        }

        /** Fields the API computes; a client's value is ignored. */
        Set<String> computed() {
            return this == INVOICE
                    ? Set.of("InvoiceID", "UpdatedDateUTC", "SubTotal", "TotalTax", "Total", "AmountDue", "AmountPaid",
                            "HasErrors", "ValidationErrors")
                    : Set.of("CreditNoteID", "UpdatedDateUTC", "UpdatedDateUTCString", "SubTotal", "TotalTax", "Total",
                            "RemainingCredit", "AppliedAmount", "HasErrors", "ValidationErrors");
        }
    }

    private Map<String, ObjectNode> store(Doc doc) {
        return doc == Doc.INVOICE ? state.invoices : creditNotes;
    }

    private Response saveDocuments(Doc doc, Request r, String pathId) {
        List<JsonNode> in = elements(r, doc.plural);
        synchronized (state) {
            List<ObjectNode> built = new ArrayList<>();
            List<List<String>> errors = new ArrayList<>();
            List<ObjectNode> failed = new ArrayList<>();
            Set<String> numbersInBatch = new HashSet<>();
            for (JsonNode raw : in) {
                List<String> errs = new ArrayList<>();
                ObjectNode inv = buildDocument(doc, raw, pathId, errs, numbersInBatch);
                built.add(inv);
                errors.add(errs);
                if (!errs.isEmpty()) {
                    failed.add(withErrors(raw, errs, "HasErrors"));
                }
            }
            if (!failed.isEmpty() && summarize(r)) {
                return validation(failed);
            }
            ObjectNode env = envelope();
            ArrayNode out = env.putArray(doc.plural);
            for (int i = 0; i < in.size(); i++) {
                if (!errors.get(i).isEmpty()) {
                    out.add(withErrors(in.get(i), errors.get(i), "HasErrors"));
                    continue;
                }
                ObjectNode inv = built.get(i);
                commitDocument(doc, inv);
                out.add(inv.deepCopy());
            }
            return Response.json(200, Json.write(env));
        }
    }

    /** Validates and computes a document (new or merged over the stored one) without storing it. */
    private ObjectNode buildDocument(Doc doc, JsonNode raw, String pathId, List<String> errs,
            Set<String> numbersInBatch) {
        String noun = doc.noun.toLowerCase();
        if (!raw.isObject()) {
            errs.add(doc.article() + " must be a JSON object.");
            return Json.object();
        }
        String id = pathId != null ? pathId.toLowerCase() : raw.path(doc.idField).asText(null);
        ObjectNode existing = id == null ? null : store(doc).get(id.toLowerCase());
        if (id != null && existing == null) {
            errs.add("The " + noun + " with " + doc.idField + " " + id + " does not exist.");
            return Json.object();
        }
        ObjectNode inv = existing == null ? Json.object() : existing.deepCopy();
        Set<String> computed = doc.computed();
        for (var e : raw.properties()) {
            if (!computed.contains(e.getKey())) {
                inv.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        String oldStatus = existing == null ? null : existing.path("Status").asText();
        String type = inv.path("Type").asText("");
        if (!type.equals(doc.salesType) && !type.equals(doc.purchaseType)) {
            errs.add(type.isEmpty() ? doc.noun + " Type must be specified." : doc.noun + " Type " + type
                    + " is not valid.");
        }
        // contact: by ContactID, else by Name (an unknown name creates the contact, as Xero does)
        JsonNode contactIn = inv.get("Contact");
        ObjectNode contact = null;
        boolean newContact = false;
        if (contactIn == null || !contactIn.isObject()
                || (contactIn.path("ContactID").asText("").isEmpty() && contactIn.path("Name").asText("").isBlank())) {
            errs.add("A Contact must be specified for this type of transaction");
        } else if (!contactIn.path("ContactID").asText("").isEmpty()) {
            contact = state.contacts.get(contactIn.path("ContactID").asText().toLowerCase());
            if (contact == null) {
                errs.add("The contact with ContactID " + contactIn.path("ContactID").asText() + " does not exist.");
            }
        } else {
            contact = state.contactByName(contactIn.path("Name").asText());
            newContact = contact == null;
        }
        String status = inv.path("Status").asText("DRAFT");
        inv.put("Status", status);
        Set<String> creatable = Set.of("DRAFT", "SUBMITTED", "AUTHORISED");
        if (oldStatus == null && !creatable.contains(status)) {
            errs.add(doc.noun + " not of valid status for creation");
        } else if (oldStatus != null && !transitionAllowed(oldStatus, status)) {
            errs.add(doc.noun + " not of valid status for modification");
        }
        LocalDate date = inv.has("Date") ? XeroDates.parseDate(inv.path("Date").asText())
                : existing == null ? state.now().atZone(ZoneOffset.UTC).toLocalDate() : null;
        if (date == null && inv.has("Date")) {
            errs.add("The date " + inv.path("Date").asText() + " is not a valid date.");
        }
        if (date == null) {
            date = state.now().atZone(ZoneOffset.UTC).toLocalDate();
        }
        LocalDate due = inv.has("DueDate") ? XeroDates.parseDate(inv.path("DueDate").asText()) : date.plusDays(30);
        if (due == null) {
            errs.add("The date " + inv.path("DueDate").asText() + " is not a valid date.");
            due = date.plusDays(30);
        }
        String currency = inv.path("CurrencyCode").asText("");
        if (currency.isEmpty()) {
            currency = contact != null && contact.hasNonNull("DefaultCurrency")
                    ? contact.path("DefaultCurrency").asText() : state.baseCurrency;
        }
        if (!state.currencies.contains(currency)) {
            errs.add("Organisation is not subscribed to currency " + currency);
        }
        String amountTypes = inv.path("LineAmountTypes").asText("Exclusive");
        if (!Set.of("Exclusive", "Inclusive", "NoTax").contains(amountTypes)) {
            errs.add("LineAmountTypes " + amountTypes + " is not valid.");
        }
        JsonNode linesIn = inv.path("LineItems");
        if (!"DRAFT".equals(status) && (!linesIn.isArray() || linesIn.isEmpty())) {
            errs.add(doc.article() + " must have at least one line item to be " + status + ".");
        }
        ArrayNode lines = Json.array();
        BigDecimal[] totals = computeLines(linesIn, status, amountTypes, lines, errs);
        BigDecimal sub = totals[0];
        BigDecimal tax = totals[1];
        String number = inv.path(doc.numberField).asText("");
        if (!number.isEmpty() && type.equals(doc.salesType)) {
            for (ObjectNode other : store(doc).values()) {
                if (other != existing && number.equalsIgnoreCase(other.path(doc.numberField).asText())) {
                    errs.add(doc.noun + " # must be unique.");
                    break;
                }
            }
            if (!numbersInBatch.add(number.toLowerCase())) {
                errs.add(doc.noun + " # must be unique.");
            }
        }
        if (!errs.isEmpty()) {
            return inv;
        }
        if (newContact) {
            ObjectNode c = Json.object();
            c.put("Name", contactIn.path("Name").asText().trim());
            contact = upsertContact(c, null);
        }
        ObjectNode contactView = Json.object();
        contactView.put("ContactID", contact.path("ContactID").asText());
        contactView.put("Name", contact.path("Name").asText());
        contactView.put("ContactStatus", contact.path("ContactStatus").asText());
        contactView.put("HasValidationErrors", false);
        inv.set("Contact", contactView);
        inv.put("Date", XeroDates.msDate(date));
        inv.put("DateString", XeroDates.dateString(date));
        inv.put("DueDate", XeroDates.msDate(due));
        inv.put("DueDateString", XeroDates.dateString(due));
        inv.put("LineAmountTypes", amountTypes);
        inv.set("LineItems", lines);
        inv.put("SubTotal", sub);
        inv.put("TotalTax", tax);
        BigDecimal total = sub.add(tax);
        inv.put("Total", total);
        boolean dead = Set.of("VOIDED", "DELETED").contains(status);
        if (doc == Doc.INVOICE) {
            BigDecimal paid = existing == null ? BigDecimal.ZERO : existing.path("AmountPaid").decimalValue();
            inv.put("AmountPaid", paid);
            inv.put("AmountDue", dead ? BigDecimal.ZERO : total.subtract(paid));
            inv.put("AmountCredited", BigDecimal.ZERO);
            inv.put("IsDiscounted", false);
        } else {
            // no allocations or refunds in the sandbox: the whole credit remains until the note is voided
            inv.put("RemainingCredit", dead ? BigDecimal.ZERO : total);
            inv.putArray("Allocations");
            inv.putArray("Payments");
            inv.put("HasAttachments", false);
        }
        inv.put("CurrencyCode", currency);
        inv.put("CurrencyRate", BigDecimal.ONE);
        inv.put("SentToContact", inv.path("SentToContact").asBoolean(false));
        inv.put("HasErrors", false);
        inv.put("Type", type);
        if (existing == null) {
            inv.put(doc.idField, "");
        }
        if (number.isEmpty() && type.equals(doc.salesType)) {
            inv.put(doc.numberField, "");
        }
        return inv;
    }

    /**
     * Validates and computes the lines (an {@code ItemCode} fills what the line leaves out from the item's
     * sales details); returns {subtotal, tax}.
     */
    private BigDecimal[] computeLines(JsonNode linesIn, String status, String amountTypes, ArrayNode lines,
            List<String> errs) {
        BigDecimal sub = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        if (!linesIn.isArray()) {
            return new BigDecimal[] {sub, tax};
        }
        for (JsonNode li : linesIn) {
            ObjectNode l = li.isObject() ? ((ObjectNode) li).deepCopy() : Json.object();
            String itemCode = l.path("ItemCode").asText("");
            if (!itemCode.isBlank()) {
                ObjectNode item = itemByCode(itemCode);
                if (item == null) {
                    errs.add("Item code '" + itemCode + "' is not valid.");
                } else {
                    JsonNode sales = item.path("SalesDetails");
                    fillFrom(l, "Description", item.path("Description"));
                    fillFrom(l, "UnitAmount", sales.path("UnitPrice"));
                    fillFrom(l, "AccountCode", sales.path("AccountCode"));
                    fillFrom(l, "TaxType", sales.path("TaxType"));
                }
            }
            if (l.path("Description").asText("").isBlank() && itemCode.isBlank()) {
                errs.add("Description cannot be empty.");
            }
            BigDecimal qty = decimal(l.get("Quantity"), BigDecimal.ONE, "Quantity", errs);
            BigDecimal unit = decimal(l.get("UnitAmount"), BigDecimal.ZERO, "UnitAmount", errs);
            String account = l.path("AccountCode").asText("");
            if (!"DRAFT".equals(status) && !state.revenueAccounts.contains(account)) {
                errs.add("Account code '" + account + "' is not a valid code for this document.");
            }
            String taxType = l.path("TaxType").asText("NoTax".equals(amountTypes) ? "NONE" : "OUTPUT2");
            BigDecimal rate = state.taxRates.get(taxType);
            if (rate == null) {
                errs.add("The TaxType code '" + taxType + "' does not exist or cannot be used for this type of"
                        + " transaction.");
                rate = BigDecimal.ZERO;
            }
            if ("NoTax".equals(amountTypes)) {
                rate = BigDecimal.ZERO;
            }
            BigDecimal amount = qty.multiply(unit).setScale(2, RoundingMode.HALF_UP);
            BigDecimal lineTax;
            BigDecimal net;
            if ("Inclusive".equals(amountTypes)) {
                lineTax = amount.multiply(rate).divide(BigDecimal.ONE.add(rate), 2, RoundingMode.HALF_UP);
                net = amount.subtract(lineTax);
            } else {
                lineTax = amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
                net = amount;
            }
            sub = sub.add(net);
            tax = tax.add(lineTax);
            l.put("Quantity", qty);
            l.put("UnitAmount", unit);
            l.put("TaxType", taxType);
            l.put("TaxAmount", lineTax);
            l.put("LineAmount", amount);
            if (!l.hasNonNull("LineItemID")) {
                l.put("LineItemID", state.newId());
            }
            l.putArray("Tracking");
            lines.add(l);
        }
        return new BigDecimal[] {sub, tax};
    }

    private static void fillFrom(ObjectNode line, String field, JsonNode value) {
        if ((!line.hasNonNull(field) || line.path(field).asText().isBlank()) && !value.isMissingNode()
                && !value.isNull()) {
            line.set(field, value.deepCopy());
        }
    }

    private static boolean transitionAllowed(String from, String to) {
        if (from.equals(to)) {
            return !Set.of("VOIDED", "DELETED", "PAID").contains(from);
        }
        return switch (from) {
            case "DRAFT" -> Set.of("SUBMITTED", "AUTHORISED", "DELETED").contains(to);
            case "SUBMITTED" -> Set.of("DRAFT", "AUTHORISED", "DELETED").contains(to);
            case "AUTHORISED" -> "VOIDED".equals(to);
            default -> false;
        };
    }

    private void commitDocument(Doc doc, ObjectNode inv) {
        String id = inv.path(doc.idField).asText("");
        if (id.isEmpty()) {
            id = state.newId();
            inv.put(doc.idField, id);
        }
        if ("".equals(inv.path(doc.numberField).asText(null))) {
            int n = doc == Doc.INVOICE ? ++state.invoiceSequence : ++creditNoteSequence;
            inv.put(doc.numberField, String.format(doc.numberFormat, n));
        }
        ObjectNode contact = state.contacts.get(inv.path("Contact").path("ContactID").asText());
        if (contact != null && doc.salesType.equals(inv.path("Type").asText())
                && !contact.path("IsCustomer").asBoolean()) {
            contact.put("IsCustomer", true);
            touch(contact.path("ContactID").asText(), contact);
        }
        touch(id, inv);
        inv.put("UpdatedDateUTCString", state.updated.get(id).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString());
        store(doc).put(id, inv);
    }

    // ---------------------------------------------------------------- items

    private ObjectNode itemByCode(String code) {
        for (ObjectNode i : items.values()) {
            if (i.path("Code").asText("").equalsIgnoreCase(code.trim())) {
                return i;
            }
        }
        return null;
    }

    private Response getItem(String idOrCode) {
        synchronized (state) {
            ObjectNode found = items.get(idOrCode.toLowerCase());
            if (found == null) {
                found = itemByCode(idOrCode);
            }
            if (found == null) {
                return notFound();
            }
            ObjectNode env = envelope();
            env.putArray("Items").add(found.deepCopy());
            return Response.json(200, Json.write(env));
        }
    }

    private Response deleteItem(String id) {
        synchronized (state) {
            ObjectNode removed = items.remove(id.toLowerCase());
            if (removed == null) {
                return notFound();
            }
            state.updated.remove(id.toLowerCase());
            return Response.empty(204);
        }
    }

    /**
     * PUT creates (a Code already in use is an error); POST updates the item named by {@code ItemID}, the path,
     * or an existing {@code Code}, and creates it otherwise.
     */
    private Response saveItems(Request r, String pathId) {
        List<JsonNode> in = elements(r, "Items");
        boolean put = r.method().equals("PUT");
        synchronized (state) {
            List<ObjectNode> targets = new ArrayList<>();
            List<List<String>> errors = new ArrayList<>();
            List<ObjectNode> failed = new ArrayList<>();
            Set<String> codesInBatch = new HashSet<>();
            for (JsonNode raw : in) {
                List<String> errs = new ArrayList<>();
                targets.add(checkItem(raw, pathId, put, codesInBatch, errs));
                errors.add(errs);
                if (!errs.isEmpty()) {
                    failed.add(withErrors(raw, errs, "HasValidationErrors"));
                }
            }
            if (!failed.isEmpty() && summarize(r)) {
                return validation(failed);
            }
            ObjectNode env = envelope();
            ArrayNode out = env.putArray("Items");
            for (int i = 0; i < in.size(); i++) {
                if (!errors.get(i).isEmpty()) {
                    out.add(withErrors(in.get(i), errors.get(i), "HasValidationErrors"));
                } else {
                    out.add(upsertItem(targets.get(i), (ObjectNode) in.get(i)).deepCopy());
                }
            }
            return Response.json(200, Json.write(env));
        }
    }

    /** Validates one item; returns the stored item it updates, or null for a new one. */
    private ObjectNode checkItem(JsonNode raw, String pathId, boolean put, Set<String> codesInBatch,
            List<String> errs) {
        if (!raw.isObject()) {
            errs.add("An item must be a JSON object.");
            return null;
        }
        String id = pathId != null ? pathId : raw.path("ItemID").asText(null);
        ObjectNode existing = id == null ? null : items.get(id.toLowerCase());
        if (id != null && existing == null) {
            errs.add("The item with ItemID " + id + " does not exist.");
            return null;
        }
        String code = raw.has("Code") ? raw.path("Code").asText("").trim()
                : existing == null ? "" : existing.path("Code").asText();
        ObjectNode sameCode = code.isEmpty() ? null : itemByCode(code);
        if (existing == null && !put && sameCode != null) {
            existing = sameCode; // POST /Items with a known Code updates that item
        }
        if (code.isEmpty()) {
            errs.add("Item code must be specified.");
        } else if (code.length() > 30) {
            errs.add("Item code must not exceed 30 characters.");
        } else if ((sameCode != null && sameCode != existing) || !codesInBatch.add(code.toLowerCase())) {
            errs.add("Item code '" + code + "' is already in use. Item codes must be unique.");
        }
        if (raw.path("Name").asText("").length() > 50) {
            errs.add("Item name must not exceed 50 characters.");
        }
        if (raw.path("IsTrackedAsInventory").asBoolean(false)) {
            errs.add("Tracked inventory items are not supported by the sandbox; leave IsTrackedAsInventory false.");
        }
        for (String details : List.of("SalesDetails", "PurchaseDetails")) {
            JsonNode d = raw.path(details);
            if (d.isMissingNode() || d.isNull()) {
                continue;
            }
            if (!d.isObject()) {
                errs.add(details + " must be an object.");
                continue;
            }
            decimal(d.get("UnitPrice"), BigDecimal.ZERO, details + ".UnitPrice", errs);
            String tax = d.path("TaxType").asText("");
            if (!tax.isEmpty() && !state.taxRates.containsKey(tax)) {
                errs.add("The TaxType code '" + tax + "' does not exist or cannot be used for this type of"
                        + " transaction.");
            }
            String account = d.path("AccountCode").asText("");
            if (details.equals("SalesDetails") && !account.isEmpty() && !state.revenueAccounts.contains(account)) {
                errs.add("Account code '" + account + "' is not a valid code for this document.");
            }
        }
        return existing;
    }

    private ObjectNode upsertItem(ObjectNode existing, ObjectNode input) {
        ObjectNode item = existing;
        String id;
        if (item == null) {
            item = Json.object();
            id = state.newId();
            item.put("ItemID", id);
            item.put("IsTrackedAsInventory", false);
            item.putObject("PurchaseDetails");
            item.putObject("SalesDetails");
            items.put(id, item);
        } else {
            id = item.path("ItemID").asText();
        }
        for (var e : input.properties()) {
            if (!Set.of("ItemID", "UpdatedDateUTC", "ValidationErrors", "HasValidationErrors", "TotalCostPool",
                    "QuantityOnHand").contains(e.getKey())) {
                item.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        item.put("Code", item.path("Code").asText().trim());
        item.put("IsSold", !item.path("SalesDetails").isEmpty());
        item.put("IsPurchased", !item.path("PurchaseDetails").isEmpty());
        touch(id, item);
        return item;
    }

    // ---------------------------------------------------------------- tax rates and currencies

    /** Xero's display name and report type of the UK tax types the organisation has. */
    private static final Map<String, List<String>> TAX_TYPE_NAMES = Map.of(
            "OUTPUT2", List.of("20% (VAT on Income)", "OUTPUT"),
            "ZERORATEDOUTPUT", List.of("Zero Rated Income", "OUTPUT"),
            "ECZROUTPUTSERVICES", List.of("Zero Rated EC Services", "ECOUTPUTSERVICES"),
            "EXEMPTOUTPUT", List.of("Exempt Income", "EXEMPTOUTPUT"),
            "NONE", List.of("No VAT", "NONE"));

    private Response listTaxRates() {
        ObjectNode env = envelope();
        ArrayNode out = env.putArray("TaxRates");
        synchronized (state) {
            for (Map.Entry<String, BigDecimal> t : state.taxRates.entrySet()) {
                List<String> names = TAX_TYPE_NAMES.getOrDefault(t.getKey(), List.of(t.getKey()));
                BigDecimal percent = t.getValue().multiply(BigDecimal.valueOf(100)).setScale(4, RoundingMode.HALF_UP);
                ObjectNode rate = out.addObject();
                rate.put("Name", names.get(0));
                rate.put("TaxType", t.getKey());
                rate.putArray("TaxComponents").addObject().put("Name", "VAT").put("Rate", percent)
                        .put("IsCompound", false).put("IsNonRecoverable", false);
                rate.put("Status", "ACTIVE");
                if (names.size() > 1) {
                    rate.put("ReportTaxType", names.get(1));
                }
                for (String f : List.of("CanApplyToAssets", "CanApplyToEquity", "CanApplyToExpenses",
                        "CanApplyToLiabilities", "CanApplyToRevenue")) {
                    rate.put(f, true);
                }
                rate.put("DisplayTaxRate", percent);
                rate.put("EffectiveRate", percent);
            }
        }
        return Response.json(200, Json.write(env));
    }

    private static ObjectNode currencyView(String code) {
        ObjectNode c = Json.object();
        c.put("Code", code);
        c.put("Description", java.util.Currency.getInstance(code).getDisplayName(java.util.Locale.ENGLISH));
        return c;
    }

    private Response listCurrencies() {
        ObjectNode env = envelope();
        ArrayNode out = env.putArray("Currencies");
        synchronized (state) {
            state.currencies.forEach(c -> out.add(currencyView(c)));
        }
        return Response.json(200, Json.write(env));
    }

    /** Subscribes the organisation to a currency ({@code {"Code":"SEK"}}); a known one is simply answered. */
    private Response enableCurrency(Request r) {
        List<JsonNode> in = elements(r, "Currencies");
        List<ObjectNode> failed = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (JsonNode c : in) {
            String code = c.path("Code").asText("").trim().toUpperCase(java.util.Locale.ROOT);
            String error = null;
            if (code.isEmpty()) {
                error = "Currency Code must be specified.";
            } else {
                try {
                    java.util.Currency.getInstance(code);
                } catch (IllegalArgumentException e) {
                    error = "'" + code + "' is not a valid ISO 4217 currency code.";
                }
            }
            if (error != null) {
                failed.add(withErrors(c, List.of(error), "HasValidationErrors"));
            }
            codes.add(code);
        }
        if (!failed.isEmpty()) {
            return validation(failed);
        }
        ObjectNode env = envelope();
        ArrayNode out = env.putArray("Currencies");
        synchronized (state) {
            for (String code : codes) {
                state.currencies.add(code);
                out.add(currencyView(code));
            }
        }
        return Response.json(200, Json.write(env));
    }

    private static BigDecimal decimal(JsonNode n, BigDecimal dflt, String field, List<String> errs) {
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        try {
            return new BigDecimal(n.asText().trim());
        } catch (NumberFormatException e) {
            errs.add(field + " '" + n.asText() + "' is not a valid number.");
            return dflt;
        }
    }

    /** Used by the seeder: stores a validated invoice as if PUT by a client. Returns the errors, if any. */
    public List<String> seedInvoice(ObjectNode raw) {
        synchronized (state) {
            List<String> errs = new ArrayList<>();
            ObjectNode inv = buildDocument(Doc.INVOICE, raw, null, errs, new HashSet<>());
            if (errs.isEmpty()) {
                commitDocument(Doc.INVOICE, inv);
            }
            return errs;
        }
    }
}
