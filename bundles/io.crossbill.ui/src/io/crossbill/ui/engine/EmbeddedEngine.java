package io.crossbill.ui.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.Gauges;
import io.crossbill.store.SagaStats;
import io.crossbill.store.Sagas;
import io.crossbill.workflow.ApiBudgets;
import io.crossbill.workflow.EngineSettings;
import io.crossbill.workflow.ReadFailedException;
import io.crossbill.workflow.WorkflowSettings;
import io.crossbill.workflow.Workflows;
import io.crossbill.workflow.WorkspaceSystems;

/**
 * The sync engine inside the workbench: runs the workspace's four workflows every poll interval of
 * {@code engine.json} ({@link EngineSettings}) as an Eclipse {@link Job} with a progress monitor that can be
 * cancelled between workflows, against the workspace's systems ({@link WorkspaceSystems}: the built-in
 * sandbox, started in-process on 127.0.0.1, unless {@code systems.json} names real ones). Each run first runs
 * the retries queued while the systems could not be reached ({@link QueuedReplays}), when they answer. It
 * reports its {@link State} to listeners on any thread: stopped, idle with the next run's time, running a
 * workflow, paused, or failed with the reason.
 */
public final class EmbeddedEngine {

	/** What the engine is doing. */
	public enum Phase {
		STOPPED, IDLE, RUNNING, PAUSED, FAILED
	}

	/**
	 * The engine's state for the status line.
	 *
	 * @param phase   what it is doing
	 * @param text    the same in words: "idle, next run at 10:15", "running lead to project", "failed: why"
	 * @param nextRun when the next scheduled run starts; {@code null} when none is scheduled
	 */
	public record State(Phase phase, String text, Instant nextRun) {
	}

	/** The name of the job that runs the workflows, as the progress area shows it. */
	public static final String JOB_NAME = "Running the workflows";

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
	private static EmbeddedEngine workbench;

	private final Path workspace;
	private final Supplier<EngineDatabase> database;
	private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
	private final RunJob job = new RunJob();
	private volatile State state = new State(Phase.STOPPED, "stopped", null);
	private volatile boolean started;
	private volatile YearMonth nextPeriod;
	private WorkspaceSystems systems;

	/**
	 * @param workspace the workspace folder (engine.json, systems.json, workflows.json, sandbox state)
	 * @param database  the engine's database, asked for when a run starts
	 */
	public EmbeddedEngine(Path workspace, Supplier<EngineDatabase> database) {
		this.workspace = workspace;
		this.database = database;
	}

	/** The engine of this workbench's workspace (one per workbench, on {@link WorkbenchEngine#database()}). */
	public static synchronized EmbeddedEngine workbench() {
		if (workbench == null) {
			workbench = new EmbeddedEngine(WorkbenchEngine.workspace(), WorkbenchEngine::database);
			Runtime.getRuntime().addShutdownHook(new Thread(workbench::closeSystems, "crossbill-engine-systems"));
		}
		return workbench;
	}

	/** The engine's database (opened on first use). */
	public EngineDatabase database() {
		return database.get();
	}

	/** The workspace folder this engine runs for. */
	public Path workspace() {
		return workspace;
	}

	/** Starts the engine: a run now, then one every poll interval until {@link #stop()}. */
	public void start() {
		start(null);
	}

	/**
	 * Starts the engine with a first run for the given billing period ({@code null}: the current month); later
	 * runs are for the current month.
	 */
	public synchronized void start(YearMonth firstPeriod) {
		if (started) {
			return;
		}
		started = true;
		nextPeriod = firstPeriod;
		job.schedule();
	}

	/** Stops the engine: no further runs; a running one stops after its current workflow. */
	public synchronized void stop() {
		started = false;
		job.cancel();
		if (job.getState() == Job.NONE) {
			closeSystems();
		}
		setState(new State(Phase.STOPPED, "stopped", null));
	}

	/** {@code true} between {@link #start()} and {@link #stop()}. */
	public boolean isStarted() {
		return started;
	}

	/**
	 * Runs the workflows now (for the current billing period), unless a run is already going.
	 *
	 * @return the job, to follow or join
	 */
	public Job runNow() {
		return runNow(null);
	}

	/**
	 * Runs the workflows now for the given billing period (the demo's November, say); {@code null} for the
	 * current month. A run already going is left to finish and this one is not started.
	 */
	public synchronized Job runNow(YearMonth period) {
		if (job.getState() == Job.RUNNING) {
			return job;
		}
		nextPeriod = period;
		job.cancel();
		job.schedule();
		return job;
	}

	/** The job that runs the workflows (to join in tests and first start). */
	public Job job() {
		return job;
	}

	/** The current state. */
	public State state() {
		return state;
	}

	/** Tells {@code listener} every change of state, on the thread that made it. */
	public void addListener(Consumer<State> listener) {
		listeners.add(listener);
	}

	public void removeListener(Consumer<State> listener) {
		listeners.remove(listener);
	}

	/** The settings changed (the preferences were saved): the next run is scheduled by the new interval. */
	public synchronized void settingsChanged() {
		if (started && job.getState() != Job.RUNNING) {
			job.cancel();
			try {
				scheduleNext(EngineSettings.load(workspace));
			} catch (IllegalArgumentException e) {
				setState(new State(Phase.FAILED, "failed: " + e.getMessage(), null));
			}
		}
		// a running job reads the settings again when it schedules the next run
	}

	/** The systems the engine runs against, opened at the first run; {@code null} before. */
	public synchronized WorkspaceSystems systems() {
		return systems;
	}

	/**
	 * The systems, opened now if the engine has not yet done so (for a connection test before the first run).
	 *
	 * @throws IllegalArgumentException when systems.json or engine.json is not valid
	 * @throws IllegalStateException    when credentials are missing or the sandbox cannot start
	 */
	public synchronized WorkspaceSystems openSystems() {
		if (systems == null) {
			systems = WorkspaceSystems.open(workspace);
		}
		return systems;
	}

	/**
	 * Closes the systems (saving the sandbox's state) so that the next run opens them again from
	 * {@code systems.json}: after an endpoint or the sandbox toggle changed.
	 */
	public synchronized void closeSystems() {
		if (systems != null) {
			systems.close();
			systems = null;
		}
	}

	private void setState(State s) {
		state = s;
		for (Consumer<State> l : listeners) {
			l.accept(s);
		}
	}

	private synchronized void scheduleNext(EngineSettings settings) {
		Instant next = scheduleOnly(settings);
		setState(new State(Phase.IDLE, "idle; next run at " + LocalTime.ofInstant(next, ZoneId.systemDefault())
				.format(HH_MM), next));
	}

	/** Schedules the next run; returns when it starts. */
	private synchronized Instant scheduleOnly(EngineSettings settings) {
		long delay = settings.pollMinutes() * 60_000L;
		job.schedule(delay);
		return Instant.now().plusMillis(delay);
	}



	/** How long the monitor's gauges are kept: its longest window (a month) and a little more. */
	private static final Duration GAUGES_KEPT = Duration.ofDays(35);

	/**
	 * Records what waits per workflow and each system's API budget left, for the monitor's charts over time. A
	 * failure here is not the run's: it is left out of the charts and the run goes on.
	 */
	static void sampleGauges(EngineDatabase db, WorkspaceSystems systems) {
		try {
			Instant now = Instant.now();
			SagaStats stats = new SagaStats(db);
			Map<String, Map<Sagas.State, Long>> sagas = stats.sagaCounts();
			Map<String, Long> unsettled = stats.unsettledExceptions();
			List<Gauges.Sample> samples = new ArrayList<>();
			for (String name : Workflows.NAMES) {
				Map<Sagas.State, Long> c = sagas.getOrDefault(name, Map.of());
				long depth = c.getOrDefault(Sagas.State.RUNNING, 0L)
						+ c.getOrDefault(Sagas.State.FAILED, 0L)
						+ c.getOrDefault(Sagas.State.BLOCKED, 0L) + unsettled.getOrDefault(name, 0L);
				samples.add(new Gauges.Sample(Gauges.QUEUE_DEPTH, name, now, depth,
						null));
			}
			for (ApiBudgets.Budget b : systems.apiBudgets().current()) {
				samples.add(new Gauges.Sample(Gauges.API_BUDGET_LEFT, b.subject(),
						now, b.left(), b.limit() == null ? null : b.limit().doubleValue()));
			}
			Gauges gauges = new Gauges(db);
			gauges.record(samples);
			gauges.prune(now.minus(GAUGES_KEPT));
		} catch (RuntimeException e) {
			// the charts miss one sample; the run's own outcome stands
		}
	}

	private static String label(String workflow) {
		return workflow.replace('-', ' ');
	}

	/** One pass over the four workflows, cancelled between workflows. */
	private final class RunJob extends Job {

		RunJob() {
			super(JOB_NAME);
			setPriority(Job.LONG);
		}

		@Override
		protected IStatus run(IProgressMonitor monitor) {
			YearMonth period = nextPeriod;
			nextPeriod = null;
			EngineSettings settings = null;
			boolean cancelled = false;
			try {
				settings = EngineSettings.load(workspace);
				WorkflowSettings ws = WorkflowSettings.load(workspace);
				YearMonth month = period != null ? period : YearMonth.now(ws.zone());
				monitor.beginTask(JOB_NAME + " for " + month, Workflows.NAMES.size() + 1);
				monitor.subTask("Starting the systems");
				WorkspaceSystems s = openSystems();
				EngineDatabase db = database.get();
				monitor.worked(1);
				monitor.subTask("Running the retries queued while offline");
				String replays;
				try {
					replays = QueuedReplays.drain(db, s, monitor::isCanceled);
				} catch (RuntimeException e) {
					// the queue keeps what was not run; the workflows still run
					replays = "the queued retries could not be run: " + e.getMessage();
				}
				replays = replays.isEmpty() ? "" : ", " + replays;
				Workflows workflows = new Workflows(settings.context(db, ws, s.isSandbox()), s.systems());
				List<String> paused = new ArrayList<>();
				int writes = 0;
				for (String name : Workflows.NAMES) {
					if (monitor.isCanceled()) {
						cancelled = true;
						break;
					}
					setState(new State(Phase.RUNNING, "running " + label(name), null));
					monitor.subTask(label(name));
					Workflows.Pass p = workflows.runOnce(month, name);
					paused.addAll(p.skipped());
					writes += p.writes();
					monitor.worked(1);
				}
				sampleGauges(db, s);
				Instant next = started ? scheduleOnly(settings) : null;
				String at = next == null ? "" : "; next run at " + LocalTime.ofInstant(next, ZoneId.systemDefault())
						.format(HH_MM);
				if (!started) {
					setState(new State(Phase.STOPPED, "stopped", null));
				} else if (paused.size() == Workflows.NAMES.size()) {
					setState(new State(Phase.PAUSED, "paused (all four workflows)" + replays + at, next));
				} else if (cancelled) {
					setState(new State(Phase.IDLE, "idle, the last run was cancelled" + replays + at, next));
				} else {
					setState(new State(Phase.IDLE, String.format(Locale.ROOT, "idle, %d writes in the last run%s%s%s",
							writes, paused.isEmpty() ? "" : ", paused: " + String.join(", ", paused), replays, at),
							next));
				}
			} catch (ReadFailedException | RuntimeException | LinkageError e) {
				// a LinkageError: a shipped design that cannot be loaded fails its class's initialiser
				Throwable why = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
				fail(settings, why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage());
			} finally {
				monitor.done();
				if (!started) {
					closeSystems();
				}
			}
			return cancelled ? Status.CANCEL_STATUS : Status.OK_STATUS;
		}

		private void fail(EngineSettings settings, String why) {
			Instant next = started ? scheduleOnly(settings != null ? settings : EngineSettings.defaults()) : null;
			setState(new State(Phase.FAILED, "failed: " + why + (next == null ? "" : "; next run at "
					+ LocalTime.ofInstant(next, ZoneId.systemDefault()).format(HH_MM)), next));
		}
	}
}
