package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The seeded demo firm: a UK consultancy (base currency GBP) with customers in GB, US, NZ, AU and DE,
 * projects, tasks with rates, six consultants, time entries over October and November 2026, a few
 * invoices, and deliberately bad data: an invalid German VAT number, a near-duplicate customer, a 26-hour
 * day, time logged on a closed project and one duplicated time entry. Same seed, same data, same ids.
 */
public final class DemoFirm {
    /** The day one consultant logs 26 hours. */
    public static final LocalDate LONG_DAY = LocalDate.of(2026, 11, 12);

    private record Country(String code, String name, String currency, String[] cities, String[] firms) { }

    private static final Country[] COUNTRIES = {
        new Country("GB", "United Kingdom", "GBP", new String[] {"London", "Manchester", "Leeds", "Bristol"},
                new String[] {"Harwell & Finch LLP", "Blackmoor Logistics Ltd", "Ashcombe Retail plc",
                    "Pennine Water Services Ltd", "Kestrel Analytics Ltd", "Thornbury Estates Ltd",
                    "Calder Valley Foods Ltd", "Marlow Digital Ltd"}),
        new Country("US", "United States", "USD", new String[] {"New York", "Chicago", "Austin", "Denver"},
                new String[] {"Redwood Health Partners Inc", "Great Lakes Freight LLC", "Cobalt Fintech Inc",
                    "Sonoran Solar LLC", "Hudson Legal Group LLP", "Bluegrass Manufacturing Co",
                    "Cascade Outdoor Inc", "Liberty Insurance Services Inc"}),
        new Country("NZ", "New Zealand", "NZD", new String[] {"Auckland", "Wellington", "Christchurch"},
                new String[] {"Kauri Timber Ltd", "Southern Alps Tourism Ltd", "Waitemata Software Ltd",
                    "Canterbury Agritech Ltd", "Tasman Fisheries Ltd", "Rangitoto Design Ltd", "Otago Health Trust"}),
        new Country("AU", "Australia", "AUD", new String[] {"Sydney", "Melbourne", "Brisbane", "Perth"},
                new String[] {"Wattle Energy Pty Ltd", "Coral Coast Resorts Pty Ltd", "Outback Mining Services Pty Ltd",
                    "Harbour City Media Pty Ltd", "Eucalypt Pharma Pty Ltd", "Southern Cross Logistics Pty Ltd",
                    "Murray River Wines Pty Ltd"}),
        new Country("DE", "Germany", "EUR", new String[] {"Berlin", "Hamburg", "Muenchen", "Koeln"},
                new String[] {"Rheinland Maschinenbau GmbH", "Elbe Handel AG", "Schwarzwald Software GmbH",
                    "Bayern Logistik GmbH", "Nordsee Energie GmbH", "Hanse Versicherungen AG", "Spree Medien GmbH"}),
    };

    private static final String[][] USERS = {
        {"Priya Natarajan", "priya.natarajan"}, {"Tom Whitaker", "tom.whitaker"}, {"Aroha Ngata", "aroha.ngata"},
        {"Lena Vogel", "lena.vogel"}, {"Marcus Reid", "marcus.reid"}, {"Chloe Dubois", "chloe.dubois"},
    };

    private static final String[] PROJECT_KINDS = {"ERP rollout", "Data migration", "Process review",
        "Integration build", "Finance transformation"};

    private final XeroState state;
    private final AccountingHandler accounting;
    private final Random rnd;
    private final Instant seededAt = Instant.parse("2026-10-01T08:00:00Z");

    public DemoFirm(XeroState state, AccountingHandler accounting, long seed) {
        this.state = state;
        this.accounting = accounting;
        this.rnd = new Random(seed);
    }

    public void seed() {
        synchronized (state) {
            List<ObjectNode> contacts = seedContacts();
            List<String> users = seedUsers();
            List<ObjectNode> projects = seedProjects(contacts);
            seedTime(projects, users);
            seedInvoices(contacts, projects);
        }
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(rnd.nextInt(10));
        }
        return b.toString();
    }

    private String taxNumber(String country) {
        return switch (country) {
            case "GB" -> "GB" + digits(9);
            case "US" -> digits(2) + "-" + digits(7);
            case "NZ" -> digits(3) + "-" + digits(3) + "-" + digits(3);
            case "AU" -> digits(2) + " " + digits(3) + " " + digits(3) + " " + digits(3);
            default -> "DE" + digits(9);
        };
    }

    private List<ObjectNode> seedContacts() {
        List<ObjectNode> out = new ArrayList<>();
        int n = 0;
        for (Country c : COUNTRIES) {
            for (String firm : c.firms()) {
                n++;
                ObjectNode o = contact(n, firm, c, taxNumber(c.code()));
                if (firm.equals("Spree Medien GmbH")) {
                    o.put("TaxNumber", "DE12345"); // bad data: a German VAT id needs 9 digits
                }
                out.add(o);
            }
        }
        // bad data: the same legal entity keyed in twice under a slightly different name
        ObjectNode first = out.get(0);
        ObjectNode dup = contact(++n, "Harwell and Finch LLP", COUNTRIES[0], first.path("TaxNumber").asText());
        out.add(dup);
        return out;
    }

    private ObjectNode contact(int n, String name, Country c, String tax) {
        ObjectNode o = Json.object();
        String id = state.newId();
        o.put("ContactID", id);
        o.put("ContactNumber", String.format("CUST-%03d", n));
        o.put("ContactStatus", "ACTIVE");
        o.put("Name", name);
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        o.put("EmailAddress", "accounts@" + slug + ".example");
        o.put("TaxNumber", tax);
        if (c.code().equals("US")) {
            o.put("TaxNumberType", "EIN");
        }
        o.put("DefaultCurrency", c.currency());
        ArrayNode addresses = o.putArray("Addresses");
        ObjectNode a = addresses.addObject();
        a.put("AddressType", "POBOX");
        a.put("AddressLine1", (1 + rnd.nextInt(200)) + " " + (rnd.nextBoolean() ? "High Street" : "Station Road"));
        a.put("City", c.cities()[rnd.nextInt(c.cities().length)]);
        a.put("PostalCode", digits(5));
        a.put("Country", c.name());
        o.put("IsSupplier", false);
        o.put("IsCustomer", true);
        o.put("HasValidationErrors", false);
        Instant t = seededAt.plusSeconds(60L * n);
        o.put("UpdatedDateUTC", XeroDates.msDate(t));
        state.contacts.put(id, o);
        state.updated.put(id, t);
        return o;
    }

    private List<String> seedUsers() {
        List<String> out = new ArrayList<>();
        for (String[] u : USERS) {
            String id = state.newId();
            ObjectNode o = Json.object();
            o.put("userId", id);
            o.put("name", u[0]);
            o.put("email", u[1] + "@crossbill-demo.example");
            state.users.put(id, o);
            out.add(id);
        }
        return out;
    }

    private static BigDecimal[] rates(String currency) {
        return switch (currency) {
            case "USD" -> new BigDecimal[] {new BigDecimal("190"), new BigDecimal("140")};
            case "NZD" -> new BigDecimal[] {new BigDecimal("240"), new BigDecimal("180")};
            case "AUD" -> new BigDecimal[] {new BigDecimal("230"), new BigDecimal("170")};
            case "EUR" -> new BigDecimal[] {new BigDecimal("170"), new BigDecimal("125")};
            default -> new BigDecimal[] {new BigDecimal("150"), new BigDecimal("110")};
        };
    }

    /** Projects for 3 customers of each country (2 in DE); every third is fixed fee; the last is closed. */
    private List<ObjectNode> seedProjects(List<ObjectNode> contacts) {
        int[] customers = {0, 1, 2, 8, 9, 10, 16, 17, 18, 23, 24, 25, 30, 31};
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < customers.length; i++) {
            ObjectNode c = contacts.get(customers[i]);
            String cur = c.path("DefaultCurrency").asText();
            ObjectNode p = Json.object();
            String pid = state.newId();
            p.put("projectId", pid);
            p.put("contactId", c.path("ContactID").asText());
            String shortName = c.path("Name").asText().split(" ")[0];
            p.put("name", shortName + " - " + PROJECT_KINDS[i % PROJECT_KINDS.length]);
            p.put("currencyCode", cur);
            p.put("deadlineUtc", "2027-0" + (1 + i % 6) + "-28T17:00:00Z");
            boolean fixedFee = i % 3 == 2;
            BigDecimal[] r = rates(cur);
            p.put("estimate", fixedFee ? new BigDecimal("45000.00") : r[0].multiply(BigDecimal.valueOf(300)));
            p.put("status", i == customers.length - 1 ? "CLOSED" : "INPROGRESS");
            state.projects.put(pid, p);
            if (fixedFee) {
                // Xero Projects has no "milestone complete" flag: the project manager locks the milestone's task
                task(pid, "Milestone 1 - discovery and design", "FIXED", new BigDecimal("15000"), 4800)
                        .put("status", "LOCKED");
                ObjectNode m2 = task(pid, "Milestone 2 - build and go-live", "FIXED", new BigDecimal("30000"), 9600);
                if (i == 2) {
                    m2.put("status", "LOCKED");
                }
            } else {
                task(pid, "Consulting", "TIME", r[0], 12000);
                task(pid, "Project management", "TIME", r[1], 3000);
            }
            task(pid, "Internal review", "NON_CHARGEABLE", BigDecimal.ZERO, 600);
            out.add(p);
        }
        return out;
    }

    private ObjectNode task(String pid, String name, String charge, BigDecimal rate, int estimateMinutes) {
        String id = state.newId();
        ObjectNode t = Json.object();
        t.put("taskId", id);
        t.put("projectId", pid);
        t.put("name", name);
        t.put("rate", rate);
        t.put("chargeType", charge);
        t.put("estimateMinutes", estimateMinutes);
        t.put("status", "ACTIVE");
        state.tasks.put(id, t);
        return t;
    }

    private List<ObjectNode> tasksOf(ObjectNode project) {
        String pid = project.path("projectId").asText();
        return state.tasks.values().stream().filter(t -> t.path("projectId").asText().equals(pid)).toList();
    }

    private ObjectNode entry(String user, ObjectNode task, LocalDate day, int minutes, String description) {
        String id = state.newId();
        ObjectNode e = Json.object();
        e.put("timeEntryId", id);
        e.put("userId", user);
        e.put("projectId", task.path("projectId").asText());
        e.put("taskId", task.path("taskId").asText());
        Instant at = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        e.put("dateUtc", at.toString());
        e.put("dateEnteredUtc", at.plusSeconds(8 * 3600L + rnd.nextInt(3600)).toString());
        e.put("duration", minutes);
        e.put("description", description);
        e.put("status", "ACTIVE");
        state.timeEntries.put(id, e);
        return e;
    }

    private void seedTime(List<ObjectNode> projects, List<String> users) {
        List<ObjectNode> open = projects.subList(0, projects.size() - 1);
        ObjectNode closed = projects.get(projects.size() - 1);
        ObjectNode duplicateOf = null;
        for (LocalDate d = LocalDate.of(2026, 10, 1); !d.isAfter(LocalDate.of(2026, 11, 30)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (int u = 0; u < users.size(); u++) {
                ObjectNode[] mine = {open.get((2 * u) % open.size()), open.get((2 * u + 1) % open.size()),
                    open.get((2 * u + 5) % open.size())};
                if (u == 0 && d.equals(LONG_DAY)) {
                    // bad data: a 26-hour day
                    List<ObjectNode> t = tasksOf(mine[0]);
                    entry(users.get(u), t.get(0), d, 600, "Cutover weekend prep");
                    entry(users.get(u), t.get(0), d, 540, "Cutover rehearsal");
                    entry(users.get(u), tasksOf(mine[1]).get(0), d, 420, "Data reconciliation");
                    continue;
                }
                int total = 60 * (6 + rnd.nextInt(4)) - (rnd.nextBoolean() ? 30 : 0);
                int parts = rnd.nextInt(3) == 0 ? 2 : 1;
                int first = parts == 1 ? total : 30 * (2 + rnd.nextInt(total / 30 - 3));
                int[] split = parts == 1 ? new int[] {total} : new int[] {first, total - first};
                for (int minutes : split) {
                    ObjectNode project = mine[rnd.nextInt(mine.length)];
                    List<ObjectNode> ts = tasksOf(project);
                    ObjectNode task = rnd.nextInt(10) == 0 ? ts.get(ts.size() - 1) : ts.get(rnd.nextInt(ts.size() - 1));
                    ObjectNode e = entry(users.get(u), task, d, minutes, task.path("name").asText() + " - "
                            + USERS[u][0].split(" ")[0] + " " + d);
                    if (u == 1 && d.equals(LocalDate.of(2026, 10, 15)) && duplicateOf == null) {
                        duplicateOf = e;
                    }
                }
            }
        }
        // bad data: the same entry submitted twice
        entry(duplicateOf.path("userId").asText(), state.tasks.get(duplicateOf.path("taskId").asText()),
                LocalDate.of(2026, 10, 15), duplicateOf.path("duration").asInt(), duplicateOf.path("description").asText());
        // bad data: time on a closed project
        List<ObjectNode> ct = tasksOf(closed);
        for (int i = 0; i < 4; i++) {
            entry(users.get(3), ct.get(0), LocalDate.of(2026, 11, 2 + i), 240, "Follow-up after close " + (i + 1));
        }
    }

    private void seedInvoices(List<ObjectNode> contacts, List<ObjectNode> projects) {
        // 1. October T&M of the first project, AUTHORISED; its time entries are marked INVOICED
        ObjectNode p0 = projects.get(0);
        ObjectNode inv1 = invoiceFor(contacts.get(0), "AUTHORISED", "OUTPUT2", "October 2026 - " + p0.path("name").asText());
        ArrayNode lines = inv1.putArray("LineItems");
        List<ObjectNode> invoicedEntries = new ArrayList<>();
        for (ObjectNode t : tasksOf(p0)) {
            if (!"TIME".equals(t.path("chargeType").asText())) {
                continue;
            }
            long minutes = 0;
            for (ObjectNode e : state.timeEntries.values()) {
                if (e.path("taskId").asText().equals(t.path("taskId").asText())
                        && e.path("dateUtc").asText().startsWith("2026-10")) {
                    minutes += e.path("duration").asLong();
                    invoicedEntries.add(e);
                }
            }
            line(lines, t.path("name").asText() + " - October 2026", BigDecimal.valueOf(minutes)
                    .divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP), t.path("rate").decimalValue(),
                    "OUTPUT2");
        }
        accounting.seedInvoice(inv1);
        String inv1Id = lastInvoiceId();
        for (ObjectNode e : invoicedEntries) {
            e.put("status", "INVOICED");
            e.put(ProjectsHandler.INVOICE_ID, inv1Id);
        }
        // 2..5: simple invoices in several currencies and states
        seedSimple(contacts.get(8), "DRAFT", "ZERORATEDOUTPUT", "Advisory - October 2026", "40", "190");
        seedSimple(contacts.get(16), "DRAFT", "ZERORATEDOUTPUT", "Workshop facilitation", "16", "240");
        seedSimple(contacts.get(23), "AUTHORISED", "ZERORATEDOUTPUT", "Milestone 1 - discovery and design", "1",
                "15000");
        seedSimple(contacts.get(30), "AUTHORISED", "ECZROUTPUTSERVICES", "Process review - October 2026", "24",
                "170");
        seedSimple(contacts.get(2), "DRAFT", "OUTPUT2", "Retainer - November 2026", "1", "2500");
    }

    private void seedSimple(ObjectNode contact, String status, String taxType, String description, String qty,
            String unit) {
        ObjectNode inv = invoiceFor(contact, status, taxType, description);
        line(inv.putArray("LineItems"), description, new BigDecimal(qty), new BigDecimal(unit), taxType);
        List<String> errs = accounting.seedInvoice(inv);
        if (!errs.isEmpty()) {
            throw new IllegalStateException("demo invoice rejected: " + errs);
        }
    }

    private static ObjectNode invoiceFor(ObjectNode contact, String status, String taxType, String reference) {
        ObjectNode inv = Json.object();
        inv.put("Type", "ACCREC");
        inv.putObject("Contact").put("ContactID", contact.path("ContactID").asText());
        inv.put("Date", "2026-10-31");
        inv.put("DueDate", "2026-11-30");
        inv.put("Status", status);
        inv.put("LineAmountTypes", "Exclusive");
        inv.put("Reference", reference);
        return inv;
    }

    private static void line(ArrayNode lines, String description, BigDecimal qty, BigDecimal unit, String taxType) {
        ObjectNode l = lines.addObject();
        l.put("Description", description);
        l.put("Quantity", qty);
        l.put("UnitAmount", unit);
        l.put("AccountCode", "200");
        l.put("TaxType", taxType);
    }

    private String lastInvoiceId() {
        String last = null;
        for (String id : state.invoices.keySet()) {
            last = id;
        }
        return last;
    }
}
