package io.crossbill.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.design.DesignChecker;
import io.crossbill.mapping.design.DesignDiff;
import io.crossbill.mapping.design.DesignProblem;
import io.crossbill.mapping.runtime.MappingDesignFile;
import io.crossbill.mapping.runtime.TestCaseOutcome;
import io.crossbill.store.DesignVersions.Version;
import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.DesignLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crossbill designs ...}: the workspace's mapping designs, headless - their versions, golden tests, diffs,
 * approval, and XMI export and import. Each command seeds the shipped designs into a workspace that has none of
 * them yet (as approved version 1), as the first start of the workbench does.
 */
@Command(name = "designs", description = "List, test, diff, approve, export or import the workspace's mapping"
		+ " designs.", mixinStandardHelpOptions = true, subcommands = { DesignsCommand.ListDesigns.class,
				DesignsCommand.TestDesigns.class, DesignsCommand.DiffDesign.class, DesignsCommand.ApproveDesign.class,
				DesignsCommand.ExportDesign.class, DesignsCommand.ImportDesign.class })
final class DesignsCommand extends WorkspaceCommand implements Runnable {

	@Override
	public void run() {
		spec.commandLine().usage(out());
	}

	/** The workspace's design library, seeded with the shipped designs on first use. */
	static DesignLibrary library(EngineDatabase db) {
		DesignLibrary library = new DesignLibrary(db);
		library.seedShipped(ExceptionActions.currentUser());
		return library;
	}

	/** A design's latest saved version; the caller has seeded the library, so every listed name has one. */
	static Version latest(DesignLibrary library, String name) {
		return library.versions().latest(name).orElseThrow(() -> new CliFailure("There is no design \"" + name
				+ "\" in this workspace; the designs are " + library.names() + ".", 1));
	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "Each design with its latest version, the"
			+ " version the engine runs (approved) and how many problems its latest version has.")
	static final class ListDesigns extends WorkspaceCommand implements Callable<Integer> {

		@Option(names = "--json", description = "print JSON")
		boolean json;

		@Override
		public Integer call() {
			ArrayNode rows = Json.MAPPER.createArrayNode();
			Table table = new Table("DESIGN", "LATEST", "APPROVED", "ERRORS", "WARNINGS", "SAVED BY", "COMMENT");
			try (EngineDatabase db = EngineDatabase.open(workspace().folder())) {
				DesignLibrary library = library(db);
				for (String name : library.names()) {
					Version latest = latest(library, name);
					Optional<Version> approved = library.engineVersion(name);
					List<DesignProblem> problems = DesignChecker.check(library.openVersion(name, latest.version()));
					long errors = problems.stream().filter(p -> p.severity() == DesignProblem.Severity.ERROR).count();
					ObjectNode row = rows.addObject();
					row.put("name", name);
					row.put("latestVersion", latest.version());
					if (approved.isPresent()) {
						row.put("approvedVersion", approved.get().version());
						row.put("approvedBy", approved.get().approvedBy());
					} else {
						row.putNull("approvedVersion");
					}
					row.put("errors", errors);
					row.put("warnings", problems.size() - errors);
					row.put("savedBy", latest.savedBy());
					row.put("comment", latest.comment());
					table.row(name, latest.version(), approved.map(v -> (Object) v.version()).orElse("shipped"), errors,
							problems.size() - errors, latest.savedBy(), Table.cut(latest.comment(), 60));
				}
			}
			if (json) {
				Json.print(out(), rows);
			} else {
				table.print(out());
			}
			return 0;
		}
	}

	@Command(name = "test", mixinStandardHelpOptions = true, description = "Run the golden tests kept with the latest"
			+ " version of every design (or of NAME); exit 1 when one fails, saying which and why.")
	static final class TestDesigns extends WorkspaceCommand implements Callable<Integer> {

		@Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "only this design")
		String name;

		@Option(names = "--json", description = "print JSON")
		boolean json;

		@Override
		public Integer call() {
			ArrayNode rows = Json.MAPPER.createArrayNode();
			int passed = 0;
			int failed = 0;
			StringBuilder failures = new StringBuilder();
			try (EngineDatabase db = EngineDatabase.open(workspace().folder())) {
				DesignLibrary library = library(db);
				List<String> names = name == null ? library.names() : List.of(name);
				for (String design : names) {
					Version latest = latest(library, design);
					for (TestCaseOutcome outcome : library.goldenOutcomes(design, latest.version())) {
						ObjectNode row = rows.addObject();
						row.put("design", design);
						row.put("version", latest.version());
						row.put("test", outcome.name());
						row.put("passed", outcome.passed());
						row.put("detail", outcome.detail());
						if (outcome.passed()) {
							passed++;
						} else {
							failed++;
							failures.append("FAIL ").append(design).append(" v").append(latest.version()).append(" '")
									.append(outcome.name()).append("': ").append(outcome.detail()).append('\n');
						}
					}
				}
			}
			if (json) {
				Json.print(out(), rows);
			} else {
				out().print(failures);
				out().println(passed + " golden " + (passed + failed == 1 ? "test" : "tests") + " passed, " + failed
						+ " failed.");
			}
			return failed == 0 ? 0 : 1;
		}
	}

	@Command(name = "diff", mixinStandardHelpOptions = true, description = "What changed between two versions of a"
			+ " design, field by field.")
	static final class DiffDesign extends WorkspaceCommand implements Callable<Integer> {

		@Parameters(index = "0", paramLabel = "NAME", description = "the design")
		String name;

		@Parameters(index = "1", paramLabel = "V1", description = "the older version")
		int older;

		@Parameters(index = "2", paramLabel = "V2", description = "the newer version")
		int newer;

		@Override
		public Integer call() {
			List<DesignDiff.Change> changes;
			try (EngineDatabase db = EngineDatabase.open(workspace().folder())) {
				DesignLibrary library = library(db);
				changes = DesignDiff.between(open(library, name, older), open(library, name, newer));
			}
			if (changes.isEmpty()) {
				out().println("Versions " + older + " and " + newer + " of " + name + " map the same way.");
				return 0;
			}
			for (DesignDiff.Change c : changes) {
				String where = c.entityMapping().isEmpty() ? "" : c.entityMapping() + (c.targetPath().isEmpty() ? ""
						: " " + c.targetPath()) + ": ";
				out().println(where + c.sentence());
			}
			out().println(changes.size() + (changes.size() == 1 ? " change" : " changes") + " from version " + older
					+ " to " + newer + ".");
			return 0;
		}
	}

	@Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a version so the engine runs"
			+ " it; refused when the design has errors or a golden test fails.")
	static final class ApproveDesign extends WorkspaceCommand implements Callable<Integer> {

		@Parameters(index = "0", paramLabel = "NAME", description = "the design")
		String name;

		@Parameters(index = "1", paramLabel = "VERSION", description = "the version to approve")
		int version;

		@Option(names = "--actor", paramLabel = "NAME", description = "who approves, for the audit trail (default:"
				+ " the operating-system user)")
		String actor;

		@Override
		public Integer call() {
			try (EngineDatabase db = EngineDatabase.open(workspace().folder())) {
				DesignLibrary library = library(db);
				Version v = library.approve(name, version, actor == null ? ExceptionActions.currentUser() : actor);
				out().println("Design " + name + " version " + v.version() + " is approved by " + v.approvedBy()
						+ "; the workflows run it from their next run.");
				return 0;
			} catch (IllegalArgumentException | IllegalStateException e) {
				throw new CliFailure(e.getMessage());
			}
		}
	}

	@Command(name = "export", mixinStandardHelpOptions = true, description = "Write a version of a design (the latest"
			+ " unless --version) to FILE as XMI.")
	static final class ExportDesign extends WorkspaceCommand implements Callable<Integer> {

		@Parameters(index = "0", paramLabel = "NAME", description = "the design")
		String name;

		@Parameters(index = "1", paramLabel = "FILE", description = "the XMI file to write")
		Path file;

		@Option(names = "--version", paramLabel = "V", description = "the version (default: the latest)")
		Integer version;

		@Override
		public Integer call() {
			String xmi;
			int which;
			try (EngineDatabase db = EngineDatabase.open(workspace().folder())) {
				DesignLibrary library = library(db);
				which = version != null ? version : latest(library, name).version();
				xmi = library.xmi(name, which);
			} catch (IllegalArgumentException e) {
				throw new CliFailure(e.getMessage());
			}
			try {
				Files.writeString(file, xmi, StandardCharsets.UTF_8);
			} catch (IOException e) {
				throw new CliFailure("could not write " + file + ": " + e.getMessage());
			}
			out().println("Wrote design " + name + " version " + which + " to " + file.toAbsolutePath() + ".");
			return 0;
		}
	}

	@Command(name = "import", mixinStandardHelpOptions = true, description = "Save the design in an XMI FILE as the"
			+ " next version of the design of its name (not approved).")
	static final class ImportDesign extends WorkspaceCommand implements Callable<Integer> {

		@Parameters(index = "0", paramLabel = "FILE", description = "the XMI file")
		Path file;

		@Option(names = "--actor", paramLabel = "NAME", description = "who imports, for the audit trail (default: the"
				+ " operating-system user)")
		String actor;

		@Override
		public Integer call() {
			MappingDesign design;
			try (InputStream in = Files.newInputStream(file)) {
				design = MappingDesignFile.read(in, file.getFileName().toString());
			} catch (IOException e) {
				throw new CliFailure(Files.exists(file) ? e.getMessage() : "There is no file " + file + ".");
			}
			try (EngineDatabase db = EngineDatabase.open(workspace().folder())) {
				DesignLibrary library = library(db);
				Optional<Version> before = library.versions().latest(design.getName() == null ? "" : design.getName());
				Version v = library.save(design, actor == null ? ExceptionActions.currentUser() : actor,
						"imported from " + file.getFileName());
				if (before.isPresent() && before.get().version() == v.version()) {
					out().println(file + " is the same as version " + v.version() + " of " + v.name()
							+ "; nothing was saved.");
				} else {
					out().println("Saved " + v.name() + " version " + v.version() + " (not approved; to run it:"
							+ " crossbill designs approve " + v.name() + " " + v.version() + ").");
				}
				return 0;
			} catch (IllegalArgumentException e) {
				throw new CliFailure(e.getMessage());
			}
		}
	}

	private static MappingDesign open(DesignLibrary library, String name, int version) {
		try {
			return library.openVersion(name, version);
		} catch (IllegalArgumentException e) {
			throw new CliFailure(e.getMessage());
		}
	}
}
