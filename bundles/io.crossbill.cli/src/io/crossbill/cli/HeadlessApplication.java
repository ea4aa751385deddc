package io.crossbill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.service.datalocation.Location;

import picocli.CommandLine;

/**
 * The headless entry point: {@code ./crossbill <command>} starts the same OSGi installation as the
 * workbench, but with this application instead of the e4 one, so no display is needed.
 */
public class HeadlessApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
				new String[0]);
		context.applicationRunning();
		return run(workspace(), args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
	}

	/** Runs one command line; returns the process exit code. Kept static so tests can call it. */
	public static int run(Path workspace, String[] args, PrintWriter out, PrintWriter err) {
		CommandLine cli = CrossbillCommand.commandLine(workspace);
		cli.setOut(out);
		cli.setErr(err);
		return cli.execute(args);
	}

	@Override
	public void stop() {
		// commands are short-lived and run to completion on the launcher thread
	}

	private static Path workspace() {
		Location instance = Platform.getInstanceLocation();
		if (instance == null || instance.getURL() == null) {
			return Path.of(System.getProperty("user.home"), ".crossbill");
		}
		return Path.of(instance.getURL().getPath());
	}
}
