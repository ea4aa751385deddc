package io.crossbill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.connect.csv.ExpenseRow;
import io.crossbill.connect.xero.XeroAccountingConnector;
import io.crossbill.connect.xero.XeroProjectsReader;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.store.BillingLedger;
import io.crossbill.store.Sagas;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Workflow 2, time and expense to billing: approved time entries in Xero Projects become DRAFT invoices in
 * Xero Accounting, one per project and run.
 * <ul>
 * <li>Time-and-materials tasks ({@code TIME}) bill hours x the task's rate, one line per role (task) and
 * month, or one per entry; the line's reference ties it to the entries in the billing ledger.</li>
 * <li>Fixed-fee projects bill their milestones ({@code FIXED} tasks) once complete, never hours. Xero
 * Projects has no "complete" flag: the project manager locks the milestone's task ({@code LOCKED}).</li>
 * <li>Non-chargeable tasks and hours on fixed-fee tasks go to cost reporting, never to an invoice.</li>
 * <li>Each entry is billed exactly once: the ledger reserves it for one invoice before the invoice is
 * written (with an idempotency key made from the entries), and a reservation interrupted by a crash is
 * completed with the same key on the next run. An entry approved after its month was invoiced goes on the
 * next run's invoice, on a line of its own month.</li>
 * <li>Policy checks raise exceptions instead of invoices: over 24 hours a person and day, no rate, closed
 * project, currency mismatch or a currency the legal entity may not invoice in, unknown task, the same
 * entry twice. Each is raised once, however often the run is repeated.</li>
 * </ul>
 */
public final class TimeToBilling {
    public static final String WORKFLOW = "time-to-billing";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** One invoice written (or completed after an interruption) by a run. */
    public record Invoice(String invoiceKey, String projectId, String projectName, String contactName,
            String currency, BigDecimal subTotal, String invoiceId, String invoiceNumber, int lines, int entries,
            int milestones, int expenses, boolean resumed) {
    }

    /**
     * What a run did.
     *
     * @param period            the billing period: entries up to its end were considered
     * @param entriesRead       time entries read from the PSA
     * @param entriesBilled     entries put on an invoice by this run
     * @param milestonesBilled  fixed-fee milestones invoiced by this run
     * @param expensesBilled    expense reports invoiced by this run
     * @param notYetApproved    entries left for a later run because they are not yet approved
     * @param alreadyBilled     entries billed before (by Crossbill or in Xero)
     * @param costOnlyMinutes   non-billable minutes and hours on fixed-fee tasks, for cost reporting
     * @param invoices          invoices written
     * @param exceptionsRaised  exceptions raised by this run, by class
     * @param blockedEntries    entries held back by a policy check (new or still open)
     * @param writes            writes made to the ERP
     */
    public record Result(YearMonth period, int entriesRead, int entriesBilled, int milestonesBilled,
            int expensesBilled, int notYetApproved, int alreadyBilled, long costOnlyMinutes, List<Invoice> invoices,
            Map<ExceptionClass, Integer> exceptionsRaised, int blockedEntries, int writes) {

        /** Invoice sub-totals (excluding tax) per currency. */
        public Map<String, BigDecimal> totals() {
            Map<String, BigDecimal> t = new TreeMap<>();
            invoices.forEach(i -> t.merge(i.currency(), i.subTotal(), BigDecimal::add));
            return t;
        }
    }

    private record Entry(String id, String userId, String projectId, String taskId, LocalDate date, int minutes,
            String description, Instant entered, String status, JsonNode json) {
    }

    private record Line(String description, BigDecimal quantity, BigDecimal unit, List<BillingLedger.Item> items) {
    }

    private final WorkflowContext ctx;
    private final XeroAccountingConnector accounting;
    private final XeroProjectsReader projects;
    private final StepWriter writer;
    private final SagaSupport support;
    private final Supplier<List<ExpenseRow>> expenses;

    public TimeToBilling(WorkflowContext ctx, XeroAccountingConnector accounting, XeroProjectsReader projects) {
        this(ctx, accounting, projects, List::of);
    }

    /**
     * @param expenses the expense reports of the expense tool (Xero Projects has no expense API); read once per
     *                 run; approved billable expenses are billed at cost on the project named in the report
     */
    public TimeToBilling(WorkflowContext ctx, XeroAccountingConnector accounting, XeroProjectsReader projects,
            Supplier<List<ExpenseRow>> expenses) {
        this.expenses = expenses;
        this.ctx = ctx;
        this.accounting = accounting;
        this.projects = projects;
        this.writer = new StepWriter(ctx, WORKFLOW);
        this.support = new SagaSupport(ctx, WORKFLOW);
    }

    /**
     * Bills every approved, unbilled entry dated up to the end of {@code period}.
     *
     * @throws ReadFailedException when the PSA or ERP could not be read; nothing was written then
     */
    public Result run(YearMonth period) throws ReadFailedException {
        Instant now = ctx.clock().instant();
        Sagas sagas = ctx.db().sagas();
        long run = sagas.startRun(WORKFLOW, now);
        List<Invoice> invoices = new ArrayList<>();
        try {
            // 1. finish invoices a crash interrupted, under the key they were first sent with
            for (String key : ctx.db().ledger().reservedInvoiceKeys()) {
                resume(key).ifPresent(invoices::add);
            }
            // 2. read everything first: a run never writes on half-read data
            Map<String, JsonNode> contacts = new HashMap<>();
            for (JsonNode c : Reads.retry(ctx, "the customers in Xero", () -> accounting.contacts(null, true))) {
                contacts.put(c.path("ContactID").asText(), c);
            }
            List<JsonNode> projectList = Reads.retry(ctx, "the projects in Xero Projects", () -> projects.projects());
            Map<String, JsonNode> projectById = new LinkedHashMap<>();
            Map<String, JsonNode> taskById = new HashMap<>();
            List<Entry> entries = new ArrayList<>();
            for (JsonNode p : projectList) {
                String pid = p.path("projectId").asText();
                projectById.put(pid, p);
                for (JsonNode t : Reads.retry(ctx, "the tasks of project " + p.path("name").asText(),
                        () -> projects.tasks(pid))) {
                    taskById.put(t.path("taskId").asText(), t);
                }
                for (JsonNode e : Reads.retry(ctx, "the time entries of project " + p.path("name").asText(),
                        () -> projects.timeEntries(pid))) {
                    entries.add(entry(e));
                }
            }
            // 3. sort out what is billable now
            Set<String> ledger = ctx.db().ledger().itemIds();
            Instant approvedBefore = now.minus(ctx.settings().approvalDelay());
            LocalDate periodEnd = period.atEndOfMonth();
            int alreadyBilled = 0;
            int notYetApproved = 0;
            long costOnly = 0;
            List<Entry> eligible = new ArrayList<>();
            for (Entry e : entries) {
                if (ledger.contains(e.id()) || "INVOICED".equals(e.status())) {
                    alreadyBilled++;
                } else if (e.date().isAfter(periodEnd)) {
                    continue;
                } else if (e.entered() == null || e.entered().isAfter(approvedBefore)) {
                    notYetApproved++;
                } else {
                    eligible.add(e);
                }
            }
            eligible.sort(Comparator.comparing(Entry::entered).thenComparing(Entry::id));
            Set<String> blocked = new HashSet<>();
            checkDays(entries, ledger, eligible, blocked);
            // the first of identical entries (by entry time) is the real one, whether billed already or not
            Map<String, Entry> seen = new HashMap<>();
            entries.stream().filter(e -> e.entered() != null)
                    .sorted(Comparator.comparing(Entry::entered).thenComparing(Entry::id))
                    .forEach(e -> seen.putIfAbsent(duplicateKey(e), e));
            Map<String, List<Entry>> billable = new LinkedHashMap<>();
            for (Entry e : eligible) {
                if (blocked.contains(e.id())) {
                    continue;
                }
                JsonNode project = projectById.get(e.projectId());
                JsonNode task = taskById.get(e.taskId());
                JsonNode contact = project == null ? null : contacts.get(project.path("contactId").asText());
                String problem = null;
                ExceptionClass cls = ExceptionClass.VALIDATION;
                String fix = null;
                Entry original = seen.get(duplicateKey(e));
                if (task == null || !e.projectId().equals(task.path("projectId").asText())) {
                    problem = "The time entry is on a task that project " + name(project) + " does not have.";
                    cls = ExceptionClass.REFERENCE;
                    fix = "Move the entry to one of the project's tasks in Xero Projects; the next run bills it.";
                } else if ("CLOSED".equals(project.path("status").asText())) {
                    problem = plain(hours(e.minutes())) + " h were logged on " + e.date() + " on project "
                            + name(project)
                            + ", which is closed.";
                    fix = "Reopen the project if the work is billable, or move or delete the entry; then retry.";
                } else if (original != null && !original.id().equals(e.id())) {
                    problem = "The same time entry was submitted twice: same person, task, day, duration and"
                            + " description as entry " + original.id() + ".";
                    cls = ExceptionClass.DUPLICATE;
                    fix = "Delete the duplicate in Xero Projects, or resolve this exception if both are real work.";
                } else if ("TIME".equals(task.path("chargeType").asText()) && rate(task).signum() <= 0) {
                    problem = "Task '" + task.path("name").asText() + "' of project " + name(project)
                            + " has no hourly rate, so its hours cannot be billed.";
                    fix = "Set the task's rate in Xero Projects; the next run bills the entry.";
                } else if (contact == null) {
                    problem = "Project " + name(project) + " belongs to a customer that Xero Accounting does not have.";
                    cls = ExceptionClass.REFERENCE;
                    fix = "Link the project to an existing contact in Xero.";
                } else if (!project.path("currencyCode").asText().equals(contact.path("DefaultCurrency")
                        .asText(project.path("currencyCode").asText()))) {
                    problem = "Project " + name(project) + " is in " + project.path("currencyCode").asText()
                            + " but its customer " + contact.path("Name").asText() + " is invoiced in "
                            + contact.path("DefaultCurrency").asText() + ".";
                    fix = "Correct the project's or the customer's currency; then retry.";
                } else if (!ctx.settings().allowedCurrencies().contains(project.path("currencyCode").asText())) {
                    problem = "The legal entity may not invoice in " + project.path("currencyCode").asText()
                            + " (project " + name(project) + ").";
                    fix = "Allow the currency in the workflow settings, or change the project's currency.";
                }
                if (problem != null) {
                    block("entry:" + e.id(), cls, "policy-check", "TimeEntry", e.json(), problem, fix);
                    blocked.add(e.id());
                    continue;
                }
                String charge = task.path("chargeType").asText();
                if (!"TIME".equals(charge)) {
                    costOnly += e.minutes();
                    continue;
                }
                billable.computeIfAbsent(e.projectId(), k -> new ArrayList<>()).add(e);
            }
            // 4. completed fixed-fee milestones
            Map<String, List<JsonNode>> milestones = new LinkedHashMap<>();
            for (JsonNode t : taskById.values()) {
                if ("FIXED".equals(t.path("chargeType").asText()) && "LOCKED".equals(t.path("status").asText())
                        && !ledger.contains(milestoneId(t))) {
                    JsonNode project = projectById.get(t.path("projectId").asText());
                    if (project != null && !"CLOSED".equals(project.path("status").asText())) {
                        milestones.computeIfAbsent(t.path("projectId").asText(), k -> new ArrayList<>()).add(t);
                    }
                }
            }
            // 5. approved billable expenses, at cost, on the project the report names
            Map<String, List<ExpenseRow>> expensesByProject = expenses(projectById, ledger, periodEnd);
            // 6. one invoice per project
            Set<String> projectIds = new java.util.LinkedHashSet<>(billable.keySet());
            projectIds.addAll(milestones.keySet());
            projectIds.addAll(expensesByProject.keySet());
            int billedEntries = 0;
            int billedMilestones = 0;
            int billedExpenses = 0;
            for (String pid : projectIds) {
                JsonNode project = projectById.get(pid);
                JsonNode contact = contacts.get(project.path("contactId").asText());
                Optional<Invoice> inv = invoice(project, contact, billable.getOrDefault(pid, List.of()),
                        milestones.getOrDefault(pid, List.of()), expensesByProject.getOrDefault(pid, List.of()),
                        taskById, now, period);
                if (inv.isPresent()) {
                    invoices.add(inv.get());
                    billedEntries += inv.get().entries();
                    billedMilestones += inv.get().milestones();
                    billedExpenses += inv.get().expenses();
                }
            }
            Result r = new Result(period, entries.size(), billedEntries, billedMilestones, billedExpenses, notYetApproved,
                    alreadyBilled, costOnly, invoices, support.raised(), blocked.size(), writer.writes());
            sagas.finishRun(run, "DONE", entries.size(), writer.writes(), support.raised().values().stream()
                    .mapToInt(Integer::intValue).sum(), invoices.size() + " invoices, " + billedEntries + " entries",
                    ctx.clock().instant());
            return r;
        } catch (ReadFailedException | RuntimeException e) {
            sagas.finishRun(run, "FAILED", 0, writer.writes(), 0, e.getMessage(), ctx.clock().instant());
            throw e;
        }
    }

    // ---------------------------------------------------------------- policy

    /** Over 24 hours a person and day: every entry of that day is held back, with one exception. */
    private void checkDays(List<Entry> all, Set<String> ledger, List<Entry> eligible, Set<String> blocked) {
        Map<String, Integer> minutes = new HashMap<>();
        for (Entry e : all) {
            minutes.merge(e.userId() + "|" + e.date(), e.minutes(), Integer::sum);
        }
        Map<String, List<Entry>> days = new LinkedHashMap<>();
        for (Entry e : eligible) {
            String day = e.userId() + "|" + e.date();
            if (minutes.get(day) > ctx.settings().maxMinutesPerDay()) {
                days.computeIfAbsent(day, k -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<String, List<Entry>> d : days.entrySet()) {
            List<Entry> es = d.getValue();
            ArrayNode payload = JSON.createArrayNode();
            es.forEach(e -> payload.add(e.json()));
            int total = minutes.get(d.getKey());
            block("day:" + es.get(0).userId() + ":" + es.get(0).date(), ExceptionClass.VALIDATION, "policy-check",
                    "TimeEntry", payload, plain(hours(total)) + " h were logged by one person on " + es.get(0).date()
                            + " (more than " + ctx.settings().maxMinutesPerDay() / 60 + " h in a day) in "
                            + es.size() + " entries; none of them is billed.",
                    "Correct the entries in Xero Projects; the next run bills them.");
            es.forEach(e -> blocked.add(e.id()));
        }
    }

    private void block(String subject, ExceptionClass cls, String step, String entity, JsonNode payload,
            String cause, String fix) {
        support.block(subject, cls, step, "xero-projects", entity, payload, cause, fix);
    }

    // ---------------------------------------------------------------- invoices

    private Optional<Invoice> invoice(JsonNode project, JsonNode contact, List<Entry> entries,
            List<JsonNode> milestones, List<ExpenseRow> projectExpenses, Map<String, JsonNode> tasks, Instant now,
            YearMonth billingPeriod) {
        String pid = project.path("projectId").asText();
        String currency = project.path("currencyCode").asText();
        List<String> itemIds = new ArrayList<>();
        entries.forEach(e -> itemIds.add(e.id()));
        milestones.forEach(t -> itemIds.add(milestoneId(t)));
        projectExpenses.forEach(x -> itemIds.add(expenseId(x)));
        itemIds.sort(null);
        String invoiceKey = StepWriter.idempotencyKey("invoice|" + pid + "|" + String.join(",", itemIds));
        // lines: per role (task) and month, or per entry
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparing(Entry::date).thenComparing(Entry::id)).forEach(e -> {
            String g = ctx.settings().linePerEntry() ? e.id() : e.taskId() + "|" + YearMonth.from(e.date());
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(e);
        });
        List<Line> lines = new ArrayList<>();
        String period = billingPeriod.toString();
        for (List<Entry> g : groups.values()) {
            Entry first = g.get(0);
            JsonNode task = tasks.get(first.taskId());
            BigDecimal rate = rate(task);
            int minutes = g.stream().mapToInt(Entry::minutes).sum();
            BigDecimal qty = hours(minutes);
            String ref = lineRef(invoiceKey, lines.size());
            String what = ctx.settings().linePerEntry()
                    ? task.path("name").asText() + " - " + first.date() + " - " + first.description()
                    : task.path("name").asText() + " - " + MONTH.format(first.date()) + " - " + qty.stripTrailingZeros()
                            .toPlainString() + " h (" + g.size() + (g.size() == 1 ? " entry" : " entries") + ")";
            List<BillingLedger.Item> items = new ArrayList<>();
            for (Entry e : g) {
                items.add(new BillingLedger.Item(e.id(), "TIME", pid, YearMonth.from(e.date()).toString(), invoiceKey,
                        ref, rate.multiply(BigDecimal.valueOf(e.minutes())).divide(BigDecimal.valueOf(60), 4,
                                RoundingMode.HALF_UP), currency, null, null, null, null, null));
            }
            lines.add(new Line(what + " [" + ref + "]", qty, rate, items));
        }
        for (JsonNode t : milestones) {
            String ref = lineRef(invoiceKey, lines.size());
            BigDecimal amount = rate(t);
            lines.add(new Line(t.path("name").asText() + " (milestone complete) [" + ref + "]", BigDecimal.ONE,
                    amount, List.of(new BillingLedger.Item(milestoneId(t), "MILESTONE", pid, period, invoiceKey, ref,
                            amount, currency, null, null, null, null, null))));
        }
        // expenses: one line per category and month, at cost
        Map<String, List<ExpenseRow>> byCategory = new java.util.TreeMap<>();
        projectExpenses.forEach(x -> byCategory.computeIfAbsent(x.category() + "|" + YearMonth.from(x.date()),
                k -> new ArrayList<>()).add(x));
        for (List<ExpenseRow> g : byCategory.values()) {
            String ref = lineRef(invoiceKey, lines.size());
            BigDecimal sum = g.stream().map(ExpenseRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2, RoundingMode.HALF_UP);
            List<BillingLedger.Item> items = new ArrayList<>();
            for (ExpenseRow x : g) {
                items.add(new BillingLedger.Item(expenseId(x), "EXPENSE", pid, YearMonth.from(x.date()).toString(),
                        invoiceKey, ref, x.amount(), currency, null, null, null, null, null));
            }
            lines.add(new Line("Expenses - " + g.get(0).category() + " - " + MONTH.format(g.get(0).date()) + " ("
                    + g.size() + (g.size() == 1 ? " receipt" : " receipts") + ") [" + ref + "]", BigDecimal.ONE, sum,
                    items));
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode inv = JSON.createObjectNode();
        inv.put("Type", "ACCREC");
        inv.putObject("Contact").put("ContactID", contact.path("ContactID").asText());
        // a run after the period's close dates its invoices on the period's last day (the work's month)
        LocalDate today = LocalDate.ofInstant(now, ctx.settings().zone());
        if (today.isAfter(billingPeriod.atEndOfMonth())) {
            today = billingPeriod.atEndOfMonth();
        }
        inv.put("Date", today.toString());
        inv.put("DueDate", today.plusDays(ctx.settings().dueDays()).toString());
        inv.put("Status", "DRAFT");
        inv.put("LineAmountTypes", "Exclusive");
        inv.put("CurrencyCode", currency);
        inv.put("Reference", clip(project.path("name").asText(), 200) + " - billed " + MONTH.format(today));
        ArrayNode li = inv.putArray("LineItems");
        String tax = ctx.settings().taxTypeFor(countryCode(contact));
        List<BillingLedger.Item> all = new ArrayList<>();
        for (Line l : lines) {
            ObjectNode o = li.addObject();
            o.put("Description", l.description());
            o.put("Quantity", l.quantity());
            o.put("UnitAmount", l.unit());
            o.put("AccountCode", ctx.settings().accountCode());
            o.put("TaxType", tax);
            all.addAll(l.items());
        }
        String payload = inv.toString();
        String subject = "invoice:" + invoiceKey;
        ctx.db().inTransaction(() -> {
            ctx.db().ledger().reserve(all, now);
            Sagas.Saga s = ctx.db().sagas().begin(WORKFLOW, subject, project.path("name").asText(), now);
            ctx.db().sagas().step(s.id(), "reserve", "DONE", "crossbill", null, all.size() + " items of project "
                    + project.path("name").asText() + " reserved for one invoice", payload, now);
        });
        return post(invoiceKey, payload, project.path("name").asText(), contact.path("Name").asText(), pid,
                currency, lines.size(), entries.size(), milestones.size(), projectExpenses.size(), false);
    }

    /** Completes an invoice whose writing a crash interrupted, with the payload and key it was first sent with. */
    private Optional<Invoice> resume(String invoiceKey) {
        Optional<Sagas.Saga> saga = ctx.db().sagas().find(WORKFLOW, "invoice:" + invoiceKey);
        Optional<Sagas.Step> reserved = saga.flatMap(s -> ctx.db().sagas().doneStep(s.id(), "reserve"));
        if (reserved.isEmpty()) {
            ctx.db().ledger().release(invoiceKey);
            return Optional.empty();
        }
        List<BillingLedger.Item> items = ctx.db().ledger().ofInvoice(invoiceKey);
        JsonNode payload;
        try {
            payload = JSON.readTree(reserved.get().payload());
        } catch (java.io.IOException e) {
            ctx.db().ledger().release(invoiceKey);
            return Optional.empty();
        }
        int entries = (int) items.stream().filter(i -> "TIME".equals(i.kind())).count();
        int milestones = (int) items.stream().filter(i -> "MILESTONE".equals(i.kind())).count();
        return post(invoiceKey, reserved.get().payload(), saga.get().sourceVersion(), "", items.get(0).projectId(),
                payload.path("CurrencyCode").asText(), payload.path("LineItems").size(), entries, milestones,
                items.size() - entries - milestones, true);
    }

    private Optional<Invoice> post(String invoiceKey, String payload, String projectName, String contactName,
            String projectId, String currency, int lines, int entries, int milestones, int expenses, boolean resumed) {
        Sagas sagas = ctx.db().sagas();
        Sagas.Saga saga = sagas.find(WORKFLOW, "invoice:" + invoiceKey).orElseThrow();
        String businessKey = "invoice " + projectName;
        try {
            StepWriter.Written w = writer.write(accounting, "Invoice", businessKey, "post-invoice", invoiceKey, payload);
            Instant now = ctx.clock().instant();
            JsonNode stored;
            try {
                stored = Reads.retry(ctx, "the invoice just written", () -> accounting.invoice(w.targetId()))
                        .orElse(JSON.createObjectNode());
            } catch (ReadFailedException e) {
                stored = JSON.createObjectNode();
            }
            String number = stored.path("InvoiceNumber").asText(null);
            BigDecimal sub = stored.hasNonNull("SubTotal") ? stored.path("SubTotal").decimalValue()
                    : subTotal(payload);
            ctx.db().inTransaction(() -> {
                ctx.db().ledger().markBilled(invoiceKey, w.targetId(), number, now);
                sagas.step(saga.id(), "post-invoice", "DONE", "xero", w.targetId(), "DRAFT invoice " + number + " "
                        + currency + " " + sub.toPlainString(), null, now);
                sagas.finish(saga.id(), Sagas.State.DONE, null, "invoice " + number + " " + currency + " "
                        + sub.toPlainString(), now);
            });
            return Optional.of(new Invoice(invoiceKey, projectId, projectName, contactName, currency, sub,
                    w.targetId(), number, lines, entries, milestones, expenses, resumed));
        } catch (StepFailedException e) {
            Instant now = ctx.clock().instant();
            if (e.exceptionId() != null) {
                // refused for good: the items go back to the pool and are billed once the cause is fixed
                ctx.db().inTransaction(() -> {
                    ctx.db().ledger().release(invoiceKey);
                    sagas.step(saga.id(), "post-invoice", "FAILED", "xero", null, e.getMessage(), null, now);
                    sagas.finish(saga.id(), Sagas.State.FAILED, e.exceptionId(), e.getMessage(), now);
                });
                support.count(e.exceptionClass());
            }
            return Optional.empty();
        }
    }

    /** Approved billable expenses not billed yet, by project id; a report that cannot be billed is raised once. */
    private Map<String, List<ExpenseRow>> expenses(Map<String, JsonNode> projectById, Set<String> ledger,
            LocalDate periodEnd) {
        List<ExpenseRow> rows = expenses.get();
        Map<String, JsonNode> byName = new HashMap<>();
        projectById.values().forEach(p -> byName.put(p.path("name").asText().trim().toLowerCase(Locale.ROOT), p));
        Map<String, List<ExpenseRow>> out = new LinkedHashMap<>();
        for (ExpenseRow x : rows) {
            if (!x.billable() || x.status() != ExpenseRow.Status.APPROVED || x.date().isAfter(periodEnd)
                    || ledger.contains(expenseId(x))) {
                continue;
            }
            JsonNode project = byName.get(x.project() == null ? "" : x.project().trim().toLowerCase(Locale.ROOT));
            ObjectNode payload = JSON.createObjectNode();
            payload.put("expense_id", x.expenseId());
            payload.put("date", x.date().toString());
            payload.put("project", x.project());
            payload.put("amount", x.amount());
            payload.put("currency", x.currency());
            if (project == null) {
                support.block("expense:" + x.expenseId(), ExceptionClass.REFERENCE, "policy-check", "expenses",
                        "Expense", payload, "Expense " + x.expenseId() + " is for project '" + x.project()
                                + "', which Xero Projects does not have.",
                        "Correct the project name in the expense tool's export, then retry.");
            } else if ("CLOSED".equals(project.path("status").asText())) {
                support.block("expense:" + x.expenseId(), ExceptionClass.VALIDATION, "policy-check", "expenses",
                        "Expense", payload, "Expense " + x.expenseId() + " is for project " + name(project)
                                + ", which is closed.", "Reopen the project if the expense is billable, then retry.");
            } else if (!project.path("currencyCode").asText().equals(x.currency())) {
                support.block("expense:" + x.expenseId(), ExceptionClass.VALIDATION, "policy-check", "expenses",
                        "Expense", payload, "Expense " + x.expenseId() + " is in " + x.currency() + " but project "
                                + name(project) + " is invoiced in " + project.path("currencyCode").asText() + ".",
                        "Convert the expense in the expense tool, or bill it by hand; then resolve this.");
            } else {
                out.computeIfAbsent(project.path("projectId").asText(), k -> new ArrayList<>()).add(x);
            }
        }
        return out;
    }

    private static String expenseId(ExpenseRow x) {
        return "expense:" + x.expenseId();
    }

    // ---------------------------------------------------------------- helpers

    private Entry entry(JsonNode e) {
        Instant at = instant(e.path("dateUtc").asText(null));
        LocalDate date = at == null ? LocalDate.EPOCH : LocalDate.ofInstant(at, ctx.settings().zone());
        return new Entry(e.path("timeEntryId").asText(), e.path("userId").asText(), e.path("projectId").asText(),
                e.path("taskId").asText(), date, e.path("duration").asInt(), e.path("description").asText(""),
                instant(e.path("dateEnteredUtc").asText(null)), e.path("status").asText(), e);
    }

    private static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.endsWith("Z") || s.contains("+") ? s : s + "Z");
        } catch (RuntimeException e) {
            return null;
        }
    }

    static BigDecimal rate(JsonNode task) {
        JsonNode r = task.path("rate");
        JsonNode v = r.isObject() ? r.path("value") : r;
        return v.isMissingNode() || v.isNull() ? BigDecimal.ZERO : new BigDecimal(v.asText("0"));
    }

    /** Hours from minutes, to the four decimals Xero keeps for a quantity. */
    static BigDecimal hours(int minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static String duplicateKey(Entry e) {
        return e.userId() + "|" + e.taskId() + "|" + e.date() + "|" + e.minutes() + "|" + e.description();
    }

    private static String milestoneId(JsonNode task) {
        return "milestone:" + task.path("taskId").asText();
    }

    private static String lineRef(String invoiceKey, int index) {
        return "CB-" + invoiceKey.substring(3, 11).toUpperCase(Locale.ROOT) + "-" + (index + 1);
    }

    private static String name(JsonNode project) {
        return project == null ? "(unknown)" : "'" + project.path("name").asText() + "'";
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static BigDecimal subTotal(String payload) {
        BigDecimal sum = BigDecimal.ZERO;
        try {
            for (JsonNode l : JSON.readTree(payload).path("LineItems")) {
                sum = sum.add(l.path("Quantity").decimalValue().multiply(l.path("UnitAmount").decimalValue())
                        .setScale(2, RoundingMode.HALF_UP));
            }
        } catch (java.io.IOException e) {
            return BigDecimal.ZERO;
        }
        return sum;
    }

    /** The ISO country code of a Xero contact's first address (Xero keeps the country as typed). */
    static String countryCode(JsonNode contact) {
        return Countries.code(contact.path("Addresses").path(0).path("Country").asText(""));
    }
}
