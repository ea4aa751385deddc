package io.crossbill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.connect.xero.XeroAccountingConnector;
import io.crossbill.connect.xero.XeroProjectsReader;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.reconcile.Contract;
import io.crossbill.reconcile.CustomerRecord;
import io.crossbill.reconcile.ExceptionEvent;
import io.crossbill.reconcile.ExceptionLink;
import io.crossbill.reconcile.InvoiceLine;
import io.crossbill.reconcile.Milestone;
import io.crossbill.reconcile.ProjectSetup;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.reconcile.ReconciliationPeriod;
import io.crossbill.reconcile.TimeEntry;
import io.crossbill.store.BillingLedger;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.Sagas;
import io.crossbill.store.StoredException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads what the month-end reconciliation of a period needs from the three systems and from Crossbill's own
 * records: time entries, tasks and milestones from Xero Projects, invoices from Xero Accounting, deals and
 * companies from the CRM, and the billing ledger, cross-references, sagas and exceptions from the
 * engine's database.
 * <p>
 * Customers are keyed by their Xero contact ({@code xero-contact:<id>}); a CRM company joins through its
 * cross-reference. Invoice lines written by Crossbill carry their reference ({@code [CB-...]}) and join
 * their entries through the ledger; other lines are {@code OTHER} unless Xero Projects marked entries
 * invoiced on that invoice (Xero's own project invoicing), which then join the invoice's line for their task.
 */
public final class PeriodLoader {
    private static final Pattern LINE_REF = Pattern.compile("\\[(CB-[0-9A-F]{8}-\\d+)\\]\\s*$");

    private final WorkflowContext ctx;
    private final XeroAccountingConnector accounting;
    private final XeroProjectsReader projects;
    private final Crm crm;

    /** @param crm the CRM, or {@code null} to reconcile without it */
    public PeriodLoader(WorkflowContext ctx, XeroAccountingConnector accounting, XeroProjectsReader projects, Crm crm) {
        this.ctx = ctx;
        this.accounting = accounting;
        this.projects = projects;
        this.crm = crm;
    }

    /** The loader of a workspace's systems: their ERP, PSA and CRM. */
    public static PeriodLoader of(WorkflowContext ctx, Systems systems) {
        return new PeriodLoader(ctx, systems.erp(), systems.psaReader(), systems.crm());
    }

    /**
     * Reads the period's records from the systems and the engine's database and builds the reconciliation's
     * input: {@link #fetch()} followed by {@link #input(YearMonth, Records)}.
     */
    public ReconciliationInput load(YearMonth month) throws ReadFailedException {
        return input(month, fetch());
    }

    /**
     * Everything a period's reconciliation is built from, as read: the systems' records in their own JSON
     * shapes and the engine's side (ledger, cross-references, exceptions, project set-ups). A live load reads
     * them from the systems; a period snapshot ({@code io.crossbill.workflow.snapshot}) keeps them in a file,
     * so the same {@link #input} turns either into the reconciliation's input.
     *
     * @param takenAt       when the records were read: an entry entered {@code approvalDelay} before counts as
     *                      approved
     * @param zone          the firm's time zone (decides each entry's month)
     * @param approvalDelay the firm's timesheet lock
     * @param contacts      Xero contacts, archived included
     * @param invoices      Xero invoices with their lines
     * @param projects      Xero Projects projects
     * @param tasks         tasks by project id
     * @param timeEntries   time entries by project id
     * @param crm           whether the CRM was read (without it contracts and CRM customers are left out)
     * @param deals         CRM deals by deal id, those the engine's cross-references point at; a deal the CRM
     *                      does not hold is absent
     * @param companies     CRM companies
     * @param engine        the engine's side
     */
    public record Records(Instant takenAt, ZoneId zone, Duration approvalDelay, List<JsonNode> contacts,
            List<JsonNode> invoices, List<JsonNode> projects, Map<String, List<JsonNode>> tasks,
            Map<String, List<JsonNode>> timeEntries, boolean crm, Map<String, JsonNode> deals,
            List<JsonNode> companies, EngineSide engine) {
    }

    /**
     * What the engine's database contributes to a period's reconciliation.
     *
     * @param ledger           every billing ledger item
     * @param dealKeyOfProject our deal key ({@code hubspot-deal:<id>}) by Xero project id
     * @param xeroOfCompany    the Xero contact id by CRM company id
     * @param projectOfDeal    the Xero project id by CRM deal id, for the deals whose project was set up
     * @param exceptions       the exceptions (up to 100,000)
     * @param setups           the lead-to-project sagas that finished
     * @param itemsRead        records the workflows read, over their runs
     */
    public record EngineSide(List<BillingLedger.Item> ledger, Map<String, String> dealKeyOfProject,
            Map<String, String> xeroOfCompany, Map<String, String> projectOfDeal, List<ExceptionRow> exceptions,
            List<SetupRow> setups, long itemsRead) {
    }

    /** The part of a stored exception the reconciliation links breaks to. */
    public record ExceptionRow(long id, String businessKey, String exceptionClass, String state, Instant createdAt,
            Instant updatedAt) {
    }

    /** A finished lead-to-project saga: its deal key and when it started and finished. */
    public record SetupRow(String businessKey, Instant startedAt, Instant updatedAt) {
    }

    /** Reads every record {@link #input} needs, source after source, from the systems and the database. */
    public Records fetch() throws ReadFailedException {
        Instant now = ctx.clock().instant();
        List<JsonNode> contacts = contacts();
        List<JsonNode> invoices = invoices();
        List<JsonNode> projectList = projects();
        Map<String, List<JsonNode>> tasks = new HashMap<>();
        Map<String, List<JsonNode>> entries = new HashMap<>();
        for (JsonNode p : projectList) {
            tasks.put(p.path("projectId").asText(), tasks(p));
            entries.put(p.path("projectId").asText(), timeEntries(p));
        }
        List<JsonNode> companies = crm == null ? List.of() : companies();
        EngineSide engine = engineSide(projectList, companies);
        Map<String, JsonNode> deals = new HashMap<>();
        for (String dealId : dealsNeeded(engine)) {
            deal(dealId).ifPresent(d -> deals.put(dealId, d));
        }
        return new Records(now, ctx.settings().zone(), ctx.settings().approvalDelay(), contacts, invoices, projectList,
                tasks, entries, crm != null, deals, companies, engine);
    }

    /** Whether this loader reads a CRM. */
    public boolean readsCrm() {
        return crm != null;
    }

    /** Xero's contacts, archived included. */
    public List<JsonNode> contacts() throws ReadFailedException {
        return Reads.retry(ctx, "the customers in Xero", () -> accounting.contacts(null, true));
    }

    /** Xero's invoices. */
    public List<JsonNode> invoices() throws ReadFailedException {
        return Reads.retry(ctx, "the invoices in Xero", () -> accounting.invoices(null));
    }

    /** Xero Projects' projects. */
    public List<JsonNode> projects() throws ReadFailedException {
        return Reads.retry(ctx, "the projects in Xero Projects", () -> projects.projects());
    }

    /** The tasks of one project. */
    public List<JsonNode> tasks(JsonNode project) throws ReadFailedException {
        String pid = project.path("projectId").asText();
        return Reads.retry(ctx, "the tasks of " + project.path("name").asText(), () -> projects.tasks(pid));
    }

    /** The time entries of one project. */
    public List<JsonNode> timeEntries(JsonNode project) throws ReadFailedException {
        String pid = project.path("projectId").asText();
        return Reads.retry(ctx, "the time entries of " + project.path("name").asText(),
                () -> projects.timeEntries(pid));
    }

    /** The CRM's companies (empty without a CRM). */
    public List<JsonNode> companies() throws ReadFailedException {
        return crm == null ? List.of() : Reads.retry(ctx, "the companies in the CRM", crm::companies);
    }

    /** One CRM deal (empty without a CRM or when the CRM has no such deal). */
    public Optional<JsonNode> deal(String dealId) throws ReadFailedException {
        return crm == null ? Optional.empty()
                : Reads.retry(ctx, "deal " + dealId + " in the CRM", () -> crm.deal(dealId));
    }

    /** The deals {@link #input} looks up: those of projects and of finished set-ups (none without a CRM). */
    public java.util.SortedSet<String> dealsNeeded(EngineSide engine) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        if (crm == null) {
            return out;
        }
        for (String key : engine.dealKeyOfProject().values()) {
            out.add(key.substring(key.indexOf(':') + 1));
        }
        for (SetupRow s : engine.setups()) {
            if (engine.projectOfDeal().containsKey(s.businessKey().substring(5))) {
                out.add(s.businessKey().substring(5));
            }
        }
        return out;
    }

    /** Reads the engine's side from its database, for the given projects and CRM companies. */
    public EngineSide engineSide(List<JsonNode> projectList, List<JsonNode> companies) {
        Map<String, String> dealKeyOfProject = new HashMap<>();
        for (JsonNode p : projectList) {
            String pid = p.path("projectId").asText();
            ctx.db().xrefs().ourKey("project", "xero-projects", pid).ifPresent(k -> dealKeyOfProject.put(pid, k));
        }
        Map<String, String> xeroOfCompany = new HashMap<>();
        for (JsonNode c : companies) {
            String id = c.path("id").asText();
            ctx.db().xrefs().find("customer", "hubspot-company:" + id, "xero").ifPresent(x -> xeroOfCompany.put(id, x));
        }
        List<ExceptionRow> exceptions = new ArrayList<>();
        for (StoredException x : ctx.db().exceptions().find(ExceptionFilter.all().withLimit(100_000))) {
            exceptions.add(new ExceptionRow(x.id(), x.businessKey(), x.exceptionClass().name(), x.state().name(),
                    x.createdAt(), x.updatedAt()));
            // an exception about a whole person-day (more than 24 h) holds back each of its entries: link them too
            if (x.businessKey() != null && x.businessKey().startsWith("day:") && x.originalPayload() != null) {
                try {
                    JsonNode entries = new com.fasterxml.jackson.databind.ObjectMapper().readTree(x.originalPayload());
                    for (JsonNode e : entries) {
                        String entry = e.path("timeEntryId").asText("");
                        if (!entry.isEmpty()) {
                            exceptions.add(new ExceptionRow(x.id(), "entry:" + entry, x.exceptionClass().name(),
                                    x.state().name(), x.createdAt(), x.updatedAt()));
                        }
                    }
                } catch (java.io.IOException | RuntimeException unreadable) {
                    // the day's own key is linked; its entries are not
                }
            }
        }
        List<SetupRow> setups = new ArrayList<>();
        Map<String, String> projectOfDeal = new HashMap<>();
        for (Sagas.Saga s : ctx.db().sagas().list(LeadToProject.WORKFLOW, Sagas.State.DONE, 100_000)) {
            setups.add(new SetupRow(s.businessKey(), s.startedAt(), s.updatedAt()));
            String dealId = s.businessKey().substring(5);
            ctx.db().xrefs().find("project", "hubspot-deal:" + dealId, "xero-projects")
                    .ifPresent(p -> projectOfDeal.put(dealId, p));
        }
        long processed = ctx.db().sagas().runs(100_000).stream().mapToLong(Sagas.Run::itemsRead).sum();
        return new EngineSide(ctx.db().ledger().all(), dealKeyOfProject, xeroOfCompany, projectOfDeal, exceptions,
                setups, processed);
    }

    /**
     * Builds the reconciliation's input of a month from records read earlier, live or from a snapshot. Reads
     * nothing: the same records give the same input.
     */
    public static ReconciliationInput input(YearMonth month, Records r) {
        ReconciliationPeriod period = ReconciliationPeriod.of(month, r.zone());
        ReconciliationInput.Builder in = ReconciliationInput.builder(period);
        Instant now = r.takenAt();
        Map<String, BillingLedger.Item> ledger = new HashMap<>();
        Map<String, List<String>> itemsByLine = new HashMap<>();
        for (BillingLedger.Item i : r.engine().ledger()) {
            ledger.put(i.itemId(), i);
            itemsByLine.computeIfAbsent(i.lineRef(), k -> new ArrayList<>()).add(i.itemId());
        }
        for (JsonNode c : r.contacts()) {
            String id = c.path("ContactID").asText();
            JsonNode a = c.path("Addresses").path(0);
            in.addCustomer(new CustomerRecord(CustomerRecord.Source.ERP, "xero-contact:" + id, c.path("Name").asText(),
                    c.path("TaxNumber").asText(null), Countries.code(a.path("Country").asText("")),
                    c.path("DefaultCurrency").asText(null), a.path("AddressLine1").asText(null),
                    a.path("City").asText(null), a.path("PostalCode").asText(null), c.path("EmailAddress").asText(null)));
        }
        // invoices: lines by reference, and Xero's own project invoicing by invoice and task name
        Map<String, String> xeroLineByInvoiceAndTask = new HashMap<>();
        List<Object[]> pendingLines = new ArrayList<>();
        for (JsonNode inv : r.invoices()) {
            if (!"ACCREC".equals(inv.path("Type").asText("ACCREC"))) {
                continue;
            }
            InvoiceLine.Status status = status(inv.path("Status").asText());
            if (status == null) {
                continue;
            }
            LocalDate date = date(inv);
            int n = 0;
            for (JsonNode l : inv.path("LineItems")) {
                n++;
                String description = l.path("Description").asText("");
                Matcher m = LINE_REF.matcher(description);
                String ref = m.find() ? m.group(1) : inv.path("InvoiceID").asText() + "/" + n;
                xeroLineByInvoiceAndTask.putIfAbsent(inv.path("InvoiceID").asText() + "|" + firstPart(description), ref);
                pendingLines.add(new Object[] {inv, l, ref, status, date});
            }
        }
        // projects, tasks, milestones and entries
        Map<String, List<String>> entriesOnXeroLines = new HashMap<>();
        for (JsonNode p : r.projects()) {
            String pid = p.path("projectId").asText();
            String customer = "xero-contact:" + p.path("contactId").asText();
            String currency = p.path("currencyCode").asText();
            Map<String, JsonNode> tasks = new HashMap<>();
            boolean fixedFee = false;
            for (JsonNode t : r.tasks().getOrDefault(pid, List.of())) {
                tasks.put(t.path("taskId").asText(), t);
                if ("FIXED".equals(t.path("chargeType").asText())) {
                    fixedFee = true;
                    String mid = "milestone:" + t.path("taskId").asText();
                    BillingLedger.Item billed = ledger.get(mid);
                    boolean complete = "LOCKED".equals(t.path("status").asText())
                            || "INVOICED".equals(t.path("status").asText());
                    in.addMilestone(new Milestone(mid, pid, customer, t.path("name").asText(), TimeToBilling.rate(t),
                            currency, complete, null, billed == null ? null : billed.lineRef()));
                }
            }
            for (JsonNode e : r.timeEntries().getOrDefault(pid, List.of())) {
                JsonNode task = tasks.get(e.path("taskId").asText());
                String charge = task == null ? "" : task.path("chargeType").asText();
                Instant entered = instant(e.path("dateEnteredUtc").asText(null));
                Instant approvedAt = entered == null ? null : entered.plus(r.approvalDelay());
                boolean approved = approvedAt != null && !approvedAt.isAfter(now);
                BillingLedger.Item billed = ledger.get(e.path("timeEntryId").asText());
                String lineRef = billed == null ? null : billed.lineRef();
                if (lineRef == null && "INVOICED".equals(e.path("status").asText()) && task != null) {
                    lineRef = xeroLineByInvoiceAndTask.get(e.path("invoiceId").asText() + "|"
                            + task.path("name").asText());
                    if (lineRef != null) {
                        entriesOnXeroLines.computeIfAbsent(lineRef, k -> new ArrayList<>())
                                .add(e.path("timeEntryId").asText());
                    } else {
                        // invoiced through Xero's own project invoicing: Xero's time entry does not say on which
                        // invoice, so it counts as billed on a line the reconciliation has not loaded (neither
                        // unbilled nor matched) rather than as unbilled work
                        lineRef = "xero-invoiced/" + pid;
                    }
                }
                in.addEntry(new TimeEntry(e.path("timeEntryId").asText(), pid, customer, e.path("userId").asText(),
                        instant(e.path("dateUtc").asText(null)), e.path("duration").asInt(), "TIME".equals(charge),
                        approved, approvedAt, "TIME".equals(charge) ? TimeToBilling.rate(task) : null, currency,
                        lineRef, e.path("taskId").asText()));
            }
            BigDecimal budget = p.path("estimate").path("value").isMissingNode() ? null
                    : p.path("estimate").path("value").decimalValue();
            String dealKey = r.engine().dealKeyOfProject().get(pid);
            BigDecimal crmValue = null;
            String dealId = null;
            if (dealKey != null && r.crm()) {
                dealId = dealKey.substring(dealKey.indexOf(':') + 1);
                JsonNode d = r.deals().get(dealId);
                crmValue = d == null ? null : LeadToProject.decimal(d.path("properties").path("amount"));
            }
            if (crmValue != null) {
                in.addContract(new Contract(pid, customer, dealId, crmValue, budget, null, currency,
                        fixedFee ? Contract.BillingMethod.FIXED_FEE : Contract.BillingMethod.TIME_AND_MATERIALS));
            }
        }
        for (Object[] o : pendingLines) {
            JsonNode inv = (JsonNode) o[0];
            JsonNode l = (JsonNode) o[1];
            String ref = (String) o[2];
            List<String> items = itemsByLine.getOrDefault(ref, entriesOnXeroLines.getOrDefault(ref, List.of()));
            String project = null;
            InvoiceLine.Kind kind = InvoiceLine.Kind.OTHER;
            String milestone = null;
            if (!items.isEmpty()) {
                BillingLedger.Item first = ledger.get(items.get(0));
                if (first != null) {
                    project = first.projectId();
                    kind = switch (first.kind()) {
                        case "MILESTONE" -> InvoiceLine.Kind.MILESTONE;
                        case "EXPENSE" -> InvoiceLine.Kind.EXPENSE;
                        default -> InvoiceLine.Kind.TIME;
                    };
                    milestone = "MILESTONE".equals(first.kind()) ? first.itemId() : null;
                    if (kind == InvoiceLine.Kind.EXPENSE) {
                        // the expense tool's reports behind the line, as billed (the ledger keeps their amounts)
                        for (String id : items) {
                            BillingLedger.Item x = ledger.get(id);
                            in.addExpense(new io.crossbill.reconcile.Expense(id, x.projectId(), "xero-contact:"
                                    + inv.path("Contact").path("ContactID").asText(), LocalDate.parse(x.period()
                                            + "-01"), x.amount(), x.currency(), true, true, ref));
                        }
                    }
                } else {
                    kind = InvoiceLine.Kind.TIME;
                }
            }
            BigDecimal qty = l.path("Quantity").isMissingNode() ? null : l.path("Quantity").decimalValue();
            BigDecimal unit = l.path("UnitAmount").isMissingNode() ? null : l.path("UnitAmount").decimalValue();
            BigDecimal amount = l.hasNonNull("LineAmount") ? l.path("LineAmount").decimalValue()
                    : qty == null || unit == null ? BigDecimal.ZERO : qty.multiply(unit).setScale(2, RoundingMode.HALF_UP);
            in.addLine(new InvoiceLine(inv.path("InvoiceID").asText(), inv.path("InvoiceNumber").asText(),
                    "xero-contact:" + inv.path("Contact").path("ContactID").asText(), project, ref, kind, milestone, qty,
                    unit, amount, inv.path("CurrencyCode").asText("GBP"), (LocalDate) o[4], (InvoiceLine.Status) o[3],
                    kind == InvoiceLine.Kind.MILESTONE ? List.of() : items));
        }
        if (r.crm()) {
            for (JsonNode c : r.companies()) {
                String xero = r.engine().xeroOfCompany().get(c.path("id").asText());
                if (xero == null) {
                    continue;
                }
                JsonNode p = c.path("properties");
                in.addCustomer(new CustomerRecord(CustomerRecord.Source.CRM, "xero-contact:" + xero,
                        p.path("name").asText(null), p.path("crossbill_tax_id").asText(null),
                        Countries.code(p.path("country").asText("")), p.path("crossbill_currency").asText(null),
                        null, p.path("city").asText(null), null, null));
            }
        }
        // the engine's side: exceptions by business key, project set-up times, activity
        long raised = 0;
        java.util.Set<Long> counted = new java.util.HashSet<>();
        for (ExceptionRow x : r.engine().exceptions()) {
            String key = x.businessKey() == null ? "" : x.businessKey();
            in.addException(new ExceptionLink(key.replaceFirst("^(entry|deal|change|invoice):", ""), x.id(),
                    x.exceptionClass(), x.state()));
            if (counted.add(x.id())) {
                raised++;
                in.addExceptionEvent(new ExceptionEvent(x.id(), x.createdAt(),
                        ExceptionState.RESOLVED.name().equals(x.state()) ? x.updatedAt() : null));
            }
        }
        for (SetupRow s : r.engine().setups()) {
            String dealId = s.businessKey().substring(5);
            String projectId = r.engine().projectOfDeal().get(dealId);
            if (projectId != null) {
                Instant closed = s.startedAt();
                if (r.crm()) {
                    JsonNode d = r.deals().get(dealId);
                    if (d != null) {
                        closed = LeadToProject.date(d.path("properties").path("closedate").asText(null))
                                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                    }
                }
                in.addProjectSetup(new ProjectSetup(projectId, closed, s.updatedAt()));
            }
        }
        in.activity(Math.max(r.engine().itemsRead(), raised), raised);
        return in.build();
    }

    private static String firstPart(String description) {
        int i = description.indexOf(" - ");
        return i < 0 ? description.trim() : description.substring(0, i).trim();
    }

    private static InvoiceLine.Status status(String s) {
        return switch (s) {
            case "DRAFT", "SUBMITTED" -> InvoiceLine.Status.DRAFT;
            case "AUTHORISED" -> InvoiceLine.Status.AUTHORISED;
            case "PAID" -> InvoiceLine.Status.PAID;
            case "VOIDED" -> InvoiceLine.Status.VOIDED;
            default -> null;
        };
    }

    private static LocalDate date(JsonNode inv) {
        String s = inv.path("DateString").asText("");
        if (s.length() >= 10) {
            return LocalDate.parse(s.substring(0, 10));
        }
        String d = inv.path("Date").asText("");
        Matcher m = Pattern.compile("/Date\\((-?\\d+)").matcher(d);
        if (m.find()) {
            return LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(m.group(1))), java.time.ZoneOffset.UTC);
        }
        return d.length() >= 10 ? LocalDate.parse(d.substring(0, 10)) : LocalDate.EPOCH;
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
}
