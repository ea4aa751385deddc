package io.crossbill.ui.monitor;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Runs a view's database query on a thread of its own, now and then every few seconds, and hands the
 * result to the view on the UI thread; the UI never waits for the database. One query at a time: the next
 * starts a fixed delay after the last one ended, so a slow database slows the refresh, never piles it up.
 * Stops when the owning control is disposed.
 *
 * @param <T> what the query returns
 */
public final class BackgroundRefresh<T> {

	private ScheduledFuture<?> schedule;
	private final Control owner;
	private final Display display;
	private final Supplier<T> query;
	private final Consumer<T> show;
	private final Consumer<RuntimeException> fail;
	private final ScheduledExecutorService executor;

	/**
	 * @param owner the view; the refresh stops when it is disposed
	 * @param name  the thread's name, seen in thread dumps
	 * @param query the work, run off the UI thread
	 * @param show  what to do with the result, run on the UI thread while the owner is alive
	 * @param fail  what to do when the query fails, run on the UI thread while the owner is alive
	 */
	public BackgroundRefresh(Control owner, String name, Supplier<T> query, Consumer<T> show,
			Consumer<RuntimeException> fail) {
		this.owner = owner;
		this.display = owner.getDisplay();
		this.query = query;
		this.show = show;
		this.fail = fail;
		this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		});
		owner.addDisposeListener(e -> executor.shutdownNow());
	}

	/** Runs the query now and then every {@code millis} after each run ends (instead of any earlier period). */
	public synchronized void every(long millis) {
		if (schedule != null) {
			schedule.cancel(false);
		}
		try {
			schedule = executor.scheduleWithFixedDelay(this::runOnce, 0, millis, TimeUnit.MILLISECONDS);
		} catch (RejectedExecutionException disposed) {
			// the view is gone
		}
	}

	/** Runs the query once, as soon as the thread is free (e.g. after the user changed a filter). */
	public void now() {
		try {
			executor.execute(this::runOnce);
		} catch (RejectedExecutionException disposed) {
			// the view is gone
		}
	}

	private void runOnce() {
		T result;
		try {
			result = query.get();
		} catch (RuntimeException e) {
			deliver(() -> fail.accept(e));
			return;
		}
		deliver(() -> show.accept(result));
	}

	private void deliver(Runnable onUi) {
		if (display.isDisposed()) {
			return;
		}
		display.asyncExec(() -> {
			if (!owner.isDisposed()) {
				onUi.run();
			}
		});
	}
}
