package io.crossbill.ui.workspace;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import io.crossbill.engine.api.ExceptionState;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.ui.monitor.BackgroundRefresh;

/**
 * The status line's controls: the perspective, "Engine: idle, next run at 10:15", "Open exceptions: 11",
 * the latest running job with its progress bar and a Cancel button (hidden when nothing runs), and the
 * workspace folder. The exception count is read off the UI thread every five seconds.
 */
public final class StatusLineView {

	private final Composite line;
	private final Label perspective;
	private final Label engineState;
	private final Label exceptions;
	private final Composite jobArea;
	private final Label jobText;
	private final ProgressBar bar;
	private final Button cancel;
	private final JobProgress progress;
	private final EmbeddedEngine engine;
	private final Runnable progressListener;
	private final Consumer<EmbeddedEngine.State> engineListener;
	private JobProgress.Running shown;

	/**
	 * @param database the engine's database, or empty when it cannot be opened (the count then says so)
	 */
	public StatusLineView(Composite parent, EmbeddedEngine engine, JobProgress progress,
			Supplier<Optional<EngineDatabase>> database, String workspaceFolder) {
		this.engine = engine;
		this.progress = progress;
		line = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(5, false);
		layout.marginHeight = 2;
		layout.marginWidth = 6;
		layout.horizontalSpacing = 24;
		line.setLayout(layout);

		perspective = new Label(line, SWT.NONE);
		perspective.setText("Design");
		perspective.setLayoutData(new GridData(90, SWT.DEFAULT));

		engineState = new Label(line, SWT.NONE);
		engineState.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
		engineState.setToolTipText("The embedded engine runs the workflows every poll interval (Window > Preferences...)");

		exceptions = new Label(line, SWT.NONE);
		exceptions.setText("Open exceptions: ...");
		exceptions.setLayoutData(new GridData(150, SWT.DEFAULT));

		jobArea = new Composite(line, SWT.NONE);
		GridLayout jl = new GridLayout(3, false);
		jl.marginHeight = 0;
		jl.marginWidth = 0;
		jobArea.setLayout(jl);
		jobArea.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
		jobText = new Label(jobArea, SWT.NONE);
		jobText.setLayoutData(new GridData(300, SWT.DEFAULT));
		bar = new ProgressBar(jobArea, SWT.HORIZONTAL | SWT.SMOOTH);
		bar.setLayoutData(new GridData(140, SWT.DEFAULT));
		cancel = new Button(jobArea, SWT.PUSH);
		cancel.setText("Cancel");
		cancel.setToolTipText("Stop this task; work already done is kept");
		cancel.addListener(SWT.Selection, e -> {
			if (shown != null) {
				shown.job().cancel();
				jobText.setText(shown.task() + ": cancelling...");
			}
		});

		Label workspace = new Label(line, SWT.NONE);
		workspace.setText("Workspace: " + workspaceFolder);

		Display display = line.getDisplay();
		progressListener = () -> display.asyncExec(this::showJobs);
		progress.addListener(progressListener);
		engineListener = s -> display.asyncExec(() -> showEngine(s));
		engine.addListener(engineListener);
		line.addDisposeListener(e -> {
			progress.removeListener(progressListener);
			engine.removeListener(engineListener);
		});
		showEngine(engine.state());
		showJobs();

		new BackgroundRefresh<String>(line, "crossbill-status-exceptions", () -> database.get()
				.map(db -> "Open exceptions: " + db.exceptions().count(ExceptionFilter.all()
						.withState(ExceptionState.OPEN)))
				.orElse("Open exceptions: (no database)"), text -> {
					exceptions.setText(text);
					line.layout(true, true);
				}, e -> exceptions.setText("Open exceptions: (cannot be read)")).every(5_000);
	}

	/** Shows the active perspective's name. */
	public void showPerspective(String label) {
		if (!perspective.isDisposed()) {
			perspective.setText(label);
			line.layout(true, true);
		}
	}

	/** The text of the engine's state as shown. */
	public String engineText() {
		return engineState.getText();
	}

	/** The running job's text as shown, empty when none. */
	public String jobText() {
		return jobArea.getVisible() ? jobText.getText() : "";
	}

	/** The composite, for screenshots. */
	public Composite control() {
		return line;
	}

	private void showEngine(EmbeddedEngine.State s) {
		if (engineState.isDisposed()) {
			return;
		}
		engineState.setText("Engine: " + s.text());
		engineState.setToolTipText("Engine: " + s.text());
		line.layout(true, true);
	}

	private void showJobs() {
		if (line.isDisposed()) {
			return;
		}
		List<JobProgress.Running> running = progress.running();
		shown = running.isEmpty() ? null : running.get(0);
		jobArea.setVisible(shown != null);
		((GridData) jobArea.getLayoutData()).exclude = shown == null;
		if (shown != null) {
			String more = running.size() > 1 ? " (+" + (running.size() - 1) + " more)" : "";
			jobText.setText(shown.text() + more);
			jobText.setToolTipText(shown.text() + more);
			if (shown.percent() < 0) {
				bar.setMaximum(100);
				bar.setSelection(0);
			} else {
				bar.setSelection(shown.percent());
			}
			cancel.setEnabled(shown.job().getState() == org.eclipse.core.runtime.jobs.Job.RUNNING);
		}
		line.layout(true, true);
	}
}
