package io.crossbill.mapping.tests.design;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crossbill.mapping.Direction;
import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.MappingFactory;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.ValueMapEntry;
import io.crossbill.mapping.runtime.MappingDesignFile;

/** Small designs and samples built in the tests. */
final class Designs {

	static final ObjectMapper JSON = new ObjectMapper();
	static final MappingFactory FACTORY = MappingFactory.eINSTANCE;

	private Designs() {
	}

	static JsonNode json(String text) {
		try {
			return JSON.readTree(text);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<JsonNode> jsons(String... texts) {
		List<JsonNode> nodes = new ArrayList<>();
		for (String text : texts) {
			nodes.add(json(text));
		}
		return nodes;
	}

	static MappingDesign shipped(String name) {
		try {
			return MappingDesignFile.loadShipped(name);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static MappingDesign design(String name, Direction direction, String source, String target) {
		MappingDesign design = FACTORY.createMappingDesign();
		design.setName(name);
		design.setSystem("hubspot");
		design.setDirection(direction);
		EntityMapping entity = FACTORY.createEntityMapping();
		entity.setSourceEntity(source);
		entity.setTargetEntity(target);
		design.getEntityMappings().add(entity);
		return design;
	}

	static EntityMapping entity(MappingDesign design) {
		return design.getEntityMappings().get(0);
	}

	static FieldRule rule(MappingDesign design, String target, RuleKind kind, String source) {
		FieldRule rule = FACTORY.createFieldRule();
		rule.setTargetPath(target);
		rule.setKind(kind);
		rule.setSourcePath(source);
		entity(design).getRules().add(rule);
		return rule;
	}

	static FieldRule expression(MappingDesign design, String target, String expression) {
		FieldRule rule = rule(design, target, RuleKind.EXPRESSION, null);
		rule.setExpression(expression);
		return rule;
	}

	static ValueMapEntry entry(FieldRule rule, String from, String to) {
		ValueMapEntry entry = FACTORY.createValueMapEntry();
		entry.setFrom(from);
		entry.setTo(to);
		rule.getValueMap().add(entry);
		return entry;
	}

	static FieldRule find(MappingDesign design, String targetPath) {
		return entity(design).getRules().stream().filter(r -> targetPath.equals(r.getTargetPath())).findFirst()
				.orElseThrow(() -> new AssertionError("no rule for " + targetPath));
	}
}
