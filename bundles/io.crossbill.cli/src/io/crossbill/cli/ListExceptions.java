package io.crossbill.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.StoredException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code crossbill exceptions list}: the queue, newest first, filtered. */
@Command(name = "list", description = "List exceptions, newest first.", mixinStandardHelpOptions = true)
final class ListExceptions extends WorkspaceCommand implements Callable<Integer> {

	static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

	@Mixin
	ExceptionQuery query;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "at most N (default 50)")
	int limit;

	@Option(names = "--json", description = "print JSON")
	boolean json;

	@Override
	public Integer call() {
		if (limit < 1) {
			throw new CliFailure("--limit must be at least 1.", 2);
		}
		ExceptionFilter filter = query.filter(limit);
		Optional<EngineDatabase> opened = workspace().openExisting();
		List<StoredException> found = List.of();
		long total = 0;
		if (opened.isPresent()) {
			try (EngineDatabase db = opened.get()) {
				found = db.exceptions().find(filter);
				total = db.exceptions().count(filter);
			}
		}
		if (json) {
			ObjectNode result = Json.object();
			result.put("total", total);
			ArrayNode list = result.putArray("exceptions");
			for (StoredException e : found) {
				list.add(summary(e));
			}
			Json.print(out(), result);
			return 0;
		}
		if (opened.isEmpty()) {
			out().println("No exceptions: there is no Crossbill database in " + workspace().folder() + " yet.");
			return 0;
		}
		if (found.isEmpty()) {
			out().println(query.isEmpty() ? "No exceptions." : "No exceptions match.");
			return 0;
		}
		Table table = new Table("ID", "CLASS", "STATE", "WORKFLOW", "STEP", "SYSTEM", "KEY", "TRIES", "UPDATED (UTC)",
				"CAUSE");
		for (StoredException e : found) {
			table.row(e.id(), e.exceptionClass(), e.state(), e.workflow(), e.step(), e.system(),
					Table.cut(e.businessKey(), 24), e.attempts(), MINUTES.format(e.updatedAt()), Table.cut(e.cause(), 80));
		}
		table.print(out());
		out().println(found.size() < total ? "Showing " + found.size() + " of " + total + "; use --limit to see more."
				: total + (total == 1 ? " exception." : " exceptions."));
		return 0;
	}

	static ObjectNode summary(StoredException e) {
		ObjectNode o = Json.object();
		o.put("id", e.id());
		o.put("class", e.exceptionClass().name());
		o.put("state", e.state().name());
		o.put("workflow", e.workflow());
		o.put("step", e.step());
		o.put("system", e.system());
		o.put("entity", e.entity());
		o.put("business_key", e.businessKey());
		o.put("lineage_id", e.lineageId());
		o.put("attempts", e.attempts());
		o.put("created_at", e.createdAt().toString());
		o.put("updated_at", e.updatedAt().toString());
		o.put("cause", e.cause());
		o.put("suggested_fix", e.suggestedFix());
		return o;
	}
}
