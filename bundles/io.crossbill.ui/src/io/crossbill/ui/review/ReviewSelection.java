package io.crossbill.ui.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

import io.crossbill.store.EngineDatabase;

/**
 * What the Review perspective's screens share: the {@link ReviewSession} under review (chosen in the Periods
 * view) and news that the review's own records (annotations, sign-offs, match decisions) changed. One instance
 * per workspace ({@link #of(Path, EngineDatabase)}), so the Periods, Reconciliation, Sign-off and KPI parts
 * see the same snapshot without knowing each other. Listeners are called on the UI thread.
 */
public final class ReviewSelection {

	private static final Map<Path, ReviewSelection> BY_WORKSPACE = new ConcurrentHashMap<>();

	private final Path workspace;
	private final EngineDatabase db;
	private final List<Consumer<ReviewSession>> sessionListeners = new CopyOnWriteArrayList<>();
	private final List<Runnable> recordListeners = new CopyOnWriteArrayList<>();
	private volatile ReviewSession current;
	private boolean loadingLatest;

	/** A selection of its own (a harness, a test); the workbench's parts share {@link #of}. */
	public ReviewSelection(Path workspace, EngineDatabase db) {
		this.workspace = workspace;
		this.db = db;
	}

	/** The selection shared by every review screen of a workspace. */
	public static ReviewSelection of(Path workspace, EngineDatabase db) {
		return BY_WORKSPACE.compute(workspace.toAbsolutePath().normalize(),
				(k, v) -> v != null && v.db == db ? v : new ReviewSelection(k, db));
	}

	/** The workspace whose snapshots are reviewed. */
	public Path workspace() {
		return workspace;
	}

	/** The engine's database, where the review's records are kept. */
	public EngineDatabase db() {
		return db;
	}

	/** The period under review, or {@code null} before one is chosen. */
	public ReviewSession current() {
		return current;
	}

	/** Who acts: the operating-system user, as the exception queue records it. */
	public String actor() {
		return System.getProperty("user.name", "analyst");
	}

	/** Reviews another session from now on; call on the UI thread. */
	public void select(ReviewSession session) {
		current = session;
		sessionListeners.forEach(l -> l.accept(session));
	}

	/** Says that annotations, sign-offs or decisions were recorded; call on the UI thread. */
	public void recordsChanged() {
		recordListeners.forEach(Runnable::run);
	}

	/** Called with the new session whenever another one is selected. */
	public void addSessionListener(Consumer<ReviewSession> l) {
		sessionListeners.add(l);
	}

	public void removeSessionListener(Consumer<ReviewSession> l) {
		sessionListeners.remove(l);
	}

	/** Called whenever the review's records change. */
	public void addRecordsListener(Runnable l) {
		recordListeners.add(l);
	}

	public void removeRecordsListener(Runnable l) {
		recordListeners.remove(l);
	}

	/**
	 * When nothing is selected yet, reconciles the newest snapshot of the newest period in a job and selects
	 * it; {@code problem} hears (on the UI thread) when there is none or it cannot be read. Does nothing when
	 * a session is selected or already being loaded.
	 */
	public synchronized void selectLatestIfNone(Display display, Consumer<String> problem) {
		if (current != null || loadingLatest) {
			return;
		}
		loadingLatest = true;
		Job job = Job.create("Reconciling the latest period snapshot", (IProgressMonitor monitor) -> {
			String message = null;
			Optional<ReviewSession> session = Optional.empty();
			try {
				session = ReviewSession.latest(workspace, db);
				if (session.isEmpty()) {
					message = "No period snapshot in this workspace yet: take one in the Periods view (or with"
							+ " ./crossbill snapshot --period YYYY-MM).";
				}
			} catch (Exception e) {
				message = "The latest snapshot could not be read: " + e.getMessage();
			}
			Optional<ReviewSession> found = session;
			String text = message;
			display.asyncExec(() -> {
				synchronized (this) {
					loadingLatest = false;
				}
				if (found.isPresent() && current == null) {
					select(found.get());
				} else if (text != null) {
					problem.accept(text);
				}
			});
			return Status.OK_STATUS;
		});
		job.setUser(false);
		job.schedule();
	}
}
