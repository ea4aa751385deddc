package io.crossbill.reconcile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Delivered, billed and unbilled per project and per customer, each per currency, in run units. */
final class TotalsTable {

    private final ReconciliationRun run;
    private final Map<Long, long[]> projects = new HashMap<>();
    private final Map<Long, long[]> customers = new HashMap<>();

    private static final int DELIVERED = 0;
    private static final int BILLED = 1;
    private static final int UNBILLED = 2;
    private static final int DELIVERED_MIN = 3;
    private static final int UNBILLED_MIN = 4;

    TotalsTable(ReconciliationRun run) {
        this.run = run;
    }

    void addBilled(int project, int customer, String currency, long units) {
        int cur = run.in.currencies.find(currency);
        row(projects, project, cur)[BILLED] += units;
        row(customers, customer, cur)[BILLED] += units;
    }

    /** Adds delivered and unbilled work: entries, completed milestones and expenses not billed outside. */
    void addDelivery() {
        ReconciliationInput in = run.in;
        for (int e = 0; e < run.n; e++) {
            if (!run.billable(e) || !run.approvedAtClose(e) || run.entryLink[e] == ReconciliationRun.LINK_OUTSIDE) {
                continue;
            }
            long v = run.value(e);
            boolean unbilled = run.entryLink[e] == ReconciliationRun.LINK_NONE;
            add(in.eProject[e], in.eCustomer[e], in.eCurrency[e], v, unbilled, in.eMinutes[e]);
        }
        for (int m = 0; m < in.milestones.size(); m++) {
            Milestone ms = in.milestones.get(m);
            if (ValueChecks.completedAtClose(ms, run.period) && !run.milestoneBilledElsewhere[m]) {
                add(in.projects.find(ms.projectId()), in.customers.find(ms.customerId()),
                        in.currencies.find(ms.currency()), run.units(ms.amount()),
                        run.milestoneLines.get(m).size() == 0, 0);
            }
        }
        for (int x = 0; x < in.expenses.size(); x++) {
            Expense ex = in.expenses.get(x);
            if (ex.billable() && ex.approved() && run.expenseLink[x] != ReconciliationRun.LINK_OUTSIDE) {
                add(in.projects.find(ex.projectId()), in.customers.find(ex.customerId()),
                        in.currencies.find(ex.currency()), run.units(ex.amount()),
                        run.expenseLink[x] == ReconciliationRun.LINK_NONE, 0);
            }
        }
    }

    private void add(int project, int customer, int cur, long v, boolean unbilled, long minutes) {
        long[] p = row(projects, project, cur);
        long[] c = row(customers, customer, cur);
        p[DELIVERED] += v;
        c[DELIVERED] += v;
        p[DELIVERED_MIN] += minutes;
        c[DELIVERED_MIN] += minutes;
        if (unbilled) {
            p[UNBILLED] += v;
            c[UNBILLED] += v;
            p[UNBILLED_MIN] += minutes;
            c[UNBILLED_MIN] += minutes;
        }
    }

    /** Billed units of a project in a currency (0 when none). */
    long billed(int project, String currency) {
        long[] r = projects.get(key(project, run.in.currencies.find(currency)));
        return r == null ? 0 : r[BILLED];
    }

    List<Totals> byProject() {
        return rows(projects, run.in.projects);
    }

    List<Totals> byCustomer() {
        return rows(customers, run.in.customers);
    }

    private List<Totals> rows(Map<Long, long[]> table, io.crossbill.reconcile.internal.Dictionary names) {
        List<Totals> out = new ArrayList<>(table.size());
        table.forEach((k, r) -> out.add(new Totals(names.value((int) (k >> 32) - 1), run.currencyOf((int) (long) k),
                run.money(r[DELIVERED]), run.money(r[BILLED]), run.money(r[UNBILLED]),
                run.money(r[BILLED] - r[DELIVERED]), ReconciliationRun.hours(r[DELIVERED_MIN]),
                ReconciliationRun.hours(r[UNBILLED_MIN]))));
        out.sort(Comparator.comparing(Totals::key, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Totals::currency));
        return out;
    }

    private static long[] row(Map<Long, long[]> table, int code, int cur) {
        return table.computeIfAbsent(key(code, cur), k -> new long[5]);
    }

    private static long key(int code, int cur) {
        return ((long) (code + 1) << 32) | (cur & 0xffffffffL);
    }
}
