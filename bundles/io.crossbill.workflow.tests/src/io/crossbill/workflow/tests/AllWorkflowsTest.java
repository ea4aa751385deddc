package io.crossbill.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.Workflows;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllWorkflowsTest {
    @TempDir
    Path workspace;

    @Test
    void theFourWorkflowsOnTheDemoFirmAndASecondPassWritesNothing() throws Exception {
        try (DemoFirmSystems s = new DemoFirmSystems(); EngineDatabase db = EngineDatabase.open(workspace)) {
            Workflows w = new Workflows(s.context(db, DemoFirmSystems.RUN_AT), s.systems);
            Workflows.Pass first = w.runOnce(YearMonth.of(2026, 11), null);
            System.out.println("FIRST " + first.leads());
            System.out.println("FIRST " + first.changes());
            System.out.println("FIRST " + first.master());
            System.out.println("FIRST exceptions " + first.exceptionsRaised() + " writes " + first.writes());
            db.exceptions().find(io.crossbill.store.ExceptionFilter.all()).forEach(x -> System.out.println("EXC "
                    + x.exceptionClass() + " " + x.workflow() + " " + x.businessKey() + ": " + x.cause()));
            Workflows.Pass second = w.runOnce(YearMonth.of(2026, 11), null);
            assertEquals(0, second.writes(), second.toString());
            assertTrue(second.exceptionsRaised().isEmpty(), second.exceptionsRaised().toString());
        }
    }
}
