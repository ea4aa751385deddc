package io.crossbill.mapping.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.crossbill.mapping.Direction;
import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.runtime.MappingProblem.Kind;
import io.crossbill.model.json.CanonicalJson;

/**
 * Compiles mapping designs, once per design name and version: a published design version never changes,
 * so the compiled form is cached and shared. Editing a design without raising its version is what the
 * preview does; it calls {@link #compileUncached} instead.
 * <p>
 * INBOUND output records carry the canonical type member ({@value CanonicalJson#TYPE_FIELD}) naming the
 * target EClass, so they can go straight to validation and to {@link CanonicalJson}.
 */
public final class MappingCompiler {

	private record Key(String name, int version) {
	}

	private final CrossReferenceLookup lookup;
	private final ExpressionBounds bounds;
	private final Map<Key, CompiledMapping> cache = new ConcurrentHashMap<>();

	/** A compiler with no cross-references and the default expression bounds. */
	public MappingCompiler() {
		this(CrossReferenceLookup.NONE, ExpressionBounds.DEFAULT);
	}

	public MappingCompiler(CrossReferenceLookup lookup, ExpressionBounds bounds) {
		this.lookup = lookup;
		this.bounds = bounds;
	}

	/**
	 * The compiled form of the design's name and version, compiled on first use.
	 *
	 * @throws MappingFailure naming the rule when the design cannot run
	 */
	public CompiledMapping compile(MappingDesign design) {
		return cache.computeIfAbsent(new Key(design.getName(), design.getVersion()), key -> compileUncached(design));
	}

	/** Compiles the design as it is now, bypassing the cache (for previews of unsaved edits). */
	public CompiledMapping compileUncached(MappingDesign design) {
		String designLabel = CompiledMapping.label(design.getName(), design.getVersion());
		Direction direction = design.getDirection();
		Map<String, CompiledEntityMapping> entities = new LinkedHashMap<>();
		for (EntityMapping entity : design.getEntityMappings()) {
			String entityLabel = entity.getSourceEntity() + " -> " + entity.getTargetEntity();
			if (entity.getSourceEntity() == null || entity.getTargetEntity() == null) {
				throw invalid(designLabel, entityLabel, null, null, "an entity mapping needs a source and a target entity");
			}
			if (entities.containsKey(entity.getSourceEntity())) {
				throw invalid(designLabel, entityLabel, null, null,
						"the source entity \"" + entity.getSourceEntity() + "\" is mapped twice");
			}
			List<CompiledRule> rules = new ArrayList<>(entity.getRules().size());
			for (FieldRule rule : entity.getRules()) {
				try {
					rules.add(CompiledRule.compile(rule, design.getSystem(), bounds));
				} catch (IllegalArgumentException e) {
					throw invalid(designLabel, entityLabel, rule.getTargetPath(), String.valueOf(rule.getKind()),
							e.getMessage());
				}
			}
			SourcePath arrayPath = null;
			if (entity.getArrayPath() != null && !entity.getArrayPath().isBlank()) {
				try {
					SourcePath path = SourcePath.parse(entity.getArrayPath());
					arrayPath = path.wildcards() > 0 ? path : SourcePath.parse(entity.getArrayPath() + "[*]");
				} catch (IllegalArgumentException e) {
					throw invalid(designLabel, entityLabel, null, null, e.getMessage());
				}
			}
			String typeField = direction == Direction.INBOUND ? CanonicalJson.TYPE_FIELD : null;
			entities.put(entity.getSourceEntity(),
					new CompiledEntityMapping(entityLabel, arrayPath, typeField, entity.getTargetEntity(), rules));
		}
		return new CompiledMapping(design.getName(), design.getVersion(), direction, entities, lookup);
	}

	/** Forgets every compiled version of the named design. */
	public void evict(String designName) {
		cache.keySet().removeIf(key -> key.name().equals(designName));
	}

	private static MappingFailure invalid(String design, String entity, String field, String rule, String detail) {
		return new MappingFailure(new MappingProblem(design, entity, field, rule, Kind.INVALID_DESIGN,
				"the design cannot run: " + detail), null);
	}
}
