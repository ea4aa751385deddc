package io.crossbill.reconcile;

import io.crossbill.reconcile.internal.Percentiles;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.zone.ZoneRules;
import java.util.LinkedHashMap;
import java.util.Map;

/** The KPIs of DOMAIN.md for the period. */
final class KpiCalculator {

    private static final BigDecimal HOUR = BigDecimal.valueOf(3600);

    private final ReconciliationRun run;
    private final ReconciliationInput in;

    KpiCalculator(ReconciliationRun run) {
        this.run = run;
        this.in = run.in;
    }

    Kpis compute() {
        long[] setup = new long[in.projectSetups.size()];
        int s = 0;
        for (ProjectSetup p : in.projectSetups) {
            if (p.projectReadyAt() != null && !p.projectReadyAt().isBefore(p.dealClosedAt())) {
                setup[s++] = Duration.between(p.dealClosedAt(), p.projectReadyAt()).getSeconds();
            }
        }
        BigDecimal setupP90 = hours(Percentiles.of(setup, s, 90));
        BigDecimal setupMedian = hours(Percentiles.of(setup, s, 50));

        long[] lag = new long[run.lineEntries.length];
        int g = 0;
        ZoneRules zone = in.period.zone().getRules();
        boolean fixed = zone.isFixedOffset();
        int fixedOffset = fixed ? zone.getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
        int lines = 0;
        int broken = 0;
        for (int k = 0; k < run.lineCount; k++) {
            if (!run.lineInScope[k]) {
                continue;
            }
            lines++;
            if (run.lineBroken[k]) {
                broken++;
            }
            long invoiceDay = in.lines.get(k).invoiceDate().toEpochDay();
            for (int i = run.lineStart[k]; i < run.lineStart[k + 1]; i++) {
                long at = in.eApprovedAt[run.lineEntries[i]];
                if (at == ReconciliationInput.NONE) {
                    continue;
                }
                int offset = fixed ? fixedOffset : zone.getOffset(java.time.Instant.ofEpochSecond(at)).getTotalSeconds();
                lag[g++] = invoiceDay - Math.floorDiv(at + offset, 86_400L);
            }
        }
        Long lagP90 = Percentiles.of(lag, g, 90);
        Long lagMedian = Percentiles.of(lag, g, 50);

        long[] recovery = new long[in.exceptionEvents.size()];
        int r = 0;
        for (ExceptionEvent x : in.exceptionEvents) {
            if (x.resolvedAt() != null && !x.resolvedAt().isBefore(x.raisedAt())) {
                recovery[r++] = Duration.between(x.raisedAt(), x.resolvedAt()).getSeconds();
            }
        }
        BigDecimal recoveryP90 = hours(Percentiles.of(recovery, r, 90));
        BigDecimal recoveryMedian = hours(Percentiles.of(recovery, r, 50));

        Map<String, BigDecimal> unbilled = new LinkedHashMap<>();
        run.unbilledByCurrency.forEach((c, v) -> unbilled.put(c, run.money(v)));
        return new Kpis(setupMedian, setupP90, s, lagMedian, lagP90, g, lines, broken,
                lines == 0 ? null : BigDecimal.valueOf(lines - broken).divide(BigDecimal.valueOf(lines), 4,
                        RoundingMode.HALF_UP),
                in.recordsProcessed, in.exceptionsRaised,
                in.recordsProcessed == 0 ? null : BigDecimal.valueOf(in.exceptionsRaised)
                        .divide(BigDecimal.valueOf(in.recordsProcessed), 6, RoundingMode.HALF_UP),
                recoveryMedian, recoveryP90, r, java.util.Collections.unmodifiableMap(unbilled),
                ReconciliationRun.hours(run.unbilledMinutes), run.unbilledEntries);
    }

    private static BigDecimal hours(Long seconds) {
        return seconds == null ? null : BigDecimal.valueOf(seconds).divide(HOUR, 2, RoundingMode.HALF_UP);
    }
}
