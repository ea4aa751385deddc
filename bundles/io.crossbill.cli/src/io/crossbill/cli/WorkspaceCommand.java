package io.crossbill.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the workspace the application was started with. */
abstract class WorkspaceCommand {

	@Spec
	CommandSpec spec;

	Workspace workspace() {
		return new Workspace(((CrossbillCommand) spec.root().userObject()).workspace);
	}

	/** The workspace's workflow settings ({@code workflows.json} over the defaults); a bad file is misuse (2). */
	io.crossbill.workflow.WorkflowSettings settings() {
		try {
			return io.crossbill.workflow.WorkflowSettings.load(workspace().folder());
		} catch (IllegalArgumentException e) {
			throw new CliFailure(e.getMessage(), 2);
		}
	}

	/** A {@code --period} value; anything but YYYY-MM is misuse (2). */
	static java.time.YearMonth period(String text) {
		try {
			return java.time.YearMonth.parse(text);
		} catch (RuntimeException e) {
			throw new CliFailure("--period must be YYYY-MM, not '" + text + "'.", 2);
		}
	}

	PrintWriter out() {
		return spec.commandLine().getOut();
	}
}
