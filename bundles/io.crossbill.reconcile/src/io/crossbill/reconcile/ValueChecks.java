package io.crossbill.reconcile;

import io.crossbill.reconcile.internal.IntList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Milestones, lines with nothing behind them, contract values and customer master data. */
final class ValueChecks {

    private final ReconciliationRun run;
    private final ReconciliationInput in;

    ValueChecks(ReconciliationRun run) {
        this.run = run;
        this.in = run.in;
    }

    static boolean completedAtClose(Milestone m, ReconciliationPeriod period) {
        return m.completed() && (m.completedAt() == null || !m.completedAt().isAfter(period.closeAt()));
    }

    private static String cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Completed milestones against the lines that bill them. */
    void milestones() {
        for (int m = 0; m < in.milestones.size(); m++) {
            Milestone ms = in.milestones.get(m);
            IntList lines = run.milestoneLines.get(m);
            boolean completed = completedAtClose(ms, run.period);
            if (lines.size() == 0) {
                if (completed && !run.milestoneBilledElsewhere[m]) {
                    ReconciliationBreak b = run.breaks.add(BreakType.MILESTONE_NOT_INVOICED, ms.projectId(),
                            ms.customerId(), ms.currency(), ms.amount(), BigDecimal.ZERO.setScale(2), ms.id());
                    b.toleranceRule = "none: a completed milestone is billed or it is not";
                    b.milestones = new int[] {m};
                    b.detail = "Milestone '" + ms.name() + "' (" + cents(ms.amount()) + " " + ms.currency()
                            + ") is complete" + (ms.completedAt() == null ? "" : " since " + ms.completedAt())
                            + " but on no invoice.";
                    run.unbilledByCurrency.merge(ms.currency(), run.units(ms.amount()), Long::sum);
                }
                continue;
            }
            BigDecimal billed = BigDecimal.ZERO;
            List<String> refs = new ArrayList<>();
            String otherCurrency = null;
            for (int i = 0; i < lines.size(); i++) {
                InvoiceLine l = in.lines.get(lines.get(i));
                billed = billed.add(l.amount());
                refs.add(l.lineRef());
                if (!l.currency().equals(ms.currency())) {
                    otherCurrency = l.currency();
                }
            }
            int[] lineArray = lines.toArray();
            if (otherCurrency != null) {
                ReconciliationBreak b = run.breaks.add(BreakType.CURRENCY_MISMATCH, ms.projectId(), ms.customerId(),
                        ms.currency(), ms.amount(), null, ms.id());
                b.toleranceRule = "none: currencies are never converted or added together";
                b.detail = "Milestone '" + ms.name() + "' is worth " + cents(ms.amount()) + " " + ms.currency()
                        + " but is invoiced in " + otherCurrency + " on " + String.join(", ", refs) + ".";
                brokenRecords(b, m, lineArray);
                continue;
            }
            if (!completed) {
                ReconciliationBreak b = run.breaks.add(BreakType.MILESTONE_INVOICED_NOT_COMPLETE, ms.projectId(),
                        ms.customerId(), ms.currency(), BigDecimal.ZERO.setScale(2), billed, ms.id());
                b.toleranceRule = "none: only a completed milestone may be billed";
                b.detail = "Milestone '" + ms.name() + "' is invoiced for " + cents(billed) + " " + ms.currency()
                        + " on " + String.join(", ", refs) + " but the PSA does not show it complete by the close.";
                brokenRecords(b, m, lineArray);
                continue;
            }
            boolean exact = billed.compareTo(ms.amount()) == 0;
            boolean within = exact || run.rules.within(ms.currency(), ms.amount(), billed);
            Match.Kind kind = exact ? Match.Kind.EXACT : within ? Match.Kind.WITHIN_TOLERANCE : Match.Kind.VARIANCE;
            run.matches.add(new Match(run.source, run.ids.start().add(run.period.key()).add("milestone").add(ms.id())
                    .finish("m-"), kind, "milestone", ms.projectId(), ms.customerId(), ms.currency(), List.copyOf(refs),
                    ms.id(), billed, ms.amount(), null, null, new int[0]));
            if (!exact) {
                ReconciliationBreak b = run.breaks.add(BreakType.MILESTONE_AMOUNT_MISMATCH, ms.projectId(),
                        ms.customerId(), ms.currency(), ms.amount(), billed, ms.id());
                b.withinTolerance = within;
                b.toleranceRule = run.rules.describe(ms.currency());
                b.detail = "Milestone '" + ms.name() + "' is worth " + cents(ms.amount()) + " " + ms.currency()
                        + " and is invoiced for " + cents(billed) + " on " + String.join(", ", refs) + ".";
                b.milestones = new int[] {m};
                b.lines = lineArray;
                if (!within) {
                    for (int k : lineArray) {
                        run.lineBroken[k] = true;
                    }
                }
            }
        }
    }

    private void brokenRecords(ReconciliationBreak b, int m, int[] lines) {
        b.milestones = new int[] {m};
        b.lines = lines;
        for (int k : lines) {
            run.lineBroken[k] = true;
        }
    }

    /** Lines of the period with no entry, expense or known milestone behind them. */
    void linesWithoutDelivery() {
        for (int k = 0; k < run.lineCount; k++) {
            if (!run.lineInScope[k] || run.entriesOn(k) > 0 || run.lineExpenses[k] != null || run.lineMilestone[k] >= 0) {
                continue;
            }
            InvoiceLine l = in.lines.get(k);
            ReconciliationBreak b = run.breaks.add(BreakType.INVOICE_WITHOUT_DELIVERY,
                    in.projects.value(run.lineProject[k]), l.customerId(), l.currency(), BigDecimal.ZERO.setScale(2),
                    l.amount(), l.lineRef());
            b.toleranceRule = "none: every billed line needs delivery behind it";
            b.lines = new int[] {k};
            b.suggestionId = run.lineSuggestion[k];
            StringBuilder d = new StringBuilder("Line ").append(l.lineRef()).append(" of invoice ")
                    .append(l.invoiceNumber()).append(" (").append(l.kind()).append(", ").append(cents(l.amount()))
                    .append(' ').append(l.currency()).append(") has no time, expense or milestone behind it.");
            if (run.lineMilestone[k] == -2) {
                d.append(" It names milestone ").append(l.milestoneId()).append(", which is not among the period's"
                        + " milestones.");
            }
            if (run.lineUnknownIds[k] > 0) {
                d.append(" Its ").append(run.lineUnknownIds[k]).append(" listed id(s) are not among the period's"
                        + " entries or expenses.");
            }
            if (b.suggestionId != null) {
                d.append(" A suggested match (").append(b.suggestionId).append(") is waiting for a decision.");
            }
            b.detail = d.toString();
            run.lineBroken[k] = true;
        }
    }

    /** CRM value against PSA budget, and billed to date against the CRM value. */
    void contracts() {
        for (Contract c : in.contracts) {
            BigDecimal crm = c.crmValue();
            String cur = c.currency();
            boolean fromErp = c.erpBilledToDate() != null;
            BigDecimal billed = fromErp ? c.erpBilledToDate()
                    : run.money(run.totals.billed(in.projects.find(c.projectId()), cur));
            String[] values = {"crm_value", crm.toPlainString(), "psa_budget",
                    c.psaBudget() == null ? null : c.psaBudget().toPlainString(),
                    fromErp ? "erp_billed_to_date" : "erp_billed_in_period", billed.toPlainString()};
            if (c.psaBudget() == null || c.psaBudget().compareTo(crm) != 0) {
                ReconciliationBreak b = run.breaks.add(BreakType.CONTRACT_VALUE_MISMATCH, c.projectId(),
                        c.customerId(), cur, crm, c.psaBudget(), c.projectId(), c.dealId(), "psa_budget");
                b.values("psa_budget", values);
                b.toleranceRule = run.rules.describe(cur);
                b.withinTolerance = c.psaBudget() != null && run.rules.within(cur, crm, c.psaBudget());
                b.detail = c.psaBudget() == null
                        ? "Deal " + c.dealId() + " is worth " + cents(crm) + " " + cur + " but project " + c.projectId()
                                + " has no budget in the PSA."
                        : "Deal " + c.dealId() + " is worth " + cents(crm) + " " + cur + " in the CRM but project "
                                + c.projectId() + " is budgeted at " + cents(c.psaBudget()) + " in the PSA.";
            }
            if (billed.compareTo(crm) > 0) {
                ReconciliationBreak b = run.breaks.add(BreakType.CONTRACT_VALUE_MISMATCH, c.projectId(),
                        c.customerId(), cur, crm, billed, c.projectId(), c.dealId(), "billed_to_date");
                b.values("billed_to_date", values);
                b.toleranceRule = run.rules.describe(cur);
                b.withinTolerance = run.rules.within(cur, crm, billed);
                b.detail = "Project " + c.projectId() + " has been billed " + cents(billed) + " " + cur
                        + (fromErp ? " to date" : " on the period's lines") + ", more than the deal's value of "
                        + cents(crm) + " " + cur + " (" + c.billingMethod() + ").";
            }
        }
    }

    private record Field(String name, Function<CustomerRecord, String> get, boolean caseless, boolean taxId) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("name", CustomerRecord::name, false, false),
            new Field("tax_id", CustomerRecord::taxId, true, true),
            new Field("country", CustomerRecord::country, true, false),
            new Field("currency", CustomerRecord::currency, true, false),
            new Field("address_line", CustomerRecord::addressLine, false, false),
            new Field("city", CustomerRecord::city, false, false),
            new Field("postcode", CustomerRecord::postcode, true, false),
            new Field("email", CustomerRecord::email, true, false));

    static final String TEXT_RULE = "text compared after trimming and collapsing spaces; case ignored for tax id,"
            + " country, currency, postcode and email; tax id also ignores spaces, dots and dashes";

    /** Each customer's fields across the CRM, the PSA and the ERP. */
    void masterData() {
        Map<String, EnumMap<CustomerRecord.Source, List<CustomerRecord>>> byKey = new TreeMap<>();
        for (CustomerRecord r : in.customerRecords) {
            byKey.computeIfAbsent(r.businessKey(), k -> new EnumMap<>(CustomerRecord.Source.class))
                    .computeIfAbsent(r.system(), k -> new ArrayList<>()).add(r);
        }
        byKey.forEach((key, systems) -> {
            List<String> presence = new ArrayList<>();
            boolean incomplete = false;
            StringBuilder dup = new StringBuilder();
            for (CustomerRecord.Source s : CustomerRecord.Source.values()) {
                List<CustomerRecord> rs = systems.get(s);
                int count = rs == null ? 0 : rs.size();
                presence.add(s.name().toLowerCase(Locale.ROOT));
                presence.add(count == 0 ? "missing" : count == 1 ? "present" : count + " records");
                // a system that does not hold the customer is no break (the PSA may use the ERP's customers,
                // and an ERP customer need not be in the CRM); a system that holds it twice is
                incomplete |= count > 1;
                if (count > 1) {
                    dup.append(" The ").append(s).append(" holds ").append(count)
                            .append(" records with this key; merge them (the first is compared).");
                }
            }
            if (incomplete) {
                ReconciliationBreak b = run.breaks.add(BreakType.MASTER_DATA_MISMATCH, null, key, null, null, null,
                        key, "record");
                b.values("record", presence.toArray(String[]::new));
                b.toleranceRule = "a customer is held at most once in each system";
                b.detail = ("Customer " + key + " is held more than once in a system." + dup).trim();
            }
            for (Field f : FIELDS) {
                List<String> pairs = new ArrayList<>();
                String first = null;
                boolean differs = false;
                boolean seen = false;
                for (CustomerRecord.Source s : CustomerRecord.Source.values()) {
                    List<CustomerRecord> rs = systems.get(s);
                    if (rs == null) {
                        continue;
                    }
                    String raw = f.get.apply(rs.get(0));
                    String norm = normalise(raw, f);
                    if (norm == null) {
                        continue; // the system does not hold this field
                    }
                    if (seen && !java.util.Objects.equals(first, norm)) {
                        differs = true;
                    }
                    if (!seen) {
                        first = norm;
                        seen = true;
                    }
                    pairs.add(s.name().toLowerCase(Locale.ROOT));
                    pairs.add(raw);
                }
                if (differs) {
                    ReconciliationBreak b = run.breaks.add(BreakType.MASTER_DATA_MISMATCH, null, key, null, null,
                            null, key, f.name);
                    b.values(f.name, pairs.toArray(String[]::new));
                    b.toleranceRule = TEXT_RULE;
                    b.detail = "Customer " + key + ": " + f.name.replace('_', ' ') + " differs between systems"
                            + " (the ERP owns legal and financial fields, the CRM commercial ones).";
                }
            }
        });
    }

    static String normalise(String v, Field f) {
        if (v == null) {
            return null;
        }
        String s = v.strip().replaceAll("\\s+", " ");
        if (f.taxId) {
            s = s.replaceAll("[\\s.\\-]", "");
        }
        s = f.caseless ? s.toUpperCase(Locale.ROOT) : s;
        return s.isEmpty() ? null : s;
    }
}
