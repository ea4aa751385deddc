package io.crossbill.workflow.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What changed between two snapshots of a period: per source, records added, removed and changed (by id);
 * invoice value per currency and time entry minutes before and after.
 *
 * @param older   the earlier snapshot
 * @param newer   the later snapshot
 * @param sources one row per source
 * @param amounts invoice totals per currency and time entry minutes, before and after
 */
public record SnapshotComparison(PeriodSnapshot older, PeriodSnapshot newer, List<SourceChange> sources,
        List<AmountChange> amounts) {

    /** Records of one source. */
    public record SourceChange(String source, int before, int after, int added, int removed, int changed) {
        /** Whether anything differs. */
        public boolean differs() {
            return added + removed + changed > 0;
        }
    }

    /** One figure before and after. */
    public record AmountChange(String what, BigDecimal before, BigDecimal after) {
        /** after - before. */
        public BigDecimal difference() {
            return after.subtract(before);
        }
    }

    /** Compares two snapshots of the same period. */
    public static SnapshotComparison compare(PeriodSnapshot older, PeriodSnapshot newer) {
        if (!older.period().equals(newer.period())) {
            throw new IllegalArgumentException("Snapshots of different periods cannot be compared: "
                    + older.period() + " and " + newer.period() + ".");
        }
        var a = older.records();
        var b = newer.records();
        List<SourceChange> sources = new ArrayList<>();
        sources.add(diff("contacts", a.contacts(), b.contacts(), n -> n.path("ContactID").asText()));
        sources.add(diff("invoices", a.invoices(), b.invoices(), n -> n.path("InvoiceID").asText()));
        sources.add(diff("projects", a.projects(), b.projects(), n -> n.path("projectId").asText()));
        sources.add(diff("tasks", flat(a.tasks()), flat(b.tasks()), n -> n.path("taskId").asText()));
        sources.add(diff("time entries", flat(a.timeEntries()), flat(b.timeEntries()),
                n -> n.path("timeEntryId").asText()));
        sources.add(diff("deals", new ArrayList<>(a.deals().values()), new ArrayList<>(b.deals().values()),
                n -> n.path("id").asText()));
        sources.add(diff("companies", a.companies(), b.companies(), n -> n.path("id").asText()));
        List<AmountChange> amounts = new ArrayList<>();
        Map<String, BigDecimal> before = invoiceTotals(a.invoices());
        Map<String, BigDecimal> after = invoiceTotals(b.invoices());
        TreeMap<String, Boolean> currencies = new TreeMap<>();
        before.keySet().forEach(c -> currencies.put(c, true));
        after.keySet().forEach(c -> currencies.put(c, true));
        for (String c : currencies.keySet()) {
            amounts.add(new AmountChange("invoiced " + c, before.getOrDefault(c, BigDecimal.ZERO),
                    after.getOrDefault(c, BigDecimal.ZERO)));
        }
        amounts.add(new AmountChange("time entry minutes", minutes(a.timeEntries()), minutes(b.timeEntries())));
        return new SnapshotComparison(older, newer, sources, amounts);
    }

    /** Whether anything differs. */
    public boolean differs() {
        return sources.stream().anyMatch(SourceChange::differs)
                || amounts.stream().anyMatch(x -> x.difference().signum() != 0);
    }

    private static SourceChange diff(String source, List<JsonNode> a, List<JsonNode> b, Function<JsonNode, String> id) {
        Map<String, JsonNode> before = new HashMap<>();
        a.forEach(n -> before.put(id.apply(n), n));
        int added = 0;
        int changed = 0;
        Map<String, JsonNode> after = new HashMap<>();
        for (JsonNode n : b) {
            String k = id.apply(n);
            after.put(k, n);
            JsonNode old = before.get(k);
            if (old == null) {
                added++;
            } else if (!old.equals(n)) {
                changed++;
            }
        }
        int removed = (int) before.keySet().stream().filter(k -> !after.containsKey(k)).count();
        return new SourceChange(source, a.size(), b.size(), added, removed, changed);
    }

    private static List<JsonNode> flat(Map<String, List<JsonNode>> byProject) {
        List<JsonNode> out = new ArrayList<>();
        byProject.values().forEach(out::addAll);
        return out;
    }

    private static Map<String, BigDecimal> invoiceTotals(List<JsonNode> invoices) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (JsonNode inv : invoices) {
            if (!"VOIDED".equals(inv.path("Status").asText()) && !"DELETED".equals(inv.path("Status").asText())) {
                out.merge(inv.path("CurrencyCode").asText("GBP"), SnapshotCodec.decimal(inv.path("Total")),
                        BigDecimal::add);
            }
        }
        return out;
    }

    private static BigDecimal minutes(Map<String, List<JsonNode>> entries) {
        long m = 0;
        for (List<JsonNode> l : entries.values()) {
            for (JsonNode e : l) {
                m += e.path("duration").asLong();
            }
        }
        return BigDecimal.valueOf(m);
    }
}
