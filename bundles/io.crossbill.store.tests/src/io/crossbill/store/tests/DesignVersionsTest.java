package io.crossbill.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.store.DesignVersions;
import io.crossbill.store.DesignVersions.Version;
import io.crossbill.store.EngineDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved design versions in a real workspace database: numbering, unchanged saves, approval, the audit trail. */
class DesignVersionsTest {

    private static final String V1 = "<mapping:MappingDesign name=\"deals\" version=\"1\"/>";
    private static final String V2 = "<mapping:MappingDesign name=\"deals\" version=\"2\" description=\"x\"/>";

    @TempDir
    Path workspace;

    @Test
    void eachSaveIsTheNextVersionAndUnchangedContentSavesNothing() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            DesignVersions designs = new DesignVersions(db);
            Version first = designs.save("deals", V1, "ana", "first cut");
            Version again = designs.save("deals", V1, "ben", "no change");
            Version second = designs.save("deals", V2, "ben", "describe it");

            assertEquals(1, first.version());
            assertEquals(first, again, "unchanged content must return the latest version, not a new one");
            assertEquals(2, second.version());
            assertEquals(DesignVersions.hash(V2), second.hash());
            assertEquals(List.of(2, 1), designs.versions("deals").stream().map(Version::version).toList());
            assertEquals(Optional.of(V1), designs.load("deals", 1));
            assertEquals(Optional.of(V2), designs.load("deals", 2));
            assertEquals(Optional.empty(), designs.load("deals", 3));
            assertEquals(2, designs.latest("deals").orElseThrow().version());
            assertEquals("ben", designs.latest("deals").orElseThrow().savedBy());
            assertEquals("describe it", designs.latest("deals").orElseThrow().comment());
            assertEquals(List.of(), designs.versions("contacts"));
            assertEquals(Optional.empty(), designs.latest("contacts"));
        }
    }

    @Test
    void theTextForAVersionNumberIsAskedForTheLatestNumberFirstSoAVersionAttributeDoesNotDefeatTheHash() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            DesignVersions designs = new DesignVersions(db);
            designs.save("deals", v -> "<d version=\"" + v + "\" rule=\"a\"/>", "ana", "");
            Version same = designs.save("deals", v -> "<d version=\"" + v + "\" rule=\"a\"/>", "ana", "");
            Version changed = designs.save("deals", v -> "<d version=\"" + v + "\" rule=\"b\"/>", "ana", "");

            assertEquals(1, same.version());
            assertEquals(2, changed.version());
            assertEquals(Optional.of("<d version=\"2\" rule=\"b\"/>"), designs.load("deals", 2));
        }
    }

    @Test
    void approvalIsRecordedOnceAndTheEngineVersionIsTheHighestApproved() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            DesignVersions designs = new DesignVersions(db);
            designs.save("deals", V1, "ana", "");
            designs.save("deals", V2, "ana", "");
            assertEquals(Optional.empty(), designs.latestApproved("deals"));
            assertNull(designs.latest("deals").orElseThrow().approvedBy());

            Version approved = designs.approve("deals", 1, "carla");
            Version twice = designs.approve("deals", 1, "dan");

            assertTrue(approved.approved());
            assertEquals("carla", twice.approvedBy(), "a second approval must not replace the first");
            assertEquals(approved.approvedAt(), twice.approvedAt());
            assertEquals(1, designs.latestApproved("deals").orElseThrow().version(),
                    "version 2 is saved but not approved: the engine keeps version 1");
            assertFalse(designs.version("deals", 2).orElseThrow().approved());

            designs.approve("deals", 2, "carla");
            assertEquals(2, designs.latestApproved("deals").orElseThrow().version());
        }
    }

    @Test
    void approvingAVersionThatDoesNotExistSaysWhichExist() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            DesignVersions designs = new DesignVersions(db);
            designs.save("deals", V1, "ana", "");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> designs.approve("deals", 5, "carla"));
            assertEquals("Design \"deals\" has no version 5; its saved versions are [1].", e.getMessage());
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                    () -> designs.approve("contacts", 1, "carla"));
            assertTrue(none.getMessage().contains("\"contacts\" has no saved version"), none.getMessage());
            assertFalse(designs.version("deals", 1).orElseThrow().approved());
        }
    }

    @Test
    void badInputIsRefusedWithWhatIsWrongAndNothingIsSaved() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            DesignVersions designs = new DesignVersions(db);
            assertEquals("Missing who saves the design.", assertThrows(IllegalArgumentException.class,
                    () -> designs.save("deals", V1, " ", "")).getMessage());
            assertEquals("Missing the design's XMI text.", assertThrows(IllegalArgumentException.class,
                    () -> designs.save("deals", "", "ana", "")).getMessage());
            String tooLong = "x".repeat(DesignVersions.MAX_COMMENT + 1);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> designs.save("deals", V1, "ana", tooLong))
                    .getMessage().contains("2001 characters"));
            assertEquals(List.of(), designs.names());
        }
    }

    @Test
    void savesAndApprovalsAreInTheVerifiedAuditTrailAndSurviveAReopen() throws Exception {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            DesignVersions designs = new DesignVersions(db);
            designs.save("deals", V1, "ana", "first cut");
            designs.save("contacts", V1, "ana", "");
            designs.save("deals", V1, "ana", "unchanged: no entry");
            designs.approve("deals", 1, "carla");
            designs.approve("deals", 1, "carla");
        }
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            DesignVersions designs = new DesignVersions(db);
            assertEquals(List.of("contacts", "deals"), designs.names());
            assertEquals("carla", designs.latestApproved("deals").orElseThrow().approvedBy());
            assertTrue(db.audit().verify().intact());
        }
        List<String> audit = new ArrayList<>();
        try (Connection c = StoreTestSupport.rawConnection(workspace); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT actor, action, subject, detail FROM audit_log ORDER BY seq")) {
            while (rs.next()) {
                audit.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        String hash = DesignVersions.hash(V1);
        assertEquals(List.of("ana design.save design:deals version 1 sha-256 " + hash + ": first cut",
                "ana design.save design:contacts version 1 sha-256 " + hash,
                "carla design.approve design:deals version 1 sha-256 " + hash), audit);
    }
}
