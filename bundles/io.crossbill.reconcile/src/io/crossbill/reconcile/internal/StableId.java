package io.crossbill.reconcile.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ids from a kind and its business keys (SHA-256, first 80 bits in hex), so an annotation
 * made on a break stays attached to the same break in the next run.
 */
public final class StableId {

    private final MessageDigest sha;

    public StableId() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Starts an id with a prefix shown to people ("b-" for breaks, "m-" matches, "s-" suggestions). */
    public StableId start() {
        sha.reset();
        return this;
    }

    public StableId add(String part) {
        sha.update((part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x1f);
        return this;
    }

    public String finish(String prefix) {
        byte[] d = sha.digest();
        return prefix + HexFormat.of().formatHex(d, 0, 10);
    }
}
