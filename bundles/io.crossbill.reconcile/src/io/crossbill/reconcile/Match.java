package io.crossbill.reconcile;

import java.math.BigDecimal;
import java.util.List;

/**
 * Billing matched to delivery: an invoice line (or a milestone's lines) and what is behind it. Lines linked
 * to entries by the billing ledger are {@link Kind#EXACT}, {@link Kind#WITHIN_TOLERANCE} or
 * {@link Kind#VARIANCE} by how their amounts compare; a line with nothing behind it and unbilled entries that
 * would explain it form a {@link Kind#SUGGESTED} match for the analyst to confirm or reject
 * ({@link MatchDecision}); a confirmed one is {@link Kind#CONFIRMED} in the next run.
 */
public final class Match {

    /** How billing and delivery were matched. */
    public enum Kind {
        /** Linked by the ledger, amounts equal. */
        EXACT,
        /** Linked by the ledger, difference within tolerance. */
        WITHIN_TOLERANCE,
        /** Linked by the ledger, difference beyond tolerance (it shows in a break). */
        VARIANCE,
        /** Proposed from amounts or hours, waiting for an analyst. */
        SUGGESTED,
        /** A suggestion an analyst confirmed. */
        CONFIRMED
    }

    final String id;
    final Kind kind;
    final String basis;
    final String projectId;
    final String customerId;
    final String currency;
    final List<String> lineRefs;
    final String milestoneId;
    final BigDecimal billed;
    final BigDecimal delivered;
    final BigDecimal hours;
    final BigDecimal quantity;
    final int[] entries;
    private final InputSource input;

    Match(InputSource input, String id, Kind kind, String basis, String projectId, String customerId,
            String currency, List<String> lineRefs, String milestoneId, BigDecimal billed, BigDecimal delivered,
            BigDecimal hours, BigDecimal quantity, int[] entries) {
        this.input = input;
        this.id = id;
        this.kind = kind;
        this.basis = basis;
        this.projectId = projectId;
        this.customerId = customerId;
        this.currency = currency;
        this.lineRefs = lineRefs;
        this.milestoneId = milestoneId;
        this.billed = billed;
        this.delivered = delivered;
        this.hours = hours;
        this.quantity = quantity;
        this.entries = entries;
    }

    /** Stable across runs (a suggestion's id also covers its entries). */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** What matched: "ledger" (ids), "amount" or "hours" (suggestions), "milestone". */
    public String basis() {
        return basis;
    }

    public String projectId() {
        return projectId;
    }

    public String customerId() {
        return customerId;
    }

    public String currency() {
        return currency;
    }

    /** The invoice line(s): one for time, one or more for a milestone billed in parts. */
    public List<String> lineRefs() {
        return lineRefs;
    }

    /** The milestone, for milestone matches. */
    public String milestoneId() {
        return milestoneId;
    }

    /** The line amount(s). */
    public BigDecimal billed() {
        return billed;
    }

    /** What the entries (hours x rate), expenses or the milestone are worth. */
    public BigDecimal delivered() {
        return delivered;
    }

    /** billed - delivered. */
    public BigDecimal variance() {
        return billed.subtract(delivered);
    }

    /** The entries' hours, for time. */
    public BigDecimal hours() {
        return hours;
    }

    /** The line's quantity, for time. */
    public BigDecimal quantity() {
        return quantity;
    }

    /** Ids of the entries behind the line (one line, many entries). */
    public List<String> entryIds() {
        return ReconciliationBreak.ids(entries, i -> input.get().entryIds.get(i));
    }

    /** The decision that confirms this suggestion on the next run. */
    public MatchDecision confirm() {
        return MatchDecision.confirm(id);
    }

    /** The decision that rejects this suggestion on the next run. */
    public MatchDecision reject() {
        return MatchDecision.reject(id);
    }

    @Override
    public String toString() {
        return kind + " " + id + " lines=" + lineRefs + " entries=" + entries.length + " billed=" + billed
                + " delivered=" + delivered;
    }
}
