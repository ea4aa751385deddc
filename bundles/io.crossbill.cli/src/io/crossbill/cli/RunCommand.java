package io.crossbill.cli;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.ReadFailedException;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.WorkflowSettings;
import io.crossbill.workflow.Workflows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./crossbill run}: runs the workflows against the workspace's systems ({@link ConfiguredSystems}),
 * once or every {@code --every} minutes until stopped.
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

	@Option(names = "--every", paramLabel = "MINUTES", defaultValue = "15", description = "poll interval (default:"
			+ " ${DEFAULT-VALUE})")
	int everyMinutes;

	@Override
	public Integer call() throws Exception {
		WorkflowSettings settings = settings();
		YearMonth month = period == null ? YearMonth.now(settings.zone()) : period(period);
		if (everyMinutes < 1) {
			throw new CliFailure("--every must be at least 1 minute.", 2);
		}
		CountDownLatch stop = new CountDownLatch(1);
		if (!once) {
			Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "crossbill-run-stop"));
		}
		try (ConfiguredSystems systems = ConfiguredSystems.open(workspace().folder());
				EngineDatabase db = EngineDatabase.open(workspace().folder())) {
			if (systems.sandbox) {
				out().println("No systems.json in " + workspace().folder() + ": running on the built-in sandbox.");
			}
			Workflows workflows = new Workflows(WorkflowContext.of(db, settings), systems.systems);
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
			} while (!once && !stop.await(Duration.ofMinutes(everyMinutes).toMillis(), TimeUnit.MILLISECONDS));
		}
		return 0;
	}
}
