package io.crossbill.workflow.snapshot;

/**
 * Where a snapshot reports how far it got, and how it learns that the analyst cancelled it. The workbench
 * adapts an Eclipse progress monitor to it; tests and the command line pass {@link #NONE} or their own.
 */
public interface SnapshotMonitor {

    /** A monitor that is never cancelled and ignores progress. */
    SnapshotMonitor NONE = new SnapshotMonitor() {
        @Override
        public void progress(String step, int done, int total) {
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };

    /**
     * A step started or finished.
     *
     * @param step  what is being read, in words ("the time entries of Website rebuild")
     * @param done  steps finished so far
     * @param total steps known so far (grows once the projects are known)
     */
    void progress(String step, int done, int total);

    /** Whether the snapshot should stop at the next step (what was read so far is kept). */
    boolean isCanceled();
}
