package io.crossbill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.connect.xero.XeroProjectsConnector;
import io.crossbill.connect.xero.XeroProjectsReader;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.store.Sagas;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workflow 3, project change to forecast. Xero Projects has no change-order object: a change order the
 * customer approved is a task the project manager adds to the project named {@code CO-<n> ...}; its value
 * is its fixed amount ({@code FIXED}) or rate x estimated hours ({@code TIME}). For each new one, the
 * project's estimate in the PSA (its forecast) and the deal's amount in the CRM (the contract value) grow by
 * that value, and the deal and its company are flagged for expansion ({@code crossbill_expansion_flag}).
 * <p>
 * The new absolute values are planned first and kept in the saga ({@code plan} step), then written; a
 * repeated or resumed run writes the planned values again instead of adding the change twice.
 */
public final class ChangeToForecast {
    public static final String WORKFLOW = "change-to-forecast";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One change order applied by a run. */
    public record Change(String taskId, String name, String projectName, String currency, BigDecimal value,
            BigDecimal newEstimate, BigDecimal newContractValue, String dealId) {
    }

    /**
     * @param changeOrdersRead change orders found in the PSA
     * @param applied          change orders applied by this run
     * @param exceptionsRaised exceptions raised by this run, by class
     * @param writes           writes made
     */
    public record Result(int changeOrdersRead, List<Change> applied, Map<ExceptionClass, Integer> exceptionsRaised,
            int writes) {
    }

    private final WorkflowContext ctx;
    private final Crm crm;
    private final XeroProjectsReader reader;
    private final XeroProjectsConnector projects;
    private final StepWriter writer;
    private final SagaSupport support;

    public ChangeToForecast(WorkflowContext ctx, Crm crm, XeroProjectsReader reader, XeroProjectsConnector projects) {
        this.ctx = ctx;
        this.crm = crm;
        this.reader = reader;
        this.projects = projects;
        this.writer = new StepWriter(ctx, WORKFLOW);
        this.support = new SagaSupport(ctx, WORKFLOW);
    }

    public Result run() throws ReadFailedException {
        Sagas sagas = ctx.db().sagas();
        long run = sagas.startRun(WORKFLOW, ctx.clock().instant());
        List<JsonNode> projectList = Reads.retry(ctx, "the projects in Xero Projects", () -> reader.projects("INPROGRESS"));
        int read = 0;
        List<Change> applied = new ArrayList<>();
        for (JsonNode project : projectList) {
            String pid = project.path("projectId").asText();
            List<JsonNode> tasks = Reads.retry(ctx, "the tasks of project " + project.path("name").asText(),
                    () -> reader.tasks(pid));
            for (JsonNode t : tasks) {
                if (!t.path("name").asText("").matches("(?i)CO-\\d+.*")) {
                    continue;
                }
                read++;
                String subject = "change:" + t.path("taskId").asText();
                Optional<Sagas.Saga> existing = sagas.find(WORKFLOW, subject);
                if (existing.isPresent() && (existing.get().state() == Sagas.State.DONE
                        || support.waitsForAnalyst(existing.get()))) {
                    continue;
                }
                apply(project, t, subject).ifPresent(applied::add);
            }
        }
        Result r = new Result(read, applied, support.raised(), writer.writes());
        sagas.finishRun(run, "DONE", read, writer.writes(), support.raised().values().stream()
                .mapToInt(Integer::intValue).sum(), applied.size() + " change orders applied", ctx.clock().instant());
        return r;
    }

    private Optional<Change> apply(JsonNode project, JsonNode task, String subject) throws ReadFailedException {
        String pid = project.path("projectId").asText();
        String currency = project.path("currencyCode").asText();
        String dealKey = ctx.db().xrefs().ourKey("project", "xero-projects", pid).orElse(null);
        JsonNode deal = null;
        if (dealKey != null && dealKey.startsWith("hubspot-deal:")) {
            String dealId = dealKey.substring("hubspot-deal:".length());
            deal = Reads.retry(ctx, "deal " + dealId + " in the CRM", () -> crm.deal(dealId)).orElse(null);
        }
        if (deal == null) {
            support.block(subject, ExceptionClass.REFERENCE, "plan", "hubspot", "Deal", task, "Change order '"
                    + task.path("name").asText() + "' on project '" + project.path("name").asText()
                    + "' has no deal in the CRM linked to the project, so the contract value cannot be updated.",
                    "Link the project to its deal (run lead to project for the deal), then retry.");
            return Optional.empty();
        }
        Sagas sagas = ctx.db().sagas();
        Sagas.Saga saga = sagas.begin(WORKFLOW, subject, null, ctx.clock().instant());
        BigDecimal value = value(task);
        // the plan: absolute values, decided once
        JsonNode plan = sagas.doneStep(saga.id(), "plan").map(s -> parse(s.payload())).orElse(null);
        if (plan == null) {
            BigDecimal estimate = project.path("estimate").path("value").isMissingNode()
                    ? BigDecimal.ZERO : project.path("estimate").path("value").decimalValue();
            BigDecimal contract = LeadToProject.decimal(deal.path("properties").path("amount"));
            ObjectNode p = JSON.createObjectNode();
            p.put("value", value);
            p.put("newEstimate", estimate.add(value));
            p.put("newContractValue", contract.add(value));
            sagas.step(saga.id(), "plan", "DONE", "crossbill", null, "estimate " + estimate + " -> "
                    + estimate.add(value) + ", contract " + contract + " -> " + contract.add(value), p.toString(),
                    ctx.clock().instant());
            plan = p;
        }
        String dealId = deal.path("id").asText();
        String step = "forecast";
        String system = "xero-projects";
        try {
            if (sagas.doneStep(saga.id(), "forecast").isEmpty()) {
                ObjectNode body = JSON.createObjectNode();
                body.put("projectId", pid);
                body.put("name", project.path("name").asText());
                if (project.hasNonNull("deadlineUtc")) {
                    body.put("deadlineUtc", project.path("deadlineUtc").asText());
                }
                body.put("estimateAmount", plan.path("newEstimate").decimalValue());
                writer.write(projects, "Project", subject, "forecast", subject + "|" + plan, body.toString());
                sagas.step(saga.id(), "forecast", "DONE", "xero-projects", pid, "estimate "
                        + plan.path("newEstimate").asText(), body.toString(), ctx.clock().instant());
            }
            step = "contract-value";
            system = "hubspot";
            if (sagas.doneStep(saga.id(), "contract-value").isEmpty()) {
                ObjectNode d = JSON.createObjectNode();
                d.put("id", dealId);
                d.putObject("properties").put("amount", plan.path("newContractValue").decimalValue().toPlainString())
                        .put("crossbill_expansion_flag", "true");
                writer.write(crm.connector(), "deal", subject, "contract-value", subject + "|" + plan, d.toString());
                Optional<JsonNode> company = crm.companyOfDeal(dealId);
                if (company.isPresent()) {
                    ObjectNode c = JSON.createObjectNode();
                    c.put("id", company.get().path("id").asText());
                    c.putObject("properties").put("crossbill_expansion_flag", "true");
                    writer.write(crm.connector(), "company", subject, "expansion-flag", subject, c.toString());
                }
                sagas.step(saga.id(), "contract-value", "DONE", "hubspot", dealId, "amount "
                        + plan.path("newContractValue").asText() + ", flagged for expansion", d.toString(),
                        ctx.clock().instant());
            }
            sagas.finish(saga.id(), Sagas.State.DONE, null, task.path("name").asText() + " applied",
                    ctx.clock().instant());
            return Optional.of(new Change(task.path("taskId").asText(), task.path("name").asText(),
                    project.path("name").asText(), currency, value, plan.path("newEstimate").decimalValue(),
                    plan.path("newContractValue").decimalValue(), dealId));
        } catch (StepFailedException e) {
            support.failed(saga, step, system, e);
            return Optional.empty();
        }
    }

    private static BigDecimal value(JsonNode task) {
        BigDecimal rate = TimeToBilling.rate(task);
        if ("TIME".equals(task.path("chargeType").asText())) {
            return rate.multiply(BigDecimal.valueOf(task.path("estimateMinutes").asLong()))
                    .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        }
        return rate.setScale(2, RoundingMode.HALF_UP);
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
