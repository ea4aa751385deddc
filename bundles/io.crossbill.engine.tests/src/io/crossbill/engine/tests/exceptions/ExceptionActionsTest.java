package io.crossbill.engine.tests.exceptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.IngestOptions;
import io.crossbill.engine.IngestPipeline;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.api.RecordValidator;
import io.crossbill.engine.bench.TimeEntryValidator;
import io.crossbill.engine.bench.XeroTimeEntryMapper;
import io.crossbill.engine.exceptions.ActionOutcome;
import io.crossbill.engine.exceptions.ActionOutcome.Verdict;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.engine.exceptions.PayloadEdit;
import io.crossbill.engine.exceptions.Workflow;
import io.crossbill.engine.exceptions.Workflows;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.Outbox;
import io.crossbill.store.StoredException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyst's actions on a real H2 file: what they write, what they refuse, and that dry runs write nothing. */
class ExceptionActionsTest {

    private static final String WORKFLOW = "time-to-billing";
    private static final IngestOptions OPTIONS = IngestOptions.of(WORKFLOW, "TimeEntry", "erp", "TimeEntry");

    @TempDir
    Path workspace;

    /** Projects the target knows; entries for other projects fail validation until the project appears. */
    private final Set<String> knownProjects = ConcurrentHashMap.newKeySet();

    private final RecordValidator validator = canonical -> {
        List<RecordValidator.Violation> violations = new ArrayList<>(new TimeEntryValidator().validate(canonical));
        String project = canonical.path("project").asText();
        if (!project.isEmpty() && !knownProjects.contains(project)) {
            violations.add(new RecordValidator.Violation("project", project + " is not a known project"));
        }
        return violations;
    };

    private final Workflows workflows = Workflows.of(new Workflow(OPTIONS, new XeroTimeEntryMapper(), validator));

    private static String entry(String id, String project, int minutes) {
        return "{\"timeEntryId\":\"" + id + "\",\"userId\":\"u-1\",\"projectId\":\"" + project + "\",\"taskId\":\"t-1\","
                + "\"dateUtc\":\"2026-10-08T00:00:00Z\",\"duration\":" + minutes + ",\"description\":\"workshop\"}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void ingest(EngineDatabase db, String... payloads) {
        List<RecordEnvelope> batch = new ArrayList<>();
        for (String p : payloads) {
            String id = p.replaceAll(".*\"timeEntryId\":\"([^\"]+)\".*", "$1");
            batch.add(RecordEnvelope.unversioned("xero", "TimeEntry", id, bytes(p), Instant.now()));
        }
        new IngestPipeline(db, OPTIONS, new XeroTimeEntryMapper(), validator).ingest(batch);
    }

    private ExceptionActions actions(EngineDatabase db) {
        return new ExceptionActions(db, workflows, "alice");
    }

    private static StoredException only(EngineDatabase db) {
        List<StoredException> all = db.exceptions().find(ExceptionFilter.all());
        assertEquals(1, all.size(), all.toString());
        return db.exceptions().get(all.get(0).id()).orElseThrow();
    }

    private static List<String> transitions(StoredException e) {
        return e.history().stream().map(h -> h.action() + ":" + h.fromState() + "->" + h.toState() + ":" + h.actor())
                .toList();
    }

    @Test
    void retryReRunsTheStoredPayloadOnceTheCauseIsFixed() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ingest(db, entry("te-1", "p-new", 60));
            StoredException failed = only(db);
            assertEquals(ExceptionClass.VALIDATION, failed.exceptionClass());
            assertEquals(0, db.inbox().count());

            knownProjects.add("p-new");
            ActionOutcome outcome = actions(db).retry(failed.id(), false);

            assertEquals(Verdict.DONE, outcome.verdict(), outcome.message());
            assertEquals(ExceptionState.OPEN, outcome.before());
            assertEquals(ExceptionState.RESOLVED, outcome.after());
            assertEquals(1, db.inbox().count());
            StoredException after = db.exceptions().get(failed.id()).orElseThrow();
            assertEquals(ExceptionState.RESOLVED, after.state());
            assertEquals(1, after.attempts());
            assertEquals(List.of("created:null->OPEN:engine", "retry:OPEN->RETRYING:alice",
                    "retry-ok:RETRYING->RESOLVED:alice"), transitions(after));
            assertTrue(db.audit().verify().intact());
        }
    }

    @Test
    void retryThatFailsAgainGoesBackToOpenWithTheNewCauseInItsHistory() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ingest(db, entry("te-1", "p-new", 60));
            StoredException failed = only(db);
            ActionOutcome outcome = actions(db).retry(failed.id(), false);

            assertEquals(Verdict.DONE, outcome.verdict());
            assertEquals(ExceptionState.OPEN, outcome.after());
            assertTrue(outcome.message().contains("p-new is not a known project"), outcome.message());
            StoredException after = db.exceptions().get(failed.id()).orElseThrow();
            assertEquals(List.of("created:null->OPEN:engine", "retry:OPEN->RETRYING:alice",
                    "retry-failed:RETRYING->OPEN:alice"), transitions(after));
            assertTrue(after.history().get(2).note().contains("p-new is not a known project"));
            assertEquals(1, db.exceptions().count(ExceptionFilter.all()), "no second exception for the same record");
            assertEquals(0, db.inbox().count());
        }
    }

    @Test
    void anEditedPayloadIsValidatedBeforeItIsAcceptedAndARejectedEditChangesNothing() {
        knownProjects.add("p-1");
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ingest(db, entry("te-1", "p-1", 2_000)); // 33 hours
            StoredException failed = only(db);
            String before = Snapshot.of(db);

            ActionOutcome rejected = actions(db).replay(failed.id(), bytes(entry("te-1", "p-1", 1_600)), false);
            assertEquals(Verdict.REFUSED, rejected.verdict());
            assertEquals(ExceptionState.OPEN, rejected.after());
            assertTrue(rejected.message().contains("hours: 26.67 is outside"), rejected.message());
            assertEquals(1, rejected.problems().size());
            ActionOutcome notJson = actions(db).replay(failed.id(), bytes("{\"timeEntryId\": "), false);
            assertEquals(Verdict.REFUSED, notJson.verdict());
            assertTrue(notJson.message().contains("not valid JSON"), notJson.message());
            assertEquals(before, Snapshot.of(db), "a rejected edit wrote something");

            ActionOutcome accepted = actions(db).replay(failed.id(), bytes(entry("te-1", "p-1", 480)), false);
            assertEquals(Verdict.DONE, accepted.verdict(), accepted.message());
            assertEquals(ExceptionState.RESOLVED, accepted.after());
            assertEquals(1, db.inbox().count());
            StoredException after = db.exceptions().get(failed.id()).orElseThrow();
            assertEquals(List.of("created:null->OPEN:engine", "replay:OPEN->RETRYING:alice",
                    "replay-ok:RETRYING->RESOLVED:alice"), transitions(after));
            String sha = IdempotencyKey.contentHash(bytes(entry("te-1", "p-1", 480)));
            assertTrue(after.history().get(1).note().contains(sha), "the history names the replayed payload");
            assertTrue(db.audit().verify().intact());
        }
    }

    @Test
    void resolveNeedsAReasonAndRecordsWhoAndWhy() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ingest(db, entry("te-1", "p-x", 60));
            long id = only(db).id();
            ExceptionActions actions = actions(db);
            assertThrows(IllegalArgumentException.class, () -> actions.resolve(id, "  ", false));
            assertThrows(NoSuchElementException.class, () -> actions.resolve(id + 100, "gone", false));
            long auditBefore = db.audit().lastSeq();

            ActionOutcome done = actions.resolve(id, "project p-x was closed; booked by hand", false);
            assertEquals(Verdict.DONE, done.verdict());
            StoredException after = db.exceptions().get(id).orElseThrow();
            assertEquals(ExceptionState.RESOLVED, after.state());
            assertEquals("project p-x was closed; booked by hand", after.history().get(1).note());
            assertEquals("alice", after.history().get(1).actor());
            assertEquals(auditBefore + 1, db.audit().lastSeq());

            assertEquals(Verdict.REFUSED, actions.resolve(id, "again", false).verdict());
            assertEquals(Verdict.REFUSED, actions.retry(id, false).verdict());
        }
    }

    @Test
    void dryRunsReportWhatWouldHappenAndWriteNothing() {
        knownProjects.add("p-1");
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ingest(db, entry("te-1", "p-2", 60), entry("te-2", "p-1", 2_000), entry("te-3", "p-1", 3_000));
            assertEquals(3, db.exceptions().count(ExceptionFilter.all()));
            String before = Snapshot.of(db);
            ExceptionActions actions = actions(db);

            List<ActionOutcome> retries = actions.retryAll(ExceptionFilter.all(), true);
            List<ActionOutcome> resolves = actions.resolveAll(ExceptionFilter.all(), "not billable", true);
            List<ActionOutcome> replays = actions.replayAll(ExceptionFilter.all(), PayloadEdit.parse("/duration", "90"),
                    true);

            assertEquals(before, Snapshot.of(db), "a dry run wrote something");
            assertTrue(db.audit().verify().intact());
            assertEquals(3, retries.size());
            assertTrue(retries.stream().allMatch(o -> o.verdict() == Verdict.WOULD_DO
                    && o.before() == ExceptionState.OPEN && o.after() == ExceptionState.OPEN), retries.toString());
            assertTrue(resolves.stream().allMatch(o -> o.verdict() == Verdict.WOULD_DO
                    && o.after() == ExceptionState.RESOLVED), resolves.toString());
            // the edit fixes the hours of te-2 and te-3, but te-1's project is still unknown
            assertEquals(List.of(Verdict.WOULD_DO, Verdict.WOULD_DO, Verdict.REFUSED),
                    replays.stream().map(ActionOutcome::verdict).toList());
            assertTrue(replays.get(2).problems().get(0).contains("p-2 is not a known project"));
        }
    }

    @Test
    void bulkActionsTouchOnlyWhatTheQueryMatches() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long refXeroTtb1 = report(db, ExceptionClass.REFERENCE, "xero", WORKFLOW, "te-1", entry("te-1", "p-9", 60));
            long refXeroTtb2 = report(db, ExceptionClass.REFERENCE, "xero", WORKFLOW, "te-2", entry("te-2", "p-9", 90));
            long refHubspot = report(db, ExceptionClass.REFERENCE, "hubspot", WORKFLOW, "d-1", "{}");
            long refOtherWf = report(db, ExceptionClass.REFERENCE, "xero", "deal-to-project", "te-3", "{}");
            long validation = report(db, ExceptionClass.VALIDATION, "xero", WORKFLOW, "te-4", "{}");
            ExceptionFilter query = ExceptionFilter.all().withClass(ExceptionClass.REFERENCE).withSystem("xero")
                    .withWorkflow(WORKFLOW);

            knownProjects.add("p-9");
            List<ActionOutcome> retried = actions(db).retryAll(query, false);

            assertEquals(Set.of(refXeroTtb1, refXeroTtb2),
                    retried.stream().map(ActionOutcome::exceptionId).collect(Collectors.toSet()));
            assertTrue(retried.stream().allMatch(o -> o.after() == ExceptionState.RESOLVED), retried.toString());
            assertEquals(2, db.inbox().count());
            for (long untouched : new long[] {refHubspot, refOtherWf, validation}) {
                assertEquals(ExceptionState.OPEN, db.exceptions().get(untouched).orElseThrow().state());
            }
            List<ActionOutcome> resolved = actions(db).resolveAll(ExceptionFilter.all().withSystem("hubspot"),
                    "deal deleted in HubSpot", false);
            assertEquals(List.of(refHubspot), resolved.stream().map(ActionOutcome::exceptionId).toList());
            assertEquals(ExceptionState.OPEN, db.exceptions().get(validation).orElseThrow().state());
            assertTrue(db.audit().verify().intact());
        }
    }

    @Test
    void bulkEditAndReplayFixesOneFieldInEveryMatchingPayload() {
        knownProjects.add("p-1");
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ingest(db, entry("te-1", "p-1", 2_000), entry("te-2", "p-1", 1_500));
            long other = report(db, ExceptionClass.MAPPING, "xero", WORKFLOW, "te-9", "[1, 2]");
            List<ActionOutcome> outcomes = actions(db).replayAll(
                    ExceptionFilter.all().withClass(ExceptionClass.VALIDATION), PayloadEdit.parse("/duration", "450"),
                    false);
            assertEquals(2, outcomes.size());
            assertTrue(outcomes.stream().allMatch(o -> o.verdict() == Verdict.DONE), outcomes.toString());
            assertEquals(2, db.inbox().count());

            ActionOutcome cannotEdit = actions(db).replayAll(ExceptionFilter.all().withClass(ExceptionClass.MAPPING),
                    PayloadEdit.parse("/x/y", "1"), false).get(0);
            assertEquals(other, cannotEdit.exceptionId());
            assertEquals(Verdict.REFUSED, cannotEdit.verdict());
            assertEquals(ExceptionState.OPEN, db.exceptions().get(other).orElseThrow().state());
        }
    }

    @Test
    void retryOfADeliveryFailurePutsItsOutboxEntryBackToPending() {
        knownProjects.add("p-1");
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            ingest(db, entry("te-1", "p-1", 60));
            OutboxEntry sent = db.outbox().claim("erp", 10).get(0);
            db.outbox().markFailed(sent.id(), 5, bytes("503"));
            long id = db.exceptions().report(new ExceptionReport(ExceptionClass.CONNECTIVITY, WORKFLOW,
                    ExceptionActions.DELIVERY_STEP, "erp", "TimeEntry", sent.lineageId(), sent.lineageId(), null,
                    sent.payload(), "erp did not answer", "Retry later.", "HTTP 503", 5));

            ActionOutcome unknown = actions(db).retry(id, false);
            assertEquals(Verdict.REFUSED, unknown.verdict(), "without a way to find the outbox entry it must not guess");

            ExceptionActions actions = new ExceptionActions(db, workflows, e -> OptionalLong.of(sent.id()), "bob");
            String before = Snapshot.of(db);
            ActionOutcome dry = actions.retry(id, true);
            assertEquals(Verdict.WOULD_DO, dry.verdict());
            assertEquals(ExceptionState.RETRYING, dry.after());
            assertEquals(before, Snapshot.of(db));
            assertEquals(Outbox.State.FAILED, db.outbox().state(sent.id()));

            ActionOutcome done = actions.retry(id, false);
            assertEquals(Verdict.DONE, done.verdict(), done.message());
            assertEquals(Outbox.State.PENDING, db.outbox().state(sent.id()));
            assertEquals(ExceptionState.RETRYING, db.exceptions().get(id).orElseThrow().state());
            assertEquals(Verdict.REFUSED, actions.retry(id, false).verdict(), "the entry is pending already");
            assertFalse(actions.replay(id, sent.payload(), false).verdict() == Verdict.DONE);
            assertTrue(db.audit().verify().intact());
        }
    }

    private static long report(EngineDatabase db, ExceptionClass cls, String system, String workflow, String key,
            String payload) {
        return db.exceptions().report(new ExceptionReport(cls, workflow, "validate", system, "TimeEntry", key, null,
                bytes(payload), null, "The project is not in the target system.", "Create the project, then retry.",
                null, 0));
    }

    /** What an action could change, as text: exceptions with history, audit chain, inbox and outbox. */
    static final class Snapshot {
        static String of(EngineDatabase db) {
            StringBuilder sb = new StringBuilder();
            for (StoredException listed : db.exceptions().find(ExceptionFilter.all())) {
                StoredException e = db.exceptions().get(listed.id()).orElseThrow();
                sb.append(e.id()).append(' ').append(e.state()).append(' ').append(e.attempts()).append(' ')
                        .append(e.updatedAt()).append(' ').append(e.history()).append('\n');
            }
            sb.append("audit ").append(db.audit().lastSeq()).append(' ').append(db.audit().verify()).append('\n');
            sb.append("inbox ").append(db.inbox().count()).append(" outbox ").append(db.outbox().countByState());
            return sb.toString();
        }
    }
}
