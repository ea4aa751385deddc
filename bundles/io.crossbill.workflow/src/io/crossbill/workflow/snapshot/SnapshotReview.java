package io.crossbill.workflow.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.reconcile.MatchDecision;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.ReconciliationStore;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.workflow.PeriodLoader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.TreeMap;

/**
 * The reconciliation of a period snapshot, kept beside it ({@code <taken-at>.review} next to
 * {@code <taken-at>.json.gz}) so that reviewing the snapshot again reads a result instead of reconciling: at a
 * million entries, the breaks are on screen in a fraction of a second instead of the five or so it takes to load
 * and reconcile them.
 * <p>
 * A kept review is used only when it was made from the same snapshot, with the same match decisions and by the
 * same build of the reconciliation; otherwise the snapshot is reconciled again and the review replaced. A kept
 * review that cannot be read is reconciled again the same way; one whose records turn out damaged after it was
 * opened is deleted, so the next opening reconciles.
 */
public final class SnapshotReview {

    /** "CBRV": a Crossbill review. */
    private static final int MAGIC = 0x43425256;
    private static final int FORMAT = 1;
    private static final String SUFFIX = ".review";

    private SnapshotReview() {
    }

    /**
     * A reviewed snapshot.
     *
     * @param snapshot   the snapshot reviewed
     * @param result     its reconciliation with the decisions applied (from a kept review, its records may still be
     *                   being read: see {@link ReconciliationResult#ready()})
     * @param exceptions the engine's exceptions as the snapshot saw them, by id
     * @param names      project and customer names by their keys (project id, {@code xero-contact:<id>})
     * @param kept       true when the result was read from the kept review, false when it was reconciled now
     * @param keeping    done when a result reconciled now has been kept beside the snapshot (written in the
     *                   background, so the review shows without waiting for the disk); completes exceptionally,
     *                   with the reason, when it could not be kept (it is then reconciled again next time)
     */
    public record Reviewed(PeriodSnapshot snapshot, ReconciliationResult result,
            Map<Long, PeriodLoader.ExceptionRow> exceptions, Map<String, String> names, boolean kept,
            CompletableFuture<Void> keeping) {
    }

    /** Where the review of a snapshot is kept. */
    public static Path file(PeriodSnapshot snapshot) {
        return snapshot.file().resolveSibling(snapshot.id() + SUFFIX);
    }

    /**
     * The review of a snapshot with these decisions: read from where it is kept when it matches, else reconciled
     * now from the snapshot's records and kept. Reads no network.
     *
     * @throws java.io.UncheckedIOException when the snapshot's records are needed and cannot be read
     */
    public static Reviewed open(PeriodSnapshot snapshot, Collection<MatchDecision> decisions) {
        Path f = file(snapshot);
        removeLeftovers(f);
        if (Files.isRegularFile(f)) {
            try {
                Reviewed r = read(snapshot, f, decisions);
                if (r != null) {
                    r.result().ready().whenComplete((done, failed) -> {
                        if (failed != null) {
                            deleteQuietly(f);
                        }
                    });
                    return r;
                }
            } catch (IOException damaged) {
                deleteQuietly(f); // reconciled and kept again below
            }
        }
        return reconcile(snapshot, snapshot.input(), decisions, names(snapshot.records()),
                exceptions(snapshot.records()));
    }

    /**
     * The review of a snapshot after a match decision: its input (from a review already open) reconciled again with
     * the new decisions, and kept, without reading the snapshot's records.
     */
    public static Reviewed redecide(Reviewed before, Collection<MatchDecision> decisions) {
        return reconcile(before.snapshot(), before.result().input(), decisions, before.names(),
                before.exceptions());
    }

    /**
     * Keeps a reconciliation made elsewhere as a snapshot's review with these decisions, e.g. a benchmark's
     * generated period; the next {@link #open} with the same decisions reads it.
     */
    public static void keep(PeriodSnapshot snapshot, ReconciliationResult result, Collection<MatchDecision> decisions,
            Map<String, String> names, Map<Long, PeriodLoader.ExceptionRow> exceptions) throws IOException {
        write(file(snapshot), snapshot, decisions, result, names, exceptions);
    }

    private static Reviewed reconcile(PeriodSnapshot snapshot, ReconciliationInput input,
            Collection<MatchDecision> decisions, Map<String, String> names,
            Map<Long, PeriodLoader.ExceptionRow> exceptions) {
        ReconciliationResult result = new Reconciler().reconcile(input, decisions);
        List<MatchDecision> decided = List.copyOf(decisions);
        CompletableFuture<Void> keeping = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                write(file(snapshot), snapshot, decided, result, names, exceptions);
                keeping.complete(null);
            } catch (IOException | RuntimeException e) {
                keeping.completeExceptionally(new IOException("The review could not be kept beside the snapshot ("
                        + e.getMessage() + "); it is reconciled again the next time.", e));
            }
        }, "Keeping the review of " + snapshot);
        t.setDaemon(true);
        t.start();
        return new Reviewed(snapshot, result, exceptions, names, false, keeping);
    }

    private static Reviewed read(PeriodSnapshot snapshot, Path f, Collection<MatchDecision> decisions)
            throws IOException {
        InputStream raw = Files.newInputStream(f);
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a kept review of format " + FORMAT);
            }
            int n = in.readInt();
            if (n < 0 || n > 256 << 20) {
                throw new IOException("a header of " + n + " bytes");
            }
            JsonNode head = SnapshotCodec.JSON.readTree(in.readNBytes(n));
            if (!snapshot.id().equals(head.path("snapshot").asText())
                    || !fingerprint(decisions).equals(head.path("decisions").asText())
                    || !build().equals(head.path("build").asText())) {
                return null; // made from other decisions or by another build: reconcile again
            }
            Map<String, String> names = SnapshotCodec.strings(head.path("names"));
            Map<Long, PeriodLoader.ExceptionRow> exceptions = new HashMap<>();
            for (JsonNode x : head.path("exceptions")) {
                exceptions.put(x.path("id").asLong(), new PeriodLoader.ExceptionRow(x.path("id").asLong(),
                        x.path("business_key").asText(null), x.path("class").asText(), x.path("state").asText(),
                        SnapshotCodec.instant(x.path("created_at")), SnapshotCodec.instant(x.path("updated_at"))));
            }
            ReconciliationResult result = ReconciliationStore.read(in); // returns with the breaks, records follow
            return new Reviewed(snapshot, result, exceptions, names, true, CompletableFuture.completedFuture(null));
        } catch (IOException | RuntimeException e) {
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        } finally {
            raw.close();
        }
    }

    private static void write(Path f, PeriodSnapshot snapshot, Collection<MatchDecision> decisions,
            ReconciliationResult result, Map<String, String> names, Map<Long, PeriodLoader.ExceptionRow> exceptions)
            throws IOException {
        ObjectNode head = SnapshotCodec.JSON.createObjectNode();
        head.put("snapshot", snapshot.id()).put("period", snapshot.period().toString())
                .put("taken_at", snapshot.takenAt().toString()).put("decisions", fingerprint(decisions))
                .put("build", build());
        head.set("names", SnapshotCodec.map(names));
        ArrayNode xs = head.putArray("exceptions");
        for (PeriodLoader.ExceptionRow x : new TreeMap<>(exceptions).values()) {
            xs.addObject().put("id", x.id()).put("business_key", x.businessKey()).put("class", x.exceptionClass())
                    .put("state", x.state()).put("created_at", SnapshotCodec.text(x.createdAt()))
                    .put("updated_at", SnapshotCodec.text(x.updatedAt()));
        }
        byte[] headBytes = SnapshotCodec.JSON.writeValueAsBytes(head);
        // a name of its own: two reviews of the same snapshot may be kept at once (the last one wins)
        Path tmp = Files.createTempFile(f.getParent(), f.getFileName() + ".", ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(MAGIC);
            d.writeInt(FORMAT);
            d.writeInt(headBytes.length);
            d.write(headBytes);
            d.flush();
            ReconciliationStore.write(result, out);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Map<String, String> names(PeriodLoader.Records records) {
        Map<String, String> names = new HashMap<>();
        records.projects().forEach(p -> names.put(p.path("projectId").asText(), p.path("name").asText()));
        records.contacts().forEach(c -> names.put("xero-contact:" + c.path("ContactID").asText(),
                c.path("Name").asText()));
        return names;
    }

    static Map<Long, PeriodLoader.ExceptionRow> exceptions(PeriodLoader.Records records) {
        Map<Long, PeriodLoader.ExceptionRow> out = new HashMap<>();
        for (PeriodLoader.ExceptionRow x : records.engine().exceptions()) {
            out.put(x.id(), x);
        }
        return out;
    }

    /** The decisions in a stable form: the same set of decisions gives the same text, in any order. */
    static String fingerprint(Collection<MatchDecision> decisions) {
        TreeMap<String, String> sorted = new TreeMap<>();
        decisions.forEach(d -> sorted.put(d.suggestionId(), d.decision().name()));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sorted.forEach((id, d) -> sha.update((id + '=' + d + '\n').getBytes(StandardCharsets.UTF_8)));
            return sorted.size() + ":" + HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The build of the reconciliation that made a result: the reconcile bundle's version with its build qualifier
     * when running in OSGi, so a review kept by an older build is reconciled again by a newer one.
     */
    static String build() {
        try {
            org.osgi.framework.Bundle b = org.osgi.framework.FrameworkUtil.getBundle(Reconciler.class);
            if (b != null) {
                return b.getSymbolicName() + "_" + b.getVersion();
            }
        } catch (NoClassDefFoundError notInOsgi) {
            // plain class path (a tool run by hand): the store's format is all there is to go by
        }
        return "class-path";
    }

    /**
     * Removes the temporary files of a review that was being kept when the workbench stopped (a kill, a power cut):
     * those of this snapshot older than ten minutes, so one being written now is left alone.
     */
    private static void removeLeftovers(Path f) {
        java.time.Instant before = java.time.Instant.now().minus(java.time.Duration.ofMinutes(10));
        String prefix = f.getFileName() + ".";
        try (java.util.stream.Stream<Path> siblings = Files.list(f.getParent())) {
            for (Path t : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".tmp")).toList()) {
                if (Files.getLastModifiedTime(t).toInstant().isBefore(before)) {
                    deleteQuietly(t);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // left for the next opening
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            // left for the next opening, which replaces it
        }
    }
}
