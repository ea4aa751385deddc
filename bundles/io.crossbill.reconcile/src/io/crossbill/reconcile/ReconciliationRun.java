package io.crossbill.reconcile;

import io.crossbill.reconcile.internal.IdIndex;
import io.crossbill.reconcile.internal.IntList;
import io.crossbill.reconcile.internal.StableId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One reconciliation: links entries to lines (the ledger's two directions joined), proposes and applies
 * suggested matches, compares time and expense billing with delivery, and collects unbilled work. Milestones,
 * contracts and master data are in {@link ValueChecks}, KPIs in {@link KpiCalculator}.
 *
 * <p>Money inside the run is a long count of 1/D of the currency unit, where D = 60 x 10^4 for exact hours
 * (minutes x rate with four decimals divides evenly) or 10^(scale+4) when hours are rounded per entry; sums
 * are therefore exact and only turned into decimals at the end.
 */
final class ReconciliationRun {

    static final byte LINK_NONE = 0;
    static final byte LINK_LIVE = 1;
    static final byte LINK_OUTSIDE = 2;

    final ReconciliationInput in;
    final InputSource source;
    final ToleranceRules rules;
    final ReconciliationPeriod period;
    final Map<String, MatchDecision.Decision> decisions = new HashMap<>();
    final long unitsPerCurrency;
    final BigDecimal bigD;
    final int hoursScale;
    final long hoursPow;
    final int n;
    final int lineCount;
    final long closeSecond;
    final int closeDay;
    final int firstDay;
    final int lastDay;
    final IdIndex lineIndex;
    final IdIndex expenseIndex;
    final boolean[] live;
    final byte[] entryLink;
    final int[] lineMilestone;
    final List<IntList> milestoneLines = new ArrayList<>();
    final boolean[] milestoneBilledElsewhere;
    final IntList[] lineExpenses;
    final byte[] expenseLink;
    final int[] lineUnknownIds;
    final boolean[] lineInScope;
    final boolean[] lineBroken;
    final String[] lineSuggestion;
    final int[] lineProject;
    int[] lineStart;
    int[] lineEntries;
    final BreakCollector breaks;
    final List<Match> matches = new ArrayList<>();
    final TotalsTable totals;
    final StableId ids = new StableId();
    final Map<String, Long> unbilledByCurrency = new TreeMap<>();
    long unbilledMinutes;
    int unbilledEntries;
    int entriesOnUnloadedLines;
    int linesOutOfPeriod;
    int voidedLines;
    int rejectedSuggestions;
    private final Map<Integer, String[]> confirmed = new HashMap<>();
    private final Map<Integer, String> suggestedEntries = new HashMap<>();

    ReconciliationRun(ReconciliationInput in, ToleranceRules rules, Collection<MatchDecision> decisionList) {
        this.in = in;
        this.source = InputSource.of(in);
        this.rules = rules;
        this.period = in.period;
        for (MatchDecision d : decisionList) {
            decisions.put(d.suggestionId(), d.decision());
        }
        hoursScale = rules.hoursScale() == null ? -1 : rules.hoursScale();
        hoursPow = hoursScale < 0 ? 1 : (long) Math.pow(10, hoursScale);
        unitsPerCurrency = hoursScale < 0 ? 600_000L : hoursPow * 10_000L;
        bigD = BigDecimal.valueOf(unitsPerCurrency);
        n = in.entryCount;
        lineCount = in.lines.size();
        closeSecond = period.closeAt().getEpochSecond();
        closeDay = (int) period.closeDate().toEpochDay();
        firstDay = (int) period.firstDay().toEpochDay();
        lastDay = (int) period.lastDay().toEpochDay();
        lineIndex = new IdIndex(lineCount);
        for (InvoiceLine l : in.lines) {
            lineIndex.add(l.lineRef());
        }
        expenseIndex = new IdIndex(in.expenses.size());
        for (Expense x : in.expenses) {
            expenseIndex.add(x.id());
        }
        live = new boolean[lineCount];
        entryLink = new byte[n];
        lineMilestone = new int[lineCount];
        milestoneBilledElsewhere = new boolean[in.milestones.size()];
        lineExpenses = new IntList[lineCount];
        expenseLink = new byte[in.expenses.size()];
        lineUnknownIds = new int[lineCount];
        lineInScope = new boolean[lineCount];
        lineBroken = new boolean[lineCount];
        lineSuggestion = new String[lineCount];
        lineProject = new int[lineCount];
        breaks = new BreakCollector(this);
        totals = new TotalsTable(this);
    }

    ReconciliationResult run() {
        for (int k = 0; k < lineCount; k++) {
            live[k] = in.lines.get(k).status() != InvoiceLine.Status.VOIDED;
            if (!live[k]) {
                voidedLines++;
            }
        }
        IntList pairLine = new IntList(1024);
        IntList pairEntry = new IntList(1024);
        int[] entryLine = linkEntries(pairLine, pairEntry);
        linkMilestones();
        suggest(entryLine, pairLine, pairEntry);
        buildLineEntries(entryLine, pairLine, pairEntry);
        scopeLines();
        compareTimeLines();
        collectUnbilled();
        ValueChecks values = new ValueChecks(this);
        values.milestones();
        values.linesWithoutDelivery();
        values.contracts();
        values.masterData();
        totals.addDelivery();
        Kpis kpis = new KpiCalculator(this).compute();
        return new ReconciliationResult(this, breaks.finish(), matches, totals.byProject(), totals.byCustomer(), kpis);
    }

    /** Joins entry -> line refs and line -> entry ids; returns each entry's own live line (or -1). */
    private int[] linkEntries(IntList pairLine, IntList pairEntry) {
        int[] entryLine = new int[n];
        for (int e = 0; e < n; e++) {
            String ref = in.eLineRef[e];
            int k = ref == null ? -1 : lineIndex.find(ref);
            if (ref != null && k < 0) {
                entryLink[e] = LINK_OUTSIDE;
                entriesOnUnloadedLines++;
            } else if (k >= 0 && live[k]) {
                entryLink[e] = LINK_LIVE;
                entryLine[e] = k;
                continue;
            }
            entryLine[e] = -1;
        }
        for (int x = 0; x < in.expenses.size(); x++) {
            String ref = in.expenses.get(x).invoiceLineRef();
            int k = ref == null || ref.isBlank() ? -2 : lineIndex.find(ref);
            if (k == -1) {
                expenseLink[x] = LINK_OUTSIDE;
            } else if (k >= 0 && live[k]) {
                addExpense(k, x);
            }
        }
        int[] stamp = new int[n];
        for (int k = 0; k < lineCount; k++) {
            if (!live[k]) {
                continue;
            }
            for (String id : in.lines.get(k).entryIds()) {
                int e = in.entryIds.find(id);
                if (e >= 0) {
                    if (entryLine[e] != k && stamp[e] != k + 1) {
                        stamp[e] = k + 1;
                        pairLine.add(k);
                        pairEntry.add(e);
                        entryLink[e] = LINK_LIVE;
                    }
                    continue;
                }
                int x = expenseIndex.find(id);
                if (x >= 0) {
                    addExpense(k, x);
                } else {
                    lineUnknownIds[k]++;
                }
            }
        }
        return entryLine;
    }

    private void addExpense(int k, int x) {
        IntList l = lineExpenses[k];
        if (l == null) {
            l = lineExpenses[k] = new IntList(2);
        }
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i) == x) {
                return;
            }
        }
        l.add(x);
        expenseLink[x] = LINK_LIVE;
    }

    private void linkMilestones() {
        Arrays.fill(lineMilestone, -1);
        IdIndex msIndex = new IdIndex(in.milestones.size());
        for (int m = 0; m < in.milestones.size(); m++) {
            msIndex.add(in.milestones.get(m).id());
            milestoneLines.add(new IntList(1));
        }
        for (int m = 0; m < in.milestones.size(); m++) {
            String ref = in.milestones.get(m).invoiceLineRef();
            if (ref != null && !ref.isBlank()) {
                int k = lineIndex.find(ref);
                if (k < 0) {
                    milestoneBilledElsewhere[m] = true;
                } else if (live[k]) {
                    linkMilestone(k, m);
                }
            }
        }
        for (int k = 0; k < lineCount; k++) {
            String mid = in.lines.get(k).milestoneId();
            if (live[k] && mid != null && !mid.isBlank()) {
                int m = msIndex.find(mid);
                if (m >= 0) {
                    linkMilestone(k, m);
                } else if (lineMilestone[k] == -1) {
                    lineMilestone[k] = -2;
                }
            }
        }
    }

    private void linkMilestone(int k, int m) {
        IntList l = milestoneLines.get(m);
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i) == k) {
                return;
            }
        }
        l.add(k);
        if (lineMilestone[k] < 0) {
            lineMilestone[k] = m;
        }
    }

    boolean approvedAtClose(int e) {
        return (in.eFlags[e] & ReconciliationInput.APPROVED) != 0
                && (in.eApprovedAt[e] == ReconciliationInput.NONE || in.eApprovedAt[e] <= closeSecond);
    }

    boolean billable(int e) {
        return (in.eFlags[e] & ReconciliationInput.BILLABLE) != 0;
    }

    boolean unbilled(int e) {
        return entryLink[e] == LINK_NONE && billable(e) && approvedAtClose(e);
    }

    /** An entry's value in run units (0 without a rate). */
    long value(int e) {
        long r = in.eRate4[e];
        if (r == ReconciliationInput.NONE) {
            return 0;
        }
        int m = in.eMinutes[e];
        return hoursScale < 0 ? m * r : ((m * hoursPow * 2 + 60) / 120) * r;
    }

    long units(BigDecimal amount) {
        return amount.multiply(bigD).longValueExact();
    }

    BigDecimal money(long units) {
        BigDecimal v = BigDecimal.valueOf(units).divide(bigD, 10, RoundingMode.HALF_UP).stripTrailingZeros();
        return v.scale() < 2 ? v.setScale(2) : v;
    }

    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP);
    }

    String currencyOf(int code) {
        return in.currencies.value(code);
    }

    /**
     * Offers, for each time line with nothing behind it, the unbilled entries of its project and currency when
     * together they are worth the line's amount (within tolerance) or add up to its quantity in hours.
     */
    private void suggest(int[] entryLine, IntList pairLine, IntList pairEntry) {
        int[] linked = new int[lineCount];
        for (int e = 0; e < n; e++) {
            if (entryLine[e] >= 0) {
                linked[entryLine[e]]++;
            }
        }
        for (int i = 0; i < pairLine.size(); i++) {
            linked[pairLine.get(i)]++;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int k = 0; k < lineCount; k++) {
            InvoiceLine l = in.lines.get(k);
            if (live[k] && linked[k] == 0 && lineExpenses[k] == null && lineMilestone[k] == -1
                    && l.kind() == InvoiceLine.Kind.TIME && inPeriod(l) && in.projects.find(l.projectId()) >= 0) {
                candidates.add(k);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        candidates.sort(Comparator.comparing(k -> in.lines.get(k).lineRef()));
        Map<Long, IntList> pool = new HashMap<>();
        for (int e = 0; e < n; e++) {
            if (unbilled(e)) {
                pool.computeIfAbsent(((long) in.eProject[e] << 32) | in.eCurrency[e], x -> new IntList()).add(e);
            }
        }
        for (int k : candidates) {
            InvoiceLine l = in.lines.get(k);
            int cur = in.currencies.find(l.currency());
            IntList set = cur < 0 ? null : pool.get(((long) in.projects.find(l.projectId()) << 32) | cur);
            if (set == null) {
                continue;
            }
            long v = 0;
            long minutes = 0;
            for (int i = 0; i < set.size(); i++) {
                v += value(set.get(i));
                minutes += in.eMinutes[set.get(i)];
            }
            BigDecimal delivered = money(v);
            BigDecimal hrs = hours(minutes);
            String basis = rules.within(l.currency(), delivered, l.amount()) ? "amount"
                    : l.quantity() != null && l.quantity().subtract(hrs).abs().compareTo(rules.hoursTolerance()) <= 0
                            ? "hours" : null;
            if (basis == null) {
                continue;
            }
            String[] entryIds = new String[set.size()];
            for (int i = 0; i < entryIds.length; i++) {
                entryIds[i] = in.entryIds.get(set.get(i));
            }
            Arrays.sort(entryIds);
            ids.start().add(period.key()).add("suggestion").add(l.lineRef());
            for (String id : entryIds) {
                ids.add(id);
            }
            String sid = ids.finish("s-");
            MatchDecision.Decision d = decisions.get(sid);
            if (d == MatchDecision.Decision.REJECTED) {
                rejectedSuggestions++;
                continue;
            }
            pool.remove(((long) in.projects.find(l.projectId()) << 32) | cur);
            Match.Kind kind = d == MatchDecision.Decision.CONFIRMED ? Match.Kind.CONFIRMED : Match.Kind.SUGGESTED;
            if (kind == Match.Kind.CONFIRMED) {
                for (int i = 0; i < set.size(); i++) {
                    pairLine.add(k);
                    pairEntry.add(set.get(i));
                    entryLink[set.get(i)] = LINK_LIVE;
                }
            } else {
                lineSuggestion[k] = sid;
                for (int i = 0; i < set.size(); i++) {
                    suggestedEntries.put(set.get(i), sid);
                }
                matches.add(new Match(source, sid, kind, basis, l.projectId(), l.customerId(), l.currency(),
                        List.of(l.lineRef()), null, l.amount(), delivered, hrs, l.quantity(), set.toArray()));
            }
            if (kind == Match.Kind.CONFIRMED) {
                confirmed.put(k, new String[] {sid, basis});
            }
        }
    }

    private void buildLineEntries(int[] entryLine, IntList pairLine, IntList pairEntry) {
        lineStart = new int[lineCount + 1];
        for (int e = 0; e < n; e++) {
            if (entryLine[e] >= 0) {
                lineStart[entryLine[e] + 1]++;
            }
        }
        for (int i = 0; i < pairLine.size(); i++) {
            lineStart[pairLine.get(i) + 1]++;
        }
        for (int k = 0; k < lineCount; k++) {
            lineStart[k + 1] += lineStart[k];
        }
        lineEntries = new int[lineStart[lineCount]];
        int[] fill = Arrays.copyOf(lineStart, lineCount);
        for (int e = 0; e < n; e++) {
            if (entryLine[e] >= 0) {
                lineEntries[fill[entryLine[e]]++] = e;
            }
        }
        for (int i = 0; i < pairLine.size(); i++) {
            lineEntries[fill[pairLine.get(i)]++] = pairEntry.get(i);
        }
    }

    boolean inPeriod(InvoiceLine l) {
        long d = l.invoiceDate().toEpochDay();
        return d >= firstDay && d <= lastDay;
    }

    int entriesOn(int k) {
        return lineStart[k + 1] - lineStart[k];
    }

    /** A line belongs to the review when it is live and bills something reviewed, or is dated in the period. */
    private void scopeLines() {
        for (int k = 0; k < lineCount; k++) {
            InvoiceLine l = in.lines.get(k);
            boolean linked = entriesOn(k) > 0 || lineExpenses[k] != null || lineMilestone[k] >= 0;
            lineInScope[k] = live[k] && (linked || inPeriod(l));
            if (live[k] && !lineInScope[k]) {
                linesOutOfPeriod++;
            }
            int p = in.projects.find(l.projectId());
            if (p < 0 && entriesOn(k) > 0) {
                p = in.eProject[lineEntries[lineStart[k]]];
            } else if (p < 0 && lineExpenses[k] != null) {
                p = in.projects.find(in.expenses.get(lineExpenses[k].get(0)).projectId());
            } else if (p < 0 && lineMilestone[k] >= 0) {
                p = in.projects.find(in.milestones.get(lineMilestone[k]).projectId());
            }
            lineProject[k] = p;
            if (lineInScope[k]) {
                totals.addBilled(p, in.customers.find(l.customerId()), l.currency(), units(l.amount()));
            }
        }
    }

    /** Time and expense lines: per line a match, per project, customer and currency a comparison. */
    private void compareTimeLines() {
        boolean[] counted = new boolean[n];
        Map<Long, TimeGroup> groups = new HashMap<>();
        for (int k = 0; k < lineCount; k++) {
            if (!lineInScope[k] || lineMilestone[k] >= 0 || (entriesOn(k) == 0 && lineExpenses[k] == null)) {
                continue;
            }
            InvoiceLine l = in.lines.get(k);
            int cur = in.currencies.find(l.currency());
            if (hasOtherCurrency(k, cur)) {
                currencyMismatch(k);
                continue;
            }
            int cust = in.customers.find(l.customerId());
            long key = ((long) (lineProject[k] + 1) << 40) | ((long) (cust + 1) << 16) | cur;
            TimeGroup g = groups.get(key);
            if (g == null) {
                g = new TimeGroup(lineProject[k], cust, l.currency());
                groups.put(key, g);
            }
            long lineExpected = 0;
            long minutes = 0;
            boolean duplicate = false;
            for (int i = lineStart[k]; i < lineStart[k + 1]; i++) {
                int e = lineEntries[i];
                minutes += in.eMinutes[e];
                if (!billable(e) || !approvedAtClose(e)) {
                    g.notBillable++;
                    continue;
                }
                if (in.eRate4[e] == ReconciliationInput.NONE) {
                    g.noRate++;
                }
                long v = value(e);
                lineExpected += v;
                if (counted[e]) {
                    duplicate = true;
                    g.duplicates++;
                } else {
                    counted[e] = true;
                    g.expected += v;
                }
            }
            if (lineExpenses[k] != null) {
                for (int i = 0; i < lineExpenses[k].size(); i++) {
                    Expense x = in.expenses.get(lineExpenses[k].get(i));
                    if (x.billable() && x.approved()) {
                        lineExpected += units(x.amount());
                        g.expected += units(x.amount());
                    } else {
                        g.notBillable++;
                    }
                }
            }
            long actual = units(l.amount());
            g.actual += actual;
            g.minutes += minutes;
            g.unknownIds += lineUnknownIds[k];
            BigDecimal delivered = money(lineExpected);
            Match.Kind kind = lineExpected == actual ? Match.Kind.EXACT
                    : rules.within(l.currency(), delivered, l.amount()) ? Match.Kind.WITHIN_TOLERANCE : Match.Kind.VARIANCE;
            String[] conf = confirmed.get(k);
            String mid = conf != null ? conf[0]
                    : ids.start().add(period.key()).add("match").add(l.lineRef()).finish("m-");
            matches.add(new Match(source, mid, conf != null ? Match.Kind.CONFIRMED : kind,
                    conf != null ? conf[1] : "ledger", in.projects.value(lineProject[k]), l.customerId(),
                    l.currency(), List.of(l.lineRef()), null, l.amount(), delivered, hours(minutes), l.quantity(),
                    Arrays.copyOfRange(lineEntries, lineStart[k], lineStart[k + 1])));
            lineBroken[k] = kind == Match.Kind.VARIANCE || duplicate;
            if (lineExpected != actual || duplicate || lineUnknownIds[k] > 0) {
                g.lines.add(k);
            }
        }
        for (TimeGroup g : groups.values()) {
            timeBreak(g);
        }
    }

    private boolean hasOtherCurrency(int k, int cur) {
        for (int i = lineStart[k]; i < lineStart[k + 1]; i++) {
            if (in.eCurrency[lineEntries[i]] != cur) {
                return true;
            }
        }
        if (lineExpenses[k] != null) {
            String c = in.lines.get(k).currency();
            for (int i = 0; i < lineExpenses[k].size(); i++) {
                if (!in.expenses.get(lineExpenses[k].get(i)).currency().equals(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void currencyMismatch(int k) {
        InvoiceLine l = in.lines.get(k);
        Map<String, Long> other = new TreeMap<>();
        for (int i = lineStart[k]; i < lineStart[k + 1]; i++) {
            int e = lineEntries[i];
            if (!currencyOf(in.eCurrency[e]).equals(l.currency())) {
                other.merge(currencyOf(in.eCurrency[e]), value(e), Long::sum);
            }
        }
        IntList xs = new IntList();
        if (lineExpenses[k] != null) {
            for (int i = 0; i < lineExpenses[k].size(); i++) {
                Expense x = in.expenses.get(lineExpenses[k].get(i));
                xs.add(lineExpenses[k].get(i));
                if (!x.currency().equals(l.currency())) {
                    other.merge(x.currency(), units(x.amount()), Long::sum);
                }
            }
        }
        StringBuilder worth = new StringBuilder();
        other.forEach((c, v) -> worth.append(worth.isEmpty() ? "" : " and ").append(money(v).setScale(2,
                RoundingMode.HALF_UP).toPlainString()).append(' ').append(c));
        ReconciliationBreak b = breaks.add(BreakType.CURRENCY_MISMATCH, in.projects.value(lineProject[k]),
                l.customerId(), l.currency(), null, l.amount(), l.lineRef());
        b.detail = "Line " + l.lineRef() + " of invoice " + l.invoiceNumber() + " is in " + l.currency()
                + " but bills work recorded in " + String.join(" and ", other.keySet()) + " (worth " + worth
                + "); the amounts cannot be compared until one side is corrected.";
        b.toleranceRule = "none: currencies are never converted or added together";
        b.lines = new int[] {k};
        b.entries = Arrays.copyOfRange(lineEntries, lineStart[k], lineStart[k + 1]);
        b.expenses = xs.toArray();
        lineBroken[k] = true;
    }

    private void timeBreak(TimeGroup g) {
        BigDecimal expected = money(g.expected);
        BigDecimal actual = money(g.actual);
        if (g.expected == g.actual) {
            return; // lines that differ but offset each other still show as VARIANCE matches
        }
        boolean within = rules.within(g.currency, expected, actual);
        BreakType type = g.actual < g.expected ? BreakType.TIME_UNDERBILLED : BreakType.TIME_OVERBILLED;
        String project = in.projects.value(g.project);
        String customer = in.customers.value(g.customer);
        ReconciliationBreak b = breaks.add(type, project, customer, g.currency, expected, actual,
                project, customer, g.currency);
        b.withinTolerance = within;
        b.toleranceRule = rules.describe(g.currency);
        b.hours = hours(g.minutes);
        b.lines = g.lines.toArray();
        IntList es = new IntList();
        for (int k : b.lines) {
            for (int i = lineStart[k]; i < lineStart[k + 1]; i++) {
                es.add(lineEntries[i]);
            }
        }
        b.entries = es.toArray();
        StringBuilder d = new StringBuilder();
        d.append("Billed ").append(actual.setScale(2, RoundingMode.HALF_UP)
                .toPlainString()).append(' ').append(g.currency).append(" for work worth ")
                .append(expected.setScale(2, RoundingMode.HALF_UP).toPlainString()).append(' ').append(g.currency)
                .append(" at hours x rate; ").append(b.lines.length).append(" line(s) differ.");
        if (g.duplicates > 0) {
            d.append(' ').append(g.duplicates).append(" entr(y/ies) appear on more than one line.");
        }
        if (g.notBillable > 0) {
            d.append(' ').append(g.notBillable).append(" item(s) on these lines are not billable or not approved"
                    + " at close, so count for nothing.");
        }
        if (g.noRate > 0) {
            d.append(' ').append(g.noRate).append(" entr(y/ies) have no rate and count for nothing.");
        }
        if (g.unknownIds > 0) {
            d.append(' ').append(g.unknownIds).append(" id(s) listed on these lines are not among the period's"
                    + " entries or expenses.");
        }
        b.detail = d.toString();
    }

    /** Unbilled work at close, per project, customer and currency, with the oldest entry's age. */
    private void collectUnbilled() {
        Map<Long, UnbilledGroup> groups = new HashMap<>();
        for (int e = 0; e < n; e++) {
            if (!unbilled(e)) {
                continue;
            }
            long key = ((long) (in.eProject[e] + 1) << 40) | ((long) (in.eCustomer[e] + 1) << 16) | in.eCurrency[e];
            UnbilledGroup g = groups.get(key);
            if (g == null) {
                g = new UnbilledGroup(in.projects.value(in.eProject[e]), in.customers.value(in.eCustomer[e]),
                        currencyOf(in.eCurrency[e]));
                groups.put(key, g);
            }
            long v = value(e);
            g.value += v;
            g.minutes += in.eMinutes[e];
            g.entries.add(e);
            g.oldest = Math.max(g.oldest, closeDay - in.eDay[e]);
            if (in.eRate4[e] == ReconciliationInput.NONE) {
                g.noRate++;
            }
            unbilledByCurrency.merge(g.currency, v, Long::sum);
            unbilledMinutes += in.eMinutes[e];
            unbilledEntries++;
        }
        for (int x = 0; x < in.expenses.size(); x++) {
            Expense ex = in.expenses.get(x);
            if (expenseLink[x] != LINK_NONE || !ex.billable() || !ex.approved()) {
                continue;
            }
            int p = in.projects.find(ex.projectId());
            int c = in.customers.find(ex.customerId());
            int cur = in.currencies.find(ex.currency());
            long key = ((long) (p + 1) << 40) | ((long) (c + 1) << 16) | cur;
            UnbilledGroup g = groups.computeIfAbsent(key, k -> new UnbilledGroup(ex.projectId(), ex.customerId(),
                    ex.currency()));
            g.value += units(ex.amount());
            g.expenses.add(x);
            g.oldest = Math.max(g.oldest, closeDay - (int) ex.date().toEpochDay());
            unbilledByCurrency.merge(g.currency, units(ex.amount()), Long::sum);
        }
        for (UnbilledGroup g : groups.values()) {
            BigDecimal value = money(g.value);
            ReconciliationBreak b = breaks.add(BreakType.UNBILLED_ENTRY, g.project, g.customer, g.currency, value,
                    BigDecimal.ZERO.setScale(2), g.project, g.customer, g.currency);
            b.toleranceRule = "none: unbilled work is always reported";
            b.hours = hours(g.minutes);
            b.oldestAgeDays = g.oldest;
            b.entries = g.entries.toArray();
            b.expenses = g.expenses.toArray();
            b.detail = g.entries.size() + " approved billable entr(y/ies) and " + g.expenses.size()
                    + " expense(s) worth " + value.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + g.currency
                    + " are on no invoice at close; the oldest is " + g.oldest + " day(s) old."
                    + (g.noRate > 0 ? " " + g.noRate + " entr(y/ies) have no rate, so their value is unknown." : "");
            for (int i = 0; i < g.entries.size() && b.suggestionId == null && !suggestedEntries.isEmpty(); i++) {
                b.suggestionId = suggestedEntries.get(g.entries.get(i));
            }
        }
    }

    /** Lines of one project, customer and currency that bill time or expenses. */
    private static final class TimeGroup {
        final int project;
        final int customer;
        final String currency;
        long expected;
        long actual;
        long minutes;
        int duplicates;
        int notBillable;
        int noRate;
        int unknownIds;
        final IntList lines = new IntList(4);

        TimeGroup(int project, int customer, String currency) {
            this.project = project;
            this.customer = customer;
            this.currency = currency;
        }
    }

    /** Unbilled work of one project, customer and currency. */
    private static final class UnbilledGroup {
        final String project;
        final String customer;
        final String currency;
        long value;
        long minutes;
        int noRate;
        int oldest;
        final IntList entries = new IntList();
        final IntList expenses = new IntList(1);

        UnbilledGroup(String project, String customer, String currency) {
            this.project = project;
            this.customer = customer;
            this.currency = currency;
        }
    }
}
