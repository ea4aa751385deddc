package io.crossbill.workflow;

import io.crossbill.engine.api.ExceptionClass;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the four workflows in the order their data flows: lead to project (new customers and projects),
 * change to forecast, customer master sync, then time to billing for a period. A paused workflow is
 * skipped.
 */
public final class Workflows {
    /** The workflows by name, in the order they run. */
    public static final List<String> NAMES = List.of(LeadToProject.WORKFLOW, ChangeToForecast.WORKFLOW,
            CustomerMasterSync.WORKFLOW, TimeToBilling.WORKFLOW);

    /** What one pass over the workflows did. */
    public record Pass(LeadToProject.Result leads, ChangeToForecast.Result changes, CustomerMasterSync.Result master,
            TimeToBilling.Result billing, List<String> skipped) {

        /** Writes made to any system by this pass. */
        public int writes() {
            return (leads == null ? 0 : leads.writes()) + (changes == null ? 0 : changes.writes())
                    + (master == null ? 0 : master.writes()) + (billing == null ? 0 : billing.writes());
        }

        /** Exceptions raised by this pass, by class. */
        public Map<ExceptionClass, Integer> exceptionsRaised() {
            Map<ExceptionClass, Integer> m = new EnumMap<>(ExceptionClass.class);
            if (leads != null) {
                leads.exceptionsRaised().forEach((k, v) -> m.merge(k, v, Integer::sum));
            }
            if (changes != null) {
                changes.exceptionsRaised().forEach((k, v) -> m.merge(k, v, Integer::sum));
            }
            if (master != null) {
                master.exceptionsRaised().forEach((k, v) -> m.merge(k, v, Integer::sum));
            }
            if (billing != null) {
                billing.exceptionsRaised().forEach((k, v) -> m.merge(k, v, Integer::sum));
            }
            return m;
        }
    }

    private final WorkflowContext ctx;
    private final Systems systems;

    public Workflows(WorkflowContext ctx, Systems systems) {
        this.ctx = ctx;
        this.systems = systems;
    }

    /**
     * Runs all workflows (or only {@code only}, when given) once.
     *
     * @param period the billing period for time to billing
     * @throws IllegalArgumentException for an unknown workflow name
     */
    public Pass runOnce(YearMonth period, String only) throws ReadFailedException {
        if (only != null && !NAMES.contains(only.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("There is no workflow '" + only + "'; the workflows are "
                    + String.join(", ", NAMES) + ".");
        }
        List<String> skipped = new java.util.ArrayList<>();
        LeadToProject.Result leads = null;
        ChangeToForecast.Result changes = null;
        CustomerMasterSync.Result master = null;
        TimeToBilling.Result billing = null;
        if (wanted(LeadToProject.WORKFLOW, only, skipped)) {
            leads = new LeadToProject(ctx, systems.crm(), systems.erp(), systems.psa()).run();
        }
        if (wanted(ChangeToForecast.WORKFLOW, only, skipped)) {
            changes = new ChangeToForecast(ctx, systems.crm(), systems.psaReader(), systems.psa()).run();
        }
        if (wanted(CustomerMasterSync.WORKFLOW, only, skipped)) {
            master = new CustomerMasterSync(ctx, systems.crm(), systems.erp()).run();
        }
        if (wanted(TimeToBilling.WORKFLOW, only, skipped)) {
            billing = new TimeToBilling(ctx, systems.erp(), systems.psaReader(), systems.expenses()).run(period);
        }
        return new Pass(leads, changes, master, billing, skipped);
    }

    private boolean wanted(String name, String only, List<String> skipped) {
        if (only != null && !only.equalsIgnoreCase(name)) {
            return false;
        }
        if (ctx.db().sagas().paused(name)) {
            skipped.add(name);
            return false;
        }
        return true;
    }
}
