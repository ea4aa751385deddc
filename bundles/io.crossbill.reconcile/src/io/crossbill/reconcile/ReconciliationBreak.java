package io.crossbill.reconcile;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One difference found by the reconciliation (or, when {@link #withinTolerance()}, one difference small
 * enough to count as matched). Amounts are exact (not rounded; writers round to cents); the expected side is
 * what delivery says, the actual side what billing (or the other system) says, variance = actual - expected.
 * The records behind it are kept as positions in the input and resolved to ids on demand, so a break over a
 * hundred thousand entries costs four bytes an entry.
 */
public final class ReconciliationBreak {

    private static final int[] NONE = new int[0];

    final String id;
    final BreakType type;
    final String projectId;
    final String customerId;
    final String currency;
    final BigDecimal expected;
    final BigDecimal actual;
    final BigDecimal variance;
    BigDecimal hours;
    String toleranceRule = "";
    boolean withinTolerance;
    String field;
    Map<String, String> values = Map.of();
    Integer oldestAgeDays;
    String detail = "";
    String suggestionId;
    List<Long> exceptionIds = List.of();
    int[] entries = NONE;
    int[] lines = NONE;
    int[] milestones = NONE;
    int[] expenses = NONE;
    private final InputSource input;

    ReconciliationBreak(InputSource input, String id, BreakType type, String projectId, String customerId,
            String currency, BigDecimal expected, BigDecimal actual) {
        this.input = input;
        this.id = id;
        this.type = type;
        this.projectId = projectId;
        this.customerId = customerId;
        this.currency = currency;
        this.expected = expected;
        this.actual = actual;
        this.variance = expected == null || actual == null ? null : actual.subtract(expected);
    }

    /** Stable across runs: a hash of the period, the type and the business keys. */
    public String id() {
        return id;
    }

    public BreakType type() {
        return type;
    }

    /** The project, or null for customer master data. */
    public String projectId() {
        return projectId;
    }

    /** The customer's business key, when known. */
    public String customerId() {
        return customerId;
    }

    /** The currency of the amounts; null for master data. */
    public String currency() {
        return currency;
    }

    /** What delivery (or the CRM) says, null when the break has no amounts. */
    public BigDecimal expected() {
        return expected;
    }

    /** What billing (or the other system) says, null when it cannot be said in the break's currency. */
    public BigDecimal actual() {
        return actual;
    }

    /** actual - expected, null when either is missing. */
    public BigDecimal variance() {
        return variance;
    }

    /** Hours behind the break, when it is about time. */
    public BigDecimal hours() {
        return hours;
    }

    /** The tolerance rule applied, in words. */
    public String toleranceRule() {
        return toleranceRule;
    }

    /** True for a difference small enough to count as matched (kept, but not listed as a break). */
    public boolean withinTolerance() {
        return withinTolerance;
    }

    /** For master data and contracts: the field that differs. */
    public String field() {
        return field;
    }

    /** For master data and contracts: the value per system (crm, psa, erp), in that order. */
    public Map<String, String> values() {
        return values;
    }

    /** For unbilled work: the age in days at close of its oldest entry. */
    public Integer oldestAgeDays() {
        return oldestAgeDays;
    }

    /** What the analyst should know, in a sentence or two. */
    public String detail() {
        return detail;
    }

    /** A suggested match that would explain this break, waiting for a decision, or null. */
    public String suggestionId() {
        return suggestionId;
    }

    /** Exceptions in the queue about any business key of this break. */
    public List<Long> exceptionIds() {
        return exceptionIds;
    }

    /** For sorting by size: |variance|, else the larger known amount, else 0. */
    public BigDecimal size() {
        if (variance != null) {
            return variance.abs();
        }
        BigDecimal a = actual == null ? BigDecimal.ZERO : actual.abs();
        BigDecimal e = expected == null ? BigDecimal.ZERO : expected.abs();
        return a.max(e);
    }

    /** Ids of the time entries behind the break. */
    public List<String> entryIds() {
        return ids(entries, i -> input.get().entryIds.get(i));
    }

    /** Refs of the invoice lines behind the break. */
    public List<String> lineRefs() {
        return ids(lines, i -> input.get().lines.get(i).lineRef());
    }

    /** Ids of the milestones behind the break. */
    public List<String> milestoneIds() {
        return ids(milestones, i -> input.get().milestones.get(i).id());
    }

    /** Ids of the expenses behind the break. */
    public List<String> expenseIds() {
        return ids(expenses, i -> input.get().expenses.get(i).id());
    }

    int[] entryPositions() {
        return entries;
    }

    int[] linePositions() {
        return lines;
    }

    ReconciliationBreak values(String field, String... systemValuePairs) {
        this.field = field;
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < systemValuePairs.length; i += 2) {
            m.put(systemValuePairs[i], systemValuePairs[i + 1]);
        }
        this.values = java.util.Collections.unmodifiableMap(m);
        return this;
    }

    static List<String> ids(int[] positions, IntFunction<String> id) {
        return new AbstractList<>() {
            @Override
            public String get(int i) {
                return id.apply(positions[i]);
            }

            @Override
            public int size() {
                return positions.length;
            }
        };
    }

    @Override
    public String toString() {
        return type + " " + id + " project=" + projectId + " customer=" + customerId + " " + currency + " expected="
                + expected + " actual=" + actual + " variance=" + variance + (field == null ? "" : " field=" + field)
                + (withinTolerance ? " (within tolerance)" : "");
    }
}
