package io.crossbill.ui.engine;

import java.util.Optional;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;

import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.engine.exceptions.NextRun;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.Sagas;
import io.crossbill.store.StoredException;
import io.crossbill.workflow.Workflows;

/**
 * Retries of the saga workflows' exceptions in the workbench. The saga workflows read their sources again at
 * every run and take a deal, invoice or customer up again once its exception is RETRYING; so a retry marks
 * the exception RETRYING ({@link ExceptionActions} with this as its {@link NextRun}) and asks the
 * {@link EmbeddedEngine} for a run now, or right after the run going now.
 * <p>
 * The workflows do not close the exception they took up again; this does after every run of the engine
 * (also the scheduled ones), as actor {@code engine}, in history and audit: an exception whose saga is now
 * done is resolved; one whose saga stopped again with a new exception is resolved as superseded by that one,
 * which says why. Any other stays RETRYING for the next run.
 */
public final class EngineRetries implements NextRun {

	private static final int MAX_SETTLED = 10_000;
	private static EngineRetries workbench;

	private final EmbeddedEngine engine;
	private boolean runAgain;

	/** Retries through {@code engine}, settled after each of its runs. */
	public EngineRetries(EmbeddedEngine engine) {
		this.engine = engine;
		engine.job().addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				afterRun();
			}
		});
	}

	/** The retries of this workbench's engine ({@link EmbeddedEngine#workbench()}). */
	public static synchronized EngineRetries workbench() {
		if (workbench == null) {
			workbench = new EngineRetries(EmbeddedEngine.workbench());
		}
		return workbench;
	}

	@Override
	public boolean takesUp(StoredException e) {
		return Workflows.NAMES.contains(e.workflow()) && !ExceptionActions.isIngestFailure(e);
	}

	@Override
	public synchronized String request(String workflow) {
		if (engine.job().getState() == Job.RUNNING) {
			runAgain = true;
			return "right after the run going now";
		}
		engine.runNow();
		return "now (the engine runs the workflows)";
	}

	private void afterRun() {
		try {
			settle(engine.database());
		} catch (RuntimeException e) {
			// the database is closing (workbench shut down): the next run settles them
		}
		boolean again;
		synchronized (this) {
			again = runAgain;
			runAgain = false;
		}
		if (again) {
			engine.runNow();
		}
	}

	/**
	 * Closes the RETRYING exceptions of the saga workflows whose saga got on: done, or stopped again with a new
	 * exception.
	 *
	 * @return how many were closed
	 */
	public int settle(EngineDatabase db) {
		int settled = 0;
		for (String workflow : Workflows.NAMES) {
			for (StoredException e : db.exceptions().find(ExceptionFilter.all().withWorkflow(workflow)
					.withState(ExceptionState.RETRYING).withLimit(MAX_SETTLED))) {
				if (!takesUp(e) || e.businessKey() == null) {
					continue;
				}
				Optional<Sagas.Saga> saga = db.sagas().find(workflow, e.businessKey());
				if (saga.isEmpty()) {
					continue;
				}
				Sagas.Saga s = saga.get();
				if (s.state() == Sagas.State.DONE) {
					db.exceptions().changeState(e.id(), ExceptionState.RESOLVED, "retry-ok", "engine",
							"workflow " + workflow + " took " + e.businessKey() + " up again and finished it");
					settled++;
				} else if (s.exceptionId() != null && s.exceptionId() != e.id()) {
					db.exceptions().changeState(e.id(), ExceptionState.RESOLVED, "retry-failed", "engine",
							"workflow " + workflow + " took " + e.businessKey() + " up again and it stopped again;"
									+ " exception " + s.exceptionId() + " says why");
					settled++;
				}
			}
		}
		return settled;
	}
}
