package io.crossbill.cli;

import picocli.CommandLine.Command;

/** {@code crossbill exceptions ...}: the exception queue from the command line. */
@Command(name = "exceptions", description = "List, show, retry, replay or resolve the engine's exceptions.",
		mixinStandardHelpOptions = true, subcommands = {ListExceptions.class, ShowException.class,
				RetryExceptions.class, ReplayExceptions.class, ResolveExceptions.class})
final class ExceptionsCommand extends WorkspaceCommand implements Runnable {

	@Override
	public void run() {
		spec.commandLine().usage(out());
	}
}
