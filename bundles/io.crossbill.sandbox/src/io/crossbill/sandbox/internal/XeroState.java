package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The whole state of one sandboxed Xero organisation, shared by the Accounting and Projects servers
 * (a Projects contactId is an Accounting ContactID). Entities are kept as the JSON the API shows, in
 * insertion order so paging is stable. Callers synchronise on the instance for compound operations.
 */
public final class XeroState {
    public final Clock clock;
    private final Random ids;

    public String organisationName = "Crossbill Demo Consulting Ltd";
    public String baseCurrency = "GBP";
    public final Set<String> currencies = new LinkedHashSet<>(List.of("GBP", "USD", "EUR", "AUD", "NZD"));
    /** Revenue account codes valid on sales invoice lines. */
    public final Set<String> revenueAccounts = new LinkedHashSet<>(List.of("200", "260"));
    /** Tax rate (as a fraction) per TaxType; unknown types are a validation error. */
    public final Map<String, BigDecimal> taxRates = new LinkedHashMap<>();

    public final Map<String, ObjectNode> contacts = new LinkedHashMap<>();
    public final Map<String, ObjectNode> invoices = new LinkedHashMap<>();
    public final Map<String, ObjectNode> projects = new LinkedHashMap<>();
    public final Map<String, ObjectNode> tasks = new LinkedHashMap<>();
    public final Map<String, ObjectNode> timeEntries = new LinkedHashMap<>();
    public final Map<String, ObjectNode> users = new LinkedHashMap<>();
    /** Last change of each Accounting entity, for If-Modified-Since. */
    public final Map<String, Instant> updated = new LinkedHashMap<>();
    public int invoiceSequence;

    public XeroState(Clock clock, long seed) {
        this.clock = clock;
        this.ids = new Random(seed ^ 0x5DEECE66DL);
        taxRates.put("OUTPUT2", new BigDecimal("0.20"));
        taxRates.put("ZERORATEDOUTPUT", BigDecimal.ZERO);
        taxRates.put("ECZROUTPUTSERVICES", BigDecimal.ZERO);
        taxRates.put("EXEMPTOUTPUT", BigDecimal.ZERO);
        taxRates.put("NONE", BigDecimal.ZERO);
    }

    /** A random (version 4) UUID drawn from the seeded generator, so a seeded run is reproducible. */
    public synchronized String newId() {
        long msb = (ids.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    public Instant now() {
        return clock.instant();
    }

    public synchronized ObjectNode contactByName(String name) {
        for (ObjectNode c : contacts.values()) {
            if (c.path("Name").asText("").equalsIgnoreCase(name.trim())
                    && !"ARCHIVED".equals(c.path("ContactStatus").asText())) {
                return c;
            }
        }
        return null;
    }
}
