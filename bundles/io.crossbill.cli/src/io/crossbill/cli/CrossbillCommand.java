package io.crossbill.cli;

import java.nio.file.Path;

import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code ./crossbill}'s headless commands. Errors are one clear line and a non-zero exit. */
@Command(name = "crossbill", mixinStandardHelpOptions = true, versionProvider = CrossbillCommand.BundleVersion.class,
		description = "Crossbill's headless engine commands.",
		subcommands = { DemoCommand.class, RunCommand.class, WorkflowsCommand.class, ReconcileCommand.class, DesignsCommand.class,
				SnapshotCommand.class, SeedExceptionsCommand.class,
				ExceptionsCommand.class,
				AuditCommand.class, BenchCommand.class, SandboxCommand.class, CredentialsCommand.class })
public class CrossbillCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	final Path workspace;

	CrossbillCommand(Path workspace) {
		this.workspace = workspace;
	}

	static CommandLine commandLine(Path workspace) {
		CommandLine cli = new CommandLine(new CrossbillCommand(workspace));
		cli.setCaseInsensitiveEnumValuesAllowed(true);
		// one line and an exit code, never a stack trace: 1 when the command failed, 2 when it was misused
		cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			commandLine.getErr().println("crossbill: " + oneLine(e));
			return e instanceof CliFailure failure ? failure.exitCode() : 1;
		});
		cli.setParameterExceptionHandler((e, args) -> {
			CommandLine where = e.getCommandLine();
			where.getErr().println("crossbill: " + oneLine(e) + " (see '" + where.getCommandSpec().qualifiedName()
					+ " --help')");
			return 2;
		});
		return cli;
	}

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "version", description = "Print the version of the installed engine, with its build qualifier.")
	void version() {
		var bundle = FrameworkUtil.getBundle(CrossbillCommand.class);
		spec.commandLine().getOut().println("Crossbill " + (bundle == null ? "(not installed)" : bundle.getVersion()));
	}

	static String oneLine(Throwable e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.replace('\n', ' ');
	}

	static final class BundleVersion implements IVersionProvider {
		@Override
		public String[] getVersion() {
			var bundle = FrameworkUtil.getBundle(CrossbillCommand.class);
			Version v = bundle == null ? Version.emptyVersion : bundle.getVersion();
			return new String[] { "Crossbill " + v.getMajor() + "." + v.getMinor() + "." + v.getMicro() };
		}
	}
}
