package io.crossbill.reconcile;

import java.util.Objects;

/**
 * An analyst's answer to a suggested match. Given to the next run, a confirmed suggestion links its line to
 * its entries (they are billed, the line has delivery behind it); a rejected one is not suggested again. A
 * suggestion whose line or entries changed gets a new id and asks again.
 */
public record MatchDecision(String suggestionId, Decision decision) {

    /** Confirmed or rejected. */
    public enum Decision {
        CONFIRMED, REJECTED
    }

    public MatchDecision {
        Objects.requireNonNull(suggestionId, "suggestionId");
        Objects.requireNonNull(decision, "decision");
    }

    /** Confirms the suggestion with this id. */
    public static MatchDecision confirm(String suggestionId) {
        return new MatchDecision(suggestionId, Decision.CONFIRMED);
    }

    /** Rejects the suggestion with this id. */
    public static MatchDecision reject(String suggestionId) {
        return new MatchDecision(suggestionId, Decision.REJECTED);
    }
}
