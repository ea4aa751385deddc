package io.crossbill.workflow;

import io.crossbill.delivery.DeliveryClock;
import io.crossbill.delivery.SystemGates;
import io.crossbill.delivery.SystemLimits;
import io.crossbill.store.EngineDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every workflow runs with: the engine's database, the firm's settings, the clock and the limits of
 * each system. Xero Accounting and Xero Projects share one gate: Xero's limits are per tenant, across both
 * APIs.
 *
 * @param db       the engine's database (sagas, ledger, exceptions, audit)
 * @param settings the firm's business rules
 * @param clock    the business clock (which period is billed, when an entry counts as approved)
 * @param waits    where waits for limits and backoff go
 * @param gates    per-system limits
 * @param actor    who the audit trail names for automated writes
 */
public record WorkflowContext(EngineDatabase db, WorkflowSettings settings, Clock clock, DeliveryClock waits,
        SystemGates gates, String actor) {

    public WorkflowContext {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(waits, "waits");
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(actor, "actor");
    }

    /** The context of a real run: the vendors' published limits, the wall clock. */
    public static WorkflowContext of(EngineDatabase db, WorkflowSettings settings) {
        return of(db, settings, Clock.systemUTC(), Map.of());
    }

    /**
     * A context with limits of one's own for some systems (a local sandbox may be driven faster than the
     * real service allows); other systems keep their vendor's limits.
     */
    public static WorkflowContext of(EngineDatabase db, WorkflowSettings settings, Clock clock,
            Map<String, SystemLimits> limits) {
        Function<String, SystemLimits> byName = system -> {
            String s = gateName(system);
            SystemLimits own = limits.get(s);
            return own != null ? own : SystemLimits.forVendor(s);
        };
        return new WorkflowContext(db, settings, clock, DeliveryClock.SYSTEM,
                new SystemGates(byName, DeliveryClock.SYSTEM), "crossbill");
    }

    /**
     * The mapping designs the workflows run in this workspace: the versions approved in its {@link DesignLibrary},
     * the shipped designs where none is approved. Asked for at the start of a run, so an approval takes effect
     * from the next run on.
     */
    public ShippedDesigns designs() {
        return ShippedDesigns.approved(new DesignLibrary(db));
    }

    /** The limits of a sandbox: generous, so a demo is not held up for minutes, yet still enforced. */
    public static Map<String, SystemLimits> sandboxLimits() {
        return Map.of("xero", SystemLimits.forVendor("xero").withRate(6_000, Duration.ofMinutes(1), false)
                .withPerDay(0).withRetries(5, Duration.ofMillis(50), Duration.ofSeconds(2), 0.5),
                "hubspot", SystemLimits.forVendor("hubspot").withRetries(5, Duration.ofMillis(50),
                        Duration.ofSeconds(2), 0.5));
    }

    /** The gate a system's writes go through: Xero's two APIs share the tenant's. */
    static String gateName(String system) {
        return system.startsWith("xero") ? "xero" : system;
    }
}
