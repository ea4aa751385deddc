package io.crossbill.credentials;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

/**
 * The credentials of the connected systems (client secrets, API keys, tokens), kept per workspace in an
 * Eclipse secure storage file, {@code <workspace>/.secure/credentials}, every value encrypted.
 * <p>
 * The encryption password is a random 256-bit key in a key file outside the workspace, by default
 * {@code ~/.crossbill-keys/<hash of the workspace path>.key}, readable by its owner only; it is handed
 * to secure storage as {@link IProviderHints#DEFAULT_PASSWORD}, so no password dialog is ever needed and
 * the same code works in the workbench, on the command line and in CI. Copying the workspace does not
 * copy the key. See the bundle README for what this protects against and what it does not.
 * <p>
 * Names of systems and keys are letters, digits, {@code .}, {@code _} and {@code -}. Values go in and
 * come out as {@code char[]}; listing shows names only. Must run inside OSGi (secure storage needs its
 * bundle, the extension registry and preferences to be active).
 */
public final class CredentialStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final String ROOT = "crossbill/credentials";
    private static final String CHECK_NODE = "crossbill";
    private static final String CHECK_KEY = "key-check";
    private static final String CHECK_VALUE = "crossbill-credential-store-1";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Path file;
    private final Path keyFile;
    private final ISecurePreferences root;

    private CredentialStore(Path file, Path keyFile, ISecurePreferences root) {
        this.file = file;
        this.keyFile = keyFile;
        this.root = root;
    }

    /** Opens (or creates) the store of a workspace with its key file in the default place. */
    public static CredentialStore open(Path workspace) {
        return open(workspace, defaultKeyFile(workspace));
    }

    /**
     * Opens (or creates) the store of a workspace with the given key file. A new store gets a new key file
     * when there is none; an existing store needs the key file it was made with.
     *
     * @throws CredentialStoreException when the key file is missing, damaged, readable by others or not
     *                                  this store's key, or the files cannot be read or written
     */
    public static CredentialStore open(Path workspace, Path keyFile) {
        Path dir = workspace.toAbsolutePath().normalize().resolve(".secure");
        Path file = dir.resolve("credentials");
        boolean exists = Files.exists(file);
        char[] key = null;
        try {
            if (!Files.exists(keyFile)) {
                if (exists) {
                    throw new CredentialStoreException("The credential store " + file + " exists but its key file "
                            + keyFile + " is missing, so the stored credentials cannot be read. Restore the key file"
                            + " from where it was backed up, or delete " + file + " and enter the credentials again.");
                }
                createKeyFile(keyFile);
            }
            key = readKeyFile(keyFile);
            createPrivately(dir, file);
            Map<String, Object> options = new HashMap<>();
            options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(key));
            options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
            ISecurePreferences root = SecurePreferencesFactory.open(file.toUri().toURL(), options);
            CredentialStore store = new CredentialStore(file, keyFile, root);
            store.checkKey();
            return store;
        } catch (IOException e) {
            throw new CredentialStoreException("Could not open the credential store " + file + " with the key file "
                    + keyFile + ": " + e.getMessage(), e);
        } finally {
            if (key != null) {
                Arrays.fill(key, '\0');
            }
        }
    }

    /**
     * Where {@link #open(Path)} keeps a workspace's key: {@code ~/.crossbill-keys/} and the first 32 hex
     * digits of the SHA-256 of the workspace's absolute path.
     */
    public static Path defaultKeyFile(Path workspace) {
        String path = workspace.toAbsolutePath().normalize().toString();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("user.home"), ".crossbill-keys",
                    HexFormat.of().formatHex(h, 0, 16) + ".key");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The encrypted store file. */
    public Path file() {
        return file;
    }

    /** The key file this store was opened with. */
    public Path keyFile() {
        return keyFile;
    }

    /** Stores (or replaces) a secret and saves the store at once. The caller may wipe {@code secret} afterwards. */
    public synchronized void put(String system, String key, char[] secret) {
        checkName("system", system);
        checkName("key", key);
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("The secret for " + system + "/" + key + " is empty.");
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        wipe(encoded);
        try {
            root.node(ROOT).node(system).putByteArray(key, bytes, true);
            save();
        } catch (StorageException e) {
            throw new CredentialStoreException("Could not encrypt the secret " + system + "/" + key + " for "
                    + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A stored secret as characters (wipe them when done), or empty when there is none. */
    public synchronized Optional<char[]> get(String system, String key) {
        checkName("system", system);
        checkName("key", key);
        if (!root.nodeExists(ROOT + "/" + system)) {
            return Optional.empty();
        }
        byte[] bytes = null;
        try {
            bytes = root.node(ROOT).node(system).getByteArray(key, null);
            if (bytes == null) {
                return Optional.empty();
            }
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            wipe(chars);
            return Optional.of(out);
        } catch (StorageException e) {
            throw new CredentialStoreException("Could not decrypt the secret " + system + "/" + key + " in " + file
                    + " with the key file " + keyFile + ": " + e.getMessage(), e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    /** A stored secret as a {@link Secret}, or empty. */
    public Optional<Secret> secret(String system, String key) {
        return get(system, key).map(chars -> {
            Secret s = Secret.of(chars);
            Arrays.fill(chars, '\0');
            return s;
        });
    }

    /** Removes a secret and saves; {@code false} when there was none. A system left without keys goes too. */
    public synchronized boolean remove(String system, String key) {
        checkName("system", system);
        checkName("key", key);
        if (!root.nodeExists(ROOT + "/" + system)) {
            return false;
        }
        ISecurePreferences node = root.node(ROOT).node(system);
        if (!Arrays.asList(node.keys()).contains(key)) {
            return false;
        }
        node.remove(key);
        if (node.keys().length == 0) {
            node.removeNode();
        }
        save();
        return true;
    }

    /** The systems that have at least one secret, sorted. */
    public synchronized List<String> systems() {
        if (!root.nodeExists(ROOT)) {
            return List.of();
        }
        return Arrays.stream(root.node(ROOT).childrenNames()).sorted().toList();
    }

    /** The names of one system's secrets, sorted (never their values). */
    public synchronized List<String> keys(String system) {
        checkName("system", system);
        if (!root.nodeExists(ROOT + "/" + system)) {
            return List.of();
        }
        return Arrays.stream(root.node(ROOT).node(system).keys()).sorted().toList();
    }

    private void checkKey() {
        ISecurePreferences node = root.node(CHECK_NODE);
        try {
            String found = node.get(CHECK_KEY, null);
            if (found == null) {
                node.put(CHECK_KEY, CHECK_VALUE, true);
                save();
            } else if (!CHECK_VALUE.equals(found)) {
                throw wrongKey(null);
            }
        } catch (StorageException e) {
            throw wrongKey(e);
        }
    }

    private CredentialStoreException wrongKey(Throwable cause) {
        return new CredentialStoreException("The key file " + keyFile + " does not open the credential store "
                + file + ": it is not the key the store was made with. Restore the right key file, or delete "
                + file + " and enter the credentials again.", cause);
    }

    private void save() {
        try {
            root.flush();
        } catch (IOException e) {
            throw new CredentialStoreException("Could not save the credential store " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private static void checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid " + what + " name for a credential:"
                    + " use letters, digits, '.', '_' and '-' (at most 100).");
        }
    }

    private static void createKeyFile(Path keyFile) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        if (posix(dir.getParent() == null ? dir : dir.getParent())) {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(EnumSet.of(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE)));
            }
        } else {
            Files.createDirectories(dir);
        }
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        byte[] text = Base64.getEncoder().encode(raw);
        Arrays.fill(raw, (byte) 0);
        try {
            if (posix(dir)) {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(keyFile);
            }
            Files.write(keyFile, text);
        } catch (FileAlreadyExistsException e) {
            // another process made it first: use theirs
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }

    private static char[] readKeyFile(Path keyFile) throws IOException {
        if (posix(keyFile)) {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(keyFile);
            if (!OWNER_ONLY.containsAll(p)) {
                throw new CredentialStoreException("The key file " + keyFile + " can be read or changed by other"
                        + " users (" + PosixFilePermissions.toString(p) + "); make it private with: chmod 600 "
                        + keyFile);
            }
        }
        byte[] text = Files.readAllBytes(keyFile);
        try {
            String s = new String(text, StandardCharsets.US_ASCII).strip();
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                raw = new byte[0];
            }
            int n = raw.length;
            Arrays.fill(raw, (byte) 0);
            if (n != 32) {
                throw new CredentialStoreException("The key file " + keyFile + " is damaged (it does not hold a"
                        + " Crossbill key). Restore it from where it was backed up, or delete it together with the"
                        + " credential store and enter the credentials again.");
            }
            return s.toCharArray();
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }

    private static void createPrivately(Path dir, Path file) throws IOException {
        if (!Files.exists(dir)) {
            if (posix(dir.getParent())) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(EnumSet.of(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE)));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (!Files.exists(file)) {
            // an empty file that only the owner can read; secure storage writes into it and keeps the mode
            try {
                if (posix(dir)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException e) {
                // made meanwhile
            }
        }
    }

    private static boolean posix(Path p) {
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void wipe(ByteBuffer b) {
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
    }

    private static void wipe(CharBuffer b) {
        if (b.hasArray()) {
            Arrays.fill(b.array(), '\0');
        }
    }

    @Override
    public String toString() {
        return "CredentialStore[" + file + "]";
    }
}
