package io.crossbill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.connect.xero.XeroAccountingConnector;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.store.Sagas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Workflow 4, customer master sync. The ERP owns the legal and financial fields (name, tax id, currency,
 * country, city - {@link WorkflowSettings#erpOwns()}), the CRM the commercial ones, and the PSA (Xero
 * Projects works on Xero's contacts) receives. For every customer known in both the CRM and the ERP (by
 * cross-reference, else by tax id), each ERP-owned field that differs is written to the CRM company -
 * unless the field was also changed in the CRM since the last agreed value: then neither side is
 * overwritten and a CONFLICT exception carries both versions. Two ERP customers with one tax id are a
 * likely duplicate: a DUPLICATE exception, and nothing is written for them.
 */
public final class CustomerMasterSync {
    public static final String WORKFLOW = "customer-master-sync";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a run did.
     *
     * @param customersCompared pairs of CRM company and ERP customer compared
     * @param companiesUpdated  CRM companies written
     * @param fieldsUpdated     fields written
     * @param conflicts         fields changed on both sides, raised as CONFLICT
     * @param exceptionsRaised  exceptions raised by this run, by class
     * @param writes            writes made
     */
    public record Result(int customersCompared, int companiesUpdated, int fieldsUpdated, int conflicts,
            Map<ExceptionClass, Integer> exceptionsRaised, int writes) {
    }

    private final WorkflowContext ctx;
    private final Crm crm;
    private final XeroAccountingConnector accounting;
    private final StepWriter writer;
    private final SagaSupport support;

    public CustomerMasterSync(WorkflowContext ctx, Crm crm, XeroAccountingConnector accounting) {
        this.ctx = ctx;
        this.crm = crm;
        this.accounting = accounting;
        this.writer = new StepWriter(ctx, WORKFLOW);
        this.support = new SagaSupport(ctx, WORKFLOW);
    }

    public Result run() throws ReadFailedException {
        Sagas sagas = ctx.db().sagas();
        long run = sagas.startRun(WORKFLOW, ctx.clock().instant());
        List<JsonNode> contacts = Reads.retry(ctx, "the customers in Xero", () -> accounting.contacts(null, false));
        List<JsonNode> companies = Reads.retry(ctx, "the companies in the CRM", crm::companies);
        Map<String, JsonNode> contactById = new HashMap<>();
        Map<String, List<JsonNode>> contactsByTax = new HashMap<>();
        for (JsonNode c : contacts) {
            contactById.put(c.path("ContactID").asText(), c);
            String tax = TaxIds.normalise(c.path("TaxNumber").asText(""));
            if (!tax.isEmpty()) {
                contactsByTax.computeIfAbsent(tax, k -> new ArrayList<>()).add(c);
            }
        }
        int compared = 0;
        int updated = 0;
        int fields = 0;
        int conflicts = 0;
        for (JsonNode company : companies) {
            String companyKey = "hubspot-company:" + company.path("id").asText();
            String linked = ctx.db().xrefs().find("customer", companyKey, "xero").orElse(null);
            JsonNode contact = linked == null ? null : contactById.get(linked);
            String tax = TaxIds.normalise(company.path("properties").path("crossbill_tax_id").asText(""));
            List<JsonNode> sameTax = tax.isEmpty() ? List.of() : contactsByTax.getOrDefault(tax, List.of());
            if (sameTax.size() > 1) {
                List<String> names = sameTax.stream().map(c -> "'" + c.path("Name").asText() + "'").toList();
                support.block("customer:" + tax, ExceptionClass.DUPLICATE, "match", "xero", "Contact",
                        JSON.valueToTree(sameTax), "Likely duplicate customers in Xero: " + String.join(" and ", names)
                                + " share tax id " + company.path("properties").path("crossbill_tax_id").asText()
                                + "; their master data is not synced until one remains.",
                        "Merge the duplicates in Xero (archive one), then retry.");
                continue;
            }
            if (contact == null && sameTax.size() == 1) {
                contact = sameTax.get(0);
                ctx.db().xrefs().put("customer", companyKey, "xero", contact.path("ContactID").asText(),
                        ctx.clock().instant());
            }
            if (contact == null) {
                continue;
            }
            compared++;
            Map<String, String> erp = erpFields(contact);
            Map<String, String> crmFields = crmFields(company);
            String customerKey = "xero-contact:" + contact.path("ContactID").asText();
            Map<String, String> base = ctx.db().baseline().of(customerKey);
            ObjectNode props = JSON.createObjectNode();
            Map<String, String> agreed = new LinkedHashMap<>();
            List<String> conflicting = new ArrayList<>();
            for (String f : ctx.settings().erpOwns()) {
                String e = erp.get(f);
                String c = crmFields.get(f);
                if (e == null || Objects.equals(norm(e), norm(c))) {
                    if (e != null) {
                        agreed.put(f, e);
                    }
                    continue;
                }
                String b = base.get(f);
                boolean erpChanged = b == null || !Objects.equals(norm(e), norm(b));
                boolean crmChanged = b != null && !Objects.equals(norm(c), norm(b));
                if (b != null && erpChanged && crmChanged) {
                    conflicting.add(f + ": ERP '" + e + "', CRM '" + c + "' (last agreed '" + b + "')");
                    continue;
                }
                props.put(crmProperty(f), e);
                agreed.put(f, e);
            }
            if (!conflicting.isEmpty()) {
                ObjectNode both = JSON.createObjectNode();
                both.set("erp", contact);
                both.set("crm", company);
                if (support.block("customer-conflict:" + customerKey + ":" + String.join(",", conflicting),
                        ExceptionClass.CONFLICT, "survivorship", "hubspot", "Company", both, "Customer '"
                                + erp.get("name") + "' was changed in both the ERP and the CRM since the last sync: "
                                + String.join("; ", conflicting) + ".",
                        "Decide which value is right, correct the other system, then retry.")) {
                    conflicts += conflicting.size();
                }
            }
            if (!props.isEmpty()) {
                ObjectNode body = JSON.createObjectNode();
                body.put("id", company.path("id").asText());
                body.set("properties", props);
                Sagas.Saga saga = sagas.begin(WORKFLOW, customerKey, null, ctx.clock().instant());
                try {
                    String seed = customerKey + "|" + props;
                    writer.write(crm.connector(), "company", customerKey, "update-crm", seed, body.toString());
                    sagas.step(saga.id(), "update-crm", "DONE", "hubspot", company.path("id").asText(),
                            props.size() + " fields from the ERP", body.toString(), ctx.clock().instant());
                    sagas.finish(saga.id(), Sagas.State.DONE, null, "CRM company updated from the ERP",
                            ctx.clock().instant());
                    updated++;
                    fields += props.size();
                } catch (StepFailedException e) {
                    support.failed(saga, "update-crm", "hubspot", e);
                    continue;
                }
            }
            ctx.db().baseline().agree(customerKey, agreed, ctx.clock().instant());
        }
        Result r = new Result(compared, updated, fields, conflicts, support.raised(), writer.writes());
        sagas.finishRun(run, "DONE", compared, writer.writes(), support.raised().values().stream()
                .mapToInt(Integer::intValue).sum(), updated + " CRM companies updated, " + conflicts + " conflicts",
                ctx.clock().instant());
        return r;
    }

    private static Map<String, String> erpFields(JsonNode c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", c.path("Name").asText(null));
        m.put("tax_id", c.path("TaxNumber").asText(null));
        m.put("currency", c.path("DefaultCurrency").asText(null));
        m.put("country", c.path("Addresses").path(0).path("Country").asText(null));
        m.put("city", c.path("Addresses").path(0).path("City").asText(null));
        return m;
    }

    private static Map<String, String> crmFields(JsonNode company) {
        JsonNode p = company.path("properties");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", p.path("name").asText(null));
        m.put("tax_id", p.path("crossbill_tax_id").asText(null));
        m.put("currency", p.path("crossbill_currency").asText(null));
        m.put("country", p.path("country").asText(null));
        m.put("city", p.path("city").asText(null));
        return m;
    }

    private static String crmProperty(String field) {
        return switch (field) {
            case "tax_id" -> "crossbill_tax_id";
            case "currency" -> "crossbill_currency";
            default -> field;
        };
    }

    private static String norm(String s) {
        if (s == null) {
            return "";
        }
        String c = Countries.code(s);
        return (c.length() == 2 ? c : s).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
