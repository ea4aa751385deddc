package io.crossbill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.connect.xero.XeroAccountingConnector;
import io.crossbill.connect.xero.XeroProjectsConnector;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.mapping.runtime.MappingFailure;
import io.crossbill.store.Sagas;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Workflow 1, lead to project: a closed-won deal in the CRM becomes a validated customer in the ERP, a
 * project shell in the PSA, and the deal is written back with both ids. One saga per deal
 * ({@code deal:<id>}), step by step: {@code customer}, {@code project}, {@code task:<n>}, {@code write-back}.
 * A step already made is not made again; a step interrupted by a crash is sent again with the same
 * idempotency key. Replaying the same deal, or a deal re-opened and closed again, creates nothing twice.
 * <ul>
 * <li>Customer: found by cross-reference, else by tax id among the ERP's contacts; else created after
 * checks - tax id format for the country, a currency the legal entity may invoice in, and no likely
 * duplicate (two contacts with the tax id, or a near-same name with another tax id): those raise
 * exceptions instead of a write.</li>
 * <li>Project: named after the deal, estimate = deal amount; tasks from the role templates for
 * time-and-materials (rates from the base rate of the currency), one FIXED task per line item for a
 * fixed-fee deal (the milestones), and a non-chargeable "Internal review" task.</li>
 * </ul>
 * The Xero contact and project payloads come from the shipped mapping designs ({@link ShippedDesigns}: HubSpot
 * to canonical to Xero), so an analyst can change them without a new release; a company or deal they cannot
 * map raises a VALIDATION exception instead of a write.
 */
public final class LeadToProject {
    public static final String WORKFLOW = "lead-to-project";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One deal taken through the workflow by this run. */
    public record Outcome(String dealId, String dealName, String customerId, boolean customerCreated,
            String projectId, boolean projectCreated, int tasksCreated, String state, Duration setupTime) {
    }

    /**
     * What a run did.
     *
     * @param dealsRead        closed-won deals read
     * @param outcomes         per deal taken further by this run
     * @param customersCreated customers created in the ERP
     * @param customersLinked  existing ERP customers found by cross-reference or tax id
     * @param projectsCreated  projects created in the PSA
     * @param exceptionsRaised exceptions raised by this run, by class
     * @param writes           writes made to any system
     */
    public record Result(int dealsRead, List<Outcome> outcomes, int customersCreated, int customersLinked,
            int projectsCreated, Map<ExceptionClass, Integer> exceptionsRaised, int writes) {
    }

    private final WorkflowContext ctx;
    private final Crm crm;
    private final XeroAccountingConnector accounting;
    private final XeroProjectsConnector projects;
    private final StepWriter writer;
    private final SagaSupport support;
    private final ShippedDesigns designs;

    public LeadToProject(WorkflowContext ctx, Crm crm, XeroAccountingConnector accounting,
            XeroProjectsConnector projects) {
        this.ctx = ctx;
        this.crm = crm;
        this.accounting = accounting;
        this.projects = projects;
        this.writer = new StepWriter(ctx, WORKFLOW);
        this.support = new SagaSupport(ctx, WORKFLOW);
        this.designs = ctx.designs();
    }

    /** Takes every closed-won deal not yet done through the workflow. */
    public Result run() throws ReadFailedException {
        Sagas sagas = ctx.db().sagas();
        Instant started = ctx.clock().instant();
        long run = sagas.startRun(WORKFLOW, started);
        try {
            List<JsonNode> deals = Reads.retry(ctx, "the closed-won deals in the CRM", () -> crm.closedWonDeals(null));
            List<JsonNode> contacts = new ArrayList<>(Reads.retry(ctx, "the customers in Xero",
                    () -> accounting.contacts(null, false)));
            List<Outcome> outcomes = new ArrayList<>();
            int created = 0;
            int linked = 0;
            int projectsCreated = 0;
            for (JsonNode deal : deals) {
                String dealId = deal.path("id").asText();
                Optional<Sagas.Saga> existing = sagas.find(WORKFLOW, "deal:" + dealId);
                if (existing.isPresent() && (existing.get().state() == Sagas.State.DONE
                        || support.waitsForAnalyst(existing.get()))) {
                    continue;
                }
                Outcome o = take(deal, contacts);
                if (o != null) {
                    outcomes.add(o);
                    created += o.customerCreated() ? 1 : 0;
                    linked += !o.customerCreated() && o.customerId() != null ? 1 : 0;
                    projectsCreated += o.projectCreated() ? 1 : 0;
                }
            }
            Result r = new Result(deals.size(), outcomes, created, linked, projectsCreated, support.raised(),
                    writer.writes());
            sagas.finishRun(run, "DONE", deals.size(), writer.writes(), support.raised().values().stream()
                    .mapToInt(Integer::intValue).sum(), projectsCreated + " projects, " + created + " customers created",
                    ctx.clock().instant());
            return r;
        } catch (ReadFailedException | RuntimeException e) {
            sagas.finishRun(run, "FAILED", 0, writer.writes(), 0, e.getMessage(), ctx.clock().instant());
            throw e;
        }
    }

    private Outcome take(JsonNode deal, List<JsonNode> contacts) throws ReadFailedException {
        String dealId = deal.path("id").asText();
        JsonNode props = deal.path("properties");
        String dealName = props.path("dealname").asText("Deal " + dealId);
        String subject = "deal:" + dealId;
        Optional<JsonNode> companyFound = Reads.retry(ctx, "the company of deal " + dealName,
                () -> crm.companyOfDeal(dealId));
        if (companyFound.isEmpty()) {
            support.block(subject, ExceptionClass.REFERENCE, "customer", "hubspot", "Deal", deal, "Deal '" + dealName
                    + "' is closed-won but has no company, so no customer can be found or created.",
                    "Associate the deal with its company in the CRM, then retry.");
            return blocked(dealId, dealName);
        }
        JsonNode company = companyFound.get();
        JsonNode cp = company.path("properties");
        String country = Countries.code(cp.path("country").asText(""));
        String currency = text(props, "deal_currency_code", text(cp, "crossbill_currency", ""));
        String taxId = cp.path("crossbill_tax_id").asText("");
        Sagas sagas = ctx.db().sagas();
        Instant now = ctx.clock().instant();
        Sagas.Saga saga = sagas.begin(WORKFLOW, subject, props.path("hs_lastmodifieddate").asText(null), now);
        ObjectNode payload = JSON.createObjectNode();
        payload.set("deal", deal);
        payload.set("company", company);
        String current = "customer";
        String currentSystem = "xero";
        try {
            // 1. the customer in the ERP
            String companyKey = "hubspot-company:" + company.path("id").asText();
            String customerId = sagas.doneStep(saga.id(), "customer").map(Sagas.Step::targetId)
                    .or(() -> ctx.db().xrefs().find("customer", companyKey, "xero")).orElse(null);
            boolean customerCreated = false;
            if (customerId == null) {
                String norm = TaxIds.normalise(taxId);
                List<JsonNode> byTax = contacts.stream().filter(c -> !norm.isEmpty()
                        && TaxIds.normalise(c.path("TaxNumber").asText("")).equals(norm)).toList();
                if (byTax.size() > 1) {
                    support.block(subject, ExceptionClass.DUPLICATE, "customer", "xero", "Contact", payload,
                            "Xero has " + byTax.size() + " customers with tax id " + taxId + ": "
                                    + names(byTax) + "; Crossbill cannot tell which one deal '" + dealName + "' is for.",
                            "Merge or archive the duplicate in Xero, then retry.");
                    return blocked(dealId, dealName);
                }
                if (byTax.size() == 1) {
                    customerId = byTax.get(0).path("ContactID").asText();
                } else {
                    Optional<String> problem = customerProblem(cp, country, currency, taxId, contacts);
                    if (problem.isPresent()) {
                        ExceptionClass cls = problem.get().startsWith("Likely duplicate") ? ExceptionClass.DUPLICATE
                                : ExceptionClass.VALIDATION;
                        support.block(subject, cls, "customer", "xero", "Contact", payload, problem.get(),
                                cls == ExceptionClass.DUPLICATE
                                        ? "Link the company to the existing customer (correct the tax id in the CRM) or"
                                                + " resolve this exception if they are different companies."
                                        : "Correct the company in the CRM, then retry.");
                        return blocked(dealId, dealName);
                    }
                    ObjectNode contact;
                    try {
                        contact = designs.xeroContact(company, deal);
                    } catch (MappingFailure e) {
                        support.block(subject, ExceptionClass.VALIDATION, "customer", "xero", "Contact", payload,
                                "Company '" + cp.path("name").asText() + "' cannot be mapped to a Xero customer: "
                                        + e.getMessage(),
                                "Correct the company in the CRM (or add the missing value to the mapping design "
                                        + ShippedDesigns.CUSTOMER_TO_XERO_CONTACT + "), then retry.");
                        return blocked(dealId, dealName);
                    }
                    customerId = writer.write(accounting, "Contact", subject, "customer", dealId + "|" + companyKey,
                            contact.toString()).targetId();
                    customerCreated = true;
                    ObjectNode made = contact.deepCopy();
                    made.put("ContactID", customerId);
                    contacts.add(made);
                }
                String cid = customerId;
                boolean wasCreated = customerCreated;
                ctx.db().inTransaction(() -> {
                    ctx.db().xrefs().put("customer", companyKey, "xero", cid, ctx.clock().instant());
                    sagas.step(saga.id(), "customer", "DONE", "xero", cid, wasCreated ? "created" : "found by tax id",
                            null, ctx.clock().instant());
                });
            }
            // 2. the project shell in the PSA
            current = "project";
            currentSystem = "xero-projects";
            String projectId = sagas.doneStep(saga.id(), "project").map(Sagas.Step::targetId).orElse(null);
            boolean projectCreated = false;
            if (projectId == null) {
                ObjectNode p;
                try {
                    p = designs.xeroProject(deal, customerId);
                } catch (MappingFailure e) {
                    support.block(subject, ExceptionClass.VALIDATION, "project", "xero-projects", "Project", payload,
                            "Deal '" + dealName + "' cannot be mapped to a Xero project: " + e.getMessage(),
                            "Correct the deal in the CRM (or the mapping design "
                                    + ShippedDesigns.DEAL_TO_PROJECT + "), then retry.");
                    return blocked(dealId, dealName);
                }
                projectId = writer.write(projects, "Project", subject, "project", dealId, p.toString()).targetId();
                projectCreated = true;
                String pid = projectId;
                ctx.db().inTransaction(() -> {
                    ctx.db().xrefs().put("project", "hubspot-deal:" + dealId, "xero-projects", pid, ctx.clock().instant());
                    sagas.step(saga.id(), "project", "DONE", "xero-projects", pid, p.path("name").asText(), p.toString(),
                            ctx.clock().instant());
                });
            }
            // 3. its tasks: role templates, or the deal's line items as fixed-fee milestones
            int tasks = 0;
            List<ObjectNode> wanted = tasksFor(deal, currency, projectId);
            for (int i = 0; i < wanted.size(); i++) {
                String step = "task:" + (i + 1);
                current = step;
                if (sagas.doneStep(saga.id(), step).isPresent()) {
                    continue;
                }
                String tid = writer.write(projects, "Task", subject, step, dealId + "|" + i, wanted.get(i).toString())
                        .targetId();
                sagas.step(saga.id(), step, "DONE", "xero-projects", tid, wanted.get(i).path("name").asText(), null,
                        ctx.clock().instant());
                tasks++;
            }
            // 4. the deal (and its company) written back with the ERP customer id and the PSA project id
            current = "write-back";
            currentSystem = "hubspot";
            if (sagas.doneStep(saga.id(), "write-back").isEmpty()) {
                ObjectNode d = JSON.createObjectNode();
                d.put("id", dealId);
                d.putObject("properties").put("crossbill_erp_customer_id", customerId)
                        .put("crossbill_psa_project_id", projectId);
                writer.write(crm.connector(), "deal", subject, "write-back", dealId, d.toString());
                ObjectNode c = JSON.createObjectNode();
                c.put("id", company.path("id").asText());
                c.putObject("properties").put("crossbill_erp_customer_id", customerId);
                writer.write(crm.connector(), "company", subject, "write-back-company", dealId, c.toString());
                sagas.step(saga.id(), "write-back", "DONE", "hubspot", dealId, "deal and company carry customer "
                        + customerId + " and project " + projectId, d.toString(), ctx.clock().instant());
            }
            Instant done = ctx.clock().instant();
            Duration setup = Duration.between(date(props.path("closedate").asText(null)).atStartOfDay()
                    .toInstant(ZoneOffset.UTC), done);
            sagas.finish(saga.id(), Sagas.State.DONE, null, "customer " + customerId + ", project " + projectId, done);
            return new Outcome(dealId, dealName, customerId, customerCreated, projectId, projectCreated, tasks, "DONE",
                    setup.isNegative() ? Duration.ZERO : setup);
        } catch (StepFailedException e) {
            support.failed(saga, current, currentSystem, e);
            return new Outcome(dealId, dealName, null, false, null, false, 0, "FAILED", null);
        }
    }

    private Optional<String> customerProblem(JsonNode cp, String country, String currency, String taxId,
            List<JsonNode> contacts) {
        Optional<String> tax = TaxIds.problem(country, taxId);
        if (tax.isPresent()) {
            return Optional.of("Company '" + cp.path("name").asText() + "': " + tax.get());
        }
        if (currency.isBlank()) {
            return Optional.of("Company '" + cp.path("name").asText() + "' has no currency, so no customer can be"
                    + " created in Xero.");
        }
        if (!ctx.settings().allowedCurrencies().contains(currency)) {
            return Optional.of("Company '" + cp.path("name").asText() + "' would be invoiced in " + currency
                    + ", which the legal entity may not invoice in (allowed: "
                    + String.join(", ", ctx.settings().allowedCurrencies().stream().sorted().toList()) + ").");
        }
        for (JsonNode c : contacts) {
            if (Names.nearlySame(c.path("Name").asText(), cp.path("name").asText())) {
                return Optional.of("Likely duplicate: company '" + cp.path("name").asText() + "' (tax id " + taxId
                        + ") looks like the existing Xero customer '" + c.path("Name").asText() + "' (tax id "
                        + c.path("TaxNumber").asText("none") + ").");
            }
        }
        return Optional.empty();
    }

    private List<ObjectNode> tasksFor(JsonNode deal, String currency, String projectId) throws ReadFailedException {
        List<ObjectNode> out = new ArrayList<>();
        String method = deal.path("properties").path("crossbill_billing_method").asText("time_and_materials");
        if ("fixed_fee".equals(method)) {
            String dealId = deal.path("id").asText();
            for (JsonNode li : Reads.retry(ctx, "the line items of deal " + dealId, () -> crm.lineItemsOfDeal(dealId))) {
                JsonNode p = li.path("properties");
                BigDecimal amount = decimal(p.path("amount"));
                if (amount.signum() == 0) {
                    amount = decimal(p.path("price")).multiply(decimal(p.path("quantity")).signum() == 0 ? BigDecimal.ONE
                            : decimal(p.path("quantity")));
                }
                out.add(task(projectId, p.path("name").asText("Milestone"), "FIXED", currency,
                        amount.setScale(2, RoundingMode.HALF_UP)));
            }
        } else {
            double base = ctx.settings().baseRates().getOrDefault(currency, 150.0);
            for (Map.Entry<String, Double> role : ctx.settings().roleTemplates().entrySet()) {
                out.add(task(projectId, role.getKey(), "TIME", currency,
                        BigDecimal.valueOf(base * role.getValue()).setScale(2, RoundingMode.HALF_UP)));
            }
        }
        out.add(task(projectId, "Internal review", "NON_CHARGEABLE", currency, BigDecimal.ZERO.setScale(2)));
        return out;
    }

    private static ObjectNode task(String projectId, String name, String charge, String currency, BigDecimal rate) {
        ObjectNode t = JSON.createObjectNode();
        t.put("projectId", projectId);
        t.put("name", clip(name, 100));
        ObjectNode r = t.putObject("rate");
        r.put("currency", currency);
        r.put("value", rate);
        t.put("chargeType", charge);
        return t;
    }

    private static Outcome blocked(String dealId, String dealName) {
        return new Outcome(dealId, dealName, null, false, null, false, 0, "BLOCKED", null);
    }

    private static String names(List<JsonNode> contacts) {
        List<String> n = new ArrayList<>();
        contacts.forEach(c -> n.add("'" + c.path("Name").asText() + "'"));
        return String.join(" and ", n);
    }

    private static String text(JsonNode o, String field, String dflt) {
        String v = o.path(field).asText("");
        return v.isBlank() ? dflt : v.trim().toUpperCase(Locale.ROOT);
    }

    static BigDecimal decimal(JsonNode n) {
        try {
            String s = n.asText("");
            return s.isBlank() ? BigDecimal.ZERO : new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return LocalDate.of(2026, 1, 1);
        }
        try {
            return s.length() <= 10 ? LocalDate.parse(s) : LocalDate.ofInstant(Instant.parse(s), ZoneOffset.UTC);
        } catch (RuntimeException e) {
            try {
                return LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(s)), ZoneOffset.UTC);
            } catch (RuntimeException e2) {
                return LocalDate.of(2026, 1, 1);
            }
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    /** Seen by tests: the deals' map for quick look-ups. */
    static Map<String, JsonNode> byId(List<JsonNode> records) {
        Map<String, JsonNode> m = new HashMap<>();
        records.forEach(r -> m.put(r.path("id").asText(), r));
        return m;
    }
}
