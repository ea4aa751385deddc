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

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMM yyyy HH:mm:ss 'UTC'", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    /** A time as a reader of the report reads it: "27 Nov 2026 12:17:45 UTC". */
    static String when(java.time.Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** A project or customer by name, its key under it in small print; the key alone when it has no name. */
    private static String named(EvidencePack p, String key) {
        String name = key == null ? null : p.names().get(key);
        if (name == null || name.isBlank() || name.equals(key)) {
            return esc(EvidencePack.s(key));
        }
        return esc(name) + "<br><span class=\"key\">" + esc(key) + "</span>";
    }

    static String html(EvidencePack p) {
        StringBuilder h = new StringBuilder(32_000);
        String period = p.result().period().key();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Month-end review ")
                .append(esc(period)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222}"
                        + "h1{margin:0 0 0.3em;padding-bottom:0.2em;border-bottom:2px solid #3f51b5}"
                        + "h2{margin:1.2em 0 0.4em}h2,h2+p.muted{break-after:avoid;page-break-after:avoid}"
                        + "table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ccc;"
                        + "padding:3px 8px;text-align:left;vertical-align:top}"
                        + "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
                        + "td.n:empty::after{content:\"\\2014\";color:#666}td.nw{white-space:nowrap}"
                        + "td.x{min-width:12em}thead{display:table-header-group}"
                        + "svg{display:block;break-inside:avoid;page-break-inside:avoid}"
                        + "th{background:#eef}.bad{color:#b00020;font-weight:bold}.ok{color:#1b5e20}"
                        + ".muted{color:#666}.key{color:#666;font-size:75%;word-break:break-all}@page{size:A4;margin:14mm 12mm}"
                        + "@media print{body{margin:0 3px 0 0;font-size:10pt}th{-webkit-print-color-adjust:exact;"
                        + "print-color-adjust:exact}}</style></head><body>\n");
        h.append("<h1>Month-end review ").append(esc(period)).append("</h1>\n<p>Data taken ")
                .append(p.dataTakenAt() == null ? "live" : esc(when(p.dataTakenAt())))
                .append(p.snapshotId() == null ? "" : " (snapshot " + esc(p.snapshotId()) + ")")
                .append(". Zone ").append(esc(p.result().period().zone().getId())).append(", close ")
                .append(esc(when(p.result().period().closeAt()))).append(".</p>\n");
        h.append("<p class=\"").append(p.audit().intact() ? "ok" : "bad").append("\">")
                .append(esc(p.audit().describe())).append("</p>\n");
        h.append("<h2>Sign-offs</h2>\n");
        if (p.signOffs().isEmpty()) {
            h.append("<p class=\"muted\">Not signed off.</p>\n");
        } else {
            h.append("<table><thead><tr><th>Scope</th><th>Key</th><th>By</th><th>At</th><th>Snapshot</th>"
                    + "<th>Note</th><th>Since</th></tr></thead>\n");
            for (ReviewRecords.SignOff o : p.signOffs()) {
                boolean changed = p.changed(o);
                h.append("<tr><td>").append(o.scope()).append("</td><td class=\"nw\">").append(esc(o.key()))
                        .append("</td><td>").append(esc(o.actor())).append("</td><td>").append(esc(when(o.at())))
                        .append("</td><td><span class=\"key\">").append(esc(EvidencePack.s(o.snapshotId())))
                        .append("</span></td><td class=\"x\">")
                        .append(esc(EvidencePack.s(o.note()))).append("</td><td class=\"")
                        .append(changed ? "bad\">changed after sign-off" : "ok\">unchanged").append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>KPIs</h2>\n<table><thead><tr><th>KPI</th><th class=\"n\">Value</th><th>Unit</th></tr>"
                + "</thead>\n");
        for (String[] k : p.kpiRows()) {
            h.append("<tr><td>").append(esc(k[0])).append("</td><td class=\"n\">").append(esc(k[1]))
                    .append("</td><td>").append(esc(k[2])).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Breaks by type</h2>\n");
        chart(h, p);
        h.append("<table><thead><tr><th>Type</th><th>Currency</th><th class=\"n\">Breaks</th>"
                + "<th class=\"n\">Variance</th></tr></thead>\n");
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
        h.append("<table><thead><tr><th>Type</th><th>Project</th><th>Customer</th><th>Cur.</th>"
                + "<th class=\"n\">Expected</th><th class=\"n\">Actual</th><th class=\"n\">Variance</th>"
                + "<th>Explained</th></tr></thead>\n");
        for (ReconciliationBreak b : p.largestBreaks(BREAK_ROWS)) {
            ReviewRecords.Annotation a = notes.get(b.id());
            h.append("<tr><td>").append(b.type()).append("</td><td>").append(named(p, b.projectId()))
                    .append("</td><td>").append(named(p, b.customerId())).append("</td><td>")
                    .append(esc(EvidencePack.s(b.currency()))).append("</td><td class=\"n\">")
                    .append(esc(EvidencePack.s(ReconciliationJson.cents(b.expected())))).append("</td><td class=\"n\">")
                    .append(esc(EvidencePack.s(ReconciliationJson.cents(b.actual())))).append("</td><td class=\"n bad\">")
                    .append(esc(EvidencePack.s(ReconciliationJson.cents(b.variance()))))
                    .append("</td><td class=\"x\">")
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
        int longest = 0;
        for (BreakType t : counts.keySet()) {
            longest = Math.max(longest, t.name().length());
        }
        int x0 = longest * 8 + 12; // about 8px per character at font-size 12, so labels never reach the bars
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(x0 + 400).append("\" height=\"")
                .append(row * counts.size() + 10)
                .append("\" role=\"img\" aria-label=\"breaks by type\">\n");
        int y = 5;
        for (Map.Entry<BreakType, Integer> e : counts.entrySet()) {
            int w = (int) Math.round(360.0 * e.getValue() / max);
            h.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"12\">").append(e.getKey().name())
                    .append("</text><rect x=\"").append(x0).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(Math.max(w, 1))
                    .append("\" height=\"14\" fill=\"").append(e.getValue() == 0 ? "#ccc" : "#3f51b5")
                    .append("\"/><text x=\"").append(x0 + 6 + Math.max(w, 1)).append("\" y=\"").append(y + 14)
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
