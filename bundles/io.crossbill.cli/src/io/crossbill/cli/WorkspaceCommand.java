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

	PrintWriter out() {
		return spec.commandLine().getOut();
	}
}
