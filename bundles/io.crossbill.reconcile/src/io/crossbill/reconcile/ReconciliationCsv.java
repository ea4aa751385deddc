package io.crossbill.reconcile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a result as CSV files for the evidence pack (RFC 4180: comma separated, CRLF line ends, UTF-8, a
 * field in double quotes when it holds a comma, quote, line break or leading/trailing space, quotes doubled).
 * Amounts and hours have two decimals (HALF_UP). Files: {@code breaks_<type>.csv} for every break type (a
 * header alone when there are none), {@code within_tolerance.csv}, {@code break_records.csv} (break id, record
 * kind, record id: the drill-down), {@code matches.csv}, {@code match_entries.csv} (match id, entry id: one
 * line, many entries), {@code totals_by_project.csv}, {@code totals_by_customer.csv} and {@code kpis.csv}.
 */
public final class ReconciliationCsv {

    private static final List<String> BREAK_COLUMNS = List.of("break_id", "type", "project_id", "customer_id",
            "currency", "expected", "actual", "variance", "hours", "oldest_age_days", "field", "values",
            "within_tolerance", "tolerance_rule", "entries", "lines", "milestones", "expenses", "exception_ids",
            "suggestion_id", "detail");
    private static final List<String> TOTALS_COLUMNS = List.of("key", "currency", "delivered", "billed",
            "unbilled", "variance", "delivered_hours", "unbilled_hours");

    private ReconciliationCsv() {
    }

    /**
     * Writes the files into {@code dir} (created when missing; files of the same name are replaced).
     *
     * @return the files written
     */
    public static List<Path> write(ReconciliationResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (BreakType t : BreakType.values()) {
            written.add(breaks(dir.resolve("breaks_" + t.name().toLowerCase(Locale.ROOT) + ".csv"),
                    result.breaks(t)));
        }
        written.add(breaks(dir.resolve("within_tolerance.csv"), result.withinTolerance()));
        Path records = dir.resolve("break_records.csv");
        try (BufferedWriter w = Files.newBufferedWriter(records, StandardCharsets.UTF_8)) {
            row(w, List.of("break_id", "record_kind", "record_id"));
            for (List<ReconciliationBreak> list : List.of(result.breaks(), result.withinTolerance())) {
                for (ReconciliationBreak b : list) {
                    records(w, b.id(), "entry", b.entryIds());
                    records(w, b.id(), "line", b.lineRefs());
                    records(w, b.id(), "milestone", b.milestoneIds());
                    records(w, b.id(), "expense", b.expenseIds());
                }
            }
        }
        written.add(records);
        Path matches = dir.resolve("matches.csv");
        Path matchEntries = dir.resolve("match_entries.csv");
        try (BufferedWriter w = Files.newBufferedWriter(matches, StandardCharsets.UTF_8);
                BufferedWriter we = Files.newBufferedWriter(matchEntries, StandardCharsets.UTF_8)) {
            row(w, List.of("match_id", "kind", "basis", "project_id", "customer_id", "currency", "line_refs",
                    "milestone_id", "billed", "delivered", "variance", "hours", "quantity", "entries"));
            row(we, List.of("match_id", "entry_id"));
            for (Match m : result.matches()) {
                row(w, List.of(m.id(), m.kind().name(), m.basis(), s(m.projectId()), s(m.customerId()),
                        m.currency(), String.join(" ", m.lineRefs()), s(m.milestoneId()), c(m.billed()),
                        c(m.delivered()), c(m.variance()), c(m.hours()), c(m.quantity()),
                        Integer.toString(m.entries.length)));
                records(we, m.id(), null, m.entryIds());
            }
        }
        written.add(matches);
        written.add(matchEntries);
        written.add(totals(dir.resolve("totals_by_project.csv"), result.projectTotals()));
        written.add(totals(dir.resolve("totals_by_customer.csv"), result.customerTotals()));
        Path kpis = dir.resolve("kpis.csv");
        try (BufferedWriter w = Files.newBufferedWriter(kpis, StandardCharsets.UTF_8)) {
            Kpis k = result.kpis();
            row(w, List.of("kpi", "value", "unit"));
            row(w, List.of("setup_cycle_time_median", c(k.setupCycleHoursMedian()), "hours"));
            row(w, List.of("setup_cycle_time_p90", c(k.setupCycleHoursP90()), "hours"));
            row(w, List.of("billing_lag_median", s(k.billingLagDaysMedian()), "days"));
            row(w, List.of("billing_lag_p90", s(k.billingLagDaysP90()), "days"));
            row(w, List.of("invoice_accuracy", s(k.invoiceAccuracy()), "share of lines without a break"));
            row(w, List.of("exception_rate", s(k.exceptionRate()), "exceptions per record processed"));
            row(w, List.of("recovery_time_median", c(k.recoveryHoursMedian()), "hours"));
            row(w, List.of("recovery_time_p90", c(k.recoveryHoursP90()), "hours"));
            for (Map.Entry<String, java.math.BigDecimal> e : k.unbilledValueByCurrency().entrySet()) {
                row(w, List.of("unbilled_at_close", c(e.getValue()), e.getKey()));
            }
            row(w, List.of("unbilled_hours_at_close", c(k.unbilledHours()), "hours"));
        }
        written.add(kpis);
        return written;
    }

    /** One CSV field, quoted when it needs to be. */
    public static String field(String v) {
        if (v == null) {
            return "";
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || (!v.isEmpty() && (Character.isWhitespace(v.charAt(0))
                        || Character.isWhitespace(v.charAt(v.length() - 1))));
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static Path breaks(Path file, List<ReconciliationBreak> breaks) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            row(w, BREAK_COLUMNS);
            for (ReconciliationBreak b : breaks) {
                row(w, List.of(b.id(), b.type().name(), s(b.projectId()), s(b.customerId()), s(b.currency()),
                        c(b.expected()), c(b.actual()), c(b.variance()), c(b.hours()), s(b.oldestAgeDays()),
                        s(b.field()), b.values().entrySet().stream().map(e -> e.getKey() + "=" + s(e.getValue()))
                                .collect(Collectors.joining(" | ")),
                        Boolean.toString(b.withinTolerance()), b.toleranceRule(), Integer.toString(b.entries.length),
                        Integer.toString(b.lines.length), Integer.toString(b.milestones.length),
                        Integer.toString(b.expenses.length), b.exceptionIds().stream().map(String::valueOf)
                                .collect(Collectors.joining(" ")), s(b.suggestionId()), b.detail()));
            }
        }
        return file;
    }

    private static Path totals(Path file, List<Totals> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            row(w, TOTALS_COLUMNS);
            for (Totals t : rows) {
                row(w, List.of(s(t.key()), t.currency(), c(t.delivered()), c(t.billed()), c(t.unbilled()),
                        c(t.variance()), c(t.deliveredHours()), c(t.unbilledHours())));
            }
        }
        return file;
    }

    private static void records(BufferedWriter w, String id, String kind, List<String> ids) throws IOException {
        String prefix = field(id) + "," + (kind == null ? "" : kind + ",");
        for (String r : ids) {
            w.write(prefix);
            w.write(field(r));
            w.write("\r\n");
        }
    }

    private static void row(BufferedWriter w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(field(fields.get(i)));
        }
        w.write("\r\n");
    }

    private static String c(java.math.BigDecimal v) {
        return v == null ? "" : ReconciliationJson.cents(v);
    }

    private static String s(Object v) {
        return v == null ? "" : v.toString();
    }
}
