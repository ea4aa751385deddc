package io.crossbill.mapping.design;

/** How the editor's sentences quote what an analyst typed. */
final class Literal {

	private Literal() {
	}

	/** The text on one line, cut to {@code max} characters with "..." when longer; empty for null. */
	static String shorten(String text, int max) {
		if (text == null) {
			return "";
		}
		String flat = text.replaceAll("\\s+", " ").strip();
		return flat.length() <= max ? flat : flat.substring(0, Math.max(0, max - 3)) + "...";
	}
}
