package io.crossbill.ui.operate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.crossbill.store.ExceptionBrowser;
import io.crossbill.store.ExceptionBrowser.Filter;
import io.crossbill.store.ExceptionBrowser.Row;
import io.crossbill.store.ExceptionBrowser.Sort;

/**
 * Writes exceptions to a CSV file (RFC 4180, UTF-8, one header row): the selection, or everything a filter
 * matches in the table's order, read from the store {@value #PAGE} rows at a time so that a million rows
 * never sit in memory. Written to a temporary file beside the target and moved into place at the end, so a
 * cancelled or failed export leaves no half-written file. Headless: the queue view runs it in a {@code Job}.
 * The cause is the table's (its first {@value ExceptionBrowser#ROW_CAUSE_CHARS} characters); cells that
 * start like a spreadsheet formula get a leading {@code '}.
 */
public final class ExceptionCsvExport {

	/** Rows read from the store at a time. */
	public static final int PAGE = 2_000;

	/** The CSV header. */
	public static final List<String> HEADER = List.of("id", "created_at", "updated_at", "state", "class", "workflow",
			"step", "system", "entity", "business_key", "root_cause", "cause", "attempts", "assignee", "note");

	private ExceptionCsvExport() {
	}

	/**
	 * Writes everything the filter matches, in the given order.
	 *
	 * @return how many exceptions were written
	 * @throws IOException                when the file cannot be written (nothing is left behind)
	 * @throws OperationCanceledException when the monitor was cancelled (nothing is left behind)
	 */
	public static long exportMatching(ExceptionBrowser browser, Filter filter, Sort sort, Path file,
			IProgressMonitor monitor) throws IOException {
		long total = browser.count(filter);
		SubMonitor progress = SubMonitor.convert(monitor, "Exporting " + String.format("%,d", total)
				+ " exceptions to " + file.getFileName(), (int) Math.min(Integer.MAX_VALUE, total));
		return write(file, out -> {
			long written = 0;
			while (true) {
				List<Row> rows = browser.page(filter, sort, written, PAGE);
				for (Row r : rows) {
					out.write(line(r));
				}
				written += rows.size();
				progress.worked(rows.size());
				progress.subTask(String.format("%,d of %,d", written, total));
				if (progress.isCanceled()) {
					throw new OperationCanceledException();
				}
				if (rows.size() < PAGE) {
					return written;
				}
			}
		});
	}

	/** Writes the given rows (e.g. the table's selection). */
	public static long exportRows(List<Row> rows, Path file) throws IOException {
		return write(file, out -> {
			for (Row r : rows) {
				out.write(line(r));
			}
			return rows.size();
		});
	}

	private interface Body {
		long writeTo(Writer out) throws IOException;
	}

	private static long write(Path file, Body body) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
		boolean done = false;
		try {
			long n;
			try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				out.write(String.join(",", HEADER) + "\r\n");
				n = body.writeTo(out);
			}
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			done = true;
			return n;
		} finally {
			if (!done) {
				Files.deleteIfExists(temp);
			}
		}
	}

	/** One exception as a CSV line, with its line end. */
	static String line(Row r) {
		DateTimeFormatter iso = DateTimeFormatter.ISO_INSTANT;
		String[] cells = { Long.toString(r.id()), iso.format(r.createdAt()), iso.format(r.updatedAt()),
				r.state().name(), r.exceptionClass().name(), r.workflow(), r.step(), r.system(), r.entity(),
				r.businessKey(), r.causeKey(), r.cause(), Integer.toString(r.attempts()), r.assignee(), r.note() };
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				b.append(',');
			}
			b.append(quote(cells[i]));
		}
		return b.append("\r\n").toString();
	}

	/** A CSV cell: quoted when it holds a comma, quote or line break; a formula-looking start is defused. */
	static String quote(String s) {
		if (s == null) {
			return "";
		}
		String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+") ? "'" + s : s;
		if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
			return '"' + v.replace("\"", "\"\"") + '"';
		}
		return v;
	}
}
