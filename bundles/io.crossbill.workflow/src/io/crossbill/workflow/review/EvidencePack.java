package io.crossbill.workflow.review;

import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.Kpis;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationCsv;
import io.crossbill.reconcile.ReconciliationJson;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.store.AuditTrail;
import io.crossbill.store.ReviewRecords;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evidence pack of a period's review, written into one folder: the reconciliation's CSV files
 * ({@link ReconciliationCsv}), {@code review_summary.csv} (breaks and variance per type and currency),
 * {@code annotations.csv}, {@code signoffs.csv} (with each sign-off's note), {@code match_decisions.csv},
 * {@code audit_verification.csv} and {@code report.html}, a self-contained report with the KPIs and a bar chart
 * (inline SVG) that opens in any browser.
 * <p>
 * Variance totals are sums of the breaks' variances as the reconciliation's JSON shows them (two decimals),
 * so the pack adds up to the same figures as {@code crossbill reconcile --json}.
 *
 * @param result     the reconciliation reviewed
 * @param dataTakenAt when its data was read (the snapshot's time), or {@code null} for a live load
 * @param snapshotId the snapshot reviewed, or {@code null}
 * @param annotations the period's annotations
 * @param signOffs    the period's sign-offs
 * @param decisions   the period's match decisions
 * @param audit       the audit trail's verification at export
 * @param names       project and customer names by their keys, for the report (keys without a name show as keys)
 */
public record EvidencePack(ReconciliationResult result, Instant dataTakenAt, String snapshotId,
        List<ReviewRecords.Annotation> annotations, List<ReviewRecords.SignOff> signOffs,
        List<ReviewRecords.MatchDecision> decisions, AuditTrail.Verification audit, Map<String, String> names) {

    public EvidencePack {
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    /** One row of {@code review_summary.csv}. */
    public record TypeTotal(BreakType type, String currency, int breaks, BigDecimal variance) {
    }

    /** Breaks and variance per type and currency (currencies are never added together). */
    public List<TypeTotal> totals() {
        Map<String, TypeTotal> out = new TreeMap<>();
        for (ReconciliationBreak b : result.breaks()) {
            String cur = b.currency() == null ? "" : b.currency();
            String k = b.type().ordinal() + "|" + cur;
            TypeTotal t = out.getOrDefault(k, new TypeTotal(b.type(), cur, 0, BigDecimal.ZERO));
            String v = ReconciliationJson.cents(b.variance());
            out.put(k, new TypeTotal(b.type(), cur, t.breaks() + 1,
                    v == null ? t.variance() : t.variance().add(new BigDecimal(v))));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Writes the pack into {@code dir} (created when missing).
     *
     * @return the files written
     */
    public List<Path> write(Path dir) throws IOException {
        List<Path> files = new ArrayList<>(ReconciliationCsv.write(result, dir));
        files.add(csv(dir.resolve("review_summary.csv"), List.of("break_type", "currency", "breaks", "variance"),
                totals().stream().map(t -> List.of(t.type().name(), t.currency(), Integer.toString(t.breaks()),
                        t.variance().toPlainString())).toList()));
        files.add(csv(dir.resolve("annotations.csv"), List.of("break_id", "break_type", "project_id", "customer_id",
                "currency", "variance", "reason", "note", "actor", "at"), annotations.stream().map(a -> {
                    ReconciliationBreak b = result.breakById(a.breakId());
                    return List.of(a.breakId(), b == null ? "(no longer a break)" : b.type().name(),
                            b == null ? "" : s(b.projectId()), b == null ? "" : s(b.customerId()),
                            b == null ? "" : s(b.currency()), b == null ? "" : s(ReconciliationJson.cents(b.variance())),
                            a.reason().name(), a.note(), a.actor(), a.at().toString());
                }).toList()));
        files.add(csv(dir.resolve("signoffs.csv"), List.of("scope", "key", "actor", "at", "snapshot",
                "reconciliation_hash", "note", "changed_since"), signOffs.stream().map(o -> List.of(o.scope().name(),
                        o.key(), o.actor(), o.at().toString(), s(o.snapshotId()), o.reconciliationHash(), s(o.note()),
                        changed(o) ? "yes" : "no")).toList()));
        files.add(csv(dir.resolve("match_decisions.csv"), List.of("suggestion_id", "decision", "actor", "at"),
                decisions.stream().map(d -> List.of(d.suggestionId(), d.confirmed() ? "CONFIRMED" : "REJECTED",
                        d.actor(), d.at().toString())).toList()));
        files.add(csv(dir.resolve("audit_verification.csv"), List.of("intact", "entries_checked", "first_broken_entry",
                "problem", "summary"), List.of(List.of(Boolean.toString(audit.intact()),
                        Long.toString(audit.entriesChecked()), Long.toString(audit.firstBrokenSeq()), s(audit.problem()),
                        audit.describe()))));
        Path html = dir.resolve("report.html");
        Files.writeString(html, EvidenceReport.html(this), StandardCharsets.UTF_8);
        files.add(html);
        return files;
    }

    /** Whether the reconciliation now differs from what a sign-off saw. */
    public boolean changed(ReviewRecords.SignOff o) {
        return !ReviewHash.of(result, o.scope(), o.key()).equals(o.reconciliationHash());
    }

    /** KPI rows for the report: name, value, unit. */
    List<String[]> kpiRows() {
        Kpis k = result.kpis();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Project setup cycle time (median)", s(ReconciliationJson.cents(k.setupCycleHoursMedian())),
                "hours"});
        rows.add(new String[] {"Billing lag (median)", s(k.billingLagDaysMedian()), "days"});
        rows.add(new String[] {"Invoice accuracy", k.invoiceAccuracy() == null ? ""
                : k.invoiceAccuracy().movePointRight(2).stripTrailingZeros().toPlainString() + " %", "of lines"});
        rows.add(new String[] {"Exception rate", k.exceptionRate() == null ? ""
                : k.exceptionRate().movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " %",
                "of records"});
        rows.add(new String[] {"Recovery time (median)", s(ReconciliationJson.cents(k.recoveryHoursMedian())), "hours"});
        for (Map.Entry<String, BigDecimal> e : new TreeMap<>(k.unbilledValueByCurrency()).entrySet()) {
            rows.add(new String[] {"Unbilled at close", ReconciliationJson.cents(e.getValue()), e.getKey()});
        }
        rows.add(new String[] {"Unbilled hours at close", s(ReconciliationJson.cents(k.unbilledHours())), "hours"});
        return rows;
    }

    /** The largest breaks first. */
    List<ReconciliationBreak> largestBreaks(int n) {
        return result.breaks().stream().sorted(Comparator.comparing(ReconciliationBreak::size,
                Comparator.nullsFirst(Comparator.naturalOrder())).reversed()).limit(n).toList();
    }

    static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    private static Path csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(w, header);
            for (List<String> r : rows) {
                line(w, r);
            }
        }
        return file;
    }

    private static void line(BufferedWriter w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(ReconciliationCsv.field(fields.get(i)));
        }
        w.write("\r\n");
    }
}
