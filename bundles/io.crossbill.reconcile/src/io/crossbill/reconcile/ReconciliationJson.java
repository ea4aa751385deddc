package io.crossbill.reconcile;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Writes a result as one JSON document, streamed (a million entry ids do not become a tree first). Field
 * names are snake_case; amounts and hours are strings with exactly two decimals (HALF_UP), so no reader turns
 * them into binary floating point; counts and ages are numbers; a missing value is null. Shape:
 * {@code period, zone, close_at, tolerance, summary, kpis, breaks[], within_tolerance[], matches[],
 * project_totals[], customer_totals[]}; each break carries its record ids ({@code entry_ids, line_refs,
 * milestone_ids, expense_ids}) and {@code exception_ids}; each match its {@code entry_ids}.
 */
public final class ReconciliationJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ReconciliationJson() {
    }

    /** Amount as the writers show it: two decimals, HALF_UP; null stays null. */
    public static String cents(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Writes {@code result} to {@code out} (UTF-8); the stream is flushed, not closed. */
    public static void write(ReconciliationResult result, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            ReconciliationPeriod p = result.period();
            g.writeStringField("period", p.key());
            g.writeStringField("zone", p.zone().getId());
            g.writeStringField("close_at", p.closeAt().toString());
            tolerance(g, result.rules());
            summary(g, result);
            kpis(g, result.kpis());
            g.writeArrayFieldStart("breaks");
            for (ReconciliationBreak b : result.breaks()) {
                writeBreak(g, b);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("within_tolerance");
            for (ReconciliationBreak b : result.withinTolerance()) {
                writeBreak(g, b);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("matches");
            for (Match m : result.matches()) {
                writeMatch(g, m);
            }
            g.writeEndArray();
            totals(g, "project_totals", result.projectTotals());
            totals(g, "customer_totals", result.customerTotals());
            g.writeEndObject();
        }
        out.flush();
    }

    private static void tolerance(JsonGenerator g, ToleranceRules r) throws IOException {
        g.writeObjectFieldStart("tolerance");
        g.writeStringField("default_absolute", r.defaultAbsolute().toPlainString());
        g.writeObjectFieldStart("absolute_by_currency");
        for (Map.Entry<String, BigDecimal> e : r.absoluteByCurrency().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue().toPlainString());
        }
        g.writeEndObject();
        g.writeStringField("relative_percent", r.relativePercent().toPlainString());
        if (r.hoursScale() == null) {
            g.writeNullField("hours_scale");
        } else {
            g.writeNumberField("hours_scale", r.hoursScale());
        }
        g.writeStringField("hours_tolerance", r.hoursTolerance().toPlainString());
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, ReconciliationResult r) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeObjectFieldStart("breaks_by_type");
        for (Map.Entry<BreakType, Integer> e : r.countsByType().entrySet()) {
            g.writeNumberField(e.getKey().name(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("breaks", r.breaks().size());
        g.writeNumberField("within_tolerance", r.withinTolerance().size());
        g.writeNumberField("matches", r.matches().size());
        g.writeNumberField("suggestions", r.suggestions().size());
        g.writeNumberField("entries_reconciled", r.entriesReconciled());
        g.writeNumberField("entries_after_period", r.entriesAfterPeriod());
        g.writeNumberField("entries_on_unloaded_lines", r.entriesOnUnloadedLines());
        g.writeNumberField("lines_out_of_period", r.linesOutOfPeriod());
        g.writeNumberField("voided_lines", r.voidedLines());
        g.writeNumberField("rejected_suggestions", r.rejectedSuggestions());
        g.writeEndObject();
    }

    private static void kpis(JsonGenerator g, Kpis k) throws IOException {
        g.writeObjectFieldStart("kpis");
        amount(g, "setup_cycle_hours_median", k.setupCycleHoursMedian());
        amount(g, "setup_cycle_hours_p90", k.setupCycleHoursP90());
        g.writeNumberField("projects_set_up", k.projectsSetUp());
        number(g, "billing_lag_days_median", k.billingLagDaysMedian());
        number(g, "billing_lag_days_p90", k.billingLagDaysP90());
        g.writeNumberField("billed_entries", k.billedEntries());
        g.writeNumberField("invoice_lines", k.invoiceLines());
        g.writeNumberField("invoice_lines_with_break", k.invoiceLinesWithBreak());
        plain(g, "invoice_accuracy", k.invoiceAccuracy());
        g.writeNumberField("records_processed", k.recordsProcessed());
        g.writeNumberField("exceptions_raised", k.exceptionsRaised());
        plain(g, "exception_rate", k.exceptionRate());
        amount(g, "recovery_hours_median", k.recoveryHoursMedian());
        amount(g, "recovery_hours_p90", k.recoveryHoursP90());
        g.writeNumberField("exceptions_resolved", k.exceptionsResolved());
        g.writeObjectFieldStart("unbilled_value_by_currency");
        for (Map.Entry<String, BigDecimal> e : k.unbilledValueByCurrency().entrySet()) {
            g.writeStringField(e.getKey(), cents(e.getValue()));
        }
        g.writeEndObject();
        amount(g, "unbilled_hours", k.unbilledHours());
        g.writeNumberField("unbilled_entries", k.unbilledEntries());
        g.writeEndObject();
    }

    private static void writeBreak(JsonGenerator g, ReconciliationBreak b) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", b.id());
        g.writeStringField("type", b.type().name());
        g.writeStringField("project_id", b.projectId());
        g.writeStringField("customer_id", b.customerId());
        g.writeStringField("currency", b.currency());
        amount(g, "expected", b.expected());
        amount(g, "actual", b.actual());
        amount(g, "variance", b.variance());
        amount(g, "size", b.size());
        amount(g, "hours", b.hours());
        g.writeBooleanField("within_tolerance", b.withinTolerance());
        g.writeStringField("tolerance_rule", b.toleranceRule());
        number(g, "oldest_age_days", b.oldestAgeDays() == null ? null : b.oldestAgeDays().longValue());
        g.writeStringField("field", b.field());
        g.writeObjectFieldStart("values");
        for (Map.Entry<String, String> e : b.values().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("detail", b.detail());
        g.writeStringField("suggestion_id", b.suggestionId());
        strings(g, "entry_ids", b.entryIds());
        strings(g, "line_refs", b.lineRefs());
        strings(g, "milestone_ids", b.milestoneIds());
        strings(g, "expense_ids", b.expenseIds());
        g.writeArrayFieldStart("exception_ids");
        for (Long id : b.exceptionIds()) {
            g.writeNumber(id);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeMatch(JsonGenerator g, Match m) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("kind", m.kind().name());
        g.writeStringField("basis", m.basis());
        g.writeStringField("project_id", m.projectId());
        g.writeStringField("customer_id", m.customerId());
        g.writeStringField("currency", m.currency());
        strings(g, "line_refs", m.lineRefs());
        g.writeStringField("milestone_id", m.milestoneId());
        amount(g, "billed", m.billed());
        amount(g, "delivered", m.delivered());
        amount(g, "variance", m.variance());
        amount(g, "hours", m.hours());
        amount(g, "quantity", m.quantity());
        strings(g, "entry_ids", m.entryIds());
        g.writeEndObject();
    }

    private static void totals(JsonGenerator g, String name, List<Totals> rows) throws IOException {
        g.writeArrayFieldStart(name);
        for (Totals t : rows) {
            g.writeStartObject();
            g.writeStringField("key", t.key());
            g.writeStringField("currency", t.currency());
            amount(g, "delivered", t.delivered());
            amount(g, "billed", t.billed());
            amount(g, "unbilled", t.unbilled());
            amount(g, "variance", t.variance());
            amount(g, "delivered_hours", t.deliveredHours());
            amount(g, "unbilled_hours", t.unbilledHours());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void amount(JsonGenerator g, String name, BigDecimal v) throws IOException {
        g.writeStringField(name, cents(v));
    }

    private static void plain(JsonGenerator g, String name, BigDecimal v) throws IOException {
        g.writeStringField(name, v == null ? null : v.toPlainString());
    }

    private static void number(JsonGenerator g, String name, Long v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }
}
