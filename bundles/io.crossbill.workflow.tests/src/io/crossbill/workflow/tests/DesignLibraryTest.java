package io.crossbill.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.TestCase;
import io.crossbill.mapping.runtime.TestCaseOutcome;
import io.crossbill.store.DesignVersions.Version;
import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.DesignLibrary;
import io.crossbill.workflow.ShippedDesigns;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.WorkflowSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace's design versions as the engine sees them: a first start seeds the shipped designs as approved
 * version 1; a saved change is not run until it is approved; approval is refused, with the reason, for a design
 * that cannot run or fails a golden test kept with it; saves and approvals are in the audit trail.
 */
class DesignLibraryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESIGN = ShippedDesigns.PROJECT_TO_XERO_PROJECT;
    /** A canonical Project as lead to project hands it to the second leg. */
    private static final String PROJECT = "{\"eClass\":\"Project\",\"customerId\":\"c-9\",\"name\":\"Harbour audit\","
            + "\"budget\":1200,\"endDate\":\"2027-03-31\"}";

    @TempDir
    Path workspace;

    @Test
    void aFirstStartSeedsEveryShippedDesignAsApprovedVersionOneAndASecondStartAddsNothing() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            DesignLibrary library = new DesignLibrary(db);
            assertEquals(DesignLibrary.SHIPPED, library.seedShipped("ana"));
            long seq = db.audit().lastSeq();
            assertEquals(2L * DesignLibrary.SHIPPED.size(), seq, "one design.save and one design.approve each");

            assertEquals(List.of(), library.seedShipped("ana"));
            assertEquals(seq, db.audit().lastSeq(), "a second start writes nothing");
            for (String name : DesignLibrary.SHIPPED) {
                List<Version> versions = library.versions().versions(name);
                assertEquals(1, versions.size(), name);
                assertEquals(DesignLibrary.SHIPPED_APPROVER, versions.get(0).approvedBy(), name);
                assertEquals("ana", versions.get(0).savedBy(), name);
                assertEquals(1, library.forEngine(name).getVersion(), name);
                // opened and saved again unchanged: the XMI round trip is stable, so no version 2 appears
                assertEquals(1, library.save(library.open(name), "ana", "no change").version(), name);
            }
            assertEquals(seq, db.audit().lastSeq(), "unchanged saves write nothing");
            assertTrue(library.names().containsAll(DesignLibrary.SHIPPED));
            assertTrue(db.audit().verify().intact());
        }
    }

    @Test
    void theEngineRunsTheApprovedVersionUntilTheNewOneIsApproved() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            WorkflowContext ctx = WorkflowContext.of(db, WorkflowSettings.defaults());
            assertSame(ShippedDesigns.get(), ctx.designs(), "nothing approved in the workspace: the shipped designs");
            DesignLibrary library = new DesignLibrary(db);
            library.seedShipped("ana");

            MappingDesign design = library.open(DESIGN);
            rule(design, "deadlineUtc").setExpression("$ & \"T18:00:00Z\"");
            for (TestCase t : design.getTestCases()) {
                t.setExpectedJson(t.getExpectedJson().replace("T17:00:00Z", "T18:00:00Z"));
            }
            long before = db.audit().lastSeq();
            Version saved = library.save(design, "ana", "deadline at 18:00 UTC");
            assertEquals(2, saved.version());
            assertEquals(2, design.getVersion(), "saving sets the design's version");
            assertEquals(before + 1, db.audit().lastSeq(), "a save is one audit entry");

            ShippedDesigns running = ctx.designs();
            assertEquals(1, running.version(DESIGN), "version 2 is saved, not approved");
            assertEquals("2027-03-31T17:00:00Z", deadline(running));
            assertEquals(2, library.open(DESIGN).getVersion(), "the editor opens the latest version");

            Version approved = library.approve(DESIGN, 2, "carla");
            assertEquals("carla", approved.approvedBy());
            assertEquals(before + 2, db.audit().lastSeq(), "an approval is one audit entry");
            ShippedDesigns now = ctx.designs();
            assertEquals(2, now.version(DESIGN));
            assertEquals("2027-03-31T18:00:00Z", deadline(now));
            assertSame(now, ctx.designs(), "the same approved versions are compiled once");
            assertEquals(1, now.version(ShippedDesigns.DEAL_TO_PROJECT), "the other designs stay as seeded");

            assertEquals(approved, library.approve(DESIGN, 2, "dan"), "approving twice changes nothing");
            assertEquals(before + 2, db.audit().lastSeq());
            assertTrue(db.audit().verify().intact());
        }
    }

    @Test
    void aDesignWithABrokenExpressionCannotBeApprovedAndTheReasonNamesTheRule() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            DesignLibrary library = new DesignLibrary(db);
            library.seedShipped("ana");
            MappingDesign design = library.open(DESIGN);
            rule(design, "name").setExpression("$substring($, 0, ");
            assertEquals(2, library.save(design, "ana", "half-typed expression").version());
            long before = db.audit().lastSeq();

            DesignLibrary.NotApprovableException e = assertThrows(DesignLibrary.NotApprovableException.class,
                    () -> library.approve(DESIGN, 2, "carla"));

            assertTrue(e.getMessage().startsWith("Design \"project-to-xero-project\" version 2 cannot be approved"),
                    e.getMessage());
            assertFalse(e.reasons().isEmpty());
            assertTrue(e.reasons().get(0).contains("name"), e.reasons().get(0));
            assertEquals(before, db.audit().lastSeq(), "a refused approval writes nothing");
            assertFalse(library.versions().version(DESIGN, 2).orElseThrow().approved());
            assertEquals(1, library.engineVersion(DESIGN).orElseThrow().version());
            assertEquals(1, WorkflowContext.of(db, WorkflowSettings.defaults()).designs().version(DESIGN));
        }
    }

    @Test
    void aDesignWhoseGoldenTestFailsCannotBeApprovedAndTheReasonSaysWhatItProduced() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            DesignLibrary library = new DesignLibrary(db);
            library.seedShipped("ana");
            MappingDesign design = library.open(DESIGN);
            rule(design, "deadlineUtc").setExpression("$ & \"T18:00:00Z\"");
            library.save(design, "ana", "deadline moved, golden samples not updated");

            List<TestCaseOutcome> outcomes = library.goldenOutcomes(DESIGN, 2);
            assertEquals(design.getTestCases().size(), outcomes.size());
            assertTrue(outcomes.stream().noneMatch(TestCaseOutcome::passed));
            assertTrue(library.goldenOutcomes(DESIGN, 1).stream().allMatch(TestCaseOutcome::passed));

            DesignLibrary.NotApprovableException e = assertThrows(DesignLibrary.NotApprovableException.class,
                    () -> library.approve(DESIGN, 2, "carla"));
            String first = e.reasons().get(0);
            assertTrue(first.startsWith("golden test '" + outcomes.get(0).name() + "' fails: expected"), first);
            assertTrue(first.contains("T18:00:00Z"), first);
            assertEquals(1, library.engineVersion(DESIGN).orElseThrow().version());
        }
    }

    @Test
    void unknownDesignsAndVersionsAreNamedInTheError() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            DesignLibrary library = new DesignLibrary(db);
            library.seedShipped("ana");
            IllegalArgumentException noDesign = assertThrows(IllegalArgumentException.class,
                    () -> library.open("no-such-design"));
            assertTrue(noDesign.getMessage().startsWith("There is no design \"no-such-design\" in this workspace; the"
                    + " designs are ["), noDesign.getMessage());
            IllegalArgumentException noVersion = assertThrows(IllegalArgumentException.class,
                    () -> library.approve(DESIGN, 7, "carla"));
            assertEquals("Design \"project-to-xero-project\" has no version 7; its saved versions are [1].",
                    noVersion.getMessage());
        }
    }

    private static FieldRule rule(MappingDesign design, String targetPath) {
        return design.getEntityMappings().get(0).getRules().stream().filter(r -> r.getTargetPath().equals(targetPath))
                .findFirst().orElseThrow(() -> new AssertionError("no rule " + targetPath + " in " + design.getName()));
    }

    private static String deadline(ShippedDesigns designs) throws Exception {
        JsonNode project = JSON.readTree(PROJECT);
        return designs.map(DESIGN, project).orThrow().output().path("deadlineUtc").asText();
    }
}
