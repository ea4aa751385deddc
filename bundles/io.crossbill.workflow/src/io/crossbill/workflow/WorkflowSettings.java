package io.crossbill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The business rules of the workflows that a firm configures: its time zone, the currencies its legal
 * entity may invoice in, how invoice lines are grouped, when a time entry counts as approved, tax types,
 * role templates for new projects and which system owns which customer field. Read from
 * {@code <workspace>/workflows.json} when present; every setting has a default.
 *
 * @param zone               the firm's time zone: an entry belongs to the billing period of its local date
 * @param allowedCurrencies  the currencies the legal entity may invoice in
 * @param linePerEntry       {@code true}: one invoice line per time entry; {@code false}: one per role (task)
 *                           and period
 * @param approvalDelay      Xero Projects has no approval step: an entry counts as approved once it was
 *                           entered at least this long before the run (the firm's timesheet lock)
 * @param maxMinutesPerDay   more than this per person and day is refused (24 h)
 * @param accountCode        the revenue account of invoice lines
 * @param dueDays            invoice due date, days after the invoice date
 * @param taxTypes           Xero tax type of invoice lines by customer country code; {@code *} for the rest
 * @param roleTemplates      tasks (roles) a new time-and-materials project starts with, with their rate
 *                           multipliers of the base rate (name to multiplier)
 * @param baseRates          the base hourly rate per currency for new time-and-materials projects
 * @param erpOwns            customer fields the ERP owns (survivorship): the ERP's value wins
 * @param crmOwns            customer fields the CRM owns
 */
public record WorkflowSettings(ZoneId zone, Set<String> allowedCurrencies, boolean linePerEntry,
        Duration approvalDelay, int maxMinutesPerDay, String accountCode, int dueDays, Map<String, String> taxTypes,
        Map<String, Double> roleTemplates, Map<String, Double> baseRates, List<String> erpOwns, List<String> crmOwns) {

    public WorkflowSettings {
        allowedCurrencies = Set.copyOf(allowedCurrencies);
        taxTypes = Map.copyOf(taxTypes);
        roleTemplates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roleTemplates));
        baseRates = Map.copyOf(baseRates);
        erpOwns = List.copyOf(erpOwns);
        crmOwns = List.copyOf(crmOwns);
    }

    /** The defaults: a UK firm invoicing in GBP, USD, EUR, NZD and AUD. */
    public static WorkflowSettings defaults() {
        Map<String, Double> roles = new LinkedHashMap<>();
        roles.put("Consulting", 1.0);
        roles.put("Project management", 0.75);
        return new WorkflowSettings(ZoneId.of("Europe/London"), Set.of("GBP", "USD", "EUR", "NZD", "AUD"), false,
                Duration.ofDays(2), 24 * 60, "200", 30,
                Map.of("GB", "OUTPUT2", "DE", "ECZROUTPUTSERVICES", "*", "ZERORATEDOUTPUT"), roles,
                Map.of("GBP", 150.0, "USD", 190.0, "EUR", 170.0, "NZD", 240.0, "AUD", 230.0),
                List.of("name", "tax_id", "currency", "country", "city"), List.of("domain", "owner"));
    }

    /** The tax type for a customer in the given country. */
    public String taxTypeFor(String countryCode) {
        String t = countryCode == null ? null : taxTypes.get(countryCode.toUpperCase(Locale.ROOT));
        return t != null ? t : taxTypes.getOrDefault("*", "NONE");
    }

    /**
     * The settings of a workspace: its {@code workflows.json} over the defaults.
     *
     * @throws IllegalArgumentException naming the file and the setting when the file is not valid
     */
    public static WorkflowSettings load(Path workspace) {
        Path file = workspace.resolve("workflows.json");
        WorkflowSettings d = defaults();
        if (!Files.isRegularFile(file)) {
            return d;
        }
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(file + " must hold one JSON object of settings.");
        }
        try {
            ZoneId zone = n.has("zone") ? ZoneId.of(n.get("zone").asText()) : d.zone();
            Set<String> currencies = n.has("allowedCurrencies") ? strings(n.get("allowedCurrencies"), new LinkedHashSet<>())
                    : d.allowedCurrencies();
            boolean perEntry = n.has("linePerEntry") ? n.get("linePerEntry").asBoolean() : d.linePerEntry();
            Duration delay = n.has("approvalDelayHours") ? Duration.ofHours(n.get("approvalDelayHours").asLong())
                    : d.approvalDelay();
            int maxMinutes = n.has("maxHoursPerDay") ? n.get("maxHoursPerDay").asInt() * 60 : d.maxMinutesPerDay();
            String account = n.has("accountCode") ? n.get("accountCode").asText() : d.accountCode();
            int due = n.has("dueDays") ? n.get("dueDays").asInt() : d.dueDays();
            return new WorkflowSettings(zone, currencies, perEntry, delay, maxMinutes, account, due,
                    n.has("taxTypes") ? textMap(n.get("taxTypes")) : d.taxTypes(),
                    n.has("roleTemplates") ? numberMap(n.get("roleTemplates")) : d.roleTemplates(),
                    n.has("baseRates") ? numberMap(n.get("baseRates")) : d.baseRates(),
                    n.has("erpOwns") ? strings(n.get("erpOwns"), new ArrayList<>()) : d.erpOwns(),
                    n.has("crmOwns") ? strings(n.get("crmOwns"), new ArrayList<>()) : d.crmOwns());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " has a setting that cannot be used: " + e.getMessage());
        }
    }

    private static <C extends java.util.Collection<String>> C strings(JsonNode a, C out) {
        if (!a.isArray()) {
            throw new IllegalArgumentException("expected a list, got " + a);
        }
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static Map<String, String> textMap(JsonNode o) {
        Map<String, String> m = new LinkedHashMap<>();
        o.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static Map<String, Double> numberMap(JsonNode o) {
        Map<String, Double> m = new LinkedHashMap<>();
        o.properties().forEach(e -> {
            if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException(e.getKey() + " must be a number");
            }
            m.put(e.getKey(), e.getValue().asDouble());
        });
        return m;
    }
}
