package io.crossbill.cli;

import java.util.concurrent.CountDownLatch;

import io.crossbill.sandbox.XeroSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./crossbill sandbox}: serves the built-in Xero Accounting and Xero Projects sandbox on
 * 127.0.0.1 with the seeded demo firm until the process is stopped (Ctrl-C).
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
		description = "Serve the built-in Xero Accounting and Xero Projects sandbox on 127.0.0.1 until stopped (Ctrl-C).")
final class SandboxCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Option(names = "--accounting-port", paramLabel = "PORT", description = "Port of Xero Accounting (default: a free one).")
	int accountingPort;

	@Option(names = "--projects-port", paramLabel = "PORT", description = "Port of Xero Projects (default: a free one).")
	int projectsPort;

	@Option(names = "--seed", paramLabel = "N", description = "Seed of the demo firm (default: ${DEFAULT-VALUE}).")
	long seed = XeroSandbox.DEFAULT_SEED;

	@Override
	public void run() {
		var out = spec.commandLine().getOut();
		CountDownLatch stopped = new CountDownLatch(1);
		try (XeroSandbox sandbox = XeroSandbox.builder().accountingPort(accountingPort).projectsPort(projectsPort)
				.seed(seed).build().start()) {
			Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "crossbill-sandbox-stop"));
			out.println("Xero Accounting: " + sandbox.accountingBaseUrl());
			out.println("Xero Projects:   " + sandbox.projectsBaseUrl());
			out.println("Authorization:   Bearer " + sandbox.token());
			out.println("Xero-Tenant-Id:  " + sandbox.tenantId());
			out.println("Seeded:          " + sandbox.counts());
			out.println("Serving until stopped (Ctrl-C).");
			out.flush();
			stopped.await();
		} catch (java.io.IOException e) {
			throw new CliFailure("the sandbox could not start: " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
