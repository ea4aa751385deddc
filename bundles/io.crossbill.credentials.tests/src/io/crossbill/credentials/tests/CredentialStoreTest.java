package io.crossbill.credentials.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.credentials.CredentialStore;
import io.crossbill.credentials.CredentialStoreException;
import io.crossbill.credentials.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credential store on real secure storage files. Runs inside OSGi (Eclipse secure storage needs its
 * bundle, the extension registry and preferences to be active).
 */
class CredentialStoreTest {
    private static final String SECRET = "xero-client-secret-Zq81-\u00e9\u00df";

    @TempDir
    Path tmp;

    private Path workspace(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    @Test
    void aSecretGoesInAndComesOutAndOnlyNamesAreListed() throws IOException {
        Path ws = workspace("ws");
        Path key = tmp.resolve("keys/ws.key");
        CredentialStore store = CredentialStore.open(ws, key);
        store.put("xero", "client_id", "crossbill-client".toCharArray());
        store.put("xero", "client_secret", SECRET.toCharArray());
        store.put("hubspot", "private_app_token", "pat-na1-0000".toCharArray());

        assertArrayEquals(SECRET.toCharArray(), store.get("xero", "client_secret").orElseThrow());
        assertEquals(List.of("hubspot", "xero"), store.systems());
        assertEquals(List.of("client_id", "client_secret"), store.keys("xero"));
        assertEquals(Optional.empty(), store.get("xero", "refresh_token"));
        assertEquals(Optional.empty(), store.get("salesforce", "password"));
        try (Secret s = store.secret("xero", "client_secret").orElseThrow()) {
            assertEquals("****", s.toString());
            assertArrayEquals(SECRET.toCharArray(), s.chars());
        }

        CredentialStore again = CredentialStore.open(ws, key);
        assertArrayEquals(SECRET.toCharArray(), again.get("xero", "client_secret").orElseThrow());
        assertTrue(again.remove("hubspot", "private_app_token"));
        assertFalse(again.remove("hubspot", "private_app_token"));
        assertEquals(List.of("xero"), again.systems(), "a system without keys is gone");
        assertFalse(again.toString().contains(SECRET));
    }

    @Test
    void theFileOnDiskHoldsNeitherTheSecretNorTheKey() throws IOException {
        Path ws = workspace("ws");
        Path key = tmp.resolve("keys/ws.key");
        CredentialStore store = CredentialStore.open(ws, key);
        store.put("xero", "client_secret", SECRET.toCharArray());
        Path file = ws.resolve(".secure/credentials");
        assertEquals(file, store.file());
        Properties entries = new Properties();
        try (var in = Files.newInputStream(file)) {
            entries.load(in);
        }
        String stored = entries.getProperty("/crossbill/credentials/xero/client_secret");
        assertTrue(stored != null && !stored.isEmpty(), "the entry is there by name");
        String keyText = Files.readString(key).strip();
        for (String value : entries.stringPropertyNames().stream().map(entries::getProperty).toList()) {
            assertFalse(reveals(value, SECRET, 0), "the secret can be read from " + value);
            assertFalse(reveals(value, keyText, 0), "the key can be read from " + value);
        }
    }

    /** Whether {@code text}, or anything Base64-decoded from its parts (three levels deep), contains {@code needle}. */
    private static boolean reveals(String text, String needle, int depth) {
        if (text.contains(needle) || new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                .contains(needle)) {
            return true;
        }
        if (depth == 3) {
            return false;
        }
        for (String part : text.split("[\\t,;]")) {
            try {
                byte[] decoded = Base64.getDecoder().decode(part.strip());
                if (reveals(new String(decoded, StandardCharsets.ISO_8859_1), needle, depth + 1)) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // not an encoded part
            }
        }
        return false;
    }

    @Test
    void keyAndStoreFilesAreReadableByTheOwnerOnly() throws IOException {
        Path ws = workspace("ws");
        Path key = tmp.resolve("keys/ws.key");
        CredentialStore.open(ws, key).put("xero", "client_secret", SECRET.toCharArray());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(ws.resolve(".secure/credentials"))));
        assertEquals(44, Files.readString(key).strip().length(), "32 random bytes in Base64");

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        String m = assertThrows(CredentialStoreException.class, () -> CredentialStore.open(ws, key)).getMessage();
        assertEquals("The key file " + key + " can be read or changed by other users (rw-r--r--); make it private"
                + " with: chmod 600 " + key, m);
    }

    @Test
    void aWrongKeyFileIsRefusedClearly() throws IOException {
        Path ws = workspace("ws");
        Path key = tmp.resolve("keys/ws.key");
        CredentialStore.open(ws, key).put("xero", "client_secret", SECRET.toCharArray());
        Path other = tmp.resolve("keys/other.key");
        CredentialStore.open(workspace("other"), other);
        assertNotEquals(Files.readString(key), Files.readString(other));

        CredentialStoreException e = assertThrows(CredentialStoreException.class, () -> CredentialStore.open(ws, other));
        Path file = ws.toAbsolutePath().resolve(".secure/credentials");
        assertEquals("The key file " + other + " does not open the credential store " + file + ": it is not the key"
                + " the store was made with. Restore the right key file, or delete " + file + " and enter the"
                + " credentials again.", e.getMessage());
        assertFalse(e.getMessage().contains(Files.readString(other).strip()));
    }

    @Test
    void aMissingOrDamagedKeyFileIsRefusedClearly() throws IOException {
        Path ws = workspace("ws");
        Path key = tmp.resolve("keys/ws.key");
        CredentialStore.open(ws, key).put("xero", "client_secret", SECRET.toCharArray());
        Path file = ws.toAbsolutePath().resolve(".secure/credentials");

        Path moved = Files.move(key, tmp.resolve("keys/moved.key"));
        String missing = assertThrows(CredentialStoreException.class, () -> CredentialStore.open(ws, key)).getMessage();
        assertTrue(missing.startsWith("The credential store " + file + " exists but its key file " + key
                + " is missing"), missing);
        assertFalse(Files.exists(key), "no new key is made for an existing store");

        Files.move(moved, key);
        Files.writeString(key, "not a key");
        String damaged = assertThrows(CredentialStoreException.class, () -> CredentialStore.open(ws, key)).getMessage();
        assertTrue(damaged.startsWith("The key file " + key + " is damaged"), damaged);
    }

    @Test
    void namesAreCheckedAndEmptySecretsRefused() throws IOException {
        CredentialStore store = CredentialStore.open(workspace("ws"), tmp.resolve("keys/ws.key"));
        assertThrows(IllegalArgumentException.class, () -> store.put("xero/../x", "k", "v".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> store.put("xero", "", "v".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> store.put("xero", "k", new char[0]));
        assertThrows(IllegalArgumentException.class, () -> store.get("xe ro", "k"));
    }

    @Test
    void theDefaultKeyFileIsPerWorkspaceOutsideIt() {
        Path a = CredentialStore.defaultKeyFile(Path.of("/data/ws-a"));
        assertEquals(Path.of(System.getProperty("user.home"), ".crossbill-keys"), a.getParent());
        assertTrue(a.getFileName().toString().matches("[0-9a-f]{32}\\.key"), a.toString());
        assertEquals(a, CredentialStore.defaultKeyFile(Path.of("/data/./ws-a")));
        assertNotEquals(a, CredentialStore.defaultKeyFile(Path.of("/data/ws-b")));
    }
}
