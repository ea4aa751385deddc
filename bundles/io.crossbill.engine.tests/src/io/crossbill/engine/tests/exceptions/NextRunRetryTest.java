package io.crossbill.engine.tests.exceptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.exceptions.ActionOutcome;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.engine.exceptions.NextRun;
import io.crossbill.engine.exceptions.OutboxLocator;
import io.crossbill.engine.exceptions.Workflows;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.StoredException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exceptions of a workflow that takes its subjects up again by itself (a saga workflow): a retry marks the
 * exception RETRYING and asks for the next run; a replay is refused; an ingest failure of the same workflow name
 * is still re-run through its ingest workflow.
 */
class NextRunRetryTest {

    @TempDir
    Path workspace;

    /** Takes up every exception of workflow "lead-to-project"; records the runs asked for. */
    private static final class Runs implements NextRun {
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean takesUp(StoredException e) {
            return "lead-to-project".equals(e.workflow());
        }

        @Override
        public String request(String workflow) {
            asked.add(workflow);
            return "now";
        }
    }

    private static long blocked(EngineDatabase db, String step) {
        return db.exceptions().report(new ExceptionReport(ExceptionClass.VALIDATION, "lead-to-project", step, "xero",
                "Contact", "deal:42", null, "{\"TaxNumber\":\"DE98765\"}".getBytes(StandardCharsets.UTF_8), null,
                "Tax id 'DE98765' is not a valid DE tax id.", "Correct the tax id in HubSpot, then retry.", null, 0));
    }

    @Test
    void aSagaExceptionIsQueuedForTheNextRunWhichIsAskedForOnce() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long id = blocked(db, "customer");
            Runs runs = new Runs();
            ExceptionActions actions = new ExceptionActions(db, Workflows.of(), OutboxLocator.NONE, runs, "alice");

            ActionOutcome dry = actions.retry(id, true);
            assertEquals(ActionOutcome.Verdict.WOULD_DO, dry.verdict(), dry.message());
            assertEquals(ExceptionState.OPEN, db.exceptions().get(id).orElseThrow().state(), "a dry run writes nothing");
            assertTrue(runs.asked.isEmpty(), "a dry run asks for no run");

            ActionOutcome done = actions.retry(id, false);
            assertEquals(ActionOutcome.Verdict.DONE, done.verdict(), done.message());
            assertEquals("Queued: workflow lead-to-project takes deal:42 up again now.", done.message());
            StoredException e = db.exceptions().get(id).orElseThrow();
            assertEquals(ExceptionState.RETRYING, e.state());
            assertEquals("retry by alice", e.history().get(e.history().size() - 1).action() + " by "
                    + e.history().get(e.history().size() - 1).actor());
            assertEquals(List.of("lead-to-project"), runs.asked);
            assertTrue(db.audit().verify().intact());

            ActionOutcome again = actions.retry(id, false);
            assertEquals(ActionOutcome.Verdict.REFUSED, again.verdict(), "queued once is enough");
            assertTrue(again.message().contains("waits for the next run"), again.message());
            assertEquals(1, runs.asked.size());
        }
    }

    @Test
    void aSagaExceptionCannotBeReplayedWithAnEditedPayload() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long id = blocked(db, "customer");
            ExceptionActions actions = new ExceptionActions(db, Workflows.of(), OutboxLocator.NONE, new Runs(), "alice");
            ActionOutcome replay = actions.replay(id, "{\"TaxNumber\":\"DE123456789\"}".getBytes(StandardCharsets.UTF_8),
                    false);
            assertEquals(ActionOutcome.Verdict.REFUSED, replay.verdict());
            assertTrue(replay.message().contains("no payload to edit and replay"), replay.message());
            assertEquals(ExceptionState.OPEN, db.exceptions().get(id).orElseThrow().state());
        }
    }

    @Test
    void withoutANextRunASagaExceptionIsRefusedAsBefore() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long id = blocked(db, "customer");
            ActionOutcome r = new ExceptionActions(db, Workflows.of(), "alice").retry(id, false);
            assertEquals(ActionOutcome.Verdict.REFUSED, r.verdict());
            assertTrue(r.message().contains("does not run workflow 'lead-to-project'"), r.message());
        }
    }

    @Test
    void anIngestFailureIsNotTakenUpByTheNextRun() {
        try (EngineDatabase db = EngineDatabase.open(workspace)) {
            long id = blocked(db, "validate");
            Runs runs = new Runs();
            ActionOutcome r = new ExceptionActions(db, Workflows.of(), OutboxLocator.NONE, runs, "alice").retry(id,
                    false);
            assertEquals(ActionOutcome.Verdict.REFUSED, r.verdict(), "no ingest workflow of that name here");
            assertTrue(runs.asked.isEmpty(), runs.asked.toString());
        }
    }
}
