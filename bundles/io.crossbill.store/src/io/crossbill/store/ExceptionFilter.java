package io.crossbill.store;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionState;

/**
 * A query over the exception queue, e.g. "all REFERENCE exceptions for system X in workflow Y". Fields
 * that are {@code null} do not filter.
 */
public record ExceptionFilter(ExceptionClass exceptionClass, ExceptionState state, String system, String workflow,
        String businessKey, int limit) {

    /** Everything, up to 1,000 entries. */
    public static ExceptionFilter all() {
        return new ExceptionFilter(null, null, null, null, null, 1000);
    }

    public ExceptionFilter withClass(ExceptionClass c) {
        return new ExceptionFilter(c, state, system, workflow, businessKey, limit);
    }

    public ExceptionFilter withState(ExceptionState s) {
        return new ExceptionFilter(exceptionClass, s, system, workflow, businessKey, limit);
    }

    public ExceptionFilter withSystem(String s) {
        return new ExceptionFilter(exceptionClass, state, s, workflow, businessKey, limit);
    }

    public ExceptionFilter withWorkflow(String w) {
        return new ExceptionFilter(exceptionClass, state, system, w, businessKey, limit);
    }

    public ExceptionFilter withBusinessKey(String k) {
        return new ExceptionFilter(exceptionClass, state, system, workflow, k, limit);
    }

    public ExceptionFilter withLimit(int n) {
        return new ExceptionFilter(exceptionClass, state, system, workflow, businessKey, n);
    }
}
