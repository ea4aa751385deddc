package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.sandbox.Faults;
import io.crossbill.sandbox.internal.HubSpotSchema.ObjectType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The seeded CRM of the demo firm: 20 customers the ERP demo firm also has (same names, countries, currencies
 * and tax ids, taken from a {@link DemoFirm} generated with the same seed, so they always agree with a
 * {@code XeroSandbox} of that seed), 6 customers only the CRM knows, two contacts per company, 30 deals over
 * every stage of the default pipeline (10 closed-won in November 2026) and the milestone line items of the
 * fixed-fee ones. Same seed, same data, same ids.
 */
public final class HubSpotDemo {

    /** The shared customers, by their exact ERP names: four per country. */
    static final List<String> SHARED = List.of(
            "Harwell & Finch LLP", "Blackmoor Logistics Ltd", "Ashcombe Retail plc", "Pennine Water Services Ltd",
            "Redwood Health Partners Inc", "Great Lakes Freight LLC", "Cobalt Fintech Inc", "Sonoran Solar LLC",
            "Kauri Timber Ltd", "Southern Alps Tourism Ltd", "Waitemata Software Ltd", "Canterbury Agritech Ltd",
            "Wattle Energy Pty Ltd", "Coral Coast Resorts Pty Ltd", "Outback Mining Services Pty Ltd",
            "Harbour City Media Pty Ltd",
            "Rheinland Maschinenbau GmbH", "Elbe Handel AG", "Schwarzwald Software GmbH", "Spree Medien GmbH");

    /** Customers the ERP does not have yet: name, country, country name, city, currency, domain. */
    private static final String[][] CRM_ONLY = {
        {"Fenwick & Rowe Architects Ltd", "GB", "United Kingdom", "Bristol", "GBP", "fenwick-rowe.example"},
        {"Prairie Wind Analytics Inc", "US", "United States", "Denver", "USD", "prairiewind.example"},
        {"Kowhai Health Ltd", "NZ", "New Zealand", "Wellington", "NZD", "kowhaihealth.example"},
        {"Ironbark Consulting Pty Ltd", "AU", "Australia", "Perth", "AUD", "ironbark.example"},
        {"Alster Logistik GmbH", "DE", "Germany", "Hamburg", "EUR", "alster-logistik.example"},
        {"\u682a\u5f0f\u4f1a\u793e\u30b5\u30af\u30e9", "JP", "Japan", "Tokyo", "JPY", "sakura-kk.example"},
    };

    /** The CRM-only customer whose tax id is deliberately invalid (a German VAT id needs 9 digits). */
    public static final String INVALID_TAX_CUSTOMER = "Alster Logistik GmbH";
    public static final String INVALID_TAX_ID = "DE98765";

    private static final String[] OWNERS = {"71000101", "71000102", "71000103"};
    private static final String[][] PEOPLE = {
        {"Olivia", "Hart"}, {"James", "Okafor"}, {"Sophie", "Brennan"}, {"Daniel", "Moreau"}, {"Hannah", "Schulz"},
        {"Wiremu", "Tane"}, {"Emily", "Chen"}, {"Lucas", "Becker"}, {"Grace", "Whitfield"}, {"Noah", "Kowalski"},
        {"Charlotte", "Reyes"}, {"Ethan", "Park"}, {"Isla", "McLeod"}, {"Felix", "Hoffmann"}, {"Mia", "Patel"},
        {"Yuki", "Tanaka"},
    };
    private static final String[] TITLES = {"Finance Director", "Head of Operations", "Chief Information Officer",
        "Procurement Manager"};

    /**
     * One seeded deal: company name, what is sold, stage, billing method, amount (null: the milestones' sum),
     * close date, milestone prices (fixed fee only).
     */
    private record DealSpec(String company, String what, String stage, String billing, String amount,
            LocalDate close, String... milestones) {
    }

    private static final List<DealSpec> DEALS = List.of(
            // closed-won in November 2026: what the lead-to-project workflow picks up
            new DealSpec("Kauri Timber Ltd", "Finance transformation", "closedwon", "time_and_materials", "86400",
                    LocalDate.of(2026, 11, 3)),
            new DealSpec("Wattle Energy Pty Ltd", "ERP rollout", "closedwon", "fixed_fee", null,
                    LocalDate.of(2026, 11, 5), "15000", "30000", "15000"),
            new DealSpec("Rheinland Maschinenbau GmbH", "Integration build", "closedwon", "time_and_materials",
                    "51000", LocalDate.of(2026, 11, 9)),
            new DealSpec("Harwell & Finch LLP", "Data migration", "closedwon", "fixed_fee", null,
                    LocalDate.of(2026, 11, 10), "15000", "30000"),
            new DealSpec("Blackmoor Logistics Ltd", "Process review", "closedwon", "time_and_materials", "45000",
                    LocalDate.of(2026, 11, 12)),
            new DealSpec("Redwood Health Partners Inc", "Finance transformation", "closedwon", "fixed_fee", null,
                    LocalDate.of(2026, 11, 16), "20000", "45000", "25000"),
            new DealSpec("Spree Medien GmbH", "Process review", "closedwon", "time_and_materials", "25500",
                    LocalDate.of(2026, 11, 18)),
            new DealSpec("Fenwick & Rowe Architects Ltd", "ERP rollout", "closedwon", "time_and_materials", "30000",
                    LocalDate.of(2026, 11, 20)),
            new DealSpec(INVALID_TAX_CUSTOMER, "Integration build", "closedwon", "fixed_fee", null,
                    LocalDate.of(2026, 11, 24), "16000", "24000"),
            new DealSpec("\u682a\u5f0f\u4f1a\u793e\u30b5\u30af\u30e9", "Data migration", "closedwon",
                    "time_and_materials", "4500000", LocalDate.of(2026, 11, 26)),
            // lost
            new DealSpec("Ashcombe Retail plc", "Process review", "closedlost", "time_and_materials", "18000",
                    LocalDate.of(2026, 10, 14)),
            new DealSpec("Great Lakes Freight LLC", "Integration build", "closedlost", "fixed_fee", "60000",
                    LocalDate.of(2026, 10, 21)),
            new DealSpec("Elbe Handel AG", "ERP rollout", "closedlost", "time_and_materials", "40000",
                    LocalDate.of(2026, 11, 6)),
            // open, every other stage
            new DealSpec("Cobalt Fintech Inc", "Data migration", "contractsent", "fixed_fee", "75000",
                    LocalDate.of(2026, 12, 11)),
            new DealSpec("Southern Alps Tourism Ltd", "Process review", "contractsent", "time_and_materials",
                    "28800", LocalDate.of(2026, 12, 15)),
            new DealSpec("Prairie Wind Analytics Inc", "Integration build", "contractsent", "time_and_materials",
                    "57000", LocalDate.of(2026, 12, 18)),
            new DealSpec("Coral Coast Resorts Pty Ltd", "ERP rollout", "decisionmakerboughtin", "fixed_fee", "64000",
                    LocalDate.of(2027, 1, 15)),
            new DealSpec("Schwarzwald Software GmbH", "Integration build", "decisionmakerboughtin",
                    "time_and_materials", "34000", LocalDate.of(2027, 1, 22)),
            new DealSpec("Kowhai Health Ltd", "Finance transformation", "decisionmakerboughtin",
                    "time_and_materials", "48000", LocalDate.of(2027, 1, 29)),
            new DealSpec("Pennine Water Services Ltd", "Data migration", "presentationscheduled", "fixed_fee",
                    "52000", LocalDate.of(2027, 2, 5)),
            new DealSpec("Waitemata Software Ltd", "Process review", "presentationscheduled", "time_and_materials",
                    "21600", LocalDate.of(2027, 2, 12)),
            new DealSpec("Sonoran Solar LLC", "ERP rollout", "presentationscheduled", "time_and_materials", "66500",
                    LocalDate.of(2027, 2, 19)),
            new DealSpec("Outback Mining Services Pty Ltd", "Integration build", "qualifiedtobuy", "fixed_fee",
                    "88000", LocalDate.of(2027, 3, 5)),
            new DealSpec("Canterbury Agritech Ltd", "Data migration", "qualifiedtobuy", "time_and_materials",
                    "36000", LocalDate.of(2027, 3, 12)),
            new DealSpec("Ironbark Consulting Pty Ltd", "Process review", "qualifiedtobuy", "time_and_materials",
                    "23000", LocalDate.of(2027, 3, 19)),
            new DealSpec("Kauri Timber Ltd", "Phase 2 - data platform", "qualifiedtobuy", "fixed_fee", "70000",
                    LocalDate.of(2027, 3, 26)),
            new DealSpec("Harbour City Media Pty Ltd", "ERP rollout", "appointmentscheduled", "time_and_materials",
                    "46000", LocalDate.of(2027, 4, 9)),
            new DealSpec("Blackmoor Logistics Ltd", "Phase 2 - warehouse integration", "appointmentscheduled",
                    "time_and_materials", "27000", LocalDate.of(2027, 4, 16)),
            new DealSpec("Redwood Health Partners Inc", "Process review", "appointmentscheduled", "fixed_fee",
                    "30000", LocalDate.of(2027, 4, 23)),
            new DealSpec("Rheinland Maschinenbau GmbH", "Phase 2 - shop floor data", "appointmentscheduled",
                    "time_and_materials", "42500", LocalDate.of(2027, 4, 30)));

    private static final String[] MILESTONES = {"Milestone 1 - discovery and design", "Milestone 2 - build",
        "Milestone 3 - go-live and hypercare"};

    private final HubSpotStore store;
    private final long seed;
    private final Random rnd;
    private final Instant seededAt = Instant.parse("2026-09-01T08:00:00Z");

    public HubSpotDemo(HubSpotStore store, long seed) {
        this.store = store;
        this.seed = seed;
        this.rnd = new Random(seed ^ 0x4855425350L);
    }

    /** The ERP demo firm of the same seed: its contacts by name, for names, currencies, tax ids and ids. */
    private Map<String, ObjectNode> erpContacts() {
        Clock fixed = Clock.fixed(Instant.parse("2026-10-01T08:00:00Z"), ZoneOffset.UTC);
        XeroState xero = new XeroState(fixed, seed);
        AccountingHandler accounting = new AccountingHandler(xero, new XeroHttpHandler.Context(Set::of, "demo",
                new RateLimiter(fixed, 1, 1, 1), new Faults()));
        new DemoFirm(xero, accounting, seed).seed();
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        for (ObjectNode c : xero.contacts.values()) {
            byName.putIfAbsent(c.path("Name").asText(), c);
        }
        return byName;
    }

    public void seed() {
        Map<String, ObjectNode> erp = erpContacts();
        synchronized (store) {
            Map<String, ObjectNode> companies = new LinkedHashMap<>();
            Map<String, String> currencyOf = new LinkedHashMap<>();
            Map<String, String> countryOf = new LinkedHashMap<>();
            int n = 0;
            for (String name : SHARED) {
                ObjectNode x = erp.get(name);
                if (x == null) {
                    throw new IllegalStateException("The ERP demo firm has no customer named '" + name + "'");
                }
                JsonNode address = x.path("Addresses").path(0);
                String countryName = address.path("Country").asText();
                String currency = x.path("DefaultCurrency").asText();
                ObjectNode p = companyProps(name, countryName, address.path("City").asText(), currency,
                        x.path("TaxNumber").asText(), slug(name) + ".example");
                // the first two customers of each country were synced before: they carry the ERP id already
                if (n % 4 < 2) {
                    p.put("crossbill_erp_customer_id", x.path("ContactID").asText());
                }
                companies.put(name, company(p, n++));
                currencyOf.put(name, currency);
                countryOf.put(name, countryCode(countryName));
            }
            for (String[] c : CRM_ONLY) {
                String tax = c[0].equals(INVALID_TAX_CUSTOMER) ? INVALID_TAX_ID : taxId(c[1]);
                companies.put(c[0], company(companyProps(c[0], c[2], c[3], c[4], tax, c[5]), n++));
                currencyOf.put(c[0], c[4]);
                countryOf.put(c[0], c[1]);
            }
            Map<String, ObjectNode> firstContact = new LinkedHashMap<>();
            // change times are set last: associating bumps them, as it does in HubSpot
            List<Map.Entry<ObjectNode, Instant>> contacts = new ArrayList<>();
            int person = 0;
            for (Map.Entry<String, ObjectNode> e : companies.entrySet()) {
                long companyId = id(e.getValue());
                for (int i = 0; i < 2; i++) {
                    String[] who = PEOPLE[(person + i * 7) % PEOPLE.length];
                    ObjectNode p = Json.object();
                    p.put("firstname", who[0]);
                    p.put("lastname", who[1]);
                    p.put("email", (who[0] + "." + who[1]).toLowerCase() + "@" + e.getValue().path("properties")
                            .path("domain").asText());
                    p.put("jobtitle", TITLES[(person + i) % TITLES.length]);
                    p.put("company", e.getKey());
                    ObjectNode contact = store.create(ObjectType.CONTACTS, p, seededAt.plusSeconds(3600 + 60L * person));
                    long cid = id(contact);
                    store.associate(ObjectType.CONTACTS, cid, ObjectType.COMPANIES, companyId, 279);
                    if (i == 0) {
                        store.associate(ObjectType.CONTACTS, cid, ObjectType.COMPANIES, companyId, 1);
                        firstContact.put(e.getKey(), contact);
                    }
                    contacts.add(Map.entry(contact, seededAt.plusSeconds(3600 + 60L * person)));
                }
                person++;
            }
            int d = 0;
            for (DealSpec spec : DEALS) {
                seedDeal(spec, d++, companies.get(spec.company()), firstContact.get(spec.company()),
                        currencyOf.get(spec.company()), countryOf.get(spec.company()));
            }
            contacts.forEach(e -> store.stamp(ObjectType.CONTACTS, e.getKey(), e.getValue()));
            int c = 0;
            for (ObjectNode company : companies.values()) {
                store.stamp(ObjectType.COMPANIES, company, seededAt.plusSeconds(60L * c++));
            }
        }
    }

    private ObjectNode companyProps(String name, String countryName, String city, String currency, String tax,
            String domain) {
        ObjectNode p = Json.object();
        p.put("name", name);
        p.put("domain", domain);
        p.put("country", countryName);
        p.put("city", city);
        p.put("crossbill_currency", currency);
        p.put("crossbill_tax_id", tax);
        p.put("crossbill_expansion_flag", "false");
        p.put("hubspot_owner_id", OWNERS[rnd.nextInt(OWNERS.length)]);
        return p;
    }

    private ObjectNode company(ObjectNode props, int n) {
        return store.create(ObjectType.COMPANIES, props, seededAt.plusSeconds(60L * n));
    }

    private void seedDeal(DealSpec spec, int n, ObjectNode company, ObjectNode contact, String currency,
            String country) {
        boolean fixed = spec.billing().equals("fixed_fee");
        BigDecimal amount = spec.amount() == null ? BigDecimal.ZERO : new BigDecimal(spec.amount());
        for (String m : spec.milestones()) {
            amount = amount.add(new BigDecimal(m));
        }
        ObjectNode p = Json.object();
        p.put("dealname", company.path("properties").path("name").asText() + " - " + spec.what());
        p.put("amount", amount.toPlainString());
        p.put("dealstage", spec.stage());
        p.put("pipeline", "default");
        p.put("closedate", HubSpotStore.format(spec.close().atTime(15, 0).toInstant(ZoneOffset.UTC)));
        p.put("deal_currency_code", currency);
        p.put("hubspot_owner_id", OWNERS[rnd.nextInt(OWNERS.length)]);
        p.put("crossbill_billing_method", spec.billing());
        p.put("crossbill_region", switch (country) {
            case "US" -> "AMER";
            case "NZ", "AU", "JP" -> "APAC";
            default -> "EMEA";
        });
        p.put("crossbill_expansion_flag", "false");
        Instant created = Instant.parse("2026-09-10T09:00:00Z").plusSeconds(3600L * 7 * n);
        ObjectNode deal = store.create(ObjectType.DEALS, p, created);
        long dealId = id(deal);
        store.associate(ObjectType.DEALS, dealId, ObjectType.COMPANIES, id(company), 5);
        store.associate(ObjectType.DEALS, dealId, ObjectType.COMPANIES, id(company), 341);
        store.associate(ObjectType.DEALS, dealId, ObjectType.CONTACTS, id(contact), 3);
        for (int i = 0; i < spec.milestones().length && fixed; i++) {
            ObjectNode li = Json.object();
            li.put("name", MILESTONES[i]);
            li.put("quantity", "1");
            li.put("price", spec.milestones()[i]);
            li.put("hs_sku", "MS-" + (i + 1));
            ObjectNode item = store.create(ObjectType.LINE_ITEMS, li, created);
            store.associate(ObjectType.DEALS, dealId, ObjectType.LINE_ITEMS, id(item), 19);
            store.stamp(ObjectType.LINE_ITEMS, item, created);
        }
        // a closed deal last changed when its stage moved; open ones a few days after they were created
        boolean closed = spec.stage().startsWith("closed");
        Instant modified = closed ? spec.close().atTime(16, 30 + rnd.nextInt(29)).toInstant(ZoneOffset.UTC)
                : created.plusSeconds(86_400L * (1 + rnd.nextInt(20)));
        store.stamp(ObjectType.DEALS, deal, modified);
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(rnd.nextInt(10));
        }
        return b.toString();
    }

    /** A tax id in the country's format (JP: a qualified invoice issuer number, T + 13 digits). */
    private String taxId(String country) {
        return switch (country) {
            case "GB" -> "GB" + digits(9);
            case "US" -> digits(2) + "-" + digits(7);
            case "NZ" -> digits(3) + "-" + digits(3) + "-" + digits(3);
            case "AU" -> digits(2) + " " + digits(3) + " " + digits(3) + " " + digits(3);
            case "DE" -> "DE" + digits(9);
            default -> "T" + digits(13);
        };
    }

    private static String countryCode(String name) {
        return switch (name) {
            case "United Kingdom" -> "GB";
            case "United States" -> "US";
            case "New Zealand" -> "NZ";
            case "Australia" -> "AU";
            case "Germany" -> "DE";
            default -> throw new IllegalStateException("no country code for " + name);
        };
    }

    private static String slug(String name) {
        return name.toLowerCase().replace("&", "and").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static long id(ObjectNode record) {
        return Long.parseLong(record.path("id").asText());
    }
}
