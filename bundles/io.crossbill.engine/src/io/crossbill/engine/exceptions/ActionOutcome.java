package io.crossbill.engine.exceptions;

import io.crossbill.engine.api.ExceptionState;
import java.util.List;

/**
 * What an action did to one exception - or, in a dry run, what it would do.
 *
 * @param exceptionId the exception
 * @param action      {@code retry}, {@code replay} or {@code resolve}
 * @param verdict     done, would be done (dry run), or refused (nothing changed)
 * @param before      its state before
 * @param after       its state after (or the state it would get); equals {@code before} when refused
 * @param message     one sentence for the analyst: what happened, or why not
 * @param problems    for replays and re-runs: what is wrong with the payload; empty when it is valid
 */
public record ActionOutcome(long exceptionId, String action, Verdict verdict, ExceptionState before,
        ExceptionState after, String message, List<String> problems) {

    /** How an action ended for one exception. */
    public enum Verdict {
        /** Written. */
        DONE,
        /** Dry run: this is what would be written. */
        WOULD_DO,
        /** Not possible; nothing was written. */
        REFUSED
    }

    public ActionOutcome {
        problems = List.copyOf(problems);
    }

    public boolean refused() {
        return verdict == Verdict.REFUSED;
    }
}
