package io.crossbill.mapping.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.mapping.Direction;
import io.crossbill.mapping.runtime.MappingProblem.Kind;

/**
 * A mapping design compiled for one version. Immutable and safe to share between threads; each call to
 * {@link #map} works on its own state. Obtain one from {@link MappingCompiler#compile}.
 */
public final class CompiledMapping {

	private final String name;
	private final int version;
	private final Direction direction;
	private final String designLabel;
	private final Map<String, CompiledEntityMapping> bySourceEntity;
	private final CrossReferenceLookup lookup;
	/** The only entity mapping, or {@code null} when there are several (or none). */
	private final CompiledEntityMapping only;

	CompiledMapping(String name, int version, Direction direction, Map<String, CompiledEntityMapping> bySourceEntity,
			CrossReferenceLookup lookup) {
		this.name = name;
		this.version = version;
		this.direction = direction;
		this.designLabel = label(name, version);
		this.bySourceEntity = Map.copyOf(bySourceEntity);
		this.lookup = lookup;
		this.only = bySourceEntity.size() == 1 ? bySourceEntity.values().iterator().next() : null;
	}

	static String label(String name, int version) {
		return "\"" + name + "\" v" + version;
	}

	public String name() {
		return name;
	}

	public int version() {
		return version;
	}

	public Direction direction() {
		return direction;
	}

	/** The source entities this design maps. */
	public Set<String> sourceEntities() {
		return bySourceEntity.keySet();
	}

	/**
	 * Maps a record through the design's only entity mapping.
	 *
	 * @throws MappingFailure when an expression fails, or the design has several entity mappings
	 */
	public MappingResult map(JsonNode source) {
		if (only == null) {
			throw new MappingFailure(new MappingProblem(designLabel, null, null, null, Kind.INVALID_DESIGN,
					"the design maps " + bySourceEntity.keySet() + "; say which source entity this record is"), null);
		}
		return map(only, source);
	}

	/**
	 * Maps a record of the given source entity. Data problems (a required field without value, a value the
	 * value map does not know, a failed conversion or lookup) are collected in the result.
	 *
	 * @throws MappingFailure when an expression fails (throws, loops, nests too deep), or the design has no
	 *                        mapping for the entity
	 */
	public MappingResult map(String sourceEntity, JsonNode source) {
		CompiledEntityMapping entity = bySourceEntity.get(sourceEntity);
		if (entity == null) {
			throw new MappingFailure(new MappingProblem(designLabel, null, null, null, Kind.INVALID_DESIGN,
					"the design has no mapping for source entity \"" + sourceEntity + "\" (it maps "
							+ bySourceEntity.keySet() + ")"), null);
		}
		return map(entity, source);
	}

	private MappingResult map(CompiledEntityMapping entity, JsonNode source) {
		MappingRun run = new MappingRun(designLabel, lookup);
		List<ObjectNode> records = new ArrayList<>(1);
		entity.map(source, run, records);
		return new MappingResult(records, run.problems());
	}

	@Override
	public String toString() {
		return "CompiledMapping " + designLabel;
	}
}
