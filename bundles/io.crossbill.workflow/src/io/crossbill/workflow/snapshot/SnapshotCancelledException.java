package io.crossbill.workflow.snapshot;

/**
 * The analyst cancelled a snapshot. What was read before is kept in the workspace; taking a snapshot of
 * the same period again continues from there.
 */
public final class SnapshotCancelledException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int stepsDone;

    public SnapshotCancelledException(String message, int stepsDone) {
        super(message);
        this.stepsDone = stepsDone;
    }

    /** Steps finished and kept. */
    public int stepsDone() {
        return stepsDone;
    }
}
