package io.crossbill.reconcile.bench;

import io.crossbill.reconcile.BreakType;
import io.crossbill.reconcile.Contract;
import io.crossbill.reconcile.CustomerRecord;
import io.crossbill.reconcile.EntryView;
import io.crossbill.reconcile.ExceptionEvent;
import io.crossbill.reconcile.ExceptionLink;
import io.crossbill.reconcile.InvoiceLine;
import io.crossbill.reconcile.Milestone;
import io.crossbill.reconcile.ProjectSetup;
import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationInput;
import io.crossbill.reconcile.ReconciliationPeriod;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.reconcile.ReconciliationStore;
import io.crossbill.reconcile.TimeEntry;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The month-end surge: a deterministic period of N time entries (default 1,000,000) over 2,000 projects and
 * 500 customers, billed on about 100,000 invoice lines (most one line to many entries, linked by the ledger
 * from the entry side, the line side or both), with breaks of every type sprinkled in; loads it, reconciles
 * it, opens the review (first page of breaks, drill into the largest), and prints entries/s, wall times,
 * reachable heap after a full GC and the breaks by type. Run it with {@code -Xmx1g}:
 *
 * <pre>java -Xmx1g -cp ... io.crossbill.reconcile.bench.ReconcileBenchmark [--entries N] [--lines N]</pre>
 */
public final class ReconcileBenchmark {

    static final int PROJECTS = 2_000;
    static final int CUSTOMERS = 500;
    static final YearMonth MONTH = YearMonth.of(2026, 1);

    /**
     * The figures of one run. {@code storeMillis} writes the result and its input as the review keeps them
     * ({@link ReconciliationStore}, {@code storedBytes} on disk); {@code breaksReadMillis} reads back the breaks,
     * totals and KPIs (what the review shows first), {@code reopenMillis} also the records behind them (what a
     * drill-down waits for): what opening a period's reconciliation costs once it has been made.
     */
    public record Report(int entries, int lines, long generateMillis, long loadMillis, long reconcileMillis,
            long openMillis, long storeMillis, long storedBytes, long breaksReadMillis, long reopenMillis,
            long heapAfterGcBytes,
            Map<BreakType, Integer> breaksByType, int withinTolerance, int matches, int suggestions) {

        /** Entries reconciled per second, loading included. */
        public long entriesPerSecond() {
            return Math.round(entries * 1000.0 / Math.max(1, loadMillis + reconcileMillis));
        }
    }

    private ReconcileBenchmark() {
    }

    public static void main(String[] args) {
        int entries = 1_000_000;
        int lines = 100_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--entries" -> entries = Integer.parseInt(args[++i]);
                case "--lines" -> lines = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("Unknown option " + args[i] + "; use --entries N [--lines N].");
                    System.exit(2);
                }
            }
        }
        run(entries, lines, System.out);
    }

    /** Generates, loads, reconciles and opens a period; prints the figures to {@code out}. */
    public static Report run(int entries, int lines, PrintStream out) {
        if (entries < PROJECTS * 4 || lines < PROJECTS * 4) {
            throw new IllegalArgumentException("The benchmark needs at least " + PROJECTS * 4 + " entries and lines"
                    + " (it spreads them over " + PROJECTS + " projects).");
        }
        long t0 = System.nanoTime();
        Period p = new Period(entries, lines);
        long t1 = System.nanoTime();
        ReconciliationInput input = p.load();
        p = null;
        long t2 = System.nanoTime();
        ReconciliationResult r = new Reconciler().reconcile(input);
        long t3 = System.nanoTime();
        int opened = open(r);
        long t4 = System.nanoTime();
        long[] stored = storeAndReopen(r);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Report rep = new Report(input.entryCount(), input.lines().size(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2),
                ms(t4 - t3), stored[0], stored[1], stored[2], stored[3], heap, r.countsByType(), r.withinTolerance().size(),
                r.matches().size(), r.suggestions().size());
        out.printf("reconcile bench: %,d entries, %,d invoice lines, %d projects, %d customers%n", rep.entries(),
                rep.lines(), PROJECTS, CUSTOMERS);
        out.printf("  generate %,d ms | load %,d ms | reconcile %,d ms | open review %,d ms (%d rows read)%n",
                rep.generateMillis(), rep.loadMillis(), rep.reconcileMillis(), rep.openMillis(), opened);
        out.printf("  kept for the review: store %,d ms (%,d MB) | read back: breaks, totals and KPIs in %,d ms,"
                + " the records behind them (drill-down) in %,d ms (best of 3)%n", rep.storeMillis(),
                rep.storedBytes() >> 20, rep.breaksReadMillis(), rep.reopenMillis());
        out.printf("  %,d entries/s (load + reconcile), wall %,d ms; reachable heap after GC %,d MB (max %,d MB)%n",
                rep.entriesPerSecond(), rep.generateMillis() + rep.loadMillis() + rep.reconcileMillis()
                        + rep.openMillis(), heap >> 20, Runtime.getRuntime().maxMemory() >> 20);
        out.printf("  breaks: %d; within tolerance %d; matches %,d; suggestions %d%n", r.breaks().size(),
                rep.withinTolerance(), rep.matches(), rep.suggestions());
        rep.breaksByType().forEach((t, n) -> out.printf("    %-32s %,7d%n", t, n));
        if (r.breaks().isEmpty()) {
            throw new IllegalStateException("the benchmark period should have breaks");
        }
        return rep;
    }

    /**
     * The period the benchmark reconciles, generated and loaded: N entries over {@value #PROJECTS} projects with
     * about {@code lines} invoice lines and breaks of every type. Deterministic, so two calls give equal inputs.
     */
    public static ReconciliationInput period(int entries, int lines) {
        if (entries < PROJECTS * 4 || lines < PROJECTS * 4) {
            throw new IllegalArgumentException("The benchmark needs at least " + PROJECTS * 4 + " entries and lines"
                    + " (it spreads them over " + PROJECTS + " projects).");
        }
        return new Period(entries, lines).load();
    }

    /** Stores the result in a temporary file, then reads it back and opens the review, best of 3: ms, bytes, ms. */
    private static long[] storeAndReopen(ReconciliationResult r) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("crossbill-reconcile-bench", ".review");
            try {
                long s0 = System.nanoTime();
                try (java.io.OutputStream o = java.nio.file.Files.newOutputStream(f)) {
                    ReconciliationStore.write(r, o);
                }
                long store = ms(System.nanoTime() - s0);
                long best = Long.MAX_VALUE;
                long bestBreaks = Long.MAX_VALUE;
                for (int i = 0; i < 3; i++) {
                    long o0 = System.nanoTime();
                    ReconciliationResult back;
                    try (java.io.InputStream in = java.nio.file.Files.newInputStream(f)) {
                        back = ReconciliationStore.read(in);
                    }
                    bestBreaks = Math.min(bestBreaks, ms(System.nanoTime() - o0));
                    open(back); // drills into a break: waits for the records
                    best = Math.min(best, ms(System.nanoTime() - o0));
                    if (back.breaks().size() != r.breaks().size()) {
                        throw new IllegalStateException("the stored result lost breaks");
                    }
                }
                return new long[] {store, java.nio.file.Files.size(f), bestBreaks, best};
            } finally {
                java.nio.file.Files.deleteIfExists(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("The benchmark could not store its result: " + e.getMessage(), e);
        }
    }

    /** What the review does when it opens: the first page of each type, the largest break's first records. */
    private static int open(ReconciliationResult r) {
        int read = 0;
        for (BreakType t : BreakType.values()) {
            List<ReconciliationBreak> page = r.breaks(t).subList(0, Math.min(100, r.breaks(t).size()));
            for (ReconciliationBreak b : page) {
                read += 1 + (b.entryIds().isEmpty() ? 0 : b.entryIds().get(0).isEmpty() ? 0 : 1);
            }
        }
        ReconciliationBreak largest = r.breaks(BreakType.UNBILLED_ENTRY).get(0);
        List<EntryView> drill = r.entries(largest);
        for (int i = 0; i < Math.min(200, drill.size()); i++) {
            read += drill.get(i).ageDays() >= 0 ? 1 : 0;
        }
        return read;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** The generated period: decided up front so that lines know their entries and amounts. */
    private static final class Period {

        final int n;
        final String[] ids;
        final int[] lineOf; // global line index of an entry, -1 when unbilled
        final int[] lineStart; // first global time line of each project
        final int timeLines;
        final int linesWanted;
        final BigDecimal[] rates = new BigDecimal[25];
        final String[] persons = new String[400];
        final String[] projectIds = new String[PROJECTS];
        final String[] customerIds = new String[CUSTOMERS];

        Period(int entries, int lines) {
            n = entries;
            linesWanted = lines;
            for (int i = 0; i < rates.length; i++) {
                rates[i] = BigDecimal.valueOf(100 + 5 * i);
            }
            for (int i = 0; i < persons.length; i++) {
                persons[i] = "person-" + i;
            }
            for (int i = 0; i < PROJECTS; i++) {
                projectIds[i] = "PRJ-" + i;
            }
            for (int i = 0; i < CUSTOMERS; i++) {
                customerIds[i] = "CUS-" + i;
            }
            ids = new String[n];
            for (int i = 0; i < n; i++) {
                ids[i] = "TE-" + i;
            }
            int[] billedPerProject = new int[PROJECTS];
            for (int i = 0; i < n; i++) {
                if (billableAtClose(i)) {
                    billedPerProject[i % PROJECTS]++;
                }
            }
            int extras = 600 + PROJECTS + PROJECTS / 11;
            int perProject = Math.max(1, (lines - extras + PROJECTS / 2) / PROJECTS);
            lineStart = new int[PROJECTS + 1];
            int[] keep = new int[PROJECTS];
            for (int q = 0; q < PROJECTS; q++) {
                keep[q] = billedPerProject[q] - Math.max(1, billedPerProject[q] / 16); // the rest stays unbilled
                lineStart[q + 1] = lineStart[q] + Math.min(perProject, keep[q]);
            }
            timeLines = lineStart[PROJECTS];
            lineOf = new int[n];
            int[] seen = new int[PROJECTS];
            for (int i = 0; i < n; i++) {
                int q = i % PROJECTS;
                lineOf[i] = -1;
                if (billableAtClose(i) && seen[q] < keep[q]) {
                    lineOf[i] = lineStart[q] + (int) ((long) seen[q]++ * (lineStart[q + 1] - lineStart[q]) / keep[q]);
                }
            }
        }

        static int mix(int i) {
            int h = i * 0x9E3779B1;
            h ^= h >>> 15;
            h *= 0x85EBCA77;
            return (h ^ (h >>> 13)) & 0x7fffffff;
        }

        static boolean billable(int i) {
            return mix(i) % 10 != 0;
        }

        static boolean approved(int i) {
            return (mix(i) >>> 8) % 50 != 0;
        }

        /** Approved a day or three after the work; work approved after the close waits for next month. */
        static int approvalDelayDays(int i) {
            return 1 + i % 3;
        }

        static boolean billableAtClose(int i) {
            return billable(i) && approved(i) && day(i) + approvalDelayDays(i) <= MONTH.lengthOfMonth();
        }

        static int minutes(int i) {
            return 15 * (1 + (mix(i) >>> 4) % 32);
        }

        static int day(int i) {
            return 1 + (mix(i) >>> 12) % 31;
        }

        static String currency(int customer) {
            return customer % 10 == 9 ? "AUD" : customer % 25 == 0 ? "USD" : "NZD";
        }

        int rateIndex(int project) {
            return project % rates.length;
        }

        /** Line side, entry side or both: the ledger's link is given one of three ways. */
        static int linkStyle(int line) {
            return line % 5 == 0 ? 1 : line % 5 == 1 ? 2 : 0; // 1 = line lists, 2 = entries name, 0 = both
        }

        ReconciliationInput load() {
            ReconciliationInput.Builder b = ReconciliationInput.builder(ReconciliationPeriod.of(MONTH), n);
            long[] lineMinutes = new long[timeLines];
            int[] lineCount = new int[timeLines];
            for (int i = 0; i < n; i++) {
                if (lineOf[i] >= 0) {
                    lineMinutes[lineOf[i]] += minutes(i);
                    lineCount[lineOf[i]]++;
                }
            }
            int[] fill = new int[timeLines + 1];
            for (int g = 0; g < timeLines; g++) {
                fill[g + 1] = fill[g] + lineCount[g];
            }
            String[] lineEntryIds = new String[fill[timeLines]];
            int[] pos = Arrays.copyOf(fill, timeLines);
            for (int i = 0; i < n; i++) {
                if (lineOf[i] >= 0) {
                    lineEntryIds[pos[lineOf[i]]++] = ids[i];
                }
            }
            long[] unbilledMinutes = new long[PROJECTS];
            for (int i = 0; i < n; i++) {
                int q = i % PROJECTS;
                int c = q % CUSTOMERS;
                int g = lineOf[i];
                if (g < 0 && billableAtClose(i)) {
                    unbilledMinutes[q] += minutes(i);
                }
                Instant worked = MONTH.atDay(day(i)).atTime(8 + (mix(i) >>> 20) % 10, 0).toInstant(
                        java.time.ZoneOffset.UTC);
                b.addEntry(new TimeEntry(ids[i], projectIds[q], customerIds[c], persons[i % persons.length], worked,
                        minutes(i), billable(i), approved(i), worked.plusSeconds(86_400L * approvalDelayDays(i)),
                        rates[rateIndex(q)], currency(c), g >= 0 && linkStyle(g) != 1 ? ref(g) : null, null));
            }
            for (int q = 0; q < PROJECTS; q++) {
                int c = q % CUSTOMERS;
                for (int g = lineStart[q]; g < lineStart[q + 1]; g++) {
                    BigDecimal amount = worth(lineMinutes[g], rates[rateIndex(q)]);
                    String cur = currency(c);
                    InvoiceLine.Status status = InvoiceLine.Status.AUTHORISED;
                    if (g % 97 == 0) {
                        amount = amount.add(BigDecimal.valueOf(100 + g % 900, 2).multiply(BigDecimal.valueOf(
                                g % 2 == 0 ? 1 : -1))); // over- or underbilled
                    } else if (g % 1000 == 1) {
                        amount = amount.add(new BigDecimal("0.004")); // within tolerance
                    } else if (g % 733 == 2) {
                        cur = cur.equals("NZD") ? "AUD" : "NZD"; // currency mismatch
                    } else if (g % 501 == 3 && q % 40 != 7) {
                        status = InvoiceLine.Status.VOIDED;
                    }
                    List<String> listed = linkStyle(g) == 2 ? List.of()
                            : Arrays.asList(lineEntryIds).subList(fill[g], fill[g + 1]);
                    b.addLine(new InvoiceLine("INV-" + g, "INV-" + (10_000 + g), customerIds[c], g % 9 == 0 ? null
                            : projectIds[q], ref(g), InvoiceLine.Kind.TIME, null,
                            BigDecimal.valueOf(lineMinutes[g]).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP),
                            rates[rateIndex(q)], amount, cur, LocalDate.of(2026, 1, 31), status, listed));
                }
            }
            int extra = timeLines;
            for (int q = 0; q < PROJECTS; q++) {
                int c = q % CUSTOMERS;
                String cur = currency(c);
                BigDecimal value = BigDecimal.valueOf(5_000 + 100 * (q % 10));
                Instant done = MONTH.atDay(15).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
                b.addMilestone(new Milestone("MS-" + q + "-1", projectIds[q], customerIds[c], "Design", value, cur,
                        true, done, null));
                b.addMilestone(new Milestone("MS-" + q + "-2", projectIds[q], customerIds[c], "Go live", value, cur,
                        false, null, null));
                if (q % 7 != 0) { // every 7th completed milestone is not invoiced
                    BigDecimal billed = q % 13 == 0 ? value.subtract(BigDecimal.valueOf(500)) : value;
                    b.addLine(milestoneLine(extra++, q, c, "MS-" + q + "-1", billed, cur));
                }
                if (q % 11 == 0) { // invoiced before it is complete
                    b.addLine(milestoneLine(extra++, q, c, "MS-" + q + "-2", value, cur));
                }
                if (q % 40 == 7 && unbilledMinutes[q] > 0) { // a line the ledger missed: suggested match
                    b.addLine(new InvoiceLine("INV-X" + q, "INV-S" + q, customerIds[c], projectIds[q], "LS-" + q,
                            InvoiceLine.Kind.TIME, null, null, null, worth(unbilledMinutes[q], rates[rateIndex(q)]),
                            cur, LocalDate.of(2026, 1, 31), InvoiceLine.Status.AUTHORISED, List.of()));
                    extra++;
                }
            }
            for (int k = 0; extra < linesWanted && k < 600; k++, extra++) { // billed with nothing behind
                int q = (k * 37) % PROJECTS;
                b.addLine(new InvoiceLine("INV-O" + k, "INV-O" + k, customerIds[q % CUSTOMERS], projectIds[q],
                        "LO-" + k, InvoiceLine.Kind.OTHER, null, null, null, BigDecimal.valueOf(250 + k), currency(
                                q % CUSTOMERS), LocalDate.of(2026, 1, 20), InvoiceLine.Status.AUTHORISED, List.of()));
            }
            for (int c = 0; c < CUSTOMERS; c++) {
                String name = "Customer " + c + " Ltd";
                b.addCustomer(new CustomerRecord(CustomerRecord.Source.ERP, customerIds[c], name, "NZ" + (1000 + c),
                        "NZ", currency(c), c + " Queen St", "Auckland", "1010", "ap@c" + c + ".example"));
                b.addCustomer(new CustomerRecord(CustomerRecord.Source.CRM, customerIds[c], c % 17 == 0 ? "Customer "
                        + c : name, "NZ" + (1000 + c), c % 29 == 0 ? "AU" : "NZ", currency(c), c + " Queen St",
                        "Auckland", "1010", "ap@c" + c + ".example"));
                if (c % 23 != 0) {
                    b.addCustomer(new CustomerRecord(CustomerRecord.Source.PSA, customerIds[c], name, null, "NZ",
                            currency(c), c + " Queen St", "Auckland", "1010", "ap@c" + c + ".example"));
                }
            }
            for (int q = 0; q < PROJECTS; q++) {
                BigDecimal crm = q % 31 == 0 ? BigDecimal.valueOf(1_000) : BigDecimal.valueOf(2_000_000);
                b.addContract(new Contract(projectIds[q], customerIds[q % CUSTOMERS], "DEAL-" + q, crm,
                        q % 19 == 0 ? crm.subtract(BigDecimal.TEN) : crm, null, currency(q % CUSTOMERS),
                        Contract.BillingMethod.TIME_AND_MATERIALS));
                Instant closed = MONTH.atDay(1 + q % 28).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
                b.addProjectSetup(new ProjectSetup(projectIds[q], closed, closed.plusSeconds(3_600L * (2 + q % 70))));
            }
            for (int x = 0; x < 5_000; x++) {
                String key = x % 3 == 0 ? ids[(x * 7919) % n] : x % 3 == 1 ? projectIds[x % PROJECTS]
                        : "INV-" + (10_000 + x % timeLines);
                b.addException(new ExceptionLink(key, x + 1, "POLICY", "OPEN"));
                Instant raised = MONTH.atDay(1 + x % 28).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
                b.addExceptionEvent(new ExceptionEvent(x + 1, raised, x % 4 == 0 ? null
                        : raised.plusSeconds(600L * (1 + x % 50))));
            }
            b.activity(n + (long) linesWanted, 5_000);
            return b.build();
        }

        private InvoiceLine milestoneLine(int g, int q, int c, String milestone, BigDecimal amount, String cur) {
            return new InvoiceLine("INV-M" + g, "INV-M" + g, customerIds[c], projectIds[q], ref(g),
                    InvoiceLine.Kind.MILESTONE, milestone, BigDecimal.ONE, amount, amount, cur,
                    LocalDate.of(2026, 1, 28), InvoiceLine.Status.AUTHORISED, List.of());
        }

        static String ref(int g) {
            return "LN-" + g;
        }

        static BigDecimal worth(long minutes, BigDecimal rate) {
            return BigDecimal.valueOf(minutes).multiply(rate).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        }
    }
}
