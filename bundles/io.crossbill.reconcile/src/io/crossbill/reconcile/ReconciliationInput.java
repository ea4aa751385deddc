package io.crossbill.reconcile;

import io.crossbill.reconcile.internal.Dictionary;
import io.crossbill.reconcile.internal.IdIndex;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One period's data from the three systems, ready to reconcile. Built with {@link #builder}; time entries
 * are held in columns (ints and longs, ids interned) rather than as objects, so a month of a million entries
 * stays small. Entries dated after the period's last day (in the period's zone) are left out and counted;
 * earlier entries are kept (unbilled work from before the period is still unbilled at its close, and an
 * entry billed on one of the period's lines explains that line).
 */
public final class ReconciliationInput {

    static final byte BILLABLE = 1;
    static final byte APPROVED = 2;
    static final long NONE = Long.MIN_VALUE;

    final ReconciliationPeriod period;
    final Dictionary projects;
    final Dictionary customers;
    final Dictionary currencies;
    final Dictionary persons;
    final Dictionary tasks;
    final IdIndex entryIds;
    final int entryCount;
    final int[] eProject;
    final int[] eCustomer;
    final int[] eCurrency;
    final int[] ePerson;
    final int[] eTask;
    final int[] eDay;
    final int[] eMinutes;
    final long[] eRate4;
    final long[] eApprovedAt;
    final byte[] eFlags;
    final String[] eLineRef;
    final List<InvoiceLine> lines;
    final List<Milestone> milestones;
    final List<Expense> expenses;
    final List<CustomerRecord> customerRecords;
    final List<Contract> contracts;
    final List<ExceptionLink> exceptionLinks;
    final List<ProjectSetup> projectSetups;
    final List<ExceptionEvent> exceptionEvents;
    final long recordsProcessed;
    final long exceptionsRaised;
    final int entriesAfterPeriod;
    final int expensesAfterPeriod;

    private ReconciliationInput(Builder b) {
        period = b.period;
        projects = b.projects;
        customers = b.customers;
        currencies = b.currencies;
        persons = b.persons;
        tasks = b.tasks;
        entryIds = b.entryIds;
        entryCount = b.n; // the builder is finished: its columns are taken over, not copied
        eProject = b.project;
        eCustomer = b.customer;
        eCurrency = b.currency;
        ePerson = b.person;
        eTask = b.task;
        eDay = b.day;
        eMinutes = b.minutes;
        eRate4 = b.rate4;
        eApprovedAt = b.approvedAt;
        eFlags = b.flags;
        eLineRef = b.lineRef;
        lines = Collections.unmodifiableList(b.lines);
        milestones = Collections.unmodifiableList(b.milestones);
        expenses = Collections.unmodifiableList(b.expenses);
        customerRecords = Collections.unmodifiableList(b.customerRecords);
        contracts = Collections.unmodifiableList(b.contracts);
        exceptionLinks = Collections.unmodifiableList(b.exceptionLinks);
        projectSetups = Collections.unmodifiableList(b.projectSetups);
        exceptionEvents = Collections.unmodifiableList(b.exceptionEvents);
        recordsProcessed = b.recordsProcessed;
        exceptionsRaised = b.exceptionsRaised;
        entriesAfterPeriod = b.entriesAfterPeriod;
        expensesAfterPeriod = b.expensesAfterPeriod;
    }

    /** Read back from a stored reconciliation ({@link ReconciliationStore}): the columns as they were written. */
    ReconciliationInput(ReconciliationPeriod period, Dictionary[] dictionaries, IdIndex entryIds, int[][] ints,
            long[] rate4, long[] approvedAt, byte[] flags, String[] lineRef, List<InvoiceLine> lines,
            List<Milestone> milestones, List<Expense> expenses, List<CustomerRecord> customerRecords,
            List<Contract> contracts, List<ExceptionLink> exceptionLinks, List<ProjectSetup> projectSetups,
            List<ExceptionEvent> exceptionEvents, long[] counters) {
        this.period = period;
        projects = dictionaries[0];
        customers = dictionaries[1];
        currencies = dictionaries[2];
        persons = dictionaries[3];
        tasks = dictionaries[4];
        this.entryIds = entryIds;
        entryCount = entryIds.size();
        eProject = ints[0];
        eCustomer = ints[1];
        eCurrency = ints[2];
        ePerson = ints[3];
        eTask = ints[4];
        eDay = ints[5];
        eMinutes = ints[6];
        eRate4 = rate4;
        eApprovedAt = approvedAt;
        eFlags = flags;
        eLineRef = lineRef;
        this.lines = Collections.unmodifiableList(lines);
        this.milestones = Collections.unmodifiableList(milestones);
        this.expenses = Collections.unmodifiableList(expenses);
        this.customerRecords = Collections.unmodifiableList(customerRecords);
        this.contracts = Collections.unmodifiableList(contracts);
        this.exceptionLinks = Collections.unmodifiableList(exceptionLinks);
        this.projectSetups = Collections.unmodifiableList(projectSetups);
        this.exceptionEvents = Collections.unmodifiableList(exceptionEvents);
        recordsProcessed = counters[0];
        exceptionsRaised = counters[1];
        entriesAfterPeriod = (int) counters[2];
        expensesAfterPeriod = (int) counters[3];
    }

    /** A builder for {@code period}; {@code expectedEntries} sizes the columns (0 if unknown). */
    public static Builder builder(ReconciliationPeriod period, int expectedEntries) {
        return new Builder(period, expectedEntries);
    }

    /** A builder for {@code period}. */
    public static Builder builder(ReconciliationPeriod period) {
        return new Builder(period, 0);
    }

    public ReconciliationPeriod period() {
        return period;
    }

    /** Time entries kept for the period (those dated after it are not). */
    public int entryCount() {
        return entryCount;
    }

    /** Time entries left out because they are dated after the period. */
    public int entriesAfterPeriod() {
        return entriesAfterPeriod;
    }

    /** The time entry at a position, rebuilt from the columns. */
    public TimeEntry entry(int i) {
        long ap = eApprovedAt[i];
        return new TimeEntry(entryIds.get(i), projects.value(eProject[i]), customers.value(eCustomer[i]),
                persons.value(ePerson[i]), period.startOf(LocalDate.ofEpochDay(eDay[i])), eMinutes[i],
                (eFlags[i] & BILLABLE) != 0, (eFlags[i] & APPROVED) != 0,
                ap == NONE ? null : java.time.Instant.ofEpochSecond(ap), rate(i), currencies.value(eCurrency[i]),
                eLineRef[i], tasks.value(eTask[i]));
    }

    /** The position of a time entry by id, or -1. */
    public int entryIndex(String id) {
        return entryIds.find(id);
    }

    public List<InvoiceLine> lines() {
        return lines;
    }

    public List<Milestone> milestones() {
        return milestones;
    }

    public List<Expense> expenses() {
        return expenses;
    }

    public List<CustomerRecord> customerRecords() {
        return customerRecords;
    }

    public List<Contract> contracts() {
        return contracts;
    }

    BigDecimal rate(int i) {
        return eRate4[i] == NONE ? null : BigDecimal.valueOf(eRate4[i], 4).stripTrailingZeros();
    }

    /**
     * Collects one period's records, checking each as it comes: a record that is not usable is refused with
     * an {@link IllegalArgumentException} naming the record and the field, and the builder is left as it was
     * (nothing half-added), so the caller can file the record as an exception and carry on.
     */
    public static final class Builder {

        private final ReconciliationPeriod period;
        private final long lastDay;
        private final Dictionary projects = new Dictionary();
        private final Dictionary customers = new Dictionary();
        private final Dictionary currencies = new Dictionary();
        private final Dictionary persons = new Dictionary();
        private final Dictionary tasks = new Dictionary();
        private final IdIndex entryIds;
        private final IdIndex lineRefs = new IdIndex(1024);
        private final IdIndex milestoneIds = new IdIndex(64);
        private final IdIndex expenseIds = new IdIndex(64);
        private int n;
        private int[] project;
        private int[] customer;
        private int[] currency;
        private int[] person;
        private int[] task;
        private int[] day;
        private int[] minutes;
        private long[] rate4;
        private long[] approvedAt;
        private byte[] flags;
        private String[] lineRef;
        private BigDecimal lastRate;
        private long lastRate4;
        private final List<InvoiceLine> lines = new ArrayList<>();
        private final List<Milestone> milestones = new ArrayList<>();
        private final List<Expense> expenses = new ArrayList<>();
        private final List<CustomerRecord> customerRecords = new ArrayList<>();
        private final List<Contract> contracts = new ArrayList<>();
        private final List<ExceptionLink> exceptionLinks = new ArrayList<>();
        private final List<ProjectSetup> projectSetups = new ArrayList<>();
        private final List<ExceptionEvent> exceptionEvents = new ArrayList<>();
        private long recordsProcessed;
        private long exceptionsRaised;
        private int entriesAfterPeriod;
        private int expensesAfterPeriod;
        private boolean built;

        private Builder(ReconciliationPeriod period, int expected) {
            this.period = java.util.Objects.requireNonNull(period, "period");
            this.lastDay = period.lastDay().toEpochDay();
            int cap = Math.max(16, expected);
            entryIds = new IdIndex(cap);
            project = new int[cap];
            customer = new int[cap];
            currency = new int[cap];
            person = new int[cap];
            task = new int[cap];
            day = new int[cap];
            minutes = new int[cap];
            rate4 = new long[cap];
            approvedAt = new long[cap];
            flags = new byte[cap];
            lineRef = new String[cap];
        }

        /**
         * Adds a time entry.
         *
         * @return false when it is dated after the period and so left out
         * @throws IllegalArgumentException naming the entry and what is wrong with it
         */
        public boolean addEntry(TimeEntry e) {
            open();
            String what = "Time entry '" + (e == null ? null : e.id()) + "'";
            if (e == null || blank(e.id())) {
                throw new IllegalArgumentException("A time entry has no id; every entry needs its PSA id.");
            }
            required(what, "project id", e.projectId());
            required(what, "customer id", e.customerId());
            if (e.workedAt() == null) {
                throw new IllegalArgumentException(what + " has no date (workedAt); the period cannot be decided.");
            }
            if (e.minutes() < 0) {
                throw new IllegalArgumentException(what + " has " + e.minutes() + " minutes; a duration is 0 or more.");
            }
            String cur = currency(what, e.currency());
            long r = NONE;
            if (e.rate() != null) {
                r = scaled4(what, e.rate(), false, true);
            }
            long d = period.localDate(e.workedAt()).toEpochDay();
            if (d > lastDay) {
                entriesAfterPeriod++;
                return false;
            }
            if (entryIds.find(e.id()) >= 0) {
                throw new IllegalArgumentException(what + " is given twice; each entry must be given once.");
            }
            if (n == project.length) {
                grow();
            }
            entryIds.add(e.id());
            project[n] = projects.code(e.projectId());
            customer[n] = customers.code(e.customerId());
            currency[n] = currencies.code(cur);
            person[n] = persons.code(e.person());
            task[n] = tasks.code(e.taskId());
            day[n] = (int) d;
            minutes[n] = e.minutes();
            rate4[n] = r;
            approvedAt[n] = e.approvedAt() == null ? NONE : e.approvedAt().getEpochSecond();
            flags[n] = (byte) ((e.billable() ? BILLABLE : 0) | (e.approved() ? APPROVED : 0));
            lineRef[n] = blank(e.invoiceLineRef()) ? null : e.invoiceLineRef();
            n++;
            return true;
        }

        /** Adds an invoice line (voided ones too: their entries count as unbilled again). */
        public Builder addLine(InvoiceLine l) {
            open();
            String what = "Invoice line '" + (l == null ? null : l.lineRef()) + "'";
            if (l == null || blank(l.lineRef())) {
                throw new IllegalArgumentException("An invoice line has no line ref; every line needs its ERP id.");
            }
            what += " of invoice " + l.invoiceNumber();
            required(what, "customer id", l.customerId());
            if (l.kind() == null || l.status() == null || l.invoiceDate() == null || l.amount() == null) {
                throw new IllegalArgumentException(what + " lacks its " + (l.kind() == null ? "kind"
                        : l.status() == null ? "status" : l.invoiceDate() == null ? "invoice date" : "amount") + ".");
            }
            scaled4(what, l.amount(), true);
            currency(what, l.currency());
            for (String id : l.entryIds()) {
                required(what, "entry id in its list", id);
            }
            if (lineRefs.add(l.lineRef()) < 0) {
                throw new IllegalArgumentException(what + " is given twice; each line must be given once.");
            }
            projects.code(l.projectId());
            customers.code(l.customerId());
            currencies.code(l.currency());
            lines.add(l);
            return this;
        }

        /** Adds a fixed-fee milestone. */
        public Builder addMilestone(Milestone m) {
            open();
            String what = "Milestone '" + (m == null ? null : m.id()) + "'";
            if (m == null || blank(m.id())) {
                throw new IllegalArgumentException("A milestone has no id.");
            }
            required(what, "project id", m.projectId());
            required(what, "customer id", m.customerId());
            if (m.amount() == null) {
                throw new IllegalArgumentException(what + " has no amount.");
            }
            scaled4(what, m.amount(), false);
            currency(what, m.currency());
            if (milestoneIds.add(m.id()) < 0) {
                throw new IllegalArgumentException(what + " is given twice.");
            }
            projects.code(m.projectId());
            customers.code(m.customerId());
            currencies.code(m.currency());
            milestones.add(m);
            return this;
        }

        /** Adds an expense; one dated after the period is left out and counted. */
        public boolean addExpense(Expense x) {
            open();
            String what = "Expense '" + (x == null ? null : x.id()) + "'";
            if (x == null || blank(x.id())) {
                throw new IllegalArgumentException("An expense has no id.");
            }
            required(what, "project id", x.projectId());
            required(what, "customer id", x.customerId());
            if (x.amount() == null || x.date() == null) {
                throw new IllegalArgumentException(what + " has no " + (x.amount() == null ? "amount." : "date."));
            }
            scaled4(what, x.amount(), false);
            currency(what, x.currency());
            if (x.date().isAfter(period.lastDay())) {
                expensesAfterPeriod++;
                return false;
            }
            if (expenseIds.add(x.id()) < 0) {
                throw new IllegalArgumentException(what + " is given twice.");
            }
            projects.code(x.projectId());
            customers.code(x.customerId());
            currencies.code(x.currency());
            expenses.add(x);
            return true;
        }

        /** Adds one system's view of a customer. */
        public Builder addCustomer(CustomerRecord c) {
            open();
            if (c == null || c.system() == null || blank(c.businessKey())) {
                throw new IllegalArgumentException("A customer record lacks its system or business key: " + c);
            }
            customerRecords.add(c);
            return this;
        }

        /** Adds a contract (CRM value, PSA budget, ERP billed to date). */
        public Builder addContract(Contract c) {
            open();
            String what = "Contract of project '" + (c == null ? null : c.projectId()) + "'";
            if (c == null || blank(c.projectId())) {
                throw new IllegalArgumentException("A contract has no project id.");
            }
            if (c.crmValue() == null) {
                throw new IllegalArgumentException(what + " has no CRM value.");
            }
            currency(what, c.currency());
            currencies.code(c.currency());
            customers.code(c.customerId());
            projects.code(c.projectId());
            contracts.add(c);
            return this;
        }

        /** Adds an exception about a business key, so breaks about that key link to it. */
        public Builder addException(ExceptionLink x) {
            open();
            if (x == null || blank(x.businessKey())) {
                throw new IllegalArgumentException("An exception link has no business key: " + x);
            }
            exceptionLinks.add(x);
            return this;
        }

        /** Adds a deal-closed / project-ready pair for the setup cycle time. */
        public Builder addProjectSetup(ProjectSetup s) {
            open();
            if (s == null || s.dealClosedAt() == null) {
                throw new IllegalArgumentException("A project setup lacks the time its deal closed: " + s);
            }
            projectSetups.add(s);
            return this;
        }

        /** Adds an exception's raised / resolved times for the recovery time. */
        public Builder addExceptionEvent(ExceptionEvent e) {
            open();
            if (e == null || e.raisedAt() == null) {
                throw new IllegalArgumentException("An exception event lacks the time it was raised: " + e);
            }
            exceptionEvents.add(e);
            return this;
        }

        /** The period's activity, for the exception rate: records processed and exceptions raised. */
        public Builder activity(long processed, long raised) {
            open();
            if (processed < 0 || raised < 0) {
                throw new IllegalArgumentException("Activity counts are 0 or more, not " + processed + " and "
                        + raised + ".");
            }
            recordsProcessed = processed;
            exceptionsRaised = raised;
            return this;
        }

        /** The input; the builder cannot be used afterwards. */
        public ReconciliationInput build() {
            open();
            built = true;
            return new ReconciliationInput(this);
        }

        private void open() {
            if (built) {
                throw new IllegalStateException("This builder has already built its input; start a new one.");
            }
        }

        private static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(12);
        private static final BigDecimal MAX_RATE = BigDecimal.TEN.pow(6);

        /** An amount (or, with {@code rate}, an hourly rate) as a count of 1/10,000ths, checked. */
        private long scaled4(String what, BigDecimal v, boolean negativeAllowed) {
            return scaled4(what, v, negativeAllowed, false);
        }

        private long scaled4(String what, BigDecimal v, boolean negativeAllowed, boolean rate) {
            if (v == lastRate) {
                return lastRate4;
            }
            if (v.signum() < 0 && !negativeAllowed) {
                throw new IllegalArgumentException(what + " has a negative " + (rate ? "rate" : "amount") + " ("
                        + v.toPlainString() + ").");
            }
            if (v.abs().compareTo(rate ? MAX_RATE : MAX_AMOUNT) >= 0) {
                throw new IllegalArgumentException(what + " has the " + (rate ? "rate " : "amount ")
                        + v.toPlainString() + ", beyond what a reconciliation takes (under "
                        + (rate ? "1,000,000 an hour" : "10^12") + "); check the source record.");
            }
            try {
                long r = v.movePointRight(4).longValueExact();
                if (v.signum() >= 0) {
                    lastRate = v;
                    lastRate4 = r;
                }
                return r;
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(what + " has the " + (rate ? "rate " : "amount ")
                        + v.toPlainString() + ", with more than 4 decimals; give it to at most 4 decimals.");
            }
        }

        private static String currency(String what, String c) {
            if (c == null || c.length() != 3 || !c.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) {
                throw new IllegalArgumentException(what + " has the currency '" + c
                        + "'; a currency is a three-letter ISO code in capitals, e.g. NZD.");
            }
            return c;
        }

        private static void required(String what, String field, String v) {
            if (blank(v)) {
                throw new IllegalArgumentException(what + " has no " + field + ".");
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private void grow() {
            int cap = project.length + (project.length >> 1) + 16;
            project = Arrays.copyOf(project, cap);
            customer = Arrays.copyOf(customer, cap);
            currency = Arrays.copyOf(currency, cap);
            person = Arrays.copyOf(person, cap);
            task = Arrays.copyOf(task, cap);
            day = Arrays.copyOf(day, cap);
            minutes = Arrays.copyOf(minutes, cap);
            rate4 = Arrays.copyOf(rate4, cap);
            approvedAt = Arrays.copyOf(approvedAt, cap);
            flags = Arrays.copyOf(flags, cap);
            lineRef = Arrays.copyOf(lineRef, cap);
        }
    }
}
