package io.crossbill.mapping.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns what a rule's source path read into the rule's value, the part that differs by rule kind.
 * Returns {@code null} when it has reported a problem to the run and the field must stay unset.
 */
@FunctionalInterface
interface ValueProducer {

	JsonNode produce(JsonNode value, MappingRun run, CompiledRule rule);
}
