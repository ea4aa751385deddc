package io.crossbill.reconcile;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Reconciles one period: delivery in the PSA against billing in the ERP and contract value in the CRM, and
 * customer master data across the three. Stateless and safe to share; each call works on its own.
 *
 * <pre>{@code
 * ReconciliationInput in = ReconciliationInput.builder(ReconciliationPeriod.of(YearMonth.of(2026, 1)))
 *         .addLine(...).build();               // and addEntry(...) per entry
 * ReconciliationResult r = new Reconciler(ToleranceRules.defaults()).reconcile(in, decisions);
 * }</pre>
 */
public final class Reconciler {

    private final ToleranceRules rules;

    /** A reconciler with {@link ToleranceRules#defaults()}. */
    public Reconciler() {
        this(ToleranceRules.defaults());
    }

    public Reconciler(ToleranceRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public ToleranceRules rules() {
        return rules;
    }

    /** Reconciles with no decisions on suggested matches. */
    public ReconciliationResult reconcile(ReconciliationInput input) {
        return reconcile(input, List.of());
    }

    /**
     * Reconciles, applying the analyst's decisions on suggested matches from earlier runs (decisions whose
     * suggestion no longer arises are ignored).
     */
    public ReconciliationResult reconcile(ReconciliationInput input, Collection<MatchDecision> decisions) {
        Objects.requireNonNull(input, "input");
        return new ReconciliationRun(input, rules, decisions == null ? List.of() : decisions).run();
    }
}
