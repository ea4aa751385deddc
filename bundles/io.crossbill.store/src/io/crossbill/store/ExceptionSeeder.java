package io.crossbill.store;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionState;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Fills the exception queue with realistic exceptions in bulk, for benchmarks, UI tests and demos: the
 * failures of the four workflows (lead-to-project, change-to-forecast, customer-master-sync,
 * time-to-billing) as the engine files them - class, system, step, state, business key, a cause with ids
 * and numbers inside (so they group into a dozen root causes), a suggested fix, the raw error, a payload
 * of about 300 bytes, attempts, an assignee for some, a "created" history row each - spread over the last
 * 90 days, oldest first.
 * <p>
 * Rows are written with batched inserts in transactions of {@value #BATCH} on the engine's writer, so the
 * database stays usable meanwhile; the same seed gives the same exceptions. The human actions an analyst
 * would take are not faked: there is no audit entry per seeded exception, one entry tells of the whole
 * seeding.
 */
public final class ExceptionSeeder {

    /** Rows per transaction. */
    public static final int BATCH = 20_000;

    private static final Duration SPAN = Duration.ofDays(90);
    private static final String[] ASSIGNEES = {"anna.keller", "ben.okafor", "chen.li", "dara.walsh"};

    /** One kind of failure: where it happens and how the engine words it. */
    private record Kind(int weight, String workflow, String step, String system, String entity,
            ExceptionClass exceptionClass, String keyPrefix, String cause, String fix, String rawError) {
    }

    // causes use %1$s for the business key and %2$d / %3$d / %4$s for numbers that vary per exception
    private static final Kind[] KINDS = {
        new Kind(30, "time-to-billing", "validate", "xero-projects", "TimeEntry", ExceptionClass.VALIDATION, "TE-",
                "Time entry %1$s has %3$d.5 hours on %4$s; a person cannot book more than 24 hours a day.",
                "Correct the hours in Xero Projects (or split the entry over the right days), then retry.",
                "policy max-hours-per-day: %3$d.5 > 24"),
        new Kind(22, "time-to-billing", "map", "xero-projects", "TimeEntry", ExceptionClass.REFERENCE, "TE-",
                "No bill rate for the role of time entry %1$s on project PRJ-%2$d.",
                "Add the role's rate to the rate card of project PRJ-%2$d in Xero Projects, then retry.",
                "lookup rate-card(PRJ-%2$d, role) returned nothing"),
        new Kind(12, "time-to-billing", "deliver", "xero", "Invoice", ExceptionClass.REJECTED, "INV-",
                "Xero refused invoice %1$s: project PRJ-%2$d is closed.",
                "Reopen project PRJ-%2$d in Xero or move the entries to an open project, then retry.",
                "HTTP 400 {\"ErrorNumber\":10,\"Type\":\"ValidationException\",\"Message\":\"Project is closed\"}"),
        new Kind(6, "time-to-billing", "deliver", "xero", "Invoice", ExceptionClass.RATE_LIMITED, "INV-",
                "Xero answered 429 Too Many Requests for invoice %1$s; it asked to wait %3$d s.",
                "Nothing to fix: retry later, the daily limit resets at midnight UTC.",
                "HTTP 429 Retry-After: %3$d; X-DayLimit-Remaining: 0"),
        new Kind(8, "lead-to-project", "validate-customer", "xero", "Deal", ExceptionClass.VALIDATION, "D-",
                "Deal %1$s: tax id GB%2$d is not a valid VAT number for the United Kingdom.",
                "Correct the tax id on the company in HubSpot (GB and 9 or 12 digits), then retry.",
                "check vat-format(GB, GB%2$d) failed"),
        new Kind(7, "lead-to-project", "create-project", "xero-projects", "Deal", ExceptionClass.REFERENCE, "D-",
                "Deal %1$s names region 'EMEA-%3$d', which has no role templates in Xero Projects.",
                "Map the region to a template in the workflow settings, or fix the deal's region in HubSpot.",
                "lookup role-template(region=EMEA-%3$d) returned nothing"),
        new Kind(4, "lead-to-project", "write-back", "hubspot", "Deal", ExceptionClass.CONFLICT, "D-",
                "Deal %1$s was changed in HubSpot (version %3$d) after it was read; the project id was not written back.",
                "Retry: the deal is read again and the project id written to the newest version.",
                "HTTP 409 {\"status\":\"error\",\"message\":\"version conflict\"}"),
        new Kind(5, "change-to-forecast", "update-contract", "xero", "ChangeOrder", ExceptionClass.REFERENCE, "CO-",
                "Change order %1$s refers to contract CT-%2$d, which is not in Xero.",
                "Create or link contract CT-%2$d in Xero (cross-reference), then retry.",
                "lookup xref(Contract, CT-%2$d, xero) returned nothing"),
        new Kind(2, "change-to-forecast", "update-forecast", "xero-projects", "ChangeOrder", ExceptionClass.VALIDATION,
                "CO-", "Change order %1$s would set the forecast of PRJ-%2$d to %3$d00.00, below the %3$d50.00 invoiced.",
                "Check the change order's value in Xero Projects; a forecast cannot fall below what was billed.",
                "policy forecast >= invoiced failed"),
        new Kind(2, "customer-master-sync", "merge", "hubspot", "Customer", ExceptionClass.CONFLICT, "CUS-",
                "Customer %1$s: field 'legalName' was changed in both HubSpot and Xero since the last sync.",
                "Pick the right value in the detail pane (Xero owns legal fields), then resolve or replay.",
                "baseline legalName differs on both sides"),
        new Kind(1, "customer-master-sync", "create", "xero", "Customer", ExceptionClass.DUPLICATE, "CUS-",
                "Customer %1$s looks like a duplicate of CUS-%2$d (same tax id).",
                "Link the two as one customer (cross-reference) or correct the tax id, then retry.",
                "duplicate check: tax id match with CUS-%2$d"),
        new Kind(1, "customer-master-sync", "read", "hubspot", "Customer", ExceptionClass.AUTH, "CUS-",
                "HubSpot refused the access token (401) while reading customer %1$s.",
                "Reconnect HubSpot under Credentials; then retry all of these at once.",
                "HTTP 401 {\"category\":\"INVALID_AUTHENTICATION\"}"),
    };

    private final EngineDatabase db;

    /** A seeder writing into an open database. */
    public ExceptionSeeder(EngineDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Adds {@code count} exceptions, created over the 90 days before {@code now}, oldest first.
     *
     * @param seed the same seed gives the same exceptions
     * @return how many were written
     * @throws IllegalArgumentException when count is negative
     */
    public long seed(long count, long seed, Instant now) {
        if (count < 0) {
            throw new IllegalArgumentException("The number of exceptions to seed cannot be negative (" + count + ").");
        }
        if (count == 0) {
            return 0;
        }
        int totalWeight = 0;
        for (Kind k : KINDS) {
            totalWeight += k.weight();
        }
        long[] next = db.inTransaction(() -> new long[] {nextId("exceptions"), nextId("exception_history")});
        long firstId = next[0];
        long firstHistoryId = next[1];
        SplittableRandom random = new SplittableRandom(seed);
        Instant start = now.minus(SPAN);
        long spanMillis = SPAN.toMillis();
        long written = 0;
        while (written < count) {
            int n = (int) Math.min(BATCH, count - written);
            long from = written;
            final int weightSum = totalWeight;
            db.inTransaction(() -> {
                Connection c = db.writer();
                try (PreparedStatement ex = c.prepareStatement("INSERT INTO exceptions (id, exception_class, state,"
                        + " workflow, step, system_name, entity, business_key, lineage_id, original_payload,"
                        + " payload_size, payload_truncated, mapped_output, cause, suggested_fix, detail, attempts,"
                        + " created_at, updated_at, assignee) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?)");
                        PreparedStatement hi = c.prepareStatement("INSERT INTO exception_history (id, exception_id,"
                                + " at, action, actor, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (long i = from; i < from + n; i++) {
                        long id = firstId + i;
                        Kind k = pick(random.nextInt(weightSum));
                        ExceptionState state = state(random.nextInt(100), k);
                        Instant created = start.plusMillis(spanMillis * i / count + random.nextInt(1000));
                        String key = k.keyPrefix() + (100_000 + random.nextInt(900_000));
                        int a = 1000 + random.nextInt(9000);
                        int b = 25 + random.nextInt(75);
                        String day = LocalDate.ofInstant(created, ZoneOffset.UTC).toString();
                        String cause = String.format(Locale.ROOT, k.cause(), key, a, b, day);
                        byte[] payload = payload(k, key, a, b, day, random);
                        int attempts = state == ExceptionState.DEAD ? 5 : 1 + random.nextInt(3);
                        Timestamp at = Timestamp.from(created);
                        ex.setLong(1, id);
                        ex.setString(2, k.exceptionClass().name());
                        ex.setString(3, state.name());
                        ex.setString(4, k.workflow());
                        ex.setString(5, k.step());
                        ex.setString(6, k.system());
                        ex.setString(7, k.entity());
                        ex.setString(8, key);
                        ex.setString(9, "seed-" + id);
                        boolean delivery = "deliver".equals(k.step());
                        ex.setBytes(10, delivery ? null : payload);
                        ex.setLong(11, delivery ? 0 : payload.length);
                        ex.setBoolean(12, false);
                        ex.setBytes(13, delivery ? payload : null);
                        ex.setString(14, cause);
                        ex.setString(15, String.format(Locale.ROOT, k.fix(), key, a, b, day));
                        ex.setString(16, String.format(Locale.ROOT, k.rawError(), key, a, b, day));
                        ex.setInt(17, attempts);
                        ex.setTimestamp(18, at);
                        ex.setTimestamp(19, at);
                        ex.setString(20, random.nextInt(10) == 0 ? ASSIGNEES[random.nextInt(ASSIGNEES.length)] : null);
                        ex.addBatch();
                        hi.setLong(1, firstHistoryId + i);
                        hi.setLong(2, id);
                        hi.setTimestamp(3, at);
                        hi.setString(4, "created");
                        hi.setString(5, "engine");
                        hi.setString(6, null);
                        hi.setString(7, state.name());
                        hi.setString(8, cause);
                        hi.addBatch();
                    }
                    ex.executeBatch();
                    hi.executeBatch();
                }
            });
            written += n;
        }
        db.inTransaction(() -> {
            // explicit ids do not move the identity counters; the engine's next exception must not collide
            try (Statement s = db.writer().createStatement()) {
                s.execute("ALTER TABLE exceptions ALTER COLUMN id RESTART WITH " + (firstId + count));
                s.execute("ALTER TABLE exception_history ALTER COLUMN id RESTART WITH " + (firstHistoryId + count));
            }
            db.audit().append("engine", "exception.seed", "exception:" + firstId + "-" + (firstId + count - 1),
                    count + " synthetic exceptions seeded (seed " + seed + ")");
        });
        return count;
    }

    private long nextId(String table) throws SQLException {
        try (Statement s = db.writer().createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Kind pick(int r) {
        for (Kind k : KINDS) {
            r -= k.weight();
            if (r < 0) {
                return k;
            }
        }
        return KINDS[KINDS.length - 1];
    }

    /** Open most, resolved a quarter, dead letters where retries ran out (transient faults more often). */
    private static ExceptionState state(int r, Kind k) {
        int dead = k.exceptionClass().isTransient() ? 40 : 12;
        if (r < 27) {
            return ExceptionState.RESOLVED;
        }
        if (r < 27 + dead) {
            return ExceptionState.DEAD;
        }
        if (r < 27 + dead + 3) {
            return ExceptionState.RETRYING;
        }
        return ExceptionState.OPEN;
    }

    private static byte[] payload(Kind k, String key, int a, int b, String day, SplittableRandom random) {
        String json = switch (k.entity()) {
            case "TimeEntry" -> String.format(Locale.ROOT, "{\"timeEntryId\":\"%s\",\"projectId\":\"PRJ-%d\","
                    + "\"userId\":\"U-%d\",\"taskId\":\"TSK-%d\",\"dateUtc\":\"%sT00:00:00Z\",\"duration\":%d,"
                    + "\"description\":\"Workshop and follow-up for client onboarding\",\"status\":\"APPROVED\","
                    + "\"billable\":true,\"role\":\"Senior Consultant\"}", key, a, random.nextInt(2000),
                    random.nextInt(5000), day, b * 60 + 30);
            case "Invoice" -> String.format(Locale.ROOT, "{\"Type\":\"ACCREC\",\"Reference\":\"%s\",\"Contact\":"
                    + "{\"ContactID\":\"C-%d\"},\"Date\":\"%s\",\"CurrencyCode\":\"GBP\",\"LineItems\":[{\"Description\":"
                    + "\"Consulting PRJ-%d\",\"Quantity\":%d.5,\"UnitAmount\":145.00,\"AccountCode\":\"200\"}],"
                    + "\"Status\":\"AUTHORISED\"}", key, random.nextInt(9000), day, a, b);
            case "Deal" -> String.format(Locale.ROOT, "{\"id\":\"%s\",\"properties\":{\"dealname\":\"Acme %d"
                    + " rollout\",\"dealstage\":\"closedwon\",\"amount\":\"%d000\",\"closedate\":\"%s\",\"region\":"
                    + "\"EMEA-%d\",\"billing_method\":\"time_and_materials\",\"company_tax_id\":\"GB%d\"}}", key, a, b,
                    day, b, a);
            case "ChangeOrder" -> String.format(Locale.ROOT, "{\"changeOrderId\":\"%s\",\"contractId\":\"CT-%d\","
                    + "\"projectId\":\"PRJ-%d\",\"approvedOn\":\"%s\",\"valueDelta\":%d00.00,\"currency\":\"EUR\","
                    + "\"reason\":\"Additional integration sprint requested by the client\"}", key, a, a, day, b);
            default -> String.format(Locale.ROOT, "{\"customerId\":\"%s\",\"legalName\":\"Northwind %d Ltd\","
                    + "\"taxId\":\"GB%d\",\"country\":\"GB\",\"currency\":\"GBP\",\"billingAddress\":{\"line1\":\"%d"
                    + " King Street\",\"city\":\"London\",\"postcode\":\"EC2V 8AU\"}}", key, a, a, b);
        };
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
