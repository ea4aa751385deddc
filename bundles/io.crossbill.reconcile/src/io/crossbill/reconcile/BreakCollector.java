package io.crossbill.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Gives breaks their stable ids, links them to exceptions about their keys and sorts them for the review. */
final class BreakCollector {

    /** By type (the order of {@link BreakType}), then largest first, then id. */
    static final Comparator<ReconciliationBreak> REVIEW_ORDER = Comparator
            .comparing((ReconciliationBreak b) -> b.type)
            .thenComparing(ReconciliationBreak::size, Comparator.reverseOrder())
            .thenComparing(b -> b.id);

    private final ReconciliationRun run;
    private final List<ReconciliationBreak> all = new ArrayList<>();
    private final List<String[]> keys = new ArrayList<>();

    BreakCollector(ReconciliationRun run) {
        this.run = run;
    }

    /** A new break; its id is a hash of the period, the type and {@code keys}. */
    ReconciliationBreak add(BreakType type, String projectId, String customerId, String currency,
            BigDecimal expected, BigDecimal actual, String... businessKeys) {
        run.ids.start().add(run.period.key()).add(type.name());
        for (String k : businessKeys) {
            run.ids.add(k);
        }
        ReconciliationBreak b = new ReconciliationBreak(run.source, run.ids.finish("b-"), type, projectId, customerId,
                currency, expected, actual);
        all.add(b);
        keys.add(businessKeys);
        return b;
    }

    /** The breaks beyond tolerance and those within it, each in review order, linked to exceptions. */
    List<List<ReconciliationBreak>> finish() {
        Map<String, List<Long>> exceptions = new HashMap<>();
        for (ExceptionLink x : run.in.exceptionLinks) {
            exceptions.computeIfAbsent(x.businessKey(), k -> new ArrayList<>()).add(x.exceptionId());
        }
        List<ReconciliationBreak> breaks = new ArrayList<>();
        List<ReconciliationBreak> within = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ReconciliationBreak b = all.get(i);
            if (!exceptions.isEmpty()) {
                b.exceptionIds = linked(b, keys.get(i), exceptions);
            }
            (b.withinTolerance ? within : breaks).add(b);
        }
        breaks.sort(REVIEW_ORDER);
        within.sort(REVIEW_ORDER);
        return List.of(breaks, within);
    }

    private List<Long> linked(ReconciliationBreak b, String[] businessKeys, Map<String, List<Long>> exceptions) {
        TreeSet<Long> out = new TreeSet<>();
        look(b.projectId, exceptions, out);
        look(b.customerId, exceptions, out);
        for (String k : businessKeys) {
            look(k, exceptions, out);
        }
        for (int k : b.lines) {
            InvoiceLine l = run.in.lines.get(k);
            look(l.lineRef(), exceptions, out);
            look(l.invoiceNumber(), exceptions, out);
            look(l.invoiceId(), exceptions, out);
        }
        for (int m : b.milestones) {
            look(run.in.milestones.get(m).id(), exceptions, out);
        }
        for (int x : b.expenses) {
            look(run.in.expenses.get(x).id(), exceptions, out);
        }
        for (int e : b.entries) {
            look(run.in.entryIds.get(e), exceptions, out);
        }
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    private static void look(String key, Map<String, List<Long>> exceptions, TreeSet<Long> out) {
        List<Long> ids = key == null ? null : exceptions.get(key);
        if (ids != null) {
            out.addAll(ids);
        }
    }
}
