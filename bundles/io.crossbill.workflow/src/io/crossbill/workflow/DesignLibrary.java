package io.crossbill.workflow;

import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.design.DesignChecker;
import io.crossbill.mapping.design.DesignProblem;
import io.crossbill.mapping.runtime.CompiledMapping;
import io.crossbill.mapping.runtime.MappingCompiler;
import io.crossbill.mapping.runtime.MappingDesignFile;
import io.crossbill.mapping.runtime.MappingFailure;
import io.crossbill.mapping.runtime.TestCaseOutcome;
import io.crossbill.store.DesignVersions;
import io.crossbill.store.DesignVersions.Version;
import io.crossbill.store.EngineDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The workspace's mapping designs: every saved version kept in the store ({@link DesignVersions}, as XMI), the
 * designs shipped with the product underneath, and the approval step that decides which version the engine runs.
 * <ul>
 * <li>A first start seeds the workspace ({@link #seedShipped}): each shipped design becomes version 1, approved
 * by {@value #SHIPPED_APPROVER}.</li>
 * <li>{@link #save} keeps each change as the next version; {@link #approve} lets a version be used only when
 * {@link DesignChecker} finds no error in it and every golden test kept with it passes, and records who approved
 * it in the audit trail.</li>
 * <li>{@link #forEngine} is what the workflows run: the latest approved version, else the shipped design. A
 * version saved after it changes nothing until it is approved.</li>
 * </ul>
 */
public final class DesignLibrary {

    /** Who the audit trail names as the approver of the shipped designs seeded into a workspace. */
    public static final String SHIPPED_APPROVER = "crossbill (shipped)";

    /**
     * The shipped designs the workflows run (from {@code io.crossbill.mapping}'s {@code designs/shipped/} folder).
     * {@code xero-time-entries} is shipped too but is the ingest benchmark's design, mapping to the benchmark's
     * time-entry shape rather than the canonical model, so it is not one of a workspace's designs.
     */
    public static final List<String> SHIPPED = List.copyOf(ShippedDesigns.NAMES);

    /** Why a version cannot be approved: every reason, one sentence each. */
    public static final class NotApprovableException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        private final transient List<String> reasons;

        NotApprovableException(String name, int version, List<String> reasons) {
            super("Design \"" + name + "\" version " + version + " cannot be approved, the engine keeps the version it"
                    + " runs now. Fix " + (reasons.size() == 1 ? "this" : "these " + reasons.size() + " problems")
                    + " and save a new version: " + String.join("; ", reasons) + ".");
            this.reasons = List.copyOf(reasons);
        }

        /** The problems, each a sentence naming the rule or the golden test. */
        public List<String> reasons() {
            return reasons;
        }
    }

    private final DesignVersions versions;

    /** The designs of an open workspace database. */
    public DesignLibrary(EngineDatabase db) {
        this.versions = new DesignVersions(Objects.requireNonNull(db, "db"));
    }

    /** The saved versions underneath, for history and approval state. */
    public DesignVersions versions() {
        return versions;
    }

    /**
     * Saves every shipped design the workspace has no version of as its version 1 and approves it as
     * {@value #SHIPPED_APPROVER}; a design the workspace already has is left alone, so this can run at every
     * start.
     *
     * @param actor who the save is recorded for (the user or {@code crossbill})
     * @return the names seeded now (empty when nothing was missing)
     * @throws IllegalStateException when a shipped design is missing or unreadable (a packaging fault)
     */
    public List<String> seedShipped(String actor) {
        List<String> seeded = new ArrayList<>();
        for (String name : SHIPPED) {
            if (versions.latest(name).isPresent()) {
                continue;
            }
            MappingDesign design = shipped(name).orElseThrow(() -> new IllegalStateException("The shipped design \""
                    + name + "\" is missing from io.crossbill.mapping."));
            Version v = versions.save(name, n -> {
                design.setVersion(n);
                return xmi(design);
            }, actor, "shipped with Crossbill");
            versions.approve(name, v.version(), SHIPPED_APPROVER);
            seeded.add(name);
        }
        return seeded;
    }

    /** Every design name: saved in the workspace or shipped, alphabetically. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>(versions.names());
        names.addAll(SHIPPED);
        return List.copyOf(names);
    }

    /**
     * The design to edit: its latest saved version, or the shipped design when the workspace has none.
     *
     * @throws IllegalArgumentException when there is no design of that name
     */
    public MappingDesign open(String name) {
        Optional<Version> latest = versions.latest(name);
        if (latest.isPresent()) {
            return openVersion(name, latest.get().version());
        }
        return shipped(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)));
    }

    /**
     * One saved version of a design.
     *
     * @throws IllegalArgumentException when that version was never saved (the message names the saved ones)
     * @throws IllegalStateException    when the stored text is not a readable design
     */
    public MappingDesign openVersion(String name, int version) {
        String text = versions.load(name, version).orElseThrow(() -> new IllegalArgumentException(noSuchVersion(name,
                version)));
        try {
            return MappingDesignFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    name + " v" + version);
        } catch (IOException e) {
            throw new IllegalStateException("Version " + version + " of design \"" + name + "\" in this workspace"
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The XMI text of one saved version, as exported. */
    public String xmi(String name, int version) {
        return versions.load(name, version).orElseThrow(() -> new IllegalArgumentException(noSuchVersion(name,
                version)));
    }

    /**
     * Saves the design as its next version and sets its version attribute to that number; a design unchanged since
     * its latest version saves nothing (the latest version is returned and the attribute set to it).
     *
     * @throws IllegalArgumentException when the design has no name, or the actor is missing
     */
    public Version save(MappingDesign design, String actor, String comment) {
        Objects.requireNonNull(design, "design");
        String name = design.getName();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The design has no name; give it one before saving it.");
        }
        int before = design.getVersion();
        try {
            Version v = versions.save(name, n -> {
                design.setVersion(n);
                return xmi(design);
            }, actor, comment);
            design.setVersion(v.version());
            return v;
        } catch (RuntimeException e) {
            design.setVersion(before);
            throw e;
        }
    }

    /**
     * Approves a saved version so the engine runs it, recorded in the audit trail ({@code design.approve}, with
     * the version's hash). Approving an approved version changes nothing.
     *
     * @throws NotApprovableException   listing every reason when {@link DesignChecker} finds an error in the
     *                                  version, it cannot be compiled, or one of its golden tests fails
     * @throws IllegalArgumentException when the version does not exist or the actor is missing
     */
    public Version approve(String name, int version, String actor) {
        Version v = versions.version(name, version).orElseThrow(() -> new IllegalArgumentException(noSuchVersion(
                name, version)));
        if (v.approved()) {
            return v;
        }
        List<String> reasons = approvalProblems(openVersion(name, version));
        if (!reasons.isEmpty()) {
            throw new NotApprovableException(name, version, reasons);
        }
        return versions.approve(name, version, actor);
    }

    /**
     * Why a design could not be approved as it is: its errors ({@link DesignChecker}), a compile failure, its
     * failing golden tests; empty when it could.
     */
    public static List<String> approvalProblems(MappingDesign design) {
        List<String> reasons = new ArrayList<>();
        for (DesignProblem p : DesignChecker.check(design)) {
            if (p.severity() == DesignProblem.Severity.ERROR) {
                reasons.add(where(p.entityMapping(), p.targetPath()) + p.message());
            }
        }
        CompiledMapping compiled;
        try {
            compiled = new MappingCompiler().compileUncached(design);
        } catch (MappingFailure e) {
            if (reasons.isEmpty()) {
                reasons.add(e.getMessage());
            }
            return reasons;
        }
        for (TestCase testCase : design.getTestCases()) {
            TestCaseOutcome outcome = TestCaseOutcome.run(compiled, testCase);
            if (!outcome.passed()) {
                reasons.add("golden test '" + outcome.name() + "' fails: " + outcome.detail());
            }
        }
        return reasons;
    }

    /**
     * The design the engine runs: the latest approved version, else the shipped design.
     *
     * @throws IllegalArgumentException when there is neither
     */
    public MappingDesign forEngine(String name) {
        Optional<Version> approved = versions.latestApproved(name);
        if (approved.isPresent()) {
            return openVersion(name, approved.get().version());
        }
        return shipped(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)
                + " No version of it is approved."));
    }

    /** The version the engine runs, or empty when it runs the shipped design (none is approved). */
    public Optional<Version> engineVersion(String name) {
        return versions.latestApproved(name);
    }

    /**
     * Runs every golden test kept with a saved version; a version that does not compile fails each test with the
     * reason.
     */
    public List<TestCaseOutcome> goldenOutcomes(String name, int version) {
        return goldenOutcomes(openVersion(name, version));
    }

    /** Runs every golden test kept with a design as it is in memory. */
    public static List<TestCaseOutcome> goldenOutcomes(MappingDesign design) {
        CompiledMapping compiled;
        try {
            compiled = new MappingCompiler().compileUncached(design);
        } catch (MappingFailure e) {
            return design.getTestCases().stream().map(t -> new TestCaseOutcome(t.getName(), false, null, e.problems(),
                    e.getMessage())).toList();
        }
        return design.getTestCases().stream().map(t -> TestCaseOutcome.run(compiled, t)).toList();
    }

    /** The design as XMI text, the way versions are stored. */
    public static String xmi(MappingDesign design) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MappingDesignFile.write(design, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Design \"" + design.getName() + "\" cannot be written as XMI: "
                    + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The shipped design of that name, if one is shipped. */
    public static Optional<MappingDesign> shipped(String name) {
        if (!SHIPPED.contains(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MappingDesignFile.loadShipped(name));
        } catch (IOException e) {
            throw new IllegalStateException("The shipped mapping design \"" + name + "\" cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private String unknown(String name) {
        return "There is no design \"" + name + "\" in this workspace; the designs are " + names() + ".";
    }

    private String noSuchVersion(String name, int version) {
        List<Integer> saved = versions.versions(name).stream().map(Version::version).sorted().toList();
        return saved.isEmpty() ? unknownOrUnsaved(name, version)
                : "Design \"" + name + "\" has no version " + version + "; its saved versions are " + saved + ".";
    }

    private String unknownOrUnsaved(String name, int version) {
        return SHIPPED.contains(name) ? "Design \"" + name + "\" has no saved version " + version + " in this workspace"
                + " (only the shipped design)." : unknown(name);
    }

    private static String where(String entityMapping, String targetPath) {
        String entity = entityMapping == null || entityMapping.isBlank() ? "" : entityMapping;
        String path = targetPath == null || targetPath.isBlank() ? "" : "rule " + targetPath;
        String both = entity.isEmpty() ? path : path.isEmpty() ? entity : entity + ", " + path;
        return both.isEmpty() ? "" : both + ": ";
    }
}
