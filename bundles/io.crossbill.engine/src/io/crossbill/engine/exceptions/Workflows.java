package io.crossbill.engine.exceptions;

import io.crossbill.engine.IngestOptions;
import io.crossbill.engine.bench.TimeEntryValidator;
import io.crossbill.engine.bench.XeroTimeEntryMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The workflows that exceptions can be re-run through, by name. */
@FunctionalInterface
public interface Workflows {

    /** The workflow of that name, or empty when this installation does not run it. */
    Optional<Workflow> find(String name);

    /** A fixed set of workflows. */
    static Workflows of(Workflow... workflows) {
        Map<String, Workflow> byName = List.of(workflows).stream()
                .collect(Collectors.toUnmodifiableMap(Workflow::name, Function.identity()));
        return name -> Optional.ofNullable(byName.get(name));
    }

    /**
     * The workflows the engine ships: Xero time entries to billing, with its hand-written mapper and validator
     * (what the command line and the workbench re-run received records through).
     */
    static Workflows shipped() {
        return of(new Workflow(IngestOptions.of("time-to-billing", "TimeEntry", "erp", "TimeEntry"),
                new XeroTimeEntryMapper(), new TimeEntryValidator()));
    }

    /** These workflows, and for a name none of them has, {@code others}. */
    default Workflows or(Workflows others) {
        return name -> find(name).or(() -> others.find(name));
    }
}
