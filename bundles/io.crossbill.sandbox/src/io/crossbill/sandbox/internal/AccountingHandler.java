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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Xero Accounting (base path /api.xro/2.0): Contacts and Invoices. */
public final class AccountingHandler extends XeroHttpHandler {
    public static final String BASE = "/api.xro/2.0";
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1000;

    private final XeroState state;

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
                return saveInvoices(r, null);
            } else if (r.is("GET", 2)) {
                return getOne(state.invoices, r.seg(1), "Invoices", i -> true);
            } else if (r.is("POST", 2)) {
                return saveInvoices(r, r.seg(1));
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

    // ---------------------------------------------------------------- invoices

    private Response saveInvoices(Request r, String pathId) {
        List<JsonNode> in = elements(r, "Invoices");
        synchronized (state) {
            List<ObjectNode> built = new ArrayList<>();
            List<List<String>> errors = new ArrayList<>();
            List<ObjectNode> failed = new ArrayList<>();
            Set<String> numbersInBatch = new HashSet<>();
            for (JsonNode raw : in) {
                List<String> errs = new ArrayList<>();
                ObjectNode inv = buildInvoice(raw, pathId, errs, numbersInBatch);
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
            ArrayNode out = env.putArray("Invoices");
            for (int i = 0; i < in.size(); i++) {
                if (!errors.get(i).isEmpty()) {
                    out.add(withErrors(in.get(i), errors.get(i), "HasErrors"));
                    continue;
                }
                ObjectNode inv = built.get(i);
                commitInvoice(inv);
                out.add(inv.deepCopy());
            }
            return Response.json(200, Json.write(env));
        }
    }

    /** Validates and computes an invoice (new or merged over the stored one) without storing it. */
    private ObjectNode buildInvoice(JsonNode raw, String pathId, List<String> errs, Set<String> numbersInBatch) {
        if (!raw.isObject()) {
            errs.add("An invoice must be a JSON object.");
            return Json.object();
        }
        String id = pathId != null ? pathId.toLowerCase() : raw.path("InvoiceID").asText(null);
        ObjectNode existing = id == null ? null : state.invoices.get(id.toLowerCase());
        if (id != null && existing == null) {
            errs.add("The invoice with InvoiceID " + id + " does not exist.");
            return Json.object();
        }
        ObjectNode inv = existing == null ? Json.object() : existing.deepCopy();
        for (var e : raw.properties()) {
            if (!Set.of("InvoiceID", "UpdatedDateUTC", "SubTotal", "TotalTax", "Total", "AmountDue", "AmountPaid",
                    "HasErrors", "ValidationErrors").contains(e.getKey())) {
                inv.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        String oldStatus = existing == null ? null : existing.path("Status").asText();
        String type = inv.path("Type").asText("");
        if (!type.equals("ACCREC") && !type.equals("ACCPAY")) {
            errs.add(type.isEmpty() ? "Invoice Type must be specified." : "Invoice Type " + type + " is not valid.");
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
            errs.add("Invoice not of valid status for creation");
        } else if (oldStatus != null && !transitionAllowed(oldStatus, status)) {
            errs.add("Invoice not of valid status for modification");
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
            errs.add("An invoice must have at least one line item to be " + status + ".");
        }
        BigDecimal sub = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        ArrayNode lines = Json.array();
        if (linesIn.isArray()) {
            for (JsonNode li : linesIn) {
                ObjectNode l = li.isObject() ? ((ObjectNode) li).deepCopy() : Json.object();
                if (l.path("Description").asText("").isBlank() && l.path("ItemCode").asText("").isBlank()) {
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
        }
        String number = inv.path("InvoiceNumber").asText("");
        if (!number.isEmpty() && type.equals("ACCREC")) {
            for (ObjectNode other : state.invoices.values()) {
                if (other != existing && number.equalsIgnoreCase(other.path("InvoiceNumber").asText())) {
                    errs.add("Invoice # must be unique.");
                    break;
                }
            }
            if (!numbersInBatch.add(number.toLowerCase())) {
                errs.add("Invoice # must be unique.");
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
        BigDecimal paid = existing == null ? BigDecimal.ZERO : existing.path("AmountPaid").decimalValue();
        inv.put("AmountPaid", paid);
        inv.put("AmountDue", Set.of("VOIDED", "DELETED").contains(status) ? BigDecimal.ZERO : total.subtract(paid));
        inv.put("AmountCredited", BigDecimal.ZERO);
        inv.put("CurrencyCode", currency);
        inv.put("CurrencyRate", BigDecimal.ONE);
        inv.put("SentToContact", inv.path("SentToContact").asBoolean(false));
        inv.put("HasErrors", false);
        inv.put("IsDiscounted", false);
        inv.put("Type", type);
        if (existing == null) {
            inv.put("InvoiceID", "");
        }
        if (number.isEmpty() && type.equals("ACCREC")) {
            inv.put("InvoiceNumber", "");
        }
        return inv;
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

    private void commitInvoice(ObjectNode inv) {
        String id = inv.path("InvoiceID").asText("");
        if (id.isEmpty()) {
            id = state.newId();
            inv.put("InvoiceID", id);
        }
        if ("".equals(inv.path("InvoiceNumber").asText(null))) {
            inv.put("InvoiceNumber", String.format("INV-%04d", ++state.invoiceSequence));
        }
        ObjectNode contact = state.contacts.get(inv.path("Contact").path("ContactID").asText());
        if (contact != null && "ACCREC".equals(inv.path("Type").asText()) && !contact.path("IsCustomer").asBoolean()) {
            contact.put("IsCustomer", true);
            touch(contact.path("ContactID").asText(), contact);
        }
        touch(id, inv);
        inv.put("UpdatedDateUTCString", state.updated.get(id).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        state.invoices.put(id, inv);
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
            ObjectNode inv = buildInvoice(raw, null, errs, new HashSet<>());
            if (errs.isEmpty()) {
                commitInvoice(inv);
            }
            return errs;
        }
    }
}
