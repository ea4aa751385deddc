package io.crossbill.ui.engine;

import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.exceptions.ActionOutcome;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.engine.exceptions.NextRun;
import io.crossbill.engine.exceptions.OutboxLocator;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.PendingReplays;
import io.crossbill.store.ReplayQueueDrainer;
import io.crossbill.store.StoredException;
import io.crossbill.workflow.WorkspaceSystems;

/**
 * The engine's side of "Retry when online": at the start of a run, when retries or replays are queued
 * ({@link PendingReplays}) and every system answers a cheap read, runs them through the exception queue's
 * {@link ExceptionActions} as the analyst who queued each, and records how each went. When a system does not
 * answer, nothing is run and the requests keep waiting.
 * <p>
 * The actions are built as the exception queue part builds them (the {@link WorkspaceWorkflows}, the outbox of
 * the database), except that a saga workflow's exception is taken up by the run that is starting, not by a new
 * one: a received record is re-run through its ingest workflow, a failed delivery goes back to the outbox for
 * this run's delivery, and a saga exception is marked RETRYING for this run. A request that fails stays
 * visible as FAILED with the reason and can be queued again.
 */
public final class QueuedReplays {

	/**
	 * The saga workflows take an exception's business key up again in the run that drains the queue, so nothing
	 * needs to be asked for (as {@link EngineRetries} decides which exceptions they take up).
	 */
	private static final NextRun THIS_RUN = new NextRun() {
		@Override
		public boolean takesUp(StoredException e) {
			return io.crossbill.workflow.Workflows.NAMES.contains(e.workflow()) && !ExceptionActions.isIngestFailure(e);
		}

		@Override
		public String request(String workflow) {
			return "in the run starting now";
		}
	};

	private QueuedReplays() {
	}

	/**
	 * Runs the queued requests if there are any and the systems answer.
	 *
	 * @return what was done, in words for the engine's status ("2 queued replays run"); empty when nothing was
	 *         queued
	 */
	public static String drain(EngineDatabase db, WorkspaceSystems systems, BooleanSupplier cancelled) {
		PendingReplays queue = new PendingReplays(db);
		int waiting = queue.pending().size();
		if (waiting == 0) {
			return "";
		}
		for (String system : WorkspaceSystems.NAMES) {
			WorkspaceSystems.ConnectionTest t = systems.testConnection(system);
			if (!t.ok()) {
				return waiting + (waiting == 1 ? " queued retry waits" : " queued retries wait") + " (" + system
						+ " did not answer)";
			}
		}
		return new ReplayQueueDrainer(queue, runner(db)).drain(cancelled).describe();
	}

	/** Runs one queued request through the exception queue's actions, as the analyst who queued it. */
	public static Function<PendingReplays.Request, ReplayQueueDrainer.Outcome> runner(EngineDatabase db) {
		return r -> {
			ExceptionActions actions = new ExceptionActions(db, WorkspaceWorkflows.all(), OutboxLocator.of(db),
					THIS_RUN, r.requestedBy());
			ActionOutcome o = r.action() == PendingReplays.Action.RETRY ? actions.retry(r.exceptionId(), false)
					: actions.replay(r.exceptionId(), r.payload(), false);
			return outcomeOf(o);
		};
	}

	/**
	 * How an action's outcome counts for a queued request: done when it was written (resolved, put back for
	 * delivery, or marked for this run) or there was nothing left to do (resolved, or being retried, meanwhile);
	 * failed when it was refused for another reason or the record failed again.
	 */
	public static ReplayQueueDrainer.Outcome outcomeOf(ActionOutcome o) {
		if (o.refused()) {
			if (o.before() == ExceptionState.RESOLVED) {
				return ReplayQueueDrainer.Outcome.done("Nothing to do: the exception had been resolved before the"
						+ " queued " + o.action() + " ran.");
			}
			if (o.before() == ExceptionState.RETRYING) {
				return ReplayQueueDrainer.Outcome.done("Nothing to do: the exception was being retried already. "
						+ o.message());
			}
			return ReplayQueueDrainer.Outcome.failed(o.message());
		}
		if (o.after() == ExceptionState.OPEN || o.after() == ExceptionState.DEAD) {
			return ReplayQueueDrainer.Outcome.failed(o.message());
		}
		return ReplayQueueDrainer.Outcome.done(o.message());
	}
}
