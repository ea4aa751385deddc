package io.crossbill.engine.exceptions;

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
}
