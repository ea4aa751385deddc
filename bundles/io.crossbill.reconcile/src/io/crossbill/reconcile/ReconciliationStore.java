package io.crossbill.reconcile;

import io.crossbill.reconcile.internal.Dictionary;
import io.crossbill.reconcile.internal.IdIndex;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A reconciliation kept on disk, input and result together, so the review of a period opens by reading a
 * file instead of reconciling again (reading a million entries back takes a fraction of reconciling them).
 * <p>
 * The format is columnar and binary: the input's entry columns as arrays, its records field by field, then
 * the breaks, matches, totals and KPIs with the positions of the records behind them, all deflated. Amounts
 * keep their exact scale. A file of another format, or one cut short, is refused with an {@link IOException}
 * that says so; whoever keeps the file then reconciles again.
 */
public final class ReconciliationStore {

    /** "CBRS": a Crossbill reconciliation store. */
    private static final int MAGIC = 0x43425253;
    /** Bumped whenever what is written changes. */
    static final int FORMAT = 1;

    private ReconciliationStore() {
    }

    /**
     * Writes a result and its input to {@code out} (which is not closed): the result first, then the input, each
     * deflated on its own so that reading can return the first while the second is still being read.
     */
    public static void write(ReconciliationResult result, OutputStream out) throws IOException {
        ReconciliationInput input = result.input();
        // the records (most of the bytes) are deflated on a second thread while the result is
        java.util.concurrent.FutureTask<byte[]> recordsTask = new java.util.concurrent.FutureTask<>(
                () -> section(d -> new Writer(d, input).input()));
        Thread t = new Thread(recordsTask, "Writing a reconciliation's records");
        t.setDaemon(true);
        t.start();
        byte[] head = section(d -> new Writer(d, input).result(result));
        byte[] records;
        try {
            records = recordsTask.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing a reconciliation");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        }
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        d.writeInt(MAGIC);
        d.writeInt(FORMAT);
        d.writeInt(head.length);
        d.write(head);
        d.writeInt(records.length);
        d.write(records);
        d.writeInt(MAGIC);
        d.flush();
    }

    /**
     * Reads what {@link #write} wrote. The breaks, matches, totals and KPIs are read before this returns; the
     * records behind them (the input, a million entries for a big period) are read on a background thread once
     * they are first wanted ({@link ReconciliationResult#prefetch()}, or a drill-down, which then waits), and
     * {@link ReconciliationResult#ready()} says when they are in.
     *
     * @throws IOException when the stream is not a stored reconciliation of this format, or is cut short or
     *                     damaged in its result (damage in its records shows in {@link ReconciliationResult#ready()})
     */
    public static ReconciliationResult read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
        byte[] head;
        byte[] records;
        try {
            if (d.readInt() != MAGIC) {
                throw new IOException("not a stored reconciliation");
            }
            int format = d.readInt();
            if (format != FORMAT) {
                throw new IOException("a stored reconciliation of format " + format + ", this version reads "
                        + FORMAT);
            }
            head = d.readNBytes(length(d.readInt()));
            records = d.readNBytes(length(d.readInt()));
            if (d.readInt() != MAGIC) {
                throw new IOException("the stored reconciliation does not end where it should");
            }
        } catch (java.io.EOFException e) {
            throw new IOException("the stored reconciliation is cut short", e);
        }
        CompletableFuture<ReconciliationInput> input = new CompletableFuture<>();
        Runnable reader = () -> {
            Thread t = new Thread(() -> {
                try {
                    input.complete(decode(records, b -> new Reader(b, null).input()));
                } catch (IOException | RuntimeException e) {
                    input.completeExceptionally(e);
                }
            }, "Reading a stored reconciliation's records");
            t.setDaemon(true);
            t.start();
        };
        return decode(head, b -> new Reader(b, InputSource.reading(input, reader)).result());
    }

    /** Reads a stored reconciliation and waits for its records too. */
    public static ReconciliationResult readFully(InputStream in) throws IOException {
        ReconciliationResult r = read(in);
        try {
            r.input();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return r;
    }

    private static int length(int n) throws IOException {
        if (n < 0) {
            throw new IOException("the stored reconciliation is damaged (a section of " + n + " bytes)");
        }
        return n;
    }

    @FunctionalInterface
    private interface Part {
        void write(DataOutputStream d) throws IOException;
    }

    @FunctionalInterface
    private interface Decoder<T> {
        T decode(ByteBuffer b) throws IOException;
    }

    private static byte[] section(Part part) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            DeflaterOutputStream z = new DeflaterOutputStream(bytes, deflater, 1 << 16);
            DataOutputStream d = new DataOutputStream(new BufferedOutputStream(z, 1 << 16));
            part.write(d);
            d.flush();
            z.finish();
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static <T> T decode(byte[] section, Decoder<T> decoder) throws IOException {
        byte[] bytes;
        try {
            bytes = new InflaterInputStream(new java.io.ByteArrayInputStream(section), new java.util.zip.Inflater(),
                    1 << 16).readAllBytes();
        } catch (java.util.zip.ZipException e) {
            throw new IOException("the stored reconciliation is damaged (" + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new IOException("the stored reconciliation is cut short (" + e.getMessage() + ")", e);
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            T out = decoder.decode(b);
            if (b.hasRemaining()) {
                throw new IOException("the stored reconciliation is damaged (" + b.remaining() + " bytes too many)");
            }
            return out;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException
                | java.time.DateTimeException | ArithmeticException | NullPointerException e) {
            throw new IOException("the stored reconciliation is damaged or cut short (" + e + ")", e);
        }
    }

    private static final class Writer {
        static final int CHUNK = 1 << 16;
        final DataOutputStream d;
        final ReconciliationInput in;
        final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);

        Writer(DataOutputStream d, ReconciliationInput in) {
            this.d = d;
            this.in = in;
        }

        void result(ReconciliationResult r) throws IOException {
            period(r.period());
            rules(r.rules());
            longs(r.counters());
            breaks(r.breaks());
            breaks(r.withinTolerance());
            d.writeInt(r.matches().size());
            for (Match m : r.matches()) {
                str(m.id);
                d.writeByte(m.kind.ordinal());
                str(m.basis);
                str(m.projectId);
                str(m.customerId);
                str(m.currency);
                strings(m.lineRefs);
                str(m.milestoneId);
                dec(m.billed);
                dec(m.delivered);
                dec(m.hours);
                dec(m.quantity);
                ints(m.entries);
            }
            totals(r.projectTotals());
            totals(r.customerTotals());
            kpis(r.kpis());
        }

        void period(ReconciliationPeriod p) throws IOException {
            str(p.month().toString());
            str(p.zone().getId());
            instant(p.closeAt());
        }

        void input() throws IOException {
            period(in.period);
            for (Dictionary dict : new Dictionary[] {in.projects, in.customers, in.currencies, in.persons, in.tasks}) {
                d.writeInt(dict.size());
                for (int i = 0; i < dict.size(); i++) {
                    str(dict.value(i));
                }
            }
            int n = in.entryCount;
            d.writeInt(n);
            for (int i = 0; i < n; i++) {
                str(in.entryIds.get(i));
            }
            for (int[] col : new int[][] {in.eProject, in.eCustomer, in.eCurrency, in.ePerson, in.eTask, in.eDay,
                    in.eMinutes}) {
                column(col, n);
            }
            for (long[] col : new long[][] {in.eRate4, in.eApprovedAt}) {
                column(col, n);
            }
            d.write(in.eFlags, 0, n);
            // entries share their line's ref (one line, many entries): each ref once, then a code per entry
            Dictionary refs = new Dictionary();
            int[] refCodes = new int[n];
            for (int i = 0; i < n; i++) {
                refCodes[i] = refs.code(in.eLineRef[i]);
            }
            d.writeInt(refs.size());
            for (int i = 0; i < refs.size(); i++) {
                str(refs.value(i));
            }
            column(refCodes, n);
            d.writeInt(in.lines.size());
            for (InvoiceLine l : in.lines) {
                str(l.invoiceId());
                str(l.invoiceNumber());
                str(l.customerId());
                str(l.projectId());
                str(l.lineRef());
                d.writeByte(l.kind().ordinal());
                str(l.milestoneId());
                dec(l.quantity());
                dec(l.unitAmount());
                dec(l.amount());
                str(l.currency());
                date(l.invoiceDate());
                d.writeByte(l.status().ordinal());
                d.writeInt(l.entryIds().size());
                for (String id : l.entryIds()) {
                    int e = in.entryIds.find(id); // most ids are entries of the period: their position is enough
                    d.writeInt(e);
                    if (e < 0) {
                        str(id);
                    }
                }
            }
            d.writeInt(in.milestones.size());
            for (Milestone m : in.milestones) {
                str(m.id());
                str(m.projectId());
                str(m.customerId());
                str(m.name());
                dec(m.amount());
                str(m.currency());
                d.writeBoolean(m.completed());
                instant(m.completedAt());
                str(m.invoiceLineRef());
            }
            d.writeInt(in.expenses.size());
            for (Expense x : in.expenses) {
                str(x.id());
                str(x.projectId());
                str(x.customerId());
                date(x.date());
                dec(x.amount());
                str(x.currency());
                d.writeBoolean(x.billable());
                d.writeBoolean(x.approved());
                str(x.invoiceLineRef());
            }
            d.writeInt(in.customerRecords.size());
            for (CustomerRecord c : in.customerRecords) {
                d.writeByte(c.system().ordinal());
                str(c.businessKey());
                str(c.name());
                str(c.taxId());
                str(c.country());
                str(c.currency());
                str(c.addressLine());
                str(c.city());
                str(c.postcode());
                str(c.email());
            }
            d.writeInt(in.contracts.size());
            for (Contract c : in.contracts) {
                str(c.projectId());
                str(c.customerId());
                str(c.dealId());
                dec(c.crmValue());
                dec(c.psaBudget());
                dec(c.erpBilledToDate());
                str(c.currency());
                d.writeByte(c.billingMethod() == null ? -1 : c.billingMethod().ordinal());
            }
            d.writeInt(in.exceptionLinks.size());
            for (ExceptionLink x : in.exceptionLinks) {
                str(x.businessKey());
                d.writeLong(x.exceptionId());
                str(x.exceptionClass());
                str(x.state());
            }
            d.writeInt(in.projectSetups.size());
            for (ProjectSetup s : in.projectSetups) {
                str(s.projectId());
                instant(s.dealClosedAt());
                instant(s.projectReadyAt());
            }
            d.writeInt(in.exceptionEvents.size());
            for (ExceptionEvent x : in.exceptionEvents) {
                d.writeLong(x.exceptionId());
                instant(x.raisedAt());
                instant(x.resolvedAt());
            }
            longs(new long[] {in.recordsProcessed, in.exceptionsRaised, in.entriesAfterPeriod,
                    in.expensesAfterPeriod});
        }

        void rules(ToleranceRules r) throws IOException {
            dec(r.defaultAbsolute());
            d.writeInt(r.absoluteByCurrency().size());
            for (Map.Entry<String, BigDecimal> e : new java.util.TreeMap<>(r.absoluteByCurrency()).entrySet()) {
                str(e.getKey());
                dec(e.getValue());
            }
            dec(r.relativePercent());
            d.writeInt(r.hoursScale() == null ? -1 : r.hoursScale());
            dec(r.hoursTolerance());
        }

        void breaks(List<ReconciliationBreak> list) throws IOException {
            d.writeInt(list.size());
            for (ReconciliationBreak b : list) {
                str(b.id);
                d.writeByte(b.type.ordinal());
                str(b.projectId);
                str(b.customerId);
                str(b.currency);
                dec(b.expected);
                dec(b.actual);
                dec(b.hours);
                str(b.toleranceRule);
                d.writeBoolean(b.withinTolerance);
                str(b.field);
                d.writeInt(b.values.size());
                for (Map.Entry<String, String> e : b.values.entrySet()) {
                    str(e.getKey());
                    str(e.getValue());
                }
                d.writeInt(b.oldestAgeDays == null ? Integer.MIN_VALUE : b.oldestAgeDays);
                str(b.detail);
                str(b.suggestionId);
                d.writeInt(b.exceptionIds.size());
                for (Long x : b.exceptionIds) {
                    d.writeLong(x);
                }
                ints(b.entries);
                ints(b.lines);
                ints(b.milestones);
                ints(b.expenses);
            }
        }

        void totals(List<Totals> list) throws IOException {
            d.writeInt(list.size());
            for (Totals t : list) {
                str(t.key());
                str(t.currency());
                dec(t.delivered());
                dec(t.billed());
                dec(t.unbilled());
                dec(t.variance());
                dec(t.deliveredHours());
                dec(t.unbilledHours());
            }
        }

        void kpis(Kpis k) throws IOException {
            dec(k.setupCycleHoursMedian());
            dec(k.setupCycleHoursP90());
            d.writeInt(k.projectsSetUp());
            nullableLong(k.billingLagDaysMedian());
            nullableLong(k.billingLagDaysP90());
            d.writeLong(k.billedEntries());
            d.writeInt(k.invoiceLines());
            d.writeInt(k.invoiceLinesWithBreak());
            dec(k.invoiceAccuracy());
            d.writeLong(k.recordsProcessed());
            d.writeLong(k.exceptionsRaised());
            dec(k.exceptionRate());
            dec(k.recoveryHoursMedian());
            dec(k.recoveryHoursP90());
            d.writeInt(k.exceptionsResolved());
            d.writeInt(k.unbilledValueByCurrency().size());
            for (Map.Entry<String, BigDecimal> e : k.unbilledValueByCurrency().entrySet()) {
                str(e.getKey());
                dec(e.getValue());
            }
            dec(k.unbilledHours());
            d.writeInt(k.unbilledEntries());
        }

        void str(String s) throws IOException {
            if (s == null) {
                d.writeInt(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            d.writeInt(b.length);
            d.write(b);
        }

        void strings(List<String> list) throws IOException {
            d.writeInt(list.size());
            for (String s : list) {
                str(s);
            }
        }

        void dec(BigDecimal v) throws IOException {
            if (v == null) {
                d.writeByte(0);
            } else if (v.unscaledValue().bitLength() < 64) {
                d.writeByte(1);
                d.writeInt(v.scale());
                d.writeLong(v.unscaledValue().longValue());
            } else {
                d.writeByte(2);
                d.writeInt(v.scale());
                byte[] b = v.unscaledValue().toByteArray();
                d.writeInt(b.length);
                d.write(b);
            }
        }

        void instant(Instant i) throws IOException {
            d.writeBoolean(i != null);
            if (i != null) {
                d.writeLong(i.getEpochSecond());
                d.writeInt(i.getNano());
            }
        }

        void date(LocalDate day) throws IOException {
            d.writeBoolean(day != null);
            if (day != null) {
                d.writeLong(day.toEpochDay());
            }
        }

        void nullableLong(Long v) throws IOException {
            d.writeBoolean(v != null);
            if (v != null) {
                d.writeLong(v);
            }
        }

        void ints(int[] a) throws IOException {
            d.writeInt(a.length);
            column(a, a.length);
        }

        /** The first n values of a column, a chunk at a time (not one call per value). */
        void column(int[] a, int n) throws IOException {
            for (int from = 0; from < n; from += CHUNK / 4) {
                int k = Math.min(CHUNK / 4, n - from);
                chunk.clear();
                chunk.asIntBuffer().put(a, from, k);
                d.write(chunk.array(), 0, 4 * k);
            }
        }

        void column(long[] a, int n) throws IOException {
            for (int from = 0; from < n; from += CHUNK / 8) {
                int k = Math.min(CHUNK / 8, n - from);
                chunk.clear();
                chunk.asLongBuffer().put(a, from, k);
                d.write(chunk.array(), 0, 8 * k);
            }
        }

        void longs(long[] a) throws IOException {
            d.writeInt(a.length);
            for (long v : a) {
                d.writeLong(v);
            }
        }
    }

    private static final class Reader {
        final ByteBuffer b;
        final InputSource in;
        /** Strings already read, so a project id or currency repeated a million times is one object. */
        final Map<String, String> interned = new HashMap<>();

        Reader(ByteBuffer b, InputSource in) {
            this.b = b;
            this.in = in;
        }

        ReconciliationResult result() {
            ReconciliationPeriod period = period();
            ToleranceRules rules = rules();
            long[] counters = longs();
            List<ReconciliationBreak> breaks = breaks();
            List<ReconciliationBreak> within = breaks();
            int nm = count();
            List<Match> matches = new ArrayList<>(nm);
            for (int i = 0; i < nm; i++) {
                String id = str();
                Match.Kind kind = Match.Kind.values()[b.get()];
                matches.add(new Match(in, id, kind, str(), str(), str(), str(), strings(), str(), dec(), dec(), dec(),
                        dec(), ints()));
            }
            List<Totals> projectTotals = totals();
            List<Totals> customerTotals = totals();
            Kpis kpis = kpis();
            return new ReconciliationResult(in, period, rules, breaks, within, matches, projectTotals,
                    customerTotals, kpis, counters);
        }

        ReconciliationPeriod period() {
            return new ReconciliationPeriod(YearMonth.parse(str()), ZoneId.of(str()), instant());
        }

        ReconciliationInput input() {
            ReconciliationPeriod period = period();
            Dictionary[] dicts = new Dictionary[5];
            for (int k = 0; k < dicts.length; k++) {
                dicts[k] = new Dictionary();
                int size = count();
                for (int i = 0; i < size; i++) {
                    dicts[k].code(str());
                }
            }
            int n = count();
            IdIndex ids = new IdIndex(n);
            for (int i = 0; i < n; i++) {
                if (ids.add(str()) != i) {
                    throw new IllegalArgumentException("an entry id is stored twice");
                }
            }
            int[][] ints = new int[7][];
            for (int k = 0; k < ints.length; k++) {
                ints[k] = new int[n];
                b.asIntBuffer().get(ints[k]);
                b.position(b.position() + 4 * n);
            }
            long[] rate4 = new long[n];
            b.asLongBuffer().get(rate4);
            b.position(b.position() + 8 * n);
            long[] approvedAt = new long[n];
            b.asLongBuffer().get(approvedAt);
            b.position(b.position() + 8 * n);
            byte[] flags = new byte[n];
            b.get(flags);
            String[] refs = new String[count()];
            for (int i = 0; i < refs.length; i++) {
                refs[i] = shared();
            }
            String[] lineRef = new String[n];
            for (int i = 0; i < n; i++) {
                int code = b.getInt();
                lineRef[i] = code < 0 ? null : refs[code];
            }
            int nl = count();
            List<InvoiceLine> lines = new ArrayList<>(nl);
            for (int i = 0; i < nl; i++) {
                String invoiceId = shared();
                String number = shared();
                String customer = shared();
                String project = shared();
                String ref = str();
                InvoiceLine.Kind kind = InvoiceLine.Kind.values()[b.get()];
                String milestone = str();
                BigDecimal quantity = dec();
                BigDecimal unit = dec();
                BigDecimal amount = dec();
                String currency = shared();
                LocalDate date = date();
                InvoiceLine.Status status = InvoiceLine.Status.values()[b.get()];
                int ne = count();
                List<String> entryIds = new ArrayList<>(ne);
                for (int k = 0; k < ne; k++) {
                    int e = b.getInt();
                    entryIds.add(e >= 0 ? ids.get(e) : str());
                }
                lines.add(new InvoiceLine(invoiceId, number, customer, project, ref, kind, milestone, quantity, unit,
                        amount, currency, date, status, List.copyOf(entryIds)));
            }
            int nms = count();
            List<Milestone> milestones = new ArrayList<>(nms);
            for (int i = 0; i < nms; i++) {
                milestones.add(new Milestone(str(), shared(), shared(), str(), dec(), shared(), bool(), instant(),
                        str()));
            }
            int nx = count();
            List<Expense> expenses = new ArrayList<>(nx);
            for (int i = 0; i < nx; i++) {
                expenses.add(new Expense(str(), shared(), shared(), date(), dec(), shared(), bool(), bool(), str()));
            }
            int nc = count();
            List<CustomerRecord> customers = new ArrayList<>(nc);
            for (int i = 0; i < nc; i++) {
                customers.add(new CustomerRecord(CustomerRecord.Source.values()[b.get()], shared(), str(), str(),
                        shared(), shared(), str(), str(), str(), str()));
            }
            int nk = count();
            List<Contract> contracts = new ArrayList<>(nk);
            for (int i = 0; i < nk; i++) {
                String project = shared();
                String customer = shared();
                String deal = str();
                BigDecimal crm = dec();
                BigDecimal psa = dec();
                BigDecimal erp = dec();
                String currency = shared();
                byte method = b.get();
                contracts.add(new Contract(project, customer, deal, crm, psa, erp, currency, method < 0 ? null
                        : Contract.BillingMethod.values()[method]));
            }
            int nel = count();
            List<ExceptionLink> links = new ArrayList<>(nel);
            for (int i = 0; i < nel; i++) {
                links.add(new ExceptionLink(str(), b.getLong(), shared(), shared()));
            }
            int ns = count();
            List<ProjectSetup> setups = new ArrayList<>(ns);
            for (int i = 0; i < ns; i++) {
                setups.add(new ProjectSetup(shared(), instant(), instant()));
            }
            int nev = count();
            List<ExceptionEvent> events = new ArrayList<>(nev);
            for (int i = 0; i < nev; i++) {
                events.add(new ExceptionEvent(b.getLong(), instant(), instant()));
            }
            return new ReconciliationInput(period, dicts, ids, ints, rate4, approvedAt, flags, lineRef, lines,
                    milestones, expenses, customers, contracts, links, setups, events, longs());
        }

        ToleranceRules rules() {
            BigDecimal absolute = dec();
            int n = count();
            Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                byCurrency.put(str(), dec());
            }
            BigDecimal relative = dec();
            int scale = b.getInt();
            return new ToleranceRules(absolute, byCurrency, relative, scale < 0 ? null : scale, dec());
        }

        List<ReconciliationBreak> breaks() {
            int n = count();
            List<ReconciliationBreak> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = str();
                BreakType type = BreakType.values()[b.get()];
                ReconciliationBreak r = new ReconciliationBreak(in, id, type, shared(), shared(), shared(), dec(),
                        dec());
                r.hours = dec();
                r.toleranceRule = str();
                r.withinTolerance = bool();
                r.field = str();
                int nv = count();
                if (nv > 0) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int k = 0; k < nv; k++) {
                        values.put(str(), str());
                    }
                    r.values = java.util.Collections.unmodifiableMap(values);
                }
                int age = b.getInt();
                r.oldestAgeDays = age == Integer.MIN_VALUE ? null : age;
                r.detail = str();
                r.suggestionId = str();
                int nx = count();
                if (nx > 0) {
                    List<Long> xs = new ArrayList<>(nx);
                    for (int k = 0; k < nx; k++) {
                        xs.add(b.getLong());
                    }
                    r.exceptionIds = List.copyOf(xs);
                }
                r.entries = ints();
                r.lines = ints();
                r.milestones = ints();
                r.expenses = ints();
                out.add(r);
            }
            return out;
        }

        List<Totals> totals() {
            int n = count();
            List<Totals> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new Totals(shared(), shared(), dec(), dec(), dec(), dec(), dec(), dec()));
            }
            return out;
        }

        Kpis kpis() {
            BigDecimal setupMedian = dec();
            BigDecimal setupP90 = dec();
            int projectsSetUp = b.getInt();
            Long lagMedian = nullableLong();
            Long lagP90 = nullableLong();
            long billedEntries = b.getLong();
            int invoiceLines = b.getInt();
            int linesWithBreak = b.getInt();
            BigDecimal accuracy = dec();
            long processed = b.getLong();
            long raised = b.getLong();
            BigDecimal rate = dec();
            BigDecimal recoveryMedian = dec();
            BigDecimal recoveryP90 = dec();
            int resolved = b.getInt();
            int nu = count();
            Map<String, BigDecimal> unbilled = new LinkedHashMap<>();
            for (int i = 0; i < nu; i++) {
                unbilled.put(str(), dec());
            }
            return new Kpis(setupMedian, setupP90, projectsSetUp, lagMedian, lagP90, billedEntries, invoiceLines,
                    linesWithBreak, accuracy, processed, raised, rate, recoveryMedian, recoveryP90, resolved,
                    java.util.Collections.unmodifiableMap(unbilled), dec(), b.getInt());
        }

        /** A count or length: never negative, never more than the bytes left could hold. */
        int count() {
            int n = b.getInt();
            if (n < 0 || n > b.remaining()) {
                throw new IllegalArgumentException("a count of " + n + " with " + b.remaining() + " bytes left");
            }
            return n;
        }

        String str() {
            int n = b.getInt();
            if (n < 0) {
                return null;
            }
            String s = new String(b.array(), b.arrayOffset() + b.position(), n, StandardCharsets.UTF_8);
            b.position(b.position() + n);
            return s;
        }

        /** A string that repeats (a project, a currency, an invoice): one object for all its copies. */
        String shared() {
            String s = str();
            return s == null ? null : interned.computeIfAbsent(s, k -> k);
        }

        List<String> strings() {
            int n = count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(shared());
            }
            return List.copyOf(out);
        }

        boolean bool() {
            return b.get() != 0;
        }

        BigDecimal dec() {
            byte tag = b.get();
            if (tag == 0) {
                return null;
            }
            int scale = b.getInt();
            if (tag == 1) {
                return BigDecimal.valueOf(b.getLong(), scale);
            }
            byte[] unscaled = new byte[count()];
            b.get(unscaled);
            return new BigDecimal(new BigInteger(unscaled), scale);
        }

        Instant instant() {
            return bool() ? Instant.ofEpochSecond(b.getLong(), b.getInt()) : null;
        }

        LocalDate date() {
            return bool() ? LocalDate.ofEpochDay(b.getLong()) : null;
        }

        Long nullableLong() {
            return bool() ? b.getLong() : null;
        }

        int[] ints() {
            int n = b.getInt();
            if (n < 0 || n > b.remaining() / 4) {
                throw new IllegalArgumentException("an array of " + n + " positions with " + b.remaining()
                        + " bytes left");
            }
            int[] a = new int[n];
            b.asIntBuffer().get(a);
            b.position(b.position() + 4 * n);
            return a;
        }

        long[] longs() {
            int n = count();
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = b.getLong();
            }
            return a;
        }
    }
}
