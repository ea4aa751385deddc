package io.crossbill.ui.workspace;

import java.nio.file.Path;

import io.crossbill.credentials.CredentialStore;
import io.crossbill.workflow.WorkspaceSystems;

/**
 * What the Systems view may do with the workspace's secure storage: say whether a connection has
 * credentials and store a new secret. It never reads a secret back.
 */
public interface CredentialsAccess {

	/** "set" or "missing" for a connection ({@code hubspot}, {@code xero}); the reason when unreadable. */
	String state(String system);

	/** Stores one secret; the array is wiped afterwards. */
	void put(String system, String key, char[] secret);

	/** The workspace's own secure storage ({@link CredentialStore}), opened on each use. */
	static CredentialsAccess of(Path workspace) {
		return new CredentialsAccess() {
			@Override
			public String state(String system) {
				try {
					return WorkspaceSystems.credentialsSet(CredentialStore.open(workspace), system) ? "set" : "missing";
				} catch (RuntimeException e) {
					return "cannot be read: " + e.getMessage();
				}
			}

			@Override
			public void put(String system, String key, char[] secret) {
				try {
					CredentialStore.open(workspace).put(system, key, secret);
				} finally {
					java.util.Arrays.fill(secret, '\0');
				}
			}
		};
	}
}
