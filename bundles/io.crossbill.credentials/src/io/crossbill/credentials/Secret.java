package io.crossbill.credentials;

import java.util.Arrays;

/**
 * A secret value (client secret, API key, token) held as characters, never as a {@code String}, so it can
 * be wiped. {@link #toString()} is always {@code ****}, so a secret that ends up in a log line, an
 * exception or a debugger's variable view shows nothing. Equality is identity: comparing secrets is not
 * something the product needs.
 */
public final class Secret implements AutoCloseable {
    private final char[] value;
    private boolean wiped;

    private Secret(char[] value) {
        this.value = value;
    }

    /** A secret holding a copy of {@code chars} (the caller may wipe its array). */
    public static Secret of(char[] chars) {
        if (chars == null) {
            throw new IllegalArgumentException("a secret cannot be null");
        }
        return new Secret(chars.clone());
    }

    /** A copy of the characters; wipe it when done ({@code Arrays.fill(chars, '\0')}). */
    public synchronized char[] chars() {
        if (wiped) {
            throw new IllegalStateException("this secret was wiped");
        }
        return value.clone();
    }

    /** The number of characters. */
    public int length() {
        return value.length;
    }

    /** Overwrites the characters; {@link #chars()} fails afterwards. */
    @Override
    public synchronized void close() {
        Arrays.fill(value, '\0');
        wiped = true;
    }

    @Override
    public String toString() {
        return "****";
    }
}
