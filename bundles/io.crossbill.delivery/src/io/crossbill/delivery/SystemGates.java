package io.crossbill.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One {@link SystemGate} per target system, shared by every worker that writes to it, so the limits hold
 * for the system as a whole and not per worker.
 */
public final class SystemGates {

    private final Map<String, SystemGate> gates = new ConcurrentHashMap<>();
    private final Function<String, SystemLimits> limits;
    private final DeliveryClock clock;

    /** Gates with each vendor's published limits ({@link SystemLimits#forVendor}). */
    public SystemGates(DeliveryClock clock) {
        this(SystemLimits::forVendor, clock);
    }

    public SystemGates(Function<String, SystemLimits> limits, DeliveryClock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public SystemGate of(String system) {
        return gates.computeIfAbsent(system, s -> new SystemGate(limits.apply(s), clock));
    }

    public DeliveryClock clock() {
        return clock;
    }
}
