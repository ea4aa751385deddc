package io.crossbill.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.crossbill.credentials.CredentialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./crossbill credentials}: keeps the systems' credentials in the workspace's Eclipse secure storage.
 * A secret is read from the terminal without echo, or from standard input - never from the command line,
 * where other users could see it.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true, description = "Keep the systems' credentials in"
		+ " the workspace's secure storage (values are read from the terminal or standard input, never arguments).")
final class CredentialsCommand extends WorkspaceCommand {

	@Command(name = "set", description = "Store a secret, e.g. 'credentials set xero token' or 'credentials set"
			+ " hubspot token'; the value is read from the terminal without echo, or from standard input.")
	int set(@Parameters(index = "0", paramLabel = "SYSTEM") String system,
			@Parameters(index = "1", paramLabel = "KEY") String key) throws IOException {
		char[] secret;
		Console console = System.console();
		if (console != null) {
			secret = console.readPassword("%s %s: ", system, key);
		} else {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			secret = line == null ? new char[0] : line.strip().toCharArray();
		}
		if (secret == null || secret.length == 0) {
			throw new CliFailure("No value was given for " + system + " " + key + "; nothing was stored.", 2);
		}
		try {
			CredentialStore.open(workspace().folder()).put(system, key, secret);
		} finally {
			Arrays.fill(secret, '\0');
		}
		out().println("Stored " + system + " " + key + " in the secure storage of " + workspace().folder() + ".");
		return 0;
	}

	@Command(name = "list", description = "List the stored credentials by system and key (never their values).")
	int list() {
		CredentialStore store = CredentialStore.open(workspace().folder());
		for (String system : store.systems()) {
			out().println(system + ": " + String.join(", ", store.keys(system)));
		}
		return 0;
	}

	@Command(name = "remove", description = "Remove a stored credential.")
	int remove(@Parameters(index = "0", paramLabel = "SYSTEM") String system,
			@Parameters(index = "1", paramLabel = "KEY") String key) {
		boolean removed = CredentialStore.open(workspace().folder()).remove(system, key);
		out().println(removed ? "Removed " + system + " " + key + "." : "There was no " + system + " " + key + ".");
		return 0;
	}
}
