package io.crossbill.engine.tests.exceptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.IngestOptions;
import io.crossbill.engine.IngestPipeline;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.api.RecordValidator;
import io.crossbill.engine.bench.TimeEntryValidator;
import io.crossbill.engine.bench.XeroTimeEntryMapper;
import io.crossbill.engine.exceptions.ActionOutcome.Verdict;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.engine.exceptions.ExceptionActions.FieldChange;
import io.crossbill.engine.exceptions.FieldExpression;
import io.crossbill.engine.exceptions.Workflow;
import io.crossbill.engine.exceptions.Workflows;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.StoredException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk edit of one field with a JSONata expression: dry run per record, then replay, on a real H2 file. */
class ExpressionEditTest {

    private static final IngestOptions OPTIONS = IngestOptions.of("time-to-billing", "TimeEntry", "erp", "TimeEntry");
    private static final Set<String> KNOWN_PROJECTS = Set.of("p1", "p2");

    @TempDir
    Path workspace;

    private final RecordValidator validator = canonical -> {
        List<RecordValidator.Violation> v = new ArrayList<>(new TimeEntryValidator().validate(canonical));
        String project = canonical.path("project").asText();
        if (!KNOWN_PROJECTS.contains(project)) {
            v.add(new RecordValidator.Violation("project", project + " is not a known project"));
        }
        return v;
    };

    private ExceptionActions actions(EngineDatabase db) {
        return new ExceptionActions(db, Workflows.of(new Workflow(OPTIONS, new XeroTimeEntryMapper(), validator)),
                "alice");
    }

    private static String entry(String id, String projectJson) {
        return "{\"timeEntryId\":\"" + id + "\",\"userId\":\"u-1\",\"projectId\":" + projectJson + ",\"taskId\":\"t-1\","
                + "\"dateUtc\":\"2026-10-08T00:00:00Z\",\"duration\":90,\"description\":\"workshop\"}";
    }

    /** Four time entries that fail for an unknown project: three with a prefix to strip, one with a number. */
    private List<Long> seedFailures(EngineDatabase db) {
        List<RecordEnvelope> batch = new ArrayList<>();
        String[][] rows = {{"te-1", "\"old-p1\""}, {"te-2", "\"old-p2\""}, {"te-3", "\"old-zz\""}, {"te-4", "42"}};
        for (String[] r : rows) {
            batch.add(RecordEnvelope.unversioned("xero", "TimeEntry", r[0], entry(r[0], r[1])
                    .getBytes(StandardCharsets.UTF_8), Instant.now()));
        }
        new IngestPipeline(db, OPTIONS, new XeroTimeEntryMapper(), validator).ingest(batch);
        List<StoredException> found = new ArrayList<>(db.exceptions().find(ExceptionFilter.all()));
        found.sort(Comparator.comparing(StoredException::businessKey));
        assertEquals(4, found.size(), found.toString());
        return found.stream().map(StoredException::id).toList();
    }

    @Test
    void dryRunShowsBeforeAfterAndValidationPerRecordAndWritesNothing() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            List<Long> ids = seedFailures(db);
            long auditBefore = db.audit().verify().entriesChecked();

            List<FieldChange> dry = actions(db).replayAllWithExpression(ids, "/projectId",
                    "$replace(projectId, \"old-\", \"\")", true);

            assertEquals(4, dry.size());
            assertEquals("\"old-p1\"", dry.get(0).before().toString());
            assertEquals("\"p1\"", dry.get(0).after().toString());
            assertEquals(Verdict.WOULD_DO, dry.get(0).outcome().verdict(), dry.get(0).outcome().message());
            assertEquals(Verdict.WOULD_DO, dry.get(1).outcome().verdict());
            // computed, but the target would still refuse it: validation says why
            assertEquals("\"zz\"", dry.get(2).after().toString());
            assertEquals(Verdict.REFUSED, dry.get(2).outcome().verdict());
            assertTrue(dry.get(2).outcome().problems().toString().contains("zz is not a known project"),
                    dry.get(2).outcome().problems().toString());
            // the expression fails on a number: that record's problem, the batch went on
            assertEquals("42", dry.get(3).before().toString());
            assertNull(dry.get(3).after());
            assertEquals(Verdict.REFUSED, dry.get(3).outcome().verdict());
            assertTrue(dry.get(3).outcome().message().startsWith("The expression failed on this payload"),
                    dry.get(3).outcome().message());

            assertEquals(0, db.inbox().count());
            for (long id : ids) {
                StoredException e = db.exceptions().get(id).orElseThrow();
                assertEquals(ExceptionState.OPEN, e.state());
                assertEquals(1, e.history().size());
            }
            assertEquals(auditBefore, db.audit().verify().entriesChecked());
        }
    }

    @Test
    void confirmedEditReplaysTheRecordsThatValidateAndAuditsTheExpression() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            List<Long> ids = seedFailures(db);
            long auditBefore = db.audit().verify().entriesChecked();

            List<FieldChange> done = actions(db).replayAllWithExpression(ids, "/projectId",
                    "$replace(projectId, \"old-\", \"\")", false);

            assertEquals(List.of(Verdict.DONE, Verdict.DONE, Verdict.REFUSED, Verdict.REFUSED),
                    done.stream().map(c -> c.outcome().verdict()).toList());
            assertEquals(2, db.inbox().count());
            assertEquals(ExceptionState.RESOLVED, db.exceptions().get(ids.get(0)).orElseThrow().state());
            assertEquals(ExceptionState.RESOLVED, db.exceptions().get(ids.get(1)).orElseThrow().state());
            assertEquals(ExceptionState.OPEN, db.exceptions().get(ids.get(2)).orElseThrow().state());
            assertEquals(ExceptionState.OPEN, db.exceptions().get(ids.get(3)).orElseThrow().state());
            StoredException fixed = db.exceptions().get(ids.get(0)).orElseThrow();
            assertTrue(fixed.history().get(1).note().contains("/projectId := $replace(projectId, \"old-\", \"\")"),
                    fixed.history().get(1).note());
            assertTrue(fixed.history().get(1).note().contains("was \"old-p1\", now \"p1\""), fixed.history().get(1).note());
            // each replay: RETRYING with the expression, then RESOLVED - both in the audit trail (same note)
            assertTrue(db.audit().verify().entriesChecked() >= auditBefore + 4);
            assertTrue(db.audit().verify().intact());
        }
    }

    @Test
    void theFieldCanBeComputedFromItsOwnValueAndOtherFields() {
        FieldExpression fx = new FieldExpression("/description", "$value & \" (\" & $string(duration) & \" min)\"");
        FieldExpression.Change c = fx.apply(entry("te-9", "\"p1\"").getBytes(StandardCharsets.UTF_8));
        assertEquals("\"workshop\"", c.before().toString());
        assertEquals("\"workshop (90 min)\"", c.after().toString());
        assertTrue(new String(c.editedPayload(), StandardCharsets.UTF_8).contains("\"description\":\"workshop (90 min)\""));
    }

    @Test
    void aBadPointerOrExpressionIsRefusedBeforeAnythingIsTouched() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            List<Long> ids = seedFailures(db);
            IllegalArgumentException parse = assertThrows(IllegalArgumentException.class,
                    () -> actions(db).replayAllWithExpression(ids, "/projectId", "$replace(projectId, ", false));
            assertTrue(parse.getMessage().startsWith("The expression does not parse"), parse.getMessage());
            IllegalArgumentException pointer = assertThrows(IllegalArgumentException.class,
                    () -> actions(db).replayAllWithExpression(ids, "projectId", "\"p1\"", false));
            assertTrue(pointer.getMessage().contains("JSON pointer"), pointer.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> actions(db).replayAllWithExpression(ids, "/projectId", "  ", false));
            assertEquals(0, db.inbox().count());
            assertEquals(4, db.exceptions().find(ExceptionFilter.all().withState(ExceptionState.OPEN)).size());
        }
    }

    @Test
    void anExpressionThatGivesNothingOrLoopsIsThatRecordsProblem() {
        FieldExpression missing = new FieldExpression("/projectId", "noSuchField");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> missing.apply(entry("te-9", "\"p1\"").getBytes(StandardCharsets.UTF_8)));
        assertTrue(none.getMessage().contains("gives no value"), none.getMessage());
        FieldExpression loop = new FieldExpression("/projectId", "($f := function($n){ $f($n + 1) }; $f(0))");
        IllegalArgumentException stopped = assertThrows(IllegalArgumentException.class,
                () -> loop.apply(entry("te-9", "\"p1\"").getBytes(StandardCharsets.UTF_8)));
        assertTrue(stopped.getMessage().startsWith("The expression"), stopped.getMessage());
    }
}
