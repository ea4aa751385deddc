package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Xero Projects (base path /projects.xro/2.0): projects, tasks, time entries, project users. */
public final class ProjectsHandler extends XeroHttpHandler {
    public static final String BASE = "/projects.xro/2.0";
    /** Internal fields kept on stored nodes but never shown. */
    static final String INVOICE_ID = "_invoiceId";

    private final XeroState state;

    public ProjectsHandler(XeroState state, Context ctx) {
        super(BASE, "projects", ctx);
        this.state = state;
    }

    @Override
    protected Response route(Request r) {
        String root = r.seg(0);
        if ("ProjectsUsers".equalsIgnoreCase(root) && r.is("GET", 1)) {
            synchronized (state) {
                return page(r, new ArrayList<>(state.users.values()), u -> u.deepCopy());
            }
        }
        if (!"Projects".equalsIgnoreCase(root)) {
            return notFound();
        }
        synchronized (state) {
            if (r.is("GET", 1)) {
                return listProjects(r);
            } else if (r.is("POST", 1)) {
                return createProject(r);
            }
            ObjectNode project = state.projects.get(r.seg(1).toLowerCase());
            if (project == null) {
                return notFound();
            }
            if (r.segments().size() == 2) {
                return switch (r.method()) {
                    case "GET" -> Response.json(200, Json.write(render(project)));
                    case "PUT" -> updateProject(r, project);
                    case "PATCH" -> patchProject(r, project);
                    default -> notFound();
                };
            }
            String sub = r.seg(2);
            if ("Tasks".equalsIgnoreCase(sub)) {
                return tasks(r, project);
            } else if ("Time".equalsIgnoreCase(sub)) {
                return time(r, project);
            }
            return notFound();
        }
    }

    // ---------------------------------------------------------------- errors and paging

    static Response notFound() {
        return Response.json(404, "{\"message\":\"The resource you're looking for cannot be found\"}");
    }

    /** Xero Projects' validation error: {"message": ..., "modelState": {field: [messages]}}. */
    static Response invalid(Map<String, List<String>> modelState) {
        ObjectNode o = Json.object();
        o.put("message", "The request is invalid.");
        ObjectNode ms = o.putObject("modelState");
        modelState.forEach((k, v) -> {
            ArrayNode a = ms.putArray(k);
            v.forEach(a::add);
        });
        return Response.json(400, Json.write(o));
    }

    static Response invalid(String field, String message) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(field, List.of(message));
        return invalid(m);
    }

    private static int intParam(Request r, String name, int dflt, int min, int max) {
        String v = r.param(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new ApiException(invalid(name, name + " must be a number between " + min + " and " + max + "."));
    }

    private Response page(Request r, List<ObjectNode> all, java.util.function.Function<ObjectNode, ObjectNode> view) {
        int page = intParam(r, "page", 1, 1, Integer.MAX_VALUE);
        int size = intParam(r, "pageSize", 50, 1, 500);
        ObjectNode o = Json.object();
        ObjectNode pg = o.putObject("pagination");
        pg.put("page", page);
        pg.put("pageSize", size);
        pg.put("pageCount", (all.size() + size - 1) / size);
        pg.put("itemCount", all.size());
        ArrayNode items = o.putArray("items");
        long from = (long) (page - 1) * size;
        for (long i = from; i < Math.min(all.size(), from + size); i++) {
            items.add(view.apply(all.get((int) i)));
        }
        return Response.json(200, Json.write(o));
    }

    private static Set<String> csv(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        return Arrays.stream(v.split(",")).map(s -> s.trim().toLowerCase()).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static ObjectNode amount(String currency, BigDecimal value) {
        ObjectNode a = Json.object();
        a.put("currency", currency);
        a.put("value", value.setScale(2, RoundingMode.HALF_UP));
        return a;
    }

    private static String iso(Instant i) {
        return i.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    // ---------------------------------------------------------------- projects

    private Response listProjects(Request r) {
        Set<String> ids = csv(r.param("projectIds"));
        String contact = r.param("contactID");
        Set<String> states = csv(r.param("states"));
        List<ObjectNode> all = state.projects.values().stream()
                .filter(p -> ids == null || ids.contains(p.path("projectId").asText()))
                .filter(p -> contact == null || contact.equalsIgnoreCase(p.path("contactId").asText()))
                .filter(p -> states == null || states.contains(p.path("status").asText().toLowerCase()))
                .toList();
        return page(r, all, this::render);
    }

    /** A project with its computed totals, as the API shows it. */
    ObjectNode render(ObjectNode p) {
        String pid = p.path("projectId").asText();
        String cur = p.path("currencyCode").asText();
        long minutes = 0;
        long minutesToBeInvoiced = 0;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal toBeInvoiced = BigDecimal.ZERO;
        BigDecimal invoiced = BigDecimal.ZERO;
        for (ObjectNode t : state.tasks.values()) {
            if (!t.path("projectId").asText().equals(pid)) {
                continue;
            }
            ObjectNode rt = renderTask(t);
            minutes += rt.path("totalMinutes").asLong();
            minutesToBeInvoiced += rt.path("minutesToBeInvoiced").asLong();
            total = total.add(rt.path("totalAmount").path("value").decimalValue());
            toBeInvoiced = toBeInvoiced.add(rt.path("amountToBeInvoiced").path("value").decimalValue());
            invoiced = invoiced.add(rt.path("amountInvoiced").path("value").decimalValue());
        }
        ObjectNode o = Json.object();
        o.put("projectId", pid);
        o.put("contactId", p.path("contactId").asText());
        o.put("name", p.path("name").asText());
        o.put("currencyCode", cur);
        o.put("minutesLogged", minutes);
        o.set("totalTaskAmount", amount(cur, total));
        o.set("totalExpenseAmount", amount(cur, BigDecimal.ZERO));
        o.put("minutesToBeInvoiced", minutesToBeInvoiced);
        o.set("taskAmountToBeInvoiced", amount(cur, toBeInvoiced));
        o.set("taskAmountInvoiced", amount(cur, invoiced));
        o.set("expenseAmountToBeInvoiced", amount(cur, BigDecimal.ZERO));
        o.set("expenseAmountInvoiced", amount(cur, BigDecimal.ZERO));
        o.set("projectAmountInvoiced", amount(cur, invoiced));
        o.set("deposit", amount(cur, BigDecimal.ZERO));
        o.set("depositApplied", amount(cur, BigDecimal.ZERO));
        o.set("creditNoteAmount", amount(cur, BigDecimal.ZERO));
        o.set("totalInvoiced", amount(cur, invoiced));
        o.set("totalToBeInvoiced", amount(cur, toBeInvoiced));
        if (p.hasNonNull("deadlineUtc")) {
            o.put("deadlineUtc", p.path("deadlineUtc").asText());
        }
        if (p.hasNonNull("estimate")) {
            o.set("estimate", amount(cur, p.path("estimate").decimalValue()));
        }
        o.put("status", p.path("status").asText());
        return o;
    }

    private Map<String, List<String>> checkProjectBody(JsonNode b, boolean create) {
        Map<String, List<String>> errs = new LinkedHashMap<>();
        if (b == null || !b.isObject()) {
            errs.put("body", List.of("A JSON object is required."));
            return errs;
        }
        if (b.path("name").asText("").isBlank()) {
            errs.put("name", List.of("The name field is required."));
        }
        if (create) {
            String cid = b.path("contactId").asText("");
            if (cid.isEmpty()) {
                errs.put("contactId", List.of("The contactId field is required."));
            } else if (!state.contacts.containsKey(cid.toLowerCase())) {
                errs.put("contactId", List.of("Contact " + cid + " does not exist."));
            }
        }
        if (b.hasNonNull("deadlineUtc") && XeroDates.parseInstant(b.path("deadlineUtc").asText()) == null) {
            errs.put("deadlineUtc", List.of("The value '" + b.path("deadlineUtc").asText() + "' is not valid."));
        }
        if (b.hasNonNull("estimateAmount") && !isNumber(b.get("estimateAmount"))) {
            errs.put("estimateAmount", List.of("The value '" + b.path("estimateAmount").asText() + "' is not valid."));
        }
        return errs;
    }

    private static boolean isNumber(JsonNode n) {
        if (n.isNumber()) {
            return true;
        }
        try {
            new BigDecimal(n.asText());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void applyProjectBody(ObjectNode p, JsonNode b) {
        p.put("name", b.path("name").asText().trim());
        if (b.hasNonNull("deadlineUtc")) {
            p.put("deadlineUtc", iso(XeroDates.parseInstant(b.path("deadlineUtc").asText())));
        }
        if (b.hasNonNull("estimateAmount")) {
            p.put("estimate", new BigDecimal(b.path("estimateAmount").asText()));
        }
    }

    private Response createProject(Request r) {
        JsonNode b = r.json();
        Map<String, List<String>> errs = checkProjectBody(b, true);
        if (!errs.isEmpty()) {
            return invalid(errs);
        }
        ObjectNode contact = state.contacts.get(b.path("contactId").asText().toLowerCase());
        ObjectNode p = Json.object();
        String id = state.newId();
        p.put("projectId", id);
        p.put("contactId", contact.path("ContactID").asText());
        p.put("currencyCode", contact.path("DefaultCurrency").asText(state.baseCurrency));
        p.put("status", "INPROGRESS");
        applyProjectBody(p, b);
        state.projects.put(id, p);
        return Response.json(201, Json.write(render(p)));
    }

    private Response updateProject(Request r, ObjectNode p) {
        JsonNode b = r.json();
        Map<String, List<String>> errs = checkProjectBody(b, false);
        if (!errs.isEmpty()) {
            return invalid(errs);
        }
        applyProjectBody(p, b);
        return Response.empty(204);
    }

    private Response patchProject(Request r, ObjectNode p) {
        JsonNode b = r.json();
        String s = b == null ? "" : b.path("status").asText("");
        if (!Set.of("INPROGRESS", "CLOSED").contains(s)) {
            return invalid("status", "The status field is required and must be INPROGRESS or CLOSED.");
        }
        p.put("status", s);
        return Response.empty(204);
    }

    // ---------------------------------------------------------------- tasks

    private Response tasks(Request r, ObjectNode project) {
        String pid = project.path("projectId").asText();
        int n = r.segments().size();
        if (n == 3 && r.method().equals("GET")) {
            Set<String> ids = csv(r.param("taskIds"));
            String charge = r.param("chargeType");
            List<ObjectNode> all = state.tasks.values().stream()
                    .filter(t -> t.path("projectId").asText().equals(pid))
                    .filter(t -> ids == null || ids.contains(t.path("taskId").asText()))
                    .filter(t -> charge == null || charge.equalsIgnoreCase(t.path("chargeType").asText()))
                    .toList();
            return page(r, all, this::renderTask);
        }
        if (n == 3 && r.method().equals("POST")) {
            if ("CLOSED".equals(project.path("status").asText())) {
                return invalid("projectId", "Tasks cannot be added to a closed project.");
            }
            JsonNode b = r.json();
            Map<String, List<String>> errs = checkTask(b, project);
            if (!errs.isEmpty()) {
                return invalid(errs);
            }
            ObjectNode t = Json.object();
            String id = state.newId();
            t.put("taskId", id);
            t.put("projectId", pid);
            t.put("status", "ACTIVE");
            applyTask(t, b);
            state.tasks.put(id, t);
            return Response.json(201, Json.write(renderTask(t)));
        }
        if (n != 4) {
            return notFound();
        }
        ObjectNode t = state.tasks.get(r.seg(3).toLowerCase());
        if (t == null || !t.path("projectId").asText().equals(pid)) {
            return notFound();
        }
        switch (r.method()) {
            case "GET":
                return Response.json(200, Json.write(renderTask(t)));
            case "PUT": {
                if (!"ACTIVE".equals(t.path("status").asText())) {
                    return invalid("status", "The task is " + t.path("status").asText() + " and cannot be modified.");
                }
                JsonNode b = r.json();
                Map<String, List<String>> errs = checkTask(b, project);
                if (!errs.isEmpty()) {
                    return invalid(errs);
                }
                applyTask(t, b);
                return Response.empty(204);
            }
            case "DELETE": {
                boolean used = state.timeEntries.values().stream()
                        .anyMatch(e -> e.path("taskId").asText().equals(t.path("taskId").asText()));
                if (used) {
                    return invalid("taskId", "A task with time entries cannot be deleted.");
                }
                state.tasks.remove(t.path("taskId").asText());
                return Response.empty(204);
            }
            default:
                return notFound();
        }
    }

    private static Map<String, List<String>> checkTask(JsonNode b, ObjectNode project) {
        Map<String, List<String>> errs = new LinkedHashMap<>();
        if (b == null || !b.isObject()) {
            errs.put("body", List.of("A JSON object is required."));
            return errs;
        }
        String name = b.path("name").asText("");
        if (name.isBlank()) {
            errs.put("name", List.of("The name field is required."));
        } else if (name.length() > 100) {
            errs.put("name", List.of("The name must be at most 100 characters."));
        }
        JsonNode rate = b.path("rate");
        if (!rate.isObject() || !rate.has("value") || !isNumber(rate.get("value"))) {
            errs.put("rate", List.of("The rate field is required."));
        } else if (rate.hasNonNull("currency")
                && !rate.path("currency").asText().equals(project.path("currencyCode").asText())) {
            errs.put("rate.currency", List.of("The rate currency must be the project currency "
                    + project.path("currencyCode").asText() + "."));
        }
        if (!Set.of("TIME", "FIXED", "NON_CHARGEABLE").contains(b.path("chargeType").asText(""))) {
            errs.put("chargeType", List.of("The chargeType field is required (TIME, FIXED or NON_CHARGEABLE)."));
        }
        return errs;
    }

    private static void applyTask(ObjectNode t, JsonNode b) {
        t.put("name", b.path("name").asText().trim());
        t.put("rate", new BigDecimal(b.path("rate").path("value").asText()));
        t.put("chargeType", b.path("chargeType").asText());
        if (b.hasNonNull("estimateMinutes")) {
            t.put("estimateMinutes", b.path("estimateMinutes").asInt());
        }
    }

    ObjectNode renderTask(ObjectNode t) {
        String tid = t.path("taskId").asText();
        ObjectNode project = state.projects.get(t.path("projectId").asText());
        String cur = project == null ? state.baseCurrency : project.path("currencyCode").asText();
        String charge = t.path("chargeType").asText();
        BigDecimal rate = t.path("rate").decimalValue();
        long total = 0;
        long invoicedMin = 0;
        for (ObjectNode e : state.timeEntries.values()) {
            if (e.path("taskId").asText().equals(tid)) {
                total += e.path("duration").asLong();
                if ("INVOICED".equals(e.path("status").asText())) {
                    invoicedMin += e.path("duration").asLong();
                }
            }
        }
        BigDecimal perMinute = rate.divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP);
        BigDecimal totalAmount;
        BigDecimal invoicedAmount;
        long toBeInvoicedMin;
        switch (charge) {
            case "TIME" -> {
                totalAmount = perMinute.multiply(BigDecimal.valueOf(total));
                invoicedAmount = perMinute.multiply(BigDecimal.valueOf(invoicedMin));
                toBeInvoicedMin = total - invoicedMin;
            }
            case "FIXED" -> {
                totalAmount = rate;
                invoicedAmount = "INVOICED".equals(t.path("status").asText()) ? rate : BigDecimal.ZERO;
                toBeInvoicedMin = 0;
            }
            default -> {
                totalAmount = BigDecimal.ZERO;
                invoicedAmount = BigDecimal.ZERO;
                toBeInvoicedMin = 0;
            }
        }
        ObjectNode o = Json.object();
        o.put("taskId", tid);
        o.put("name", t.path("name").asText());
        o.set("rate", amount(cur, rate));
        o.put("chargeType", charge);
        if (t.has("estimateMinutes")) {
            o.put("estimateMinutes", t.path("estimateMinutes").asInt());
        }
        o.put("projectId", t.path("projectId").asText());
        o.put("totalMinutes", total);
        o.set("totalAmount", amount(cur, totalAmount));
        o.put("minutesInvoiced", "TIME".equals(charge) ? invoicedMin : 0);
        o.put("minutesToBeInvoiced", toBeInvoicedMin);
        o.put("fixedMinutes", "FIXED".equals(charge) ? total : 0);
        o.put("nonChargeableMinutes", "NON_CHARGEABLE".equals(charge) ? total : 0);
        o.set("amountToBeInvoiced", amount(cur, totalAmount.subtract(invoicedAmount)));
        o.set("amountInvoiced", amount(cur, invoicedAmount));
        o.put("status", t.path("status").asText());
        return o;
    }

    // ---------------------------------------------------------------- time entries

    private Response time(Request r, ObjectNode project) {
        String pid = project.path("projectId").asText();
        int n = r.segments().size();
        if (n == 3 && r.method().equals("GET")) {
            return listTime(r, project);
        }
        if (n == 3 && r.method().equals("POST")) {
            JsonNode b = r.json();
            Map<String, List<String>> errs = checkTime(b, project);
            if (!errs.isEmpty()) {
                return invalid(errs);
            }
            ObjectNode e = Json.object();
            String id = state.newId();
            e.put("timeEntryId", id);
            e.put("projectId", pid);
            e.put("dateEnteredUtc", iso(state.now()));
            e.put("status", "ACTIVE");
            applyTime(e, b);
            state.timeEntries.put(id, e);
            return Response.json(200, Json.write(renderTime(e)));
        }
        if (n != 4) {
            return notFound();
        }
        ObjectNode e = state.timeEntries.get(r.seg(3).toLowerCase());
        if (e == null || !e.path("projectId").asText().equals(pid)) {
            return notFound();
        }
        if (r.method().equals("GET")) {
            return Response.json(200, Json.write(renderTime(e)));
        }
        if (!r.method().equals("PUT") && !r.method().equals("DELETE")) {
            return notFound();
        }
        String status = e.path("status").asText();
        if (!"ACTIVE".equals(status)) {
            return invalid("status", "The time entry is " + status + " and cannot be "
                    + (r.method().equals("PUT") ? "updated." : "deleted."));
        }
        if (r.method().equals("DELETE")) {
            state.timeEntries.remove(e.path("timeEntryId").asText());
            return Response.empty(204);
        }
        JsonNode b = r.json();
        Map<String, List<String>> errs = checkTime(b, project);
        if (!errs.isEmpty()) {
            return invalid(errs);
        }
        e.remove("description"); // "will be set to null if not provided during update"
        applyTime(e, b);
        return Response.empty(204);
    }

    private Response listTime(Request r, ObjectNode project) {
        String pid = project.path("projectId").asText();
        String user = lower(r.param("userId"));
        String task = lower(r.param("taskId"));
        String invoice = lower(r.param("invoiceId"));
        String contact = lower(r.param("contactId"));
        Set<String> states = csv(r.param("states"));
        String chargeable = r.param("isChargeable");
        Instant after = parseFilterDate(r, "dateAfterUtc");
        Instant before = parseFilterDate(r, "dateBeforeUtc");
        if (contact != null && !contact.equalsIgnoreCase(project.path("contactId").asText())) {
            return page(r, List.of(), this::renderTime);
        }
        Predicate<ObjectNode> keep = e -> e.path("projectId").asText().equals(pid)
                && (user == null || user.equals(e.path("userId").asText()))
                && (task == null || task.equals(e.path("taskId").asText()))
                && (invoice == null || invoice.equalsIgnoreCase(e.path(INVOICE_ID).asText()))
                && (states == null || states.contains(e.path("status").asText().toLowerCase()))
                && (chargeable == null || Boolean.parseBoolean(chargeable) == isChargeable(e))
                && (after == null || !Instant.parse(e.path("dateUtc").asText()).isBefore(after))
                && (before == null || !Instant.parse(e.path("dateUtc").asText()).isAfter(before));
        List<ObjectNode> all = state.timeEntries.values().stream().filter(keep).toList();
        return page(r, all, this::renderTime);
    }

    private boolean isChargeable(ObjectNode e) {
        ObjectNode t = state.tasks.get(e.path("taskId").asText());
        return t != null && !"NON_CHARGEABLE".equals(t.path("chargeType").asText());
    }

    private static Instant parseFilterDate(Request r, String name) {
        String v = r.param(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        Instant i = XeroDates.parseInstant(v);
        if (i == null) {
            throw new ApiException(invalid(name, "The value '" + v + "' is not a valid ISO 8601 date."));
        }
        return i;
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase();
    }

    private Map<String, List<String>> checkTime(JsonNode b, ObjectNode project) {
        Map<String, List<String>> errs = new LinkedHashMap<>();
        if (b == null || !b.isObject()) {
            errs.put("body", List.of("A JSON object is required."));
            return errs;
        }
        if ("CLOSED".equals(project.path("status").asText())) {
            errs.put("projectId", List.of("Time cannot be logged against a closed project."));
        }
        String user = b.path("userId").asText("").toLowerCase();
        if (user.isEmpty()) {
            errs.put("userId", List.of("The userId field is required."));
        } else if (!state.users.containsKey(user)) {
            errs.put("userId", List.of("User " + user + " is not a user of this organisation."));
        }
        String task = b.path("taskId").asText("").toLowerCase();
        ObjectNode t = state.tasks.get(task);
        if (task.isEmpty()) {
            errs.put("taskId", List.of("The taskId field is required."));
        } else if (t == null || !t.path("projectId").asText().equals(project.path("projectId").asText())) {
            errs.put("taskId", List.of("Task " + task + " does not belong to this project."));
        }
        if (b.path("dateUtc").asText("").isEmpty()) {
            errs.put("dateUtc", List.of("The dateUtc field is required."));
        } else if (XeroDates.parseInstant(b.path("dateUtc").asText()) == null) {
            errs.put("dateUtc", List.of("The value '" + b.path("dateUtc").asText() + "' is not valid."));
        }
        JsonNode d = b.path("duration");
        if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 1 || d.asInt() > 59940) {
            errs.put("duration", List.of("Duration must be between 1 and 59940 minutes."));
        }
        return errs;
    }

    private static void applyTime(ObjectNode e, JsonNode b) {
        e.put("userId", b.path("userId").asText().toLowerCase());
        e.put("taskId", b.path("taskId").asText().toLowerCase());
        e.put("dateUtc", iso(XeroDates.parseInstant(b.path("dateUtc").asText())));
        e.put("duration", b.path("duration").asInt());
        if (b.hasNonNull("description")) {
            e.put("description", b.path("description").asText());
        }
    }

    ObjectNode renderTime(ObjectNode e) {
        ObjectNode o = e.deepCopy();
        o.remove(INVOICE_ID);
        return o;
    }
}
