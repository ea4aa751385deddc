package io.crossbill.ui.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.ui.review.SnapshotSource;
import io.crossbill.workflow.DesignLibrary;
import io.crossbill.workflow.WorkflowSettings;
import io.crossbill.workflow.snapshot.PeriodSnapshots;
import io.crossbill.workflow.snapshot.SnapshotMonitor;

/**
 * The first start of a new workspace (no engine database and no marker yet) creates a working demo, so a new
 * user sees data within seconds: the built-in sandbox (its Xero organisation kept in
 * {@code <workspace>/sandbox/xero.json}), the shipped mapping designs, a {@code workflows.json} with the
 * default business rules to edit, one run of the four workflows for the demo firm's month,
 * {@link #DEMO_PERIOD}, after which the engine runs on its schedule, and a snapshot of that month for the Review
 * perspective.
 */
public final class FirstStart {

	/** The demo firm's month (its data is November 2026's). */
	public static final YearMonth DEMO_PERIOD = YearMonth.of(2026, 11);

	/** Written once the demo was created, so a workspace is set up once even if its database is deleted. */
	public static final String MARKER = ".crossbill-demo";

	private FirstStart() {
	}

	/** {@code true} for a new workspace: no engine database and no marker. */
	public static boolean needed(Path workspace) {
		return !Files.exists(workspace.resolve("crossbill.mv.db")) && !Files.exists(workspace.resolve(MARKER));
	}

	/**
	 * Creates the demo as a Job: the files, then the engine's first run for {@link #DEMO_PERIOD}; the engine
	 * then goes on every poll interval.
	 *
	 * @return the job that writes the files (the run is the engine's own job)
	 */
	public static Job schedule(EmbeddedEngine engine) {
		Job job = Job.create("Creating the demo workspace", monitor -> {
			monitor.beginTask("Creating the demo workspace", 3);
			try {
				Path ws = engine.workspace();
				Files.createDirectories(ws.resolve("sandbox"));
				monitor.subTask("workflows.json");
				writeWorkflowDefaults(ws);
				monitor.worked(1);
				monitor.subTask("mapping designs");
				seedDesigns(engine);
				monitor.worked(1);
				Files.writeString(ws.resolve(MARKER), "The demo was created here on the first start; delete this file"
						+ " and crossbill.mv.db to create it again.\n");
				monitor.worked(1);
			} catch (IOException | RuntimeException e) {
				return Status.error("The demo workspace could not be created: " + e.getMessage(), e);
			} finally {
				monitor.done();
			}
			snapshotAfterTheFirstRun(engine);
			engine.start(DEMO_PERIOD);
			return Status.OK_STATUS;
		});
		job.schedule();
		return job;
	}

	/** Once the engine's first run is done, the demo month's snapshot, so the review has a period to open. */
	private static void snapshotAfterTheFirstRun(EmbeddedEngine engine) {
		engine.job().addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				event.getJob().removeJobChangeListener(this);
				IJobFunction take = monitor -> snapshot(engine, monitor);
				Job.create("Taking the snapshot of " + DEMO_PERIOD + " for the review", take).schedule();
			}
		});
	}

	/** Takes the demo month's snapshot from the systems the engine runs against. */
	private static IStatus snapshot(EmbeddedEngine e, IProgressMonitor monitor) {
		try (SnapshotSource.Connection c = SnapshotSource.of(e).open()) {
			new PeriodSnapshots(e.workspace()).take(DEMO_PERIOD, c.loader(), c.context(), new SnapshotMonitor() {
				@Override
				public void progress(String step, int done, int total) {
					monitor.subTask(step);
				}

				@Override
				public boolean isCanceled() {
					return monitor.isCanceled();
				}
			});
			return Status.OK_STATUS;
		} catch (Exception ex) {
			return Status.warning("The demo's snapshot of " + DEMO_PERIOD + " was not taken (take it in the"
					+ " Periods view): " + ex.getMessage(), ex);
		}
	}

	/** The shipped designs go into the workspace's design library, as approved version 1 of each. */
	private static void seedDesigns(EmbeddedEngine engine) {
		new DesignLibrary(engine.database()).seedShipped(System.getProperty("user.name", "crossbill"));
	}

	/** The default business rules, written out so the analyst can see and edit them; an existing file stays. */
	static void writeWorkflowDefaults(Path workspace) throws IOException {
		Path file = workspace.resolve("workflows.json");
		if (Files.exists(file)) {
			return;
		}
		WorkflowSettings d = WorkflowSettings.defaults();
		ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
		ObjectNode n = json.createObjectNode();
		n.put("zone", d.zone().getId());
		d.allowedCurrencies().stream().sorted().forEach(n.putArray("allowedCurrencies")::add);
		n.put("linePerEntry", d.linePerEntry());
		n.put("approvalDelayHours", d.approvalDelay().toHours());
		n.put("maxHoursPerDay", d.maxMinutesPerDay() / 60);
		n.put("accountCode", d.accountCode());
		n.put("dueDays", d.dueDays());
		json.writeValue(file.toFile(), n);
		WorkflowSettings.load(workspace); // what was written must read back
	}

	/** Runs {@code IStatus} checks for tests: the job's result once done. */
	static IStatus result(Job job) throws InterruptedException {
		job.join();
		return job.getResult();
	}
}
