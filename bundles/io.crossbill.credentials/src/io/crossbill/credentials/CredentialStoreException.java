package io.crossbill.credentials;

/**
 * The credential store could not be opened, read or saved. The message names the files involved and
 * says what to do; it never contains a secret or the key.
 */
public final class CredentialStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CredentialStoreException(String message) {
        super(message);
    }

    public CredentialStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
