package io.crossbill.store;

import java.nio.file.Path;

/**
 * A failure of the engine's store, with a message meant for the person running Crossbill: it names the
 * database file and says what is wrong, not only what the driver said.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public StoreException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The database file concerned, or {@code null}. */
    public Path file() {
        return file;
    }
}
