package io.crossbill.ui.design;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingFactory;
import io.crossbill.mapping.MappingPackage.Literals;
import io.crossbill.mapping.RuleKind;

/**
 * Every change the mapping pages make, as commands on the editing domain's command stack, so undo and redo
 * cover them. Nothing here calls a setter on an object that is already in the design.
 */
final class DesignCommands {

	private DesignCommands() {
	}

	/** Sets a feature unless it already has the value; true when a command ran. */
	static boolean set(EditingDomain domain, EObject owner, EStructuralFeature feature, Object value) {
		Object old = owner.eGet(feature);
		if (feature.isMany() ? Objects.equals(new ArrayList<>((Collection<?>) old), value)
				: Objects.equals(old, value)) {
			return false;
		}
		Object newValue = value == null && !feature.isMany() ? SetCommand.UNSET_VALUE : value;
		return run(domain, SetCommand.create(domain, owner, feature, newValue));
	}

	/** Runs a command if it can run; true when it ran. */
	static boolean run(EditingDomain domain, Command command) {
		if (command == null || !command.canExecute()) {
			return false;
		}
		domain.getCommandStack().execute(command);
		return true;
	}

	/** The entity mapping's rule for a target path (compared as the target tree spells paths), or null. */
	static FieldRule ruleFor(EntityMapping em, String targetPath) {
		String wanted = FieldPaths.target(targetPath);
		for (FieldRule r : em.getRules()) {
			if (FieldPaths.target(r.getTargetPath()).equals(wanted)) {
				return r;
			}
		}
		return null;
	}

	/**
	 * Copies {@code sourcePath} into {@code targetPath}: a new COPY rule, or, when the target already has a rule,
	 * that rule now reads {@code sourcePath} (a CONSTANT rule becomes a COPY, since a constant reads nothing).
	 * Several pairs go in one command, undone together.
	 *
	 * @return the rules that now fill the targets, in the order of the pairs
	 */
	static List<FieldRule> copy(EditingDomain domain, EntityMapping em, List<String[]> sourceAndTarget,
			List<Boolean> required) {
		CompoundCommand all = new CompoundCommand("Map fields");
		List<FieldRule> rules = new ArrayList<>();
		List<FieldRule> added = new ArrayList<>();
		for (int i = 0; i < sourceAndTarget.size(); i++) {
			String source = sourceAndTarget.get(i)[0];
			String target = sourceAndTarget.get(i)[1];
			FieldRule existing = ruleFor(em, target);
			if (existing == null) {
				for (FieldRule r : added) {
					if (FieldPaths.target(r.getTargetPath()).equals(FieldPaths.target(target))) {
						existing = r;
					}
				}
			}
			if (existing != null && added.contains(existing)) {
				existing.setSourcePath(source); // not in the design yet: still ours to fill in
			} else if (existing != null) {
				all.append(SetCommand.create(domain, existing, Literals.FIELD_RULE__SOURCE_PATH, source));
				if (existing.getKind() == RuleKind.CONSTANT) {
					all.append(SetCommand.create(domain, existing, Literals.FIELD_RULE__KIND, RuleKind.COPY));
				}
			} else {
				existing = newRule(target, RuleKind.COPY);
				existing.setSourcePath(source);
				existing.setRequired(required.get(i));
				added.add(existing);
			}
			rules.add(existing);
		}
		if (!added.isEmpty()) {
			all.append(AddCommand.create(domain, em, Literals.ENTITY_MAPPING__RULES, added));
		}
		return run(domain, all.unwrap()) ? rules : List.of();
	}

	/** A rule that is not in the design yet (add it with {@link #add}). */
	static FieldRule newRule(String targetPath, RuleKind kind) {
		FieldRule rule = MappingFactory.eINSTANCE.createFieldRule();
		rule.setTargetPath(targetPath);
		rule.setKind(kind);
		return rule;
	}

	/** Adds a new rule at the end of the entity mapping's rules. */
	static boolean add(EditingDomain domain, EntityMapping em, FieldRule rule) {
		return run(domain, AddCommand.create(domain, em, Literals.ENTITY_MAPPING__RULES, rule));
	}

	/** Removes objects from a many-valued feature (rules from an entity mapping, entries from a value map). */
	static boolean remove(EditingDomain domain, EObject owner, EStructuralFeature feature, Collection<?> objects) {
		return !objects.isEmpty() && run(domain, RemoveCommand.create(domain, owner, feature, objects));
	}
}
