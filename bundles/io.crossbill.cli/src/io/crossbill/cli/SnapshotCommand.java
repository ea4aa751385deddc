package io.crossbill.cli;

import java.io.IOException;
import java.time.YearMonth;
import java.util.concurrent.Callable;

import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.ReadFailedException;
import io.crossbill.workflow.EngineSettings;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.WorkspaceSystems;
import io.crossbill.workflow.WorkflowSettings;
import io.crossbill.workflow.snapshot.PeriodSnapshot;
import io.crossbill.workflow.snapshot.PeriodSnapshots;
import io.crossbill.workflow.snapshot.SnapshotCancelledException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./crossbill snapshot --period YYYY-MM}: pulls everything the month-end review of a period needs from
 * the workspace's systems into a local snapshot (resumable: an interrupted snapshot goes on where it
 * stopped), so the review works offline afterwards.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, description = "Take a local snapshot of a period from"
		+ " the workspace's systems for the month-end review (works offline afterwards; resumes if interrupted).")
final class SnapshotCommand extends WorkspaceCommand implements Callable<Integer> {

	@Option(names = "--period", paramLabel = "YYYY-MM", required = true, description = "the month to snapshot")
	String period;

	@Override
	public Integer call() throws Exception {
		YearMonth month = period(period);
		WorkflowSettings settings = settings();
		EngineSettings engine = RunCommand.engineSettings(workspace().folder());
		try (WorkspaceSystems systems = RunCommand.systemsOf(workspace().folder(), engine);
				EngineDatabase db = EngineDatabase.open(workspace().folder())) {
			WorkflowContext ctx = engine.context(db, settings, systems.isSandbox());
			PeriodLoader loader = new PeriodLoader(ctx, systems.systems().erp(), systems.systems().psaReader(),
					systems.systems().crm());
			PeriodSnapshot s = new PeriodSnapshots(workspace().folder()).take(month, loader, ctx,
					io.crossbill.workflow.snapshot.SnapshotMonitor.NONE);
			out().println("Snapshot of " + month + " taken at " + s.takenAt() + ": " + s.counts());
			return 0;
		} catch (ReadFailedException e) {
			throw new CliFailure("the snapshot stopped (what was read is kept; run it again to go on): "
					+ e.getMessage());
		} catch (SnapshotCancelledException | IOException e) {
			throw new CliFailure("the snapshot stopped: " + e.getMessage());
		}
	}
}
