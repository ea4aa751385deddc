package io.crossbill.cli;

import io.crossbill.engine.IngestOptions;
import io.crossbill.engine.bench.TimeEntryValidator;
import io.crossbill.engine.bench.XeroTimeEntryMapper;
import io.crossbill.engine.exceptions.Workflow;
import io.crossbill.engine.exceptions.Workflows;

/**
 * The workflows the command line can re-run records through. For now the one the engine ships, Xero time
 * entries to billing, with its hand-written mapper and validator; when workflows are configured per
 * workspace (compiled mapping designs) they are read from there instead.
 */
final class InstalledWorkflows {

	private InstalledWorkflows() {
	}

	static Workflows all() {
		return Workflows.of(new Workflow(IngestOptions.of("time-to-billing", "TimeEntry", "erp", "TimeEntry"),
				new XeroTimeEntryMapper(), new TimeEntryValidator()));
	}
}
