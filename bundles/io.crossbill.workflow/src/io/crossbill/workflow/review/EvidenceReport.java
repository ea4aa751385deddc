package io.crossbill.workflow.review;

import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationJson;
import io.crossbill.store.ReviewRecords;
import java.util.EnumMap;
import java.util.Map;

/** The evidence pack's readable report: one self-contained HTML page (inline CSS and SVG, no scripts). */
final class EvidenceReport {
    private static final int BREAK_ROWS = 200;

    private EvidenceReport() {
    }

    static String html(EvidencePack p) {
        StringBuilder h = new StringBuilder(32_000);
        String period = p.result().period().key();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Month-end review ")
                .append(esc(period)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222}"
                        + "table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ccc;"
                        + "padding:3px 8px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}"
                        + "th{background:#eef}.bad{color:#b00020;font-weight:bold}.ok{color:#1b5e20}"
                        + ".muted{color:#666}</style></head><body>\n");
        h.append("<h1>Month-end review ").append(esc(period)).append("</h1>\n<p>Data taken ")
                .append(p.dataTakenAt() == null ? "live" : esc(p.dataTakenAt().toString()))
                .append(p.snapshotId() == null ? "" : " (snapshot " + esc(p.snapshotId()) + ")")
                .append(". Zone ").append(esc(p.result().period().zone().getId())).append(", close ")
                .append(esc(p.result().period().closeAt().toString())).append(".</p>\n");
        h.append("<p class=\"").append(p.audit().intact() ? "ok" : "bad").append("\">")
                .append(esc(p.audit().describe())).append("</p>\n");
        h.append("<h2>Sign-offs</h2>\n");
        if (p.signOffs().isEmpty()) {
            h.append("<p class=\"muted\">Not signed off.</p>\n");
        } else {
            h.append("<table><tr><th>Scope</th><th>Key</th><th>By</th><th>At</th><th>Snapshot</th><th>Note</th>"
                    + "<th>Since</th></tr>\n");
            for (ReviewRecords.SignOff o : p.signOffs()) {
                boolean changed = p.changed(o);
                h.append("<tr><td>").append(o.scope()).append("</td><td>").append(esc(o.key())).append("</td><td>")
                        .append(esc(o.actor())).append("</td><td>").append(o.at()).append("</td><td>")
                        .append(esc(EvidencePack.s(o.snapshotId()))).append("</td><td>")
                        .append(esc(EvidencePack.s(o.note()))).append("</td><td class=\"")
                        .append(changed ? "bad\">changed after sign-off" : "ok\">unchanged").append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>KPIs</h2>\n<table><tr><th>KPI</th><th>Value</th><th>Unit</th></tr>\n");
        for (String[] k : p.kpiRows()) {
            h.append("<tr><td>").append(esc(k[0])).append("</td><td class=\"n\">").append(esc(k[1]))
                    .append("</td><td>").append(esc(k[2])).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Breaks by type</h2>\n");
        chart(h, p);
        h.append("<table><tr><th>Type</th><th>Currency</th><th>Breaks</th><th>Variance</th></tr>\n");
        for (EvidencePack.TypeTotal t : p.totals()) {
            h.append("<tr><td>").append(t.type().name()).append("</td><td>").append(esc(t.currency()))
                    .append("</td><td class=\"n\">").append(t.breaks()).append("</td><td class=\"n\">")
                    .append(t.variance().toPlainString()).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Largest breaks</h2>\n<p class=\"muted\">").append(Math.min(BREAK_ROWS,
                p.result().breaks().size())).append(" of ").append(p.result().breaks().size())
                .append(" breaks; every break is in the breaks_*.csv files.</p>\n");
        Map<String, ReviewRecords.Annotation> notes = new java.util.HashMap<>();
        p.annotations().forEach(a -> notes.put(a.breakId(), a));
        h.append("<table><tr><th>Type</th><th>Project</th><th>Customer</th><th>Cur.</th><th>Expected</th>"
                + "<th>Actual</th><th>Variance</th><th>Explained</th></tr>\n");
        for (ReconciliationBreak b : p.largestBreaks(BREAK_ROWS)) {
            ReviewRecords.Annotation a = notes.get(b.id());
            h.append("<tr><td>").append(b.type()).append("</td><td>").append(esc(EvidencePack.s(b.projectId())))
                    .append("</td><td>").append(esc(EvidencePack.s(b.customerId()))).append("</td><td>")
                    .append(esc(EvidencePack.s(b.currency()))).append("</td><td class=\"n\">")
                    .append(esc(EvidencePack.s(ReconciliationJson.cents(b.expected())))).append("</td><td class=\"n\">")
                    .append(esc(EvidencePack.s(ReconciliationJson.cents(b.actual())))).append("</td><td class=\"n bad\">")
                    .append(esc(EvidencePack.s(ReconciliationJson.cents(b.variance())))).append("</td><td>")
                    .append(a == null ? "" : esc(a.reason() + ": " + a.note())).append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    /** A horizontal bar per break type, scaled to the largest count. */
    private static void chart(StringBuilder h, EvidencePack p) {
        Map<BreakType, Integer> counts = new EnumMap<>(BreakType.class);
        for (BreakType t : BreakType.values()) {
            counts.put(t, p.result().breaks(t).size());
        }
        int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int row = 22;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"").append(row * counts.size() + 10)
                .append("\" role=\"img\" aria-label=\"breaks by type\">\n");
        int y = 5;
        for (Map.Entry<BreakType, Integer> e : counts.entrySet()) {
            int w = (int) Math.round(360.0 * e.getValue() / max);
            h.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"12\">").append(e.getKey().name())
                    .append("</text><rect x=\"230\" y=\"").append(y + 3).append("\" width=\"").append(Math.max(w, 1))
                    .append("\" height=\"14\" fill=\"").append(e.getValue() == 0 ? "#ccc" : "#3f51b5")
                    .append("\"/><text x=\"").append(236 + w).append("\" y=\"").append(y + 14)
                    .append("\" font-size=\"12\">").append(e.getValue()).append("</text>\n");
            y += row;
        }
        h.append("</svg>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
