package io.crossbill.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.engine.exceptions.ActionOutcome;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.engine.exceptions.OutboxLocator;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What retry, replay and resolve share: one exception by ID, or every exception a query matches with
 * {@code --all-matching}; {@code --dry-run} to see what would happen; exit 1 when any was refused.
 */
abstract class ExceptionAction extends WorkspaceCommand implements Callable<Integer> {

	@Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "the exception's id")
	Long id;

	@Option(names = "--all-matching", description = "act on every exception the filters match")
	boolean allMatching;

	@Mixin
	ExceptionQuery query;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
			description = "with --all-matching: at most N exceptions, newest first (default 1000)")
	int limit;

	@Option(names = "--dry-run", description = "show what would happen; write nothing")
	boolean dryRun;

	@Option(names = "--json", description = "print JSON")
	boolean json;

	@Option(names = "--actor", paramLabel = "NAME", description = "who acts, for history and audit (default: the"
			+ " operating-system user)")
	String actor;

	/** Checks the command's own options before the database is opened. */
	void checkOptions() {
	}

	abstract ActionOutcome one(ExceptionActions actions, EngineDatabase db, long exceptionId);

	abstract List<ActionOutcome> all(ExceptionActions actions, ExceptionFilter filter);

	@Override
	public Integer call() {
		if (id == null && !allMatching) {
			throw new CliFailure("Name an exception ID, or use --all-matching with filters.", 2);
		}
		if (id != null && allMatching) {
			throw new CliFailure("Give an exception ID or --all-matching, not both.", 2);
		}
		if (allMatching && query.isEmpty()) {
			throw new CliFailure("--all-matching needs at least one filter (--class, --state, --system, --workflow"
					+ " or --key), so that a whole queue is never changed by accident.", 2);
		}
		if (!allMatching && !query.isEmpty()) {
			throw new CliFailure("The filters apply only with --all-matching.", 2);
		}
		if (limit < 1) {
			throw new CliFailure("--limit must be at least 1.", 2);
		}
		checkOptions();
		try (EngineDatabase db = workspace().openRequired()) {
			ExceptionActions actions = new ExceptionActions(db, InstalledWorkflows.all(), OutboxLocator.of(db),
					actor == null ? ExceptionActions.currentUser() : actor);
			List<ActionOutcome> outcomes;
			long matched;
			if (id != null) {
				outcomes = List.of(one(actions, db, id));
				matched = 1;
			} else {
				ExceptionFilter filter = query.filter(limit);
				matched = db.exceptions().count(filter);
				outcomes = all(actions, filter);
			}
			print(outcomes, matched);
			return outcomes.stream().anyMatch(ActionOutcome::refused) ? 1 : 0;
		}
	}

	private void print(List<ActionOutcome> outcomes, long matched) {
		if (json) {
			ObjectNode result = Json.object();
			result.put("dry_run", dryRun);
			result.put("matched", matched);
			ArrayNode list = result.putArray("outcomes");
			for (ActionOutcome o : outcomes) {
				ObjectNode n = list.addObject();
				n.put("id", o.exceptionId());
				n.put("action", o.action());
				n.put("verdict", o.verdict().name());
				n.put("before", o.before().name());
				n.put("after", o.after().name());
				n.put("message", o.message());
				ArrayNode problems = n.putArray("problems");
				o.problems().forEach(problems::add);
			}
			Json.print(out(), result);
			return;
		}
		if (dryRun) {
			out().println("Dry run: nothing was written.");
		}
		if (outcomes.isEmpty()) {
			out().println("No exceptions match.");
			return;
		}
		Table table = new Table("ID", "ACTION", "BEFORE", "AFTER", "RESULT", "WHAT HAPPENS");
		for (ActionOutcome o : outcomes) {
			table.row(o.exceptionId(), o.action(), o.before(), o.after(), verdict(o), o.message());
		}
		table.print(out());
		long refused = outcomes.stream().filter(ActionOutcome::refused).count();
		long ok = outcomes.size() - refused;
		out().println(ok + (dryRun ? " would be done" : " done") + ", " + refused + " refused.");
		if (matched > outcomes.size()) {
			out().println("Only the first " + outcomes.size() + " of " + matched + " matching exceptions were"
					+ " handled; raise --limit or run again.");
		}
	}

	private static String verdict(ActionOutcome o) {
		return switch (o.verdict()) {
			case DONE -> "done";
			case WOULD_DO -> "would do";
			case REFUSED -> "refused";
		};
	}
}
