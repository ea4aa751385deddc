package io.crossbill.reconcile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reconciliation found, ready for the month-end review: breaks in review order (by type, largest
 * first), differences within tolerance kept apart as matched, matches and suggested matches, totals per
 * project and per customer, and the KPIs. Drill from any break or match to the records behind it with
 * {@link #entries(ReconciliationBreak)} and {@link #lines(ReconciliationBreak)}; both are views over the input,
 * built row by row as they are read, so a break over a million entries opens at once.
 */
public final class ReconciliationResult {

    private final InputSource input;
    private final ReconciliationPeriod period;
    private final int entryCount;
    private final int entriesAfterPeriod;
    private final ToleranceRules rules;
    private final List<ReconciliationBreak> breaks;
    private final List<ReconciliationBreak> withinTolerance;
    private final List<Match> matches;
    private final List<Totals> projectTotals;
    private final List<Totals> customerTotals;
    private final Kpis kpis;
    private final Map<String, ReconciliationBreak> byId = new HashMap<>();
    private final Map<BreakType, List<ReconciliationBreak>> byType = new EnumMap<>(BreakType.class);
    private final long unitsPerCurrency;
    private final int hoursScale;
    private final int closeDay;
    private final int entriesOnUnloadedLines;
    private final int linesOutOfPeriod;
    private final int voidedLines;
    private final int rejectedSuggestions;

    ReconciliationResult(ReconciliationRun run, List<List<ReconciliationBreak>> breaks, List<Match> matches,
            List<Totals> projectTotals, List<Totals> customerTotals, Kpis kpis) {
        this(run.source, run.period, run.rules, breaks.get(0), breaks.get(1), matches, projectTotals,
                customerTotals, kpis, new long[] {run.unitsPerCurrency, run.hoursScale, run.closeDay,
                        run.entriesOnUnloadedLines, run.linesOutOfPeriod, run.voidedLines, run.rejectedSuggestions,
                        run.in.entryCount, run.in.entriesAfterPeriod});
    }

    /** A result as made, or as read back by {@link ReconciliationStore}; {@code counters} in the order it keeps. */
    ReconciliationResult(InputSource input, ReconciliationPeriod period, ToleranceRules rules,
            List<ReconciliationBreak> breaks, List<ReconciliationBreak> withinTolerance, List<Match> matches,
            List<Totals> projectTotals, List<Totals> customerTotals, Kpis kpis, long[] counters) {
        this.input = input;
        this.period = period;
        this.entryCount = (int) counters[7];
        this.entriesAfterPeriod = (int) counters[8];
        this.rules = rules;
        this.breaks = Collections.unmodifiableList(breaks);
        this.withinTolerance = Collections.unmodifiableList(withinTolerance);
        this.matches = Collections.unmodifiableList(matches);
        this.projectTotals = List.copyOf(projectTotals);
        this.customerTotals = List.copyOf(customerTotals);
        this.kpis = kpis;
        this.unitsPerCurrency = counters[0];
        this.hoursScale = (int) counters[1];
        this.closeDay = (int) counters[2];
        this.entriesOnUnloadedLines = (int) counters[3];
        this.linesOutOfPeriod = (int) counters[4];
        this.voidedLines = (int) counters[5];
        this.rejectedSuggestions = (int) counters[6];
        for (BreakType t : BreakType.values()) {
            byType.put(t, new java.util.ArrayList<>());
        }
        for (ReconciliationBreak b : this.breaks) {
            byId.put(b.id(), b);
            byType.get(b.type()).add(b);
        }
        for (ReconciliationBreak b : this.withinTolerance) {
            byId.put(b.id(), b);
        }
        byType.replaceAll((t, l) -> Collections.unmodifiableList(l));
    }

    public ReconciliationPeriod period() {
        return period;
    }

    /**
     * The input reconciled: reconcile it again with other match decisions without reading the systems. For a
     * result read from a {@link ReconciliationStore} this waits until its records are read (see {@link #ready()}).
     *
     * @throws java.io.UncheckedIOException when the stored records could not be read
     */
    public ReconciliationInput input() {
        return input.get();
    }

    /**
     * Done when the records behind the breaks are at hand: at once for a result just made; for one read from a
     * store, once they have been read (or failed to be: then it completes exceptionally and {@link #entries},
     * {@link #lines}, {@link #entry} and {@link #input} throw). Asking does not start reading them:
     * {@link #prefetch()} does, and so does the first drill-down.
     */
    public java.util.concurrent.CompletableFuture<?> ready() {
        return input.ready();
    }

    /**
     * Starts reading the records behind the breaks in the background, for a view that will drill into them (a
     * result that only shows its figures, such as an earlier period's KPIs, never reads them); returns
     * {@link #ready()}.
     */
    public java.util.concurrent.CompletableFuture<?> prefetch() {
        return input.start();
    }

    /** The counters {@link ReconciliationStore} keeps, in the order the reading constructor takes them. */
    long[] counters() {
        return new long[] {unitsPerCurrency, hoursScale, closeDay, entriesOnUnloadedLines, linesOutOfPeriod,
                voidedLines, rejectedSuggestions, entryCount, entriesAfterPeriod};
    }

    public ToleranceRules rules() {
        return rules;
    }

    /** Breaks beyond tolerance, by type then largest first. */
    public List<ReconciliationBreak> breaks() {
        return breaks;
    }

    /** Breaks of one type, largest first. */
    public List<ReconciliationBreak> breaks(BreakType type) {
        return byType.get(type);
    }

    /** Number of breaks per type (every type present, 0 when none). */
    public Map<BreakType, Integer> countsByType() {
        Map<BreakType, Integer> m = new EnumMap<>(BreakType.class);
        byType.forEach((t, l) -> m.put(t, l.size()));
        return m;
    }

    /** Differences within tolerance: matched, kept so the review can see what was forgiven. */
    public List<ReconciliationBreak> withinTolerance() {
        return withinTolerance;
    }

    /** A break (or within-tolerance difference) by its stable id, or null. */
    public ReconciliationBreak breakById(String id) {
        return byId.get(id);
    }

    /** Every match: ledger-linked lines and milestones, suggestions, confirmed suggestions. */
    public List<Match> matches() {
        return matches;
    }

    /** The suggested matches waiting for an analyst. */
    public List<Match> suggestions() {
        return matches.stream().filter(m -> m.kind() == Match.Kind.SUGGESTED).toList();
    }

    public List<Totals> projectTotals() {
        return projectTotals;
    }

    public List<Totals> customerTotals() {
        return customerTotals;
    }

    public Kpis kpis() {
        return kpis;
    }

    /** Time entries kept for the period. */
    public int entriesReconciled() {
        return entryCount;
    }

    /** Time entries left out because they are dated after the period. */
    public int entriesAfterPeriod() {
        return entriesAfterPeriod;
    }

    /** Entries billed on a line that was not loaded (billed in another period): not counted either way. */
    public int entriesOnUnloadedLines() {
        return entriesOnUnloadedLines;
    }

    /** Lines with nothing reviewed behind them and dated outside the period: left out. */
    public int linesOutOfPeriod() {
        return linesOutOfPeriod;
    }

    /** Voided lines, ignored. */
    public int voidedLines() {
        return voidedLines;
    }

    /** Suggestions not offered because an analyst rejected them. */
    public int rejectedSuggestions() {
        return rejectedSuggestions;
    }

    /**
     * The entries behind a break, as the drill-down shows them. For a result read from a store this waits for its
     * records, and throws {@link java.io.UncheckedIOException} when they could not be read.
     */
    public List<EntryView> entries(ReconciliationBreak b) {
        return entryViews(b.entries);
    }

    /** The entries behind a match (one line, many entries). */
    public List<EntryView> entries(Match m) {
        return entryViews(m.entries);
    }

    /** The invoice lines behind a break (waiting for a stored result's records, as {@link #entries} does). */
    public List<InvoiceLine> lines(ReconciliationBreak b) {
        int[] ls = b.lines;
        List<InvoiceLine> all = input.get().lines;
        return new AbstractList<>() {
            @Override
            public InvoiceLine get(int i) {
                return all.get(ls[i]);
            }

            @Override
            public int size() {
                return ls.length;
            }
        };
    }

    /** One entry by id, or null when it is not in the period. */
    public EntryView entry(String id) {
        int e = input.get().entryIndex(id);
        return e < 0 ? null : view(e);
    }

    private List<EntryView> entryViews(int[] es) {
        input.get(); // at hand, or its failure said now rather than on the first row
        return new AbstractList<>() {
            @Override
            public EntryView get(int i) {
                return view(es[i]);
            }

            @Override
            public int size() {
                return es.length;
            }
        };
    }

    private EntryView view(int e) {
        ReconciliationInput in = input.get();
        int minutes = in.eMinutes[e];
        BigDecimal hours = ReconciliationRun.hours(minutes);
        BigDecimal rate = in.rate(e);
        BigDecimal value = null;
        if (rate != null) {
            BigDecimal h = hoursScale < 0 ? BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 10,
                    java.math.RoundingMode.HALF_UP) : hours.setScale(hoursScale, java.math.RoundingMode.HALF_UP);
            value = h.multiply(rate).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
            value = value.scale() < 2 ? value.setScale(2) : value;
        }
        long ap = in.eApprovedAt[e];
        return new EntryView(in.entryIds.get(e), in.projects.value(in.eProject[e]), in.customers.value(in.eCustomer[e]),
                in.persons.value(in.ePerson[e]), LocalDate.ofEpochDay(in.eDay[e]), hours, rate, value,
                in.currencies.value(in.eCurrency[e]), (in.eFlags[e] & ReconciliationInput.BILLABLE) != 0,
                (in.eFlags[e] & ReconciliationInput.APPROVED) != 0, ap == ReconciliationInput.NONE ? null
                        : Instant.ofEpochSecond(ap), in.eLineRef[e], closeDay - in.eDay[e]);
    }

    @Override
    public String toString() {
        return "Reconciliation " + period.key() + ": " + breaks.size() + " breaks " + countsByType() + ", "
                + withinTolerance.size() + " within tolerance, " + matches.size() + " matches";
    }
}
