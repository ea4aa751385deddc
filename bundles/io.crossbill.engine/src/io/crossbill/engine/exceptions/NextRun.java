package io.crossbill.engine.exceptions;

import io.crossbill.store.StoredException;

/**
 * Workflows that take a stopped subject up again by themselves. The saga workflows (lead to project, time to
 * billing, ...) read their sources again at every run and go on with a deal, invoice or customer once its
 * exception is no longer open; there is no stored payload to re-run. For their exceptions a retry is a
 * request: the exception is marked {@link io.crossbill.engine.api.ExceptionState#RETRYING} and the next run
 * of the workflow takes its business key up again.
 * <p>
 * The engine knows nothing of when workflows run; the application that runs them supplies this (the
 * workbench's embedded engine, say). {@link #NONE} takes nothing up: such retries are refused.
 */
public interface NextRun {

    /** Takes nothing up again. */
    NextRun NONE = new NextRun() {
        @Override
        public boolean takesUp(StoredException e) {
            return false;
        }

        @Override
        public String request(String workflow) {
            return "at its next run";
        }
    };

    /** Whether the next run of the exception's workflow takes its business key up again once it is RETRYING. */
    boolean takesUp(StoredException e);

    /**
     * Asks for a run of the workflow soon, after an exception of it was marked RETRYING.
     *
     * @return when that run will be, to end the sentence "Workflow X takes deal:42 up again ...": e.g.
     *         "now" or "after the run going now"
     */
    String request(String workflow);
}
