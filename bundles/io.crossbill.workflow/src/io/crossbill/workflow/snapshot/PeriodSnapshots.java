package io.crossbill.workflow.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.ReadFailedException;
import io.crossbill.workflow.WorkflowContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The period snapshots of a workspace, in {@code <workspace>/snapshots/<yyyy-MM>/}: taking one, listing and
 * reading them.
 * <p>
 * Taking a snapshot reads source after source (contacts, invoices, projects, each project's tasks and time
 * entries, companies, the engine's records, deals). Each source is saved to {@code <period>/partial/} as soon
 * as it is read, so a snapshot that was cancelled, failed on a read or was killed continues where it stopped
 * when it is taken again: sources already saved are not read again. When every source is in, they are
 * written as one file and the partial folder is removed.
 */
public final class PeriodSnapshots {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final Path root;
    private final Clock wallClock;

    /** The snapshots of a workspace, stamped with the wall clock. */
    public PeriodSnapshots(Path workspace) {
        this(workspace, Clock.systemUTC());
    }

    /** The snapshots of a workspace, stamped with the given clock. */
    public PeriodSnapshots(Path workspace, Clock wallClock) {
        this.root = workspace.resolve("snapshots");
        this.wallClock = wallClock;
    }

    /** The folder of a period's snapshots. */
    public Path folder(YearMonth period) {
        return root.resolve(period.toString());
    }

    /** Whether a snapshot of the period was started and not finished (taking it again continues it). */
    public boolean hasPartial(YearMonth period) {
        return Files.isRegularFile(folder(period).resolve("partial").resolve("meta.json"));
    }

    /**
     * Takes a snapshot of a period, or finishes one that was interrupted.
     *
     * @param loader  the live loader (connectors and database) the records are read with
     * @param ctx     the business clock (which entries count as approved) and the firm's settings
     * @param monitor progress and cancellation
     * @throws ReadFailedException         a system could not be read; sources read so far are kept
     * @throws SnapshotCancelledException the monitor was cancelled; sources read so far are kept
     * @throws IOException                 the workspace could not be written
     */
    public PeriodSnapshot take(YearMonth period, PeriodLoader loader, WorkflowContext ctx,
            SnapshotMonitor monitor)
            throws ReadFailedException, SnapshotCancelledException, IOException {
        Path partial = folder(period).resolve("partial");
        Files.createDirectories(partial);
        Progress p = new Progress(period, monitor);
        ObjectNode meta = (ObjectNode) p.source(partial, "meta", "the snapshot's settings", () -> {
            ObjectNode m = SnapshotCodec.JSON.createObjectNode();
            m.put("as_of", ctx.clock().instant().toString()).put("zone", ctx.settings().zone().getId())
                    .put("approval_delay", ctx.settings().approvalDelay().toString()).put("crm", loader.readsCrm());
            return m;
        });
        List<JsonNode> contacts = list(p.source(partial, "contacts", "the customers in Xero",
                () -> SnapshotCodec.array(loader.contacts())));
        List<JsonNode> invoices = list(p.source(partial, "invoices", "the invoices in Xero",
                () -> SnapshotCodec.array(loader.invoices())));
        List<JsonNode> projects = list(p.source(partial, "projects", "the projects in Xero Projects",
                () -> SnapshotCodec.array(loader.projects())));
        p.total += 2 * projects.size();
        Map<String, List<JsonNode>> tasks = new HashMap<>();
        Map<String, List<JsonNode>> entries = new HashMap<>();
        for (JsonNode project : projects) {
            String pid = project.path("projectId").asText();
            String name = project.path("name").asText();
            tasks.put(pid, list(p.source(partial, "tasks-" + safe(pid), "the tasks of " + name,
                    () -> SnapshotCodec.array(loader.tasks(project)))));
            entries.put(pid, list(p.source(partial, "entries-" + safe(pid), "the time entries of " + name,
                    () -> SnapshotCodec.array(loader.timeEntries(project)))));
        }
        boolean crm = meta.path("crm").asBoolean();
        List<JsonNode> companies = list(p.source(partial, "companies", "the companies in the CRM",
                () -> SnapshotCodec.array(crm ? loader.companies() : List.of())));
        PeriodLoader.EngineSide engine = SnapshotCodec.engine(p.source(partial, "engine",
                "Crossbill's ledger, cross-references and exceptions",
                () -> SnapshotCodec.engine(loader.engineSide(projects, companies))));
        JsonNode dealsNode = p.source(partial, "deals", "the deals in the CRM", () -> {
            ObjectNode d = SnapshotCodec.JSON.createObjectNode();
            if (crm) {
                for (String id : loader.dealsNeeded(engine)) {
                    if (monitor.isCanceled()) {
                        throw p.cancelled();
                    }
                    loader.deal(id).ifPresent(deal -> d.set(id, deal));
                }
            }
            return d;
        });
        Map<String, JsonNode> deals = new HashMap<>();
        dealsNode.properties().forEach(e -> deals.put(e.getKey(), e.getValue()));
        PeriodLoader.Records records = new PeriodLoader.Records(Instant.parse(meta.path("as_of").asText()),
                ZoneId.of(meta.path("zone").asText()), Duration.parse(meta.path("approval_delay").asText()), contacts,
                invoices, projects, tasks, entries, crm, deals, companies, engine);
        Instant takenAt = wallClock.instant();
        Path file = folder(period).resolve(FILE_TIME.format(takenAt) + ".json.gz");
        for (int n = 2; Files.exists(file); n++) {
            file = folder(period).resolve(FILE_TIME.format(takenAt) + "-" + n + ".json.gz");
        }
        PeriodSnapshot snapshot = PeriodSnapshot.write(file, period, takenAt, records);
        deleteTree(partial);
        monitor.progress("done", p.total, p.total);
        return snapshot;
    }

    /** The snapshot files of a period, oldest first. */
    public List<Path> files(YearMonth period) throws IOException {
        Path dir = folder(period);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".json.gz")).sorted().toList();
        }
    }

    /** The periods that have snapshots, newest first. */
    public List<YearMonth> periods() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<YearMonth> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path d : s.toList()) {
                try {
                    out.add(YearMonth.parse(d.getFileName().toString()));
                } catch (RuntimeException notAPeriod) {
                    // a folder of the analyst's own; not a period
                }
            }
        }
        out.sort(Comparator.reverseOrder());
        return out;
    }

    /** The newest snapshot of a period, if there is one, opened by its header (records read when needed). */
    public Optional<PeriodSnapshot> latest(YearMonth period) throws IOException {
        List<Path> f = files(period);
        return f.isEmpty() ? Optional.empty() : Optional.of(PeriodSnapshot.open(f.get(f.size() - 1)));
    }

    @FunctionalInterface
    private interface Read {
        JsonNode read() throws ReadFailedException, SnapshotCancelledException;
    }

    /** Counts steps, checks cancellation, and reads or re-uses one saved source. */
    private static final class Progress {
        final YearMonth period;
        final SnapshotMonitor monitor;
        int done;
        int total = 8;

        Progress(YearMonth period, SnapshotMonitor monitor) {
            this.period = period;
            this.monitor = monitor;
        }

        SnapshotCancelledException cancelled() {
            return new SnapshotCancelledException("The snapshot of " + period + " was cancelled after " + done
                    + " of " + total + " steps. What was read is kept; take the snapshot again to continue.", done);
        }

        JsonNode source(Path partial, String name, String what, Read read)
                throws ReadFailedException, SnapshotCancelledException, IOException {
            Path f = partial.resolve(name + ".json");
            JsonNode node;
            if (Files.isRegularFile(f)) {
                node = SnapshotCodec.JSON.readTree(f.toFile());
            } else {
                if (monitor.isCanceled()) {
                    throw cancelled();
                }
                monitor.progress("Reading " + what, done, total);
                node = read.read();
                Path tmp = partial.resolve(name + ".json.tmp");
                SnapshotCodec.JSON.writeValue(tmp.toFile(), node);
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            done++;
            monitor.progress(what, done, total);
            return node;
        }
    }

    private static List<JsonNode> list(JsonNode n) {
        return SnapshotCodec.list(n, "records");
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
