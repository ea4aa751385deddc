package io.crossbill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionReport;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.store.Sagas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** What the workflows share about sagas: raising a policy exception once, and when a stopped saga goes on. */
final class SagaSupport {
    private final WorkflowContext ctx;
    private final String workflow;
    private final Map<ExceptionClass, Integer> raised = new EnumMap<>(ExceptionClass.class);

    SagaSupport(WorkflowContext ctx, String workflow) {
        this.ctx = ctx;
        this.workflow = workflow;
    }

    /** Exceptions raised so far by this run, by class. */
    Map<ExceptionClass, Integer> raised() {
        return Map.copyOf(raised);
    }

    void count(ExceptionClass cls) {
        raised.merge(cls, 1, Integer::sum);
    }

    /**
     * Whether a saga that stopped (blocked by a check, or failed at a step) waits for an analyst: its
     * exception is still open or dead. Once the analyst retries or resolves it, the next run goes on.
     */
    boolean waitsForAnalyst(Sagas.Saga s) {
        if (s.state() != Sagas.State.BLOCKED && s.state() != Sagas.State.FAILED) {
            return false;
        }
        if (s.exceptionId() == null) {
            return false;
        }
        return ctx.db().exceptions().get(s.exceptionId())
                .map(e -> e.state() == ExceptionState.OPEN || e.state() == ExceptionState.DEAD).orElse(false);
    }

    private boolean retryAsked(Sagas.Saga s) {
        return s.exceptionId() != null && ctx.db().exceptions().get(s.exceptionId())
                .map(e -> e.state() == ExceptionState.RETRYING).orElse(false);
    }

    /**
     * Raises a policy exception about a subject once and marks its saga BLOCKED. A repeated run stays quiet
     * while that exception is open, dead or resolved (resolving accepts that the subject stays held back);
     * after the analyst asked for a retry, a subject that still fails the check is raised again.
     *
     * @return {@code true} when a new exception was raised
     */
    boolean block(String subject, ExceptionClass cls, String step, String system, String entity, JsonNode payload,
            String cause, String fix) {
        Sagas sagas = ctx.db().sagas();
        Optional<Sagas.Saga> existing = sagas.find(workflow, subject);
        if (existing.isPresent() && existing.get().state() == Sagas.State.BLOCKED && !retryAsked(existing.get())) {
            return false;
        }
        Instant now = ctx.clock().instant();
        ctx.db().inTransaction(() -> {
            Sagas.Saga s = sagas.begin(workflow, subject, null, now);
            long id = ctx.db().exceptions().report(new ExceptionReport(cls, workflow, step, system, entity, subject,
                    null, payload == null ? null : payload.toString().getBytes(StandardCharsets.UTF_8), null, cause,
                    fix, null, 0));
            sagas.step(s.id(), step, "BLOCKED", system, null, cause, null, now);
            sagas.finish(s.id(), Sagas.State.BLOCKED, id, cause, now);
        });
        count(cls);
        return true;
    }

    /** Records a failed step: the saga is FAILED with the exception the step filed. */
    void failed(Sagas.Saga saga, String step, String system, StepFailedException e) {
        Instant now = ctx.clock().instant();
        ctx.db().inTransaction(() -> {
            ctx.db().sagas().step(saga.id(), step, "FAILED", system, null, e.getMessage(), null, now);
            ctx.db().sagas().finish(saga.id(), Sagas.State.FAILED, e.exceptionId(), e.getMessage(), now);
        });
        if (e.exceptionId() != null) {
            count(e.exceptionClass());
        }
    }
}
