package io.crossbill.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.cli.HeadlessApplication;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./crossbill designs ...} as an analyst runs it headless: a fresh workspace gets the shipped designs, golden
 * tests run and a failing one fails the command, an edited design travels out and back in as XMI, the diff names
 * the changed rule, and only a version whose golden tests pass can be approved, which the audit trail records.
 */
class DesignsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESIGN = "project-to-xero-project";

    @TempDir
    Path workspace;

    @TempDir
    Path files;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HeadlessApplication.run(workspace, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aFreshWorkspaceListsTheShippedDesignsAsApprovedVersionOneAndTheirGoldenTestsPass() throws Exception {
        Run list = run("designs", "list", "--json");
        assertEquals(0, list.exit(), list.err());
        JsonNode rows = JSON.readTree(list.out());
        List<String> names = new ArrayList<>();
        for (JsonNode row : rows) {
            names.add(row.path("name").asText());
            assertEquals(1, row.path("latestVersion").asInt(), row.toString());
            assertEquals(1, row.path("approvedVersion").asInt(), row.toString());
            assertEquals("crossbill (shipped)", row.path("approvedBy").asText(), row.toString());
            assertTrue(row.path("errors").isNumber() && row.path("warnings").isNumber(), row.toString());
        }
        assertEquals(List.of("customer-to-xero-contact", "hubspot-company-to-customer", "hubspot-deal-to-project",
                DESIGN), names);

        Run test = run("designs", "test");
        assertEquals(0, test.exit(), test.out() + test.err());
        assertTrue(test.out().matches("(?s)\\d+ golden tests passed, 0 failed\\.\\s*"), test.out());
    }

    @Test
    void anEditedDesignComesBackAsTheNextVersionAndIsApprovedOnlyWhenItsGoldenTestsPass() throws Exception {
        Path exported = files.resolve("p.xmi");
        Run export = run("designs", "export", DESIGN, exported.toString());
        assertEquals(0, export.exit(), export.err());
        String xmi = Files.readString(exported);
        assertTrue(xmi.contains("name=\"" + DESIGN + "\""), xmi);

        Run same = run("designs", "import", exported.toString());
        assertEquals(0, same.exit(), same.err());
        assertTrue(same.out().contains("is the same as version 1"), same.out());

        // the deadline moves to 18:00 but the golden samples still expect 17:00
        Path moved = files.resolve("moved.xmi");
        Files.writeString(moved, xmi.replace("&quot;T17:00:00Z&quot;", "&quot;T18:00:00Z&quot;"));
        Run imported = run("designs", "import", "--actor", "ana", moved.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().startsWith("Saved " + DESIGN + " version 2 (not approved"), imported.out());

        Run failing = run("designs", "test", DESIGN, "--json");
        assertEquals(1, failing.exit(), "a failing golden test fails the command");
        JsonNode outcomes = JSON.readTree(failing.out());
        assertTrue(outcomes.size() > 0);
        for (JsonNode o : outcomes) {
            assertEquals(2, o.path("version").asInt());
            assertEquals(false, o.path("passed").asBoolean(), o.toString());
            assertTrue(o.path("detail").asText().contains("T18:00:00Z"), o.toString());
        }
        Run failingText = run("designs", "test", DESIGN);
        assertEquals(1, failingText.exit());
        assertTrue(failingText.out().startsWith("FAIL " + DESIGN + " v2 '"), failingText.out());

        Run refused = run("designs", "approve", DESIGN, "2", "--actor", "carla");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().startsWith("crossbill: Design \"" + DESIGN + "\" version 2 cannot be approved"),
                refused.err());
        assertTrue(refused.err().contains("golden test '"), refused.err());

        // the golden samples updated too: version 3 passes and is approved
        Path fixed = files.resolve("fixed.xmi");
        Files.writeString(fixed, xmi.replace("T17:00:00Z", "T18:00:00Z"));
        assertEquals(0, run("designs", "import", "--actor", "ana", fixed.toString()).exit());
        assertEquals(0, run("designs", "test", DESIGN).exit());
        Run diff = run("designs", "diff", DESIGN, "1", "3");
        assertEquals(0, diff.exit(), diff.err());
        List<String> lines = diff.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Project -> project deadlineUtc: "), diff.out());
        assertEquals(lines.size() - 1 + " changes from version 1 to 3.", lines.get(lines.size() - 1));
        assertEquals("Versions 3 and 3 of " + DESIGN + " map the same way.",
                run("designs", "diff", DESIGN, "3", "3").out().strip());
        Run approved = run("designs", "approve", DESIGN, "3", "--actor", "carla");
        assertEquals(0, approved.exit(), approved.err());
        assertEquals("Design " + DESIGN + " version 3 is approved by carla; the workflows run it from their next run.",
                approved.out().strip());

        Run list = run("designs", "list", "--json");
        JsonNode row = null;
        for (JsonNode r : JSON.readTree(list.out())) {
            row = r.path("name").asText().equals(DESIGN) ? r : row;
        }
        assertEquals(3, row.path("latestVersion").asInt());
        assertEquals(3, row.path("approvedVersion").asInt());

        String user = System.getProperty("user.name");
        assertEquals(List.of(user + " design.save version 1", "crossbill (shipped) design.approve version 1",
                "ana design.save version 2", "ana design.save version 3", "carla design.approve version 3"),
                audit("design:" + DESIGN));
    }

    @Test
    void misuseAndMissingThingsAreOneLineErrors() throws Exception {
        Run noVersion = run("designs", "diff", DESIGN, "1", "9");
        assertEquals(1, noVersion.exit());
        assertEquals("crossbill: Design \"" + DESIGN + "\" has no version 9; its saved versions are [1].",
                noVersion.err().strip());

        Run notANumber = run("designs", "approve", DESIGN, "two");
        assertEquals(2, notANumber.exit());

        Run noDesign = run("designs", "export", "no-such-design", files.resolve("x.xmi").toString());
        assertEquals(1, noDesign.exit());
        assertTrue(noDesign.err().startsWith("crossbill: There is no design \"no-such-design\" in this workspace"),
                noDesign.err());

        Path notXmi = files.resolve("notes.xmi");
        Files.writeString(notXmi, "just some notes");
        Run bad = run("designs", "import", notXmi.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("crossbill: notes.xmi is not a readable mapping design"), bad.err());
    }

    /** The audit entries about one subject, oldest first: actor, action and detail up to the hash. */
    private List<String> audit(String subject) throws Exception {
        List<String> entries = new ArrayList<>();
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + workspace.resolve("crossbill"),
                new Properties()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT actor, action, detail, subject FROM audit_log ORDER BY seq")) {
            while (rs.next()) {
                if (rs.getString(4).equals(subject)) {
                    String detail = rs.getString(3).replaceAll(" sha-256 .*$", "");
                    entries.add(rs.getString(1) + " " + rs.getString(2) + " " + detail);
                }
            }
        }
        return entries;
    }
}
