package io.crossbill.cli;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.Sagas;
import io.crossbill.workflow.Workflows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./crossbill workflows}: where each workflow stands, and pausing or resuming one. */
@Command(name = "workflows", mixinStandardHelpOptions = true, description = "List the workflows with their sagas by"
		+ " state and latest runs, or pause / resume one (a paused workflow is skipped by run and demo).")
final class WorkflowsCommand extends WorkspaceCommand implements Runnable {

	@Override
	public void run() {
		try (EngineDatabase db = EngineDatabase.open(workspace().folder())) {
			Map<String, Map<Sagas.State, Long>> counts = db.sagas().counts();
			Table t = new Table("workflow", "paused", "running", "done", "failed", "blocked");
			for (String w : Workflows.NAMES) {
				Map<Sagas.State, Long> c = counts.getOrDefault(w, Map.of());
				t.row(w, db.sagas().paused(w) ? "yes" : "no", c.getOrDefault(Sagas.State.RUNNING, 0L),
						c.getOrDefault(Sagas.State.DONE, 0L), c.getOrDefault(Sagas.State.FAILED, 0L),
						c.getOrDefault(Sagas.State.BLOCKED, 0L));
			}
			t.print(out());
			var runs = db.sagas().runs(10);
			if (!runs.isEmpty()) {
				out().println();
				Table r = new Table("run", "workflow", "started", "state", "read", "writes", "exceptions", "summary");
				for (Sagas.Run run : runs) {
					r.row(run.id(), run.workflow(), run.startedAt(), run.state(), run.itemsRead(), run.writes(),
							run.exceptions(), Table.cut(run.summary() == null ? "" : run.summary(), 50));
				}
				r.print(out());
			}
		}
	}

	@Command(name = "pause", description = "Pause a workflow: run skips it until it is resumed.")
	int pause(@Parameters(paramLabel = "NAME") String name) {
		return setPaused(name, true);
	}

	@Command(name = "resume", description = "Resume a paused workflow.")
	int resume(@Parameters(paramLabel = "NAME") String name) {
		return setPaused(name, false);
	}

	private int setPaused(String name, boolean paused) {
		String w = name.toLowerCase(Locale.ROOT);
		if (!Workflows.NAMES.contains(w)) {
			throw new CliFailure("There is no workflow '" + name + "'; the workflows are " + String.join(", ",
					Workflows.NAMES) + ".", 2);
		}
		try (EngineDatabase db = EngineDatabase.open(workspace().folder())) {
			db.sagas().setPaused(w, paused, Instant.now());
			db.audit().append(io.crossbill.engine.exceptions.ExceptionActions.currentUser(), paused ? "pause workflow"
					: "resume workflow", w, null);
		}
		out().println((paused ? "Paused " : "Resumed ") + w + ".");
		return 0;
	}
}
