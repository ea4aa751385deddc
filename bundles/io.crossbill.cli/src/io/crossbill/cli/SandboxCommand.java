package io.crossbill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.crossbill.sandbox.HubSpotSandbox;
import io.crossbill.sandbox.XeroSandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./crossbill sandbox}: serves the built-in HubSpot CRM, Xero Accounting and Xero Projects on
 * 127.0.0.1 with the seeded demo firm (or an organisation from a seed file) until the process is stopped.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
		description = "Serve the built-in HubSpot CRM, Xero Accounting and Xero Projects on 127.0.0.1 until stopped"
				+ " (Ctrl-C).")
final class SandboxCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Option(names = "--accounting-port", paramLabel = "PORT", description = "Port of Xero Accounting (default: a free one).")
	int accountingPort;

	@Option(names = "--projects-port", paramLabel = "PORT", description = "Port of Xero Projects (default: a free one).")
	int projectsPort;

	@Option(names = "--hubspot-port", paramLabel = "PORT", description = "Port of HubSpot (default: a free one).")
	int hubspotPort;

	@Option(names = "--seed", paramLabel = "FILE", description = "Start Xero from this JSON file (format:"
			+ " crossbill-xero-sandbox/1, see the sandbox README) instead of the demo firm.")
	Path seedFile;

	@Option(names = "--demo-seed", paramLabel = "N", description = "Seed of the generated demo firm (default:"
			+ " ${DEFAULT-VALUE}).")
	long seed = XeroSandbox.DEFAULT_SEED;

	@Option(names = "--save", paramLabel = "FILE", description = "When stopped, write the Xero organisation to this"
			+ " file (in the --seed format), so a later run can start from it.")
	Path saveFile;

	@Override
	public void run() {
		var out = spec.commandLine().getOut();
		if (seedFile != null && !Files.isRegularFile(seedFile)) {
			throw new CliFailure("There is no seed file " + seedFile.toAbsolutePath() + ".", 2);
		}
		CountDownLatch stopped = new CountDownLatch(1);
		XeroSandbox.Builder xb = XeroSandbox.builder().accountingPort(accountingPort).projectsPort(projectsPort)
				.seed(seed);
		if (seedFile != null) {
			xb.seedFile(seedFile);
		}
		XeroSandbox built;
		try {
			built = xb.build();
		} catch (IllegalArgumentException e) {
			throw new CliFailure(e.getMessage(), 2);
		}
		try (XeroSandbox xero = built.start();
				HubSpotSandbox hubspot = HubSpotSandbox.builder().port(hubspotPort).seed(seed).build().start()) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				if (saveFile != null) {
					xero.saveState(saveFile);
				}
				stopped.countDown();
			}, "crossbill-sandbox-stop"));
			out.println("HubSpot CRM:     " + hubspot.baseUrl());
			out.println("  Authorization: Bearer " + hubspot.token());
			out.println("Xero Accounting: " + xero.accountingBaseUrl());
			out.println("Xero Projects:   " + xero.projectsBaseUrl());
			out.println("  Authorization: Bearer " + xero.token());
			out.println("  Xero-Tenant-Id: " + xero.tenantId());
			out.println("Seeded:          Xero " + xero.counts() + ", HubSpot " + hubspot.counts());
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
