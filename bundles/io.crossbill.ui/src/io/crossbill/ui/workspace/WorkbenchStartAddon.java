package io.crossbill.ui.workspace;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.ui.engine.EngineRetries;

/**
 * Starts the workbench's engine: installs the progress provider the status line shows, creates the demo on a
 * new workspace ({@link FirstStart}) and starts the {@link EmbeddedEngine}. With the system property
 * {@code crossbill.engine.autostart=false} the engine waits to be started (tests that need a quiet database).
 * Declared as an addon in Application.e4xmi.
 */
public class WorkbenchStartAddon {

	@PostConstruct
	public void start() {
		JobProgress.install();
		// closes the exceptions a retry handed to the engine after each run, also when the queue was never opened
		EngineRetries.workbench();
		if (!Boolean.parseBoolean(System.getProperty("crossbill.engine.autostart", "true"))) {
			return;
		}
		EmbeddedEngine engine = EmbeddedEngine.workbench();
		if (FirstStart.needed(engine.workspace())) {
			FirstStart.schedule(engine);
		} else {
			engine.start();
		}
	}

	@PreDestroy
	public void stop() {
		EmbeddedEngine.workbench().stop();
	}
}
