package io.crossbill.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.connect.hubspot.HubSpotConnection;
import io.crossbill.connect.xero.XeroClientCredentials;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.credentials.CredentialStore;
import io.crossbill.sandbox.HubSpotSandbox;
import io.crossbill.sandbox.XeroSandbox;
import io.crossbill.workflow.Systems;

/**
 * The systems the workflows of a workspace run against. {@code <workspace>/systems.json} names real ones:
 *
 * <pre>
 * {"hubspot": {"baseUrl": "https://api.hubapi.com"},
 *  "xero": {"accountingBaseUrl": "https://api.xero.com/api.xro/2.0",
 *           "projectsBaseUrl": "https://api.xero.com/projects.xro/2.0", "tenantId": "..."}}
 * </pre>
 *
 * Their credentials come from the workspace's secure storage (system {@code hubspot} key {@code token};
 * system {@code xero} key {@code token}, or keys {@code client_id} and {@code client_secret} for a custom
 * connection), set with {@code ./crossbill credentials set}; never from files or the command line. Without a
 * {@code systems.json} the workspace runs on the built-in sandbox: the demo firm's HubSpot, Xero Projects
 * and Xero Accounting on 127.0.0.1, the Xero organisation kept in {@code <workspace>/sandbox/xero.json}
 * between runs (the sandboxed HubSpot starts from the demo data each time). Expense reports (Xero Projects
 * has no expense API) are the CSV files in {@code <workspace>/expenses/}; on the sandbox, the demo firm's.
 */
final class ConfiguredSystems implements AutoCloseable {

	final Systems systems;
	final boolean sandbox;
	private final XeroSandbox xeroSandbox;
	private final HubSpotSandbox hubSpotSandbox;

	private ConfiguredSystems(Systems systems, XeroSandbox xero, HubSpotSandbox hubspot) {
		this.systems = systems;
		this.sandbox = xero != null;
		this.xeroSandbox = xero;
		this.hubSpotSandbox = hubspot;
	}

	static ConfiguredSystems open(Path workspace) {
		Path config = workspace.resolve("systems.json");
		if (!Files.isRegularFile(config)) {
			return sandbox(workspace);
		}
		JsonNode n;
		try {
			n = Json.MAPPER.readTree(config.toFile());
		} catch (IOException e) {
			throw new CliFailure(config + " is not valid JSON: " + e.getMessage());
		}
		JsonNode hs = n.path("hubspot");
		JsonNode x = n.path("xero");
		if (!hs.isObject() || !x.isObject() || x.path("tenantId").asText("").isBlank()) {
			throw new CliFailure(config + " must name \"hubspot\" and \"xero\" (with its \"tenantId\"); see README.");
		}
		CredentialStore store = CredentialStore.open(workspace);
		Supplier<String> hubspotToken = token(store, "hubspot", "CROSSBILL_HUBSPOT_TOKEN");
		Supplier<String> xeroToken;
		Optional<char[]> clientId = store.get("xero", "client_id");
		if (clientId.isPresent()) {
			char[] secret = store.get("xero", "client_secret").orElseThrow(() -> new CliFailure("The secure storage has"
					+ " a Xero client_id but no client_secret; set it with ./crossbill credentials set xero client_secret."));
			xeroToken = XeroClientCredentials.xero(new String(clientId.get()), secret,
					x.path("scope").asText(null));
		} else {
			xeroToken = token(store, "xero", "CROSSBILL_XERO_TOKEN");
		}
		XeroConnection xc = new XeroConnection(URI.create(x.path("accountingBaseUrl").asText(
				XeroConnection.XERO_ACCOUNTING.toString())), URI.create(x.path("projectsBaseUrl").asText(
						XeroConnection.XERO_PROJECTS.toString())), x.path("tenantId").asText(), xeroToken);
		HubSpotConnection hc = new HubSpotConnection(URI.create(hs.path("baseUrl").asText("https://api.hubapi.com")),
				hubspotToken);
		return new ConfiguredSystems(Systems.connect(hc, xc).withExpenses(Systems.expensesFrom(expenseFiles(workspace))),
				null, null);
	}

	/** The expense tool's exports: every {@code *.csv} in {@code <workspace>/expenses/}. */
	private static java.util.List<Path> expenseFiles(Path workspace) {
		Path folder = workspace.resolve("expenses");
		if (!Files.isDirectory(folder)) {
			return java.util.List.of();
		}
		try (var files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
					.sorted().toList();
		} catch (IOException e) {
			throw new CliFailure("could not list the expense files in " + folder + ": " + e.getMessage());
		}
	}

	private static Supplier<String> token(CredentialStore store, String system, String env) {
		Optional<char[]> stored = store.get(system, "token");
		if (stored.isPresent()) {
			String t = new String(stored.get());
			return () -> t;
		}
		String fromEnv = System.getenv(env);
		if (fromEnv != null && !fromEnv.isBlank()) {
			return () -> fromEnv;
		}
		throw new CliFailure("No credentials for " + system + ": set them with ./crossbill credentials set " + system
				+ " token (or the " + env + " environment variable).");
	}

	private static ConfiguredSystems sandbox(Path workspace) {
		try {
			Path state = workspace.resolve("sandbox").resolve("xero.json");
			XeroSandbox xero = XeroSandbox.builder().stateFile(state).limits(5, 100_000, 1_000_000).build().start();
			HubSpotSandbox hubspot = HubSpotSandbox.builder().build().start();
			XeroConnection xc = new XeroConnection(xero.accountingBaseUrl(), xero.projectsBaseUrl(), xero.tenantId(),
					xero::token);
			return new ConfiguredSystems(Systems.connect(new HubSpotConnection(hubspot.baseUrl(), hubspot::token), xc)
					.withExpenses(Systems.expensesFrom(XeroSandbox::demoExpenses, "expenses-2026-11.csv")), xero,
					hubspot);
		} catch (IOException e) {
			throw new CliFailure("the built-in sandbox could not start: " + e.getMessage());
		}
	}

	@Override
	public void close() {
		if (xeroSandbox != null) {
			xeroSandbox.saveState();
			xeroSandbox.close();
		}
		if (hubSpotSandbox != null) {
			hubSpotSandbox.close();
		}
	}
}
