package io.crossbill.engine.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The identity of one version of one source record: (system, external id, version), held as a 128-bit
 * digest (the first 16 bytes of SHA-256 over the three parts). Compact and fixed-size so that millions
 * of keys fit in memory and on disk without a string index; the chance of two different keys sharing a
 * digest is about n&sup2;/2<sup>129</sup>, i.e. nil for any realistic n.
 */
public record IdempotencyKey(long high, long low) {

    /** The key of a record version. */
    public static IdempotencyKey of(String system, String externalId, String version) {
        MessageDigest sha = sha256();
        sha.update(system.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(externalId.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(version.getBytes(StandardCharsets.UTF_8));
        byte[] d = sha.digest();
        return new IdempotencyKey(readLong(d, 0), readLong(d, 8));
    }

    /** The key's text form, UUID-shaped (36 characters), suitable for an {@code Idempotency-Key} header. */
    public String text() {
        return new UUID(high, low).toString();
    }

    /** The 16 bytes of the digest, big-endian. */
    public byte[] bytes() {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (high >>> (56 - 8 * i));
            b[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return b;
    }

    @Override
    public String toString() {
        return text();
    }

    static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    /** A content hash (lower-case hex SHA-256) of a payload, used as version when the source has none. */
    public static String contentHash(byte[] payload) {
        return HexFormat.of().formatHex(sha256().digest(payload));
    }

    /** One digest per thread: {@code MessageDigest.getInstance} costs as much as hashing a small payload. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    /** The calling thread's SHA-256 digest, reset (every use ends with {@code digest()}, which resets it). */
    private static MessageDigest sha256() {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return sha;
    }
}
