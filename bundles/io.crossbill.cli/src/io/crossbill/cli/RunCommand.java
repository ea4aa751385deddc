package io.crossbill.cli;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.EngineSettings;
import io.crossbill.workflow.ReadFailedException;
import io.crossbill.workflow.WorkflowSettings;
import io.crossbill.workflow.Workflows;
import io.crossbill.workflow.WorkspaceSystems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./crossbill run}: runs the workflows against the workspace's systems ({@link WorkspaceSystems}),
 * once or every {@code --every} minutes (default: the poll interval of {@code engine.json}) until stopped,
 * within the limits and retry budget of {@code engine.json} ({@link EngineSettings}).
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the workflows against the workspace's"
		+ " systems (systems.json, else the built-in sandbox): once with --once, else on a schedule until stopped.")
final class RunCommand extends WorkspaceCommand implements Callable<Integer> {

	@Option(names = "--workflow", paramLabel = "NAME", description = "only this workflow: lead-to-project,"
			+ " change-to-forecast, customer-master-sync or time-to-billing")
	String workflow;

	@Option(names = "--once", description = "run once and exit")
	boolean once;

	@Option(names = "--period", paramLabel = "YYYY-MM", description = "billing period (default: the current month)")
	String period;

	@Option(names = "--every", paramLabel = "MINUTES", description = "poll interval (default: pollMinutes of"
			+ " engine.json, else 15)")
	Integer everyMinutes;

	@Override
	public Integer call() throws Exception {
		WorkflowSettings settings = settings();
		YearMonth month = period == null ? YearMonth.now(settings.zone()) : period(period);
		if (everyMinutes != null && everyMinutes < 1) {
			throw new CliFailure("--every must be at least 1 minute.", 2);
		}
		EngineSettings engine = engineSettings(workspace().folder());
		int every = everyMinutes != null ? everyMinutes : engine.pollMinutes();
		CountDownLatch stop = new CountDownLatch(1);
		if (!once) {
			Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "crossbill-run-stop"));
		}
		try (WorkspaceSystems systems = systemsOf(workspace().folder(), engine);
				EngineDatabase db = EngineDatabase.open(workspace().folder())) {
			if (systems.isSandbox()) {
				out().println((engine.sandbox() ? "engine.json asks for the sandbox" : "No systems.json in "
						+ workspace().folder()) + ": running on the built-in sandbox.");
			}
			Workflows workflows = new Workflows(engine.context(db, settings, systems.isSandbox()), systems.systems());
			do {
				Workflows.Pass p;
				try {
					p = workflows.runOnce(month, workflow);
				} catch (IllegalArgumentException e) {
					throw new CliFailure(e.getMessage(), 2);
				} catch (ReadFailedException e) {
					out().println("crossbill: " + e.getMessage() + (once ? "" : " - trying again at the next poll."));
					if (once) {
						return 1;
					}
					continue;
				}
				out().println(String.format(Locale.ROOT, "%s  %s: %d writes, exceptions %s%s",
						java.time.Instant.now().atZone(ZoneId.systemDefault()).toLocalDateTime().withNano(0),
						workflow == null ? "all workflows" : workflow, p.writes(), p.exceptionsRaised(),
						p.skipped().isEmpty() ? "" : ", paused: " + p.skipped()));
				out().flush();
			} while (!once && !stop.await(Duration.ofMinutes(every).toMillis(), TimeUnit.MILLISECONDS));
		}
		return 0;
	}

	/** The workspace's {@code engine.json}, or a one-line failure naming what is wrong with it. */
	static EngineSettings engineSettings(java.nio.file.Path workspace) {
		try {
			return EngineSettings.load(workspace);
		} catch (IllegalArgumentException e) {
			throw new CliFailure(e.getMessage(), 2);
		}
	}

	/** The workspace's systems ({@code systems.json} or the built-in sandbox), or a one-line failure. */
	static WorkspaceSystems systemsOf(java.nio.file.Path workspace, EngineSettings engine) {
		try {
			return WorkspaceSystems.open(workspace, engine.sandbox(), null);
		} catch (IllegalArgumentException | IllegalStateException e) {
			throw new CliFailure(e.getMessage());
		}
	}
}
