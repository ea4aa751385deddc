package io.crossbill.ui.design;

import java.util.regex.Pattern;

import io.crossbill.mapping.EntityMapping;

/**
 * The small amount of path handling the editor pages need to match a rule's paths with the rows of the field
 * trees (the meaning of paths belongs to {@code io.crossbill.mapping.runtime}; this only compares them).
 */
final class FieldPaths {

	private static final Pattern INDEX = Pattern.compile("\\[\\d+\\]");

	private FieldPaths() {
	}

	/** A source path as the source tree spells it: no leading {@code $.}, {@code [2]} read as {@code [*]}. */
	static String source(String path) {
		if (path == null) {
			return "";
		}
		String p = path.strip();
		if (p.startsWith("$.")) {
			p = p.substring(2);
		}
		return INDEX.matcher(p).replaceAll("[*]");
	}

	/** The source path one level up ({@code a.b[*].c -> a.b[*]}), or empty at the top. */
	static String sourceParent(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? "" : path.substring(0, dot);
	}

	/** A target path as the target tree spells it: segments separated by {@code /}. */
	static String target(String path) {
		return path == null ? "" : path.strip().replace('.', '/');
	}

	/** The target path one level up ({@code lines[]/unitAmount -> lines[]}), or empty at the top. */
	static String targetParent(String path) {
		int slash = path.lastIndexOf('/');
		return slash < 0 ? "" : path.substring(0, slash);
	}

	/** The last segment of a target path without its array marker ({@code lines[]/unitAmount -> unitAmount}). */
	static String targetName(String path) {
		String name = path.substring(path.lastIndexOf('/') + 1);
		return name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
	}

	/**
	 * A source path as a JSONata path that reads the same values (JSONata maps over arrays by itself, so
	 * {@code [*]} is dropped), used to find the value an expression rule is evaluated on.
	 */
	static String asJsonata(String sourcePath) {
		String p = source(sourcePath).replace("[*]", "");
		return p.isEmpty() ? "$" : p;
	}

	/** The label the design checker uses for an entity mapping ({@code source -> target}). */
	static String label(EntityMapping em) {
		return em.getSourceEntity() + " -> " + em.getTargetEntity();
	}

	/** What the entity mapping combo shows. */
	static String choiceLabel(EntityMapping em) {
		String array = em.getArrayPath();
		return label(em) + (array == null || array.isBlank() ? "" : "   (each " + array + ")");
	}
}
