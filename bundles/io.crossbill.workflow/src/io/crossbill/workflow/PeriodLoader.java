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
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    public ReconciliationInput load(YearMonth month) throws ReadFailedException {
        ReconciliationPeriod period = ReconciliationPeriod.of(month, ctx.settings().zone());
        ReconciliationInput.Builder in = ReconciliationInput.builder(period);
        Instant now = ctx.clock().instant();
        Map<String, BillingLedger.Item> ledger = new HashMap<>();
        Map<String, List<String>> itemsByLine = new HashMap<>();
        for (BillingLedger.Item i : ctx.db().ledger().all()) {
            ledger.put(i.itemId(), i);
            itemsByLine.computeIfAbsent(i.lineRef(), k -> new ArrayList<>()).add(i.itemId());
        }
        List<JsonNode> contacts = Reads.retry(ctx, "the customers in Xero", () -> accounting.contacts(null, true));
        Map<String, JsonNode> contactById = new HashMap<>();
        for (JsonNode c : contacts) {
            String id = c.path("ContactID").asText();
            contactById.put(id, c);
            JsonNode a = c.path("Addresses").path(0);
            in.addCustomer(new CustomerRecord(CustomerRecord.Source.ERP, "xero-contact:" + id, c.path("Name").asText(),
                    c.path("TaxNumber").asText(null), Countries.code(a.path("Country").asText("")),
                    c.path("DefaultCurrency").asText(null), a.path("AddressLine1").asText(null),
                    a.path("City").asText(null), a.path("PostalCode").asText(null), c.path("EmailAddress").asText(null)));
        }
        // invoices: lines by reference, and Xero's own project invoicing by invoice and task name
        List<JsonNode> invoices = Reads.retry(ctx, "the invoices in Xero", () -> accounting.invoices(null));
        Map<String, String> xeroLineByInvoiceAndTask = new HashMap<>();
        List<Object[]> pendingLines = new ArrayList<>();
        for (JsonNode inv : invoices) {
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
        for (JsonNode p : Reads.retry(ctx, "the projects in Xero Projects", () -> projects.projects())) {
            String pid = p.path("projectId").asText();
            String customer = "xero-contact:" + p.path("contactId").asText();
            String currency = p.path("currencyCode").asText();
            Map<String, JsonNode> tasks = new HashMap<>();
            boolean fixedFee = false;
            for (JsonNode t : Reads.retry(ctx, "the tasks of " + p.path("name").asText(), () -> projects.tasks(pid))) {
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
            for (JsonNode e : Reads.retry(ctx, "the time entries of " + p.path("name").asText(),
                    () -> projects.timeEntries(pid))) {
                JsonNode task = tasks.get(e.path("taskId").asText());
                String charge = task == null ? "" : task.path("chargeType").asText();
                Instant entered = instant(e.path("dateEnteredUtc").asText(null));
                Instant approvedAt = entered == null ? null : entered.plus(ctx.settings().approvalDelay());
                boolean approved = approvedAt != null && !approvedAt.isAfter(now);
                BillingLedger.Item billed = ledger.get(e.path("timeEntryId").asText());
                String lineRef = billed == null ? null : billed.lineRef();
                if (lineRef == null && "INVOICED".equals(e.path("status").asText()) && task != null) {
                    lineRef = xeroLineByInvoiceAndTask.get(e.path("invoiceId").asText() + "|"
                            + task.path("name").asText());
                    if (lineRef != null) {
                        entriesOnXeroLines.computeIfAbsent(lineRef, k -> new ArrayList<>())
                                .add(e.path("timeEntryId").asText());
                    }
                }
                in.addEntry(new TimeEntry(e.path("timeEntryId").asText(), pid, customer, e.path("userId").asText(),
                        instant(e.path("dateUtc").asText(null)), e.path("duration").asInt(), "TIME".equals(charge),
                        approved, approvedAt, "TIME".equals(charge) ? TimeToBilling.rate(task) : null, currency,
                        lineRef, e.path("taskId").asText()));
            }
            BigDecimal budget = p.path("estimate").path("value").isMissingNode() ? null
                    : p.path("estimate").path("value").decimalValue();
            String dealKey = ctx.db().xrefs().ourKey("project", "xero-projects", pid).orElse(null);
            BigDecimal crmValue = null;
            String dealId = null;
            if (dealKey != null && crm != null) {
                dealId = dealKey.substring(dealKey.indexOf(':') + 1);
                String id = dealId;
                crmValue = Reads.retry(ctx, "deal " + dealId + " in the CRM", () -> crm.deal(id))
                        .map(d -> LeadToProject.decimal(d.path("properties").path("amount"))).orElse(null);
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
                    kind = "MILESTONE".equals(first.kind()) ? InvoiceLine.Kind.MILESTONE : InvoiceLine.Kind.TIME;
                    milestone = "MILESTONE".equals(first.kind()) ? first.itemId() : null;
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
        if (crm != null) {
            for (JsonNode c : Reads.retry(ctx, "the companies in the CRM", crm::companies)) {
                String xero = ctx.db().xrefs().find("customer", "hubspot-company:" + c.path("id").asText(), "xero")
                        .orElse(null);
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
        for (StoredException x : ctx.db().exceptions().find(ExceptionFilter.all().withLimit(100_000))) {
            raised++;
            String key = x.businessKey() == null ? "" : x.businessKey();
            in.addException(new ExceptionLink(key.replaceFirst("^(entry|deal|change|invoice):", ""), x.id(),
                    x.exceptionClass().name(), x.state().name()));
            in.addExceptionEvent(new ExceptionEvent(x.id(), x.createdAt(), x.state() == ExceptionState.RESOLVED
                    ? x.updatedAt() : null));
        }
        for (Sagas.Saga s : ctx.db().sagas().list(LeadToProject.WORKFLOW, Sagas.State.DONE, 100_000)) {
            String projectId = ctx.db().xrefs().find("project", "hubspot-deal:" + s.businessKey().substring(5),
                    "xero-projects").orElse(null);
            if (projectId != null) {
                Instant closed = s.startedAt();
                if (crm != null) {
                    String dealId = s.businessKey().substring(5);
                    closed = Reads.retry(ctx, "deal " + dealId + " in the CRM", () -> crm.deal(dealId))
                            .map(d -> LeadToProject.date(d.path("properties").path("closedate").asText(null))
                                    .atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                            .orElse(s.startedAt());
                }
                in.addProjectSetup(new ProjectSetup(projectId, closed, s.updatedAt()));
            }
        }
        long processed = ctx.db().sagas().runs(100_000).stream().mapToLong(Sagas.Run::itemsRead).sum();
        in.activity(Math.max(processed, raised), raised);
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
