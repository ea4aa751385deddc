package io.crossbill.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.StoredException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crossbill exceptions show ID}: one exception, cause and fix first. */
@Command(name = "show", description = "Show one exception: cause and suggested fix first, then payload, mapped"
		+ " output, raw detail, attempts and history.", mixinStandardHelpOptions = true)
final class ShowException extends WorkspaceCommand implements Callable<Integer> {

	@Parameters(paramLabel = "ID", description = "the exception's id (see exceptions list)")
	long id;

	@Option(names = "--json", description = "print JSON")
	boolean json;

	@Override
	public Integer call() {
		StoredException e;
		try (EngineDatabase db = workspace().openRequired()) {
			e = db.exceptions().get(id).orElseThrow(() -> new CliFailure("There is no exception " + id + " in "
					+ workspace().folder() + "."));
		}
		if (json) {
			Json.print(out(), toJson(e));
		} else {
			print(out(), e);
		}
		return 0;
	}

	private static ObjectNode toJson(StoredException e) {
		ObjectNode o = ListExceptions.summary(e);
		o.set("payload", Json.payload(e.originalPayload()));
		o.put("payload_size", e.payloadSize());
		o.put("payload_truncated", e.payloadTruncated());
		o.set("mapped_output", Json.payload(e.mappedOutput()));
		o.put("detail", e.detail());
		if (e.outboxId() != null) {
			o.put("outbox_id", e.outboxId());
		}
		ArrayNode history = o.putArray("history");
		for (StoredException.HistoryEntry h : e.history()) {
			ObjectNode entry = history.addObject();
			entry.put("at", h.at().toString());
			entry.put("action", h.action());
			entry.put("actor", h.actor());
			entry.put("from", h.fromState() == null ? null : h.fromState().name());
			entry.put("to", h.toState().name());
			entry.put("note", h.note());
		}
		return o;
	}

	private static void print(PrintWriter out, StoredException e) {
		out.println("Exception " + e.id() + ": " + e.exceptionClass() + ", " + e.state());
		out.println();
		out.println("Cause:         " + e.cause());
		out.println("Suggested fix: " + (e.suggestedFix() == null ? "-" : e.suggestedFix()));
		out.println();
		Table about = new Table("Workflow", e.workflow() + " (step " + e.step() + ")")
				.row("System", e.system() + (e.entity() == null ? "" : ", entity " + e.entity()))
				.row("Business key", e.businessKey())
				.row("Lineage", e.lineageId());
		if (e.outboxId() != null) {
			about.row("Outbox entry", e.outboxId());
		}
		about.row("Created", e.createdAt())
				.row("Updated", e.updatedAt())
				.print(out);
		out.println();
		out.println("Payload" + (e.originalPayload() == null ? ": none"
				: " (" + e.payloadSize() + " bytes" + (e.payloadTruncated() ? ", only the first "
						+ e.originalPayload().length + " kept" : "") + "):"));
		block(out, e.originalPayload() == null ? null : Json.pretty(e.originalPayload()));
		out.println("Mapped output" + (e.mappedOutput() == null ? ": none" : ":"));
		block(out, e.mappedOutput() == null ? null : Json.pretty(e.mappedOutput()));
		out.println("Detail" + (e.detail() == null ? ": none" : ":"));
		block(out, e.detail());
		out.println("Attempts: " + e.attempts());
		out.println();
		out.println("History:");
		Table history = new Table("  AT (UTC)", "ACTION", "ACTOR", "FROM", "TO", "NOTE");
		for (StoredException.HistoryEntry h : e.history()) {
			history.row("  " + ListExceptions.MINUTES.format(h.at()), h.action(), h.actor(), h.fromState(),
					h.toState(), Table.cut(h.note(), 100));
		}
		history.print(out);
	}

	private static void block(PrintWriter out, String text) {
		if (text == null) {
			return;
		}
		text.lines().forEach(line -> out.println("  " + line));
		out.println();
	}
}
