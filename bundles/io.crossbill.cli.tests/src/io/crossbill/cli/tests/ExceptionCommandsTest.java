package io.crossbill.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.cli.HeadlessApplication;
import io.crossbill.engine.IngestOptions;
import io.crossbill.engine.IngestPipeline;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.bench.TimeEntryValidator;
import io.crossbill.engine.bench.XeroTimeEntryMapper;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.StoredException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./crossbill exceptions|audit|bench} as a user runs them: output, exit codes, one-line errors. */
class ExceptionCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workspace;

    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HeadlessApplication.run(workspace, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static String entry(String id, int minutes) {
        return "{\"timeEntryId\":\"" + id + "\",\"userId\":\"u-1\",\"projectId\":\"p-1\",\"taskId\":\"t-1\","
                + "\"dateUtc\":\"2026-10-08T00:00:00Z\",\"duration\":" + minutes + "}";
    }

    /** Three exceptions: te-1 books 33 hours (VALIDATION), te-2 is broken JSON (MAPPING), d-7 a REFERENCE. */
    private void seed() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            new IngestPipeline(db, IngestOptions.of("time-to-billing", "TimeEntry", "erp", "TimeEntry"),
                    new XeroTimeEntryMapper(), new TimeEntryValidator()).ingest(List.of(
                            envelope("te-1", entry("te-1", 2_000)), envelope("te-2", "{\"timeEntryId\": \"te-2\",")));
            db.exceptions().report(new ExceptionReport(ExceptionClass.REFERENCE, "deal-to-project", "map", "hubspot",
                    "Deal", "d-7", null, "{\"dealId\":\"d-7\"}".getBytes(StandardCharsets.UTF_8), null,
                    "The deal's company is not in NetSuite.", "Create the customer in NetSuite, then retry.", null, 0));
        }
    }

    private static RecordEnvelope envelope(String id, String json) {
        return RecordEnvelope.unversioned("xero", "TimeEntry", id, json.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    private long idOf(String businessKey) {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            return db.exceptions().find(ExceptionFilter.all().withBusinessKey(businessKey)).get(0).id();
        }
    }

    private static void assertOneLineError(Run r, int exit, String expected) {
        assertEquals(exit, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), "one line, not a stack trace: " + r.err());
        assertTrue(r.err().startsWith("crossbill: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void listOnAWorkspaceWithoutADatabaseSaysSoAndCreatesNone() throws Exception {
        Run r = run("exceptions", "list");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("there is no Crossbill database in " + workspace.toAbsolutePath()), r.out());
        assertEquals(0, JSON.readTree(run("exceptions", "list", "--json").out()).get("total").asInt());
        assertFalse(Files.exists(workspace.resolve("crossbill.mv.db")), "a read-only command created a database");
        assertEquals(0, run("audit", "verify").exit());
    }

    @Test
    void listPrintsAlignedColumnsAndFilters() throws Exception {
        seed();
        Run all = run("exceptions", "list");
        assertEquals(0, all.exit(), all.err());
        List<String> lines = all.outLines();
        assertTrue(lines.get(0).matches("ID +CLASS +STATE +WORKFLOW +STEP +SYSTEM +KEY +TRIES +UPDATED \\(UTC\\) +CAUSE"),
                lines.get(0));
        int causeColumn = lines.get(0).indexOf("CAUSE");
        for (String row : lines.subList(1, 4)) {
            assertEquals(' ', row.charAt(causeColumn - 1), "columns are aligned: " + row);
        }
        assertEquals("3 exceptions.", lines.get(4));

        Run mapping = run("exceptions", "list", "--class", "mapping", "--system", "xero");
        assertEquals(3, mapping.outLines().size(), mapping.out());
        assertTrue(mapping.outLines().get(1).contains("MAPPING") && mapping.outLines().get(1).contains("te-2"));

        JsonNode json = JSON.readTree(run("exceptions", "list", "--workflow", "time-to-billing", "--limit", "1",
                "--json").out());
        assertEquals(2, json.get("total").asInt());
        assertEquals(1, json.get("exceptions").size());
        assertEquals("MAPPING", json.get("exceptions").get(0).get("class").asText(), "newest first");
        assertEquals("No exceptions match.", run("exceptions", "list", "--key", "nope").out().strip());
    }

    @Test
    void showPutsCauseAndFixFirstThenPayloadMappedOutputDetailAttemptsAndHistory() throws Exception {
        seed();
        long id = idOf("te-1");
        Run r = run("exceptions", "show", Long.toString(id));
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("Exception " + id + ": VALIDATION, OPEN"), out);
        int cause = out.indexOf("Cause:         The TimeEntry breaks a rule: hours: 33.33 is outside");
        int fix = out.indexOf("Suggested fix: Correct the record");
        int payload = out.indexOf("Payload (");
        int mapped = out.indexOf("Mapped output:");
        int detail = out.indexOf("Detail");
        int attempts = out.indexOf("Attempts: 0");
        int history = out.indexOf("History:");
        assertTrue(0 < cause && cause < fix && fix < payload && payload < mapped && mapped < detail
                && detail < attempts && attempts < history, out);
        assertTrue(out.contains("  \"duration\" : 2000"), "the payload is shown as indented JSON: " + out);
        assertTrue(out.contains("created") && out.contains("engine"), out);

        JsonNode json = JSON.readTree(run("exceptions", "show", Long.toString(id), "--json").out());
        assertEquals(2000, json.get("payload").get("duration").asInt());
        assertEquals(33.33, json.get("mapped_output").get("hours").asDouble());
        assertEquals("OPEN", json.get("history").get(0).get("to").asText());
    }

    @Test
    void badIdsAndUnknownOptionsAreOneLineAndANonZeroExit() {
        seed();
        assertOneLineError(run("exceptions", "show", "abc"), 2, "'abc' is not a long");
        assertOneLineError(run("exceptions", "show", "999"), 1, "There is no exception 999");
        assertOneLineError(run("exceptions", "resolve", "999", "--reason", "x"), 1, "There is no exception 999");
        assertOneLineError(run("exceptions", "list", "--bogus"), 2, "Unknown option: '--bogus'");
        assertOneLineError(run("exceptions", "list", "--class", "OOPS"), 2, "--class");
        assertOneLineError(run("exceptions", "resolve", "1"), 2, "--reason");
        assertOneLineError(run("exceptions", "resolve", "--all-matching", "--reason", "x"), 2, "at least one filter");
        assertOneLineError(run("nonsense"), 2, "nonsense");
    }

    @Test
    void aDryRunSaysWhatWouldHappenAndChangesNothing() throws Exception {
        seed();
        long id = idOf("te-1");
        String before = run("exceptions", "show", Long.toString(id), "--json").out();
        String auditBefore = run("audit", "verify").out();

        Run dry = run("exceptions", "resolve", Long.toString(id), "--reason", "booked by hand", "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertEquals("Dry run: nothing was written.", dry.outLines().get(0));
        assertTrue(dry.outLines().get(2).matches(id + " +resolve +OPEN +RESOLVED +would do +It would be resolved: booked"
                + " by hand"), dry.out());
        Run bulkDry = run("exceptions", "retry", "--all-matching", "--workflow", "time-to-billing", "--dry-run",
                "--json");
        JsonNode outcomes = JSON.readTree(bulkDry.out()).get("outcomes");
        assertEquals(2, outcomes.size());
        assertEquals("WOULD_DO", outcomes.get(1).get("verdict").asText());
        assertTrue(outcomes.get(1).get("problems").get(0).asText().contains("hours"), bulkDry.out());

        assertEquals(before, run("exceptions", "show", Long.toString(id), "--json").out());
        assertEquals(auditBefore, run("audit", "verify").out());
    }

    /** A time entry taken in, its delivery to erp failed for good: one DEAD exception that knows its entry. */
    private long[] seedDeliveryFailure() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            new IngestPipeline(db, IngestOptions.of("time-to-billing", "TimeEntry", "erp", "TimeEntry"),
                    new XeroTimeEntryMapper(), new TimeEntryValidator()).ingest(List.of(
                            envelope("te-9", entry("te-9", 60))));
            OutboxEntry claimed = db.outbox().claim("erp", 10).get(0);
            db.outbox().markFailed(claimed.id(), 5, "503".getBytes(StandardCharsets.UTF_8));
            long id = db.exceptions().report(new ExceptionReport(ExceptionClass.CONNECTIVITY, "time-to-billing",
                    "deliver", "erp", "TimeEntry", "te-9", claimed.lineageId(), null, claimed.payload(),
                    "Gave up after 5 attempts to write to erp: 503", "Check that erp is reachable, then retry.",
                    "HTTP 503", 5, claimed.id()), ExceptionState.DEAD);
            return new long[] {id, claimed.id()};
        }
    }

    private String outboxRows() throws Exception {
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + workspace.resolve("crossbill"),
                new Properties()); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT id, state, attempts FROM outbox ORDER BY id")) {
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
                sb.append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getInt(3))
                        .append('\n');
            }
            return sb.toString();
        }
    }

    @Test
    void retryOfADeliveryFailureFindsItsOutboxEntryAndADryRunWritesNothing() throws Exception {
        long[] seeded = seedDeliveryFailure();
        long id = seeded[0];
        long entry = seeded[1];
        String before = run("exceptions", "show", Long.toString(id), "--json").out();
        String auditBefore = run("audit", "verify").out();
        String outboxBefore = outboxRows();
        assertTrue(outboxBefore.contains(entry + " FAILED 5"), outboxBefore);

        Run dry = run("exceptions", "retry", Long.toString(id), "--dry-run");
        assertEquals(0, dry.exit(), dry.out() + dry.err());
        assertEquals("Dry run: nothing was written.", dry.outLines().get(0));
        assertTrue(dry.outLines().get(2).matches(id + " +retry +DEAD +RETRYING +would do +Outbox entry " + entry
                + " would go back to pending for another delivery to erp\\."), dry.out());
        assertTrue(dry.out().contains("1 would be done, 0 refused."), dry.out());

        assertEquals(before, run("exceptions", "show", Long.toString(id), "--json").out());
        assertEquals(auditBefore, run("audit", "verify").out());
        assertEquals(outboxBefore, outboxRows());

        Run done = run("exceptions", "retry", Long.toString(id), "--actor", "alice", "--json");
        assertEquals(0, done.exit(), done.out() + done.err());
        JsonNode outcome = JSON.readTree(done.out()).get("outcomes").get(0);
        assertEquals("DONE", outcome.get("verdict").asText());
        assertEquals("RETRYING", outcome.get("after").asText());
        assertTrue(outboxRows().contains(entry + " PENDING 5"), outboxRows());
    }

    @Test
    void resolveAndReplayWriteHistoryAndAudit() throws Exception {
        seed();
        long te1 = idOf("te-1");
        long te2 = idOf("te-2");
        Run resolved = run("exceptions", "resolve", "--all-matching", "--class", "REFERENCE", "--reason",
                "deal was lost", "--actor", "alice");
        assertEquals(0, resolved.exit(), resolved.err());
        assertTrue(resolved.out().contains("1 done, 0 refused."), resolved.out());

        Path bad = workspace.resolve("bad.json");
        Files.writeString(bad, entry("te-1", 1_600));
        Run rejected = run("exceptions", "replay", Long.toString(te1), "--payload", bad.toString());
        assertEquals(1, rejected.exit(), rejected.out());
        assertTrue(rejected.out().contains("The edited payload was not accepted"), rejected.out());

        Run fixed = run("exceptions", "replay", Long.toString(te1), "--set", "/duration=480");
        assertEquals(0, fixed.exit(), fixed.out() + fixed.err());
        assertTrue(fixed.out().contains("RESOLVED  done"), fixed.out());
        Run fixedJson = run("exceptions", "replay", Long.toString(te2), "--payload", workspace.resolve("nope.json")
                .toString());
        assertOneLineError(fixedJson, 1, "There is no file");

        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            StoredException e = db.exceptions().get(te1).orElseThrow();
            assertEquals(List.of("created", "replay", "replay-ok"),
                    e.history().stream().map(StoredException.HistoryEntry::action).toList());
            assertEquals(1, db.inbox().count());
        }
        Run list = run("exceptions", "list", "--state", "RESOLVED");
        assertEquals(4, list.outLines().size(), list.out());
        Run verify = run("audit", "verify", "--json");
        assertEquals(0, verify.exit());
        assertTrue(JSON.readTree(verify.out()).get("intact").asBoolean());
    }

    @Test
    void auditVerifyNamesTheFirstBrokenEntry() throws Exception {
        seed();
        run("exceptions", "resolve", Long.toString(idOf("d-7")), "--reason", "lost deal");
        Run intact = run("audit", "verify");
        assertEquals(0, intact.exit());
        assertTrue(intact.out().startsWith("audit trail intact: "), intact.out());

        try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + workspace.resolve("crossbill"),
                new Properties()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 2");
        }
        Run broken = run("audit", "verify");
        assertEquals(1, broken.exit());
        assertTrue(broken.out().startsWith("audit trail broken at entry 2: its content does not match its hash"),
                broken.out());
        JsonNode json = JSON.readTree(run("audit", "verify", "--json").out());
        assertFalse(json.get("intact").asBoolean());
        assertEquals(2, json.get("first_broken_entry").asInt());
    }

    @Test
    void aCorruptDatabaseIsOneLineNamingTheFile() throws Exception {
        Path file = workspace.resolve("crossbill.mv.db");
        Files.writeString(file, "these are the user's notes, not a database");
        Run r = run("exceptions", "list");
        assertOneLineError(r, 1, file.toString());
        assertEquals("these are the user's notes, not a database", Files.readString(file));
    }

    @Test
    void benchPrintsTheFiguresAsJson() throws Exception {
        assertOneLineError(run("bench", "--entries", "0"), 2, "--entries must be at least 1");
        Run r = run("bench", "--entries", "2000", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = JSON.readTree(r.out());
        for (String key : List.of("records_per_s", "baseline_records_per_s", "ratio", "peak_heap_mb")) {
            assertTrue(json.get(key).asDouble() > 0, key + " in " + r.out());
        }
    }
}
