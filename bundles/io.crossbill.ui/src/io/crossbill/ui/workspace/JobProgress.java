package io.crossbill.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.ProgressProvider;

/**
 * The progress of the workbench's running jobs, for the status line: the job manager asks this provider for
 * each job's progress monitor, and it keeps what every running job (not a system job) last reported: its
 * task, sub-task and how far it is. Listeners hear of every change on the reporting job's thread.
 */
public final class JobProgress extends ProgressProvider {

	/**
	 * What one running job reported.
	 *
	 * @param job     the job (to cancel it)
	 * @param task    the task it began ("Running the workflows for 2026-11"), or the job's name
	 * @param subTask what it is doing now, or empty
	 * @param percent how far it is, 0-100; -1 when it does not know
	 */
	public record Running(Job job, String task, String subTask, int percent) {

		/** The task and sub-task in one line. */
		public String text() {
			return subTask.isEmpty() ? task : task + ": " + subTask;
		}
	}

	private static JobProgress installed;

	private final Map<Job, Monitor> running = new ConcurrentHashMap<>();
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
	private final AtomicLong order = new AtomicLong();

	private JobProgress() {
	}

	/** The provider of this workbench, made the job manager's on first use. */
	public static synchronized JobProgress install() {
		if (installed == null) {
			installed = new JobProgress();
			Job.getJobManager().setProgressProvider(installed);
			Job.getJobManager().addJobChangeListener(new JobChangeAdapter() {
				@Override
				public void done(IJobChangeEvent event) {
					installed.finished(event.getJob());
				}
			});
		}
		return installed;
	}

	@Override
	public IProgressMonitor createMonitor(Job job) {
		if (job.isSystem()) {
			return new NullProgressMonitor();
		}
		return new Monitor(job);
	}

	/** The running jobs, the latest started first. */
	public List<Running> running() {
		List<Monitor> ms = new ArrayList<>(running.values());
		ms.sort((a, b) -> Long.compare(b.started, a.started));
		return ms.stream().map(Monitor::snapshot).toList();
	}

	/** Tells {@code listener} of every change (a job began, reported progress or ended). */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	private void finished(Job job) {
		if (running.remove(job) != null) {
			changed();
		}
	}

	private void changed() {
		for (Runnable l : listeners) {
			l.run();
		}
	}

	/** The monitor of one job: remembers what it reported and passes cancellation on. */
	private final class Monitor extends NullProgressMonitor {
		private final Job job;
		private final long started = order.incrementAndGet();
		private volatile String task;
		private volatile String subTask = "";
		private volatile int total = IProgressMonitor.UNKNOWN;
		private volatile double done;

		Monitor(Job job) {
			this.job = job;
			this.task = job.getName();
		}

		Running snapshot() {
			int percent = total <= 0 ? -1 : (int) Math.min(100, Math.round(done * 100 / total));
			return new Running(job, task, subTask, percent);
		}

		@Override
		public void beginTask(String name, int totalWork) {
			task = name == null || name.isBlank() ? job.getName() : name;
			total = totalWork;
			done = 0;
			running.put(job, this);
			changed();
		}

		@Override
		public void setTaskName(String name) {
			task = name;
			changed();
		}

		@Override
		public void subTask(String name) {
			subTask = name == null ? "" : name;
			running.putIfAbsent(job, this);
			changed();
		}

		@Override
		public void internalWorked(double work) {
			done += work;
			changed();
		}

		@Override
		public void worked(int work) {
			internalWorked(work);
		}

		@Override
		public void done() {
			running.remove(job);
			changed();
		}
	}
}
