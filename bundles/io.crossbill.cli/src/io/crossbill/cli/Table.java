package io.crossbill.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows printed as aligned columns, two spaces apart; the last column is not padded. */
final class Table {

	private final List<String[]> rows = new ArrayList<>();

	Table(String... header) {
		rows.add(header);
	}

	Table row(Object... cells) {
		String[] row = new String[cells.length];
		for (int i = 0; i < cells.length; i++) {
			row[i] = cells[i] == null ? "-" : cells[i].toString().replace('\n', ' ');
		}
		rows.add(row);
		return this;
	}

	boolean isEmpty() {
		return rows.size() == 1;
	}

	void print(PrintWriter out) {
		int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
		int[] width = new int[columns];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				width[i] = Math.max(width[i], row[i].length());
			}
		}
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				line.append(row[i]);
				if (i < row.length - 1) {
					line.append(" ".repeat(width[i] - row[i].length() + 2));
				}
			}
			out.println(line.toString().stripTrailing());
		}
	}

	/** Text cut to a width, with an ellipsis where it was cut. */
	static String cut(String s, int max) {
		if (s == null) {
			return null;
		}
		String oneLine = s.replace('\n', ' ');
		return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "\u2026";
	}
}
