package io.crossbill.workflow.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.workflow.PeriodLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A period snapshot: everything the month-end review of one period needs from the three systems and the
 * engine's database, read once and kept in one file ({@code <workspace>/snapshots/<period>/<taken-at>.json.gz}),
 * so the review works with no network. Every screen shows {@link #takenAt()}.
 * <p>
 * The file is written once and never changed: a refresh is a new snapshot beside it.
 */
public final class PeriodSnapshot {
    static final int FORMAT = 1;

    private final Path file;
    private final YearMonth period;
    private final Instant takenAt;
    private volatile PeriodLoader.Records records;
    private final Map<String, Integer> headerCounts;

    PeriodSnapshot(Path file, YearMonth period, Instant takenAt, PeriodLoader.Records records) {
        this(file, period, takenAt, records, null);
    }

    private PeriodSnapshot(Path file, YearMonth period, Instant takenAt, PeriodLoader.Records records,
            Map<String, Integer> headerCounts) {
        this.file = file;
        this.period = period;
        this.takenAt = takenAt;
        this.records = records;
        this.headerCounts = headerCounts;
    }

    /** The file the snapshot is kept in. */
    public Path file() {
        return file;
    }

    /** The snapshot's id: its file name without {@code .json.gz}. */
    public String id() {
        String n = file.getFileName().toString();
        return n.endsWith(".json.gz") ? n.substring(0, n.length() - ".json.gz".length()) : n;
    }

    /** The period reviewed. */
    public YearMonth period() {
        return period;
    }

    /** When the last record was read (wall clock): the "data as of" every review screen shows. */
    public Instant takenAt() {
        return takenAt;
    }

    /**
     * The records as read. A snapshot {@linkplain #open opened} by its header reads them from its file now.
     *
     * @throws UncheckedIOException when the file can no longer be read
     */
    public PeriodLoader.Records records() {
        PeriodLoader.Records r = records;
        if (r == null) {
            synchronized (this) {
                if (records == null) {
                    try {
                        records = read(file).records;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e.getMessage(), e);
                    }
                }
                r = records;
            }
        }
        return r;
    }

    /** The reconciliation's input, built with no network, the same way as a live load. */
    public ReconciliationInput input() {
        return PeriodLoader.input(period, records());
    }

    /**
     * Records per source: contacts, invoices, invoice lines, projects, tasks, time entries, deals, companies, ledger
     * items, exceptions. From the file's header when it has them (snapshots written since they are kept there), so
     * listing snapshots does not read their records.
     */
    public Map<String, Integer> counts() {
        if (headerCounts != null) {
            return headerCounts;
        }
        PeriodLoader.Records r = records();
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        out.put("contacts", r.contacts().size());
        out.put("invoices", r.invoices().size());
        out.put("invoice lines", r.invoices().stream().mapToInt(i -> i.path("LineItems").size()).sum());
        out.put("projects", r.projects().size());
        out.put("tasks", r.tasks().values().stream().mapToInt(List::size).sum());
        out.put("time entries", r.timeEntries().values().stream().mapToInt(List::size).sum());
        out.put("deals", r.deals().size());
        out.put("companies", r.companies().size());
        out.put("ledger items", r.engine().ledger().size());
        out.put("exceptions", r.engine().exceptions().size());
        return out;
    }

    @Override
    public String toString() {
        return "snapshot of " + period + " taken " + takenAt + " (" + file.getFileName() + ")";
    }

    /**
     * Opens a snapshot file by its header (period and when it was taken) without reading its records, which
     * {@link #records()} reads when they are first needed: a review kept beside the snapshot opens without them.
     *
     * @throws IOException when the file cannot be read or does not start as a Crossbill period snapshot
     */
    public static PeriodSnapshot open(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                JsonParser p = SnapshotCodec.JSON.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("The file " + file + " is not a period snapshot (no JSON object).");
            }
            Integer format = null;
            YearMonth period = null;
            Instant takenAt = null;
            Map<String, Integer> counts = null;
            // the header fields come first; the records start with "contacts"
            while (p.nextToken() == JsonToken.FIELD_NAME && !"contacts".equals(p.currentName())) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "format" -> format = p.getIntValue();
                    case "period" -> period = YearMonth.parse(p.getText());
                    case "taken_at" -> takenAt = Instant.parse(p.getText());
                    case "counts" -> {
                        counts = new java.util.LinkedHashMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String what = p.currentName();
                            p.nextToken();
                            counts.put(what, p.getIntValue());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (format == null || format != FORMAT || period == null || takenAt == null) {
                throw new IOException("The file " + file + " is not a period snapshot of format " + FORMAT + ".");
            }
            return new PeriodSnapshot(file, period, takenAt, null,
                    counts == null ? null : java.util.Collections.unmodifiableMap(counts));
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("The file ") ? e
                    : new IOException("Could not read the snapshot " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException("The file " + file + " is not a readable period snapshot: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a snapshot file.
     *
     * @throws IOException when the file cannot be read or is not a Crossbill period snapshot (the message
     *                     names the file and what is wrong)
     */
    public static PeriodSnapshot read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            root = SnapshotCodec.JSON.readTree(in);
        } catch (IOException e) {
            throw new IOException("Could not read the snapshot " + file + ": " + e.getMessage(), e);
        }
        try {
            if (root == null || root.path("format").asInt() != FORMAT) {
                throw new IllegalArgumentException("it is not a period snapshot of format " + FORMAT);
            }
            YearMonth period = YearMonth.parse(root.path("period").asText());
            Map<String, List<JsonNode>> tasks = new HashMap<>();
            root.path("tasks").properties().forEach(e -> tasks.put(e.getKey(), SnapshotCodec.list(e.getValue(),
                    "tasks")));
            Map<String, List<JsonNode>> entries = new HashMap<>();
            root.path("time_entries").properties().forEach(e -> entries.put(e.getKey(),
                    SnapshotCodec.list(e.getValue(), "time entries")));
            Map<String, JsonNode> deals = new HashMap<>();
            root.path("deals").properties().forEach(e -> deals.put(e.getKey(), e.getValue()));
            PeriodLoader.Records r = new PeriodLoader.Records(Instant.parse(root.path("as_of").asText()),
                    ZoneId.of(root.path("zone").asText()), Duration.parse(root.path("approval_delay").asText()),
                    SnapshotCodec.list(root.path("contacts"), "contacts"),
                    SnapshotCodec.list(root.path("invoices"), "invoices"),
                    SnapshotCodec.list(root.path("projects"), "projects"), tasks, entries,
                    root.path("crm").asBoolean(), deals, SnapshotCodec.list(root.path("companies"), "companies"),
                    SnapshotCodec.engine(root.path("engine")));
            return new PeriodSnapshot(file, period, Instant.parse(root.path("taken_at").asText()), r);
        } catch (RuntimeException e) {
            throw new IOException("The file " + file + " is not a readable period snapshot: " + e.getMessage(), e);
        }
    }

    /** Writes the snapshot's file (to a temporary name first, so a crash never leaves half a snapshot). */
    static PeriodSnapshot write(Path file, YearMonth period, Instant takenAt, PeriodLoader.Records r)
            throws IOException {
        ObjectNode root = SnapshotCodec.JSON.createObjectNode();
        root.put("format", FORMAT).put("period", period.toString()).put("taken_at", takenAt.toString())
                .put("as_of", r.takenAt().toString()).put("zone", r.zone().getId())
                .put("approval_delay", r.approvalDelay().toString()).put("crm", r.crm());
        ObjectNode counts = root.putObject("counts");
        new PeriodSnapshot(file, period, takenAt, r).counts().forEach(counts::put);
        root.set("contacts", SnapshotCodec.array(r.contacts()));
        root.set("invoices", SnapshotCodec.array(r.invoices()));
        root.set("projects", SnapshotCodec.array(r.projects()));
        ObjectNode tasks = root.putObject("tasks");
        new java.util.TreeMap<>(r.tasks()).forEach((k, v) -> tasks.set(k, SnapshotCodec.array(v)));
        ObjectNode entries = root.putObject("time_entries");
        new java.util.TreeMap<>(r.timeEntries()).forEach((k, v) -> entries.set(k, SnapshotCodec.array(v)));
        ObjectNode deals = root.putObject("deals");
        new java.util.TreeMap<>(r.deals()).forEach(deals::set);
        root.set("companies", SnapshotCodec.array(r.companies()));
        root.set("engine", SnapshotCodec.engine(r.engine()));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
            SnapshotCodec.JSON.writeValue(out, root);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new PeriodSnapshot(file, period, takenAt, r);
    }
}
