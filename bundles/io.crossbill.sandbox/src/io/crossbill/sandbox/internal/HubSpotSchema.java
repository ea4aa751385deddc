package io.crossbill.sandbox.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HubSpot object types the sandbox serves and the property registry of each (standard properties plus
 * the {@code crossbill_*} custom ones), so that writes validate the way HubSpot validates them: unknown
 * property, read-only property, value not one of an enumeration's options, not a number, not a date.
 */
public final class HubSpotSchema {

    /** A property's type as HubSpot's properties API names it. */
    public enum Kind { STRING, NUMBER, BOOL, ENUMERATION, DATETIME }

    /**
     * One property definition.
     *
     * @param options  allowed values for ENUMERATION (and BOOL: true/false), else empty
     * @param readOnly calculated by HubSpot; a write of it is refused
     */
    public record Property(String name, Kind kind, List<String> options, boolean readOnly) {
    }

    /** Deal stages of the "default" sales pipeline, in pipeline order. */
    public static final List<String> DEAL_STAGES = List.of("appointmentscheduled", "qualifiedtobuy",
            "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost");
    /** Currencies the portal has enabled. */
    public static final List<String> CURRENCIES = List.of("GBP", "USD", "EUR", "AUD", "NZD", "JPY", "CHF");

    /** The four CRM object types, with their path names, type ids and default properties. */
    public enum ObjectType {
        CONTACTS("contacts", "0-1", "CONTACT", "lastmodifieddate", "firstname", "lastname", "email"),
        COMPANIES("companies", "0-2", "COMPANY", "hs_lastmodifieddate", "name", "domain"),
        DEALS("deals", "0-3", "DEAL", "hs_lastmodifieddate", "dealname", "amount", "closedate", "pipeline",
                "dealstage"),
        LINE_ITEMS("line_items", "0-8", "LINE_ITEM", "hs_lastmodifieddate", "name", "quantity", "price", "amount");

        public final String path;
        public final String typeId;
        public final String upper;
        /** Contacts keep their change time in {@code lastmodifieddate}, the others in {@code hs_lastmodifieddate}. */
        public final String lastModified;
        public final List<String> defaults;

        ObjectType(String path, String typeId, String upper, String lastModified, String... defaults) {
            this.path = path;
            this.typeId = typeId;
            this.upper = upper;
            this.lastModified = lastModified;
            this.defaults = List.of(defaults);
        }

        /** By path name ({@code deals}) or object type id ({@code 0-3}), case-insensitive; null when unknown. */
        public static ObjectType of(String segment) {
            if (segment == null) {
                return null;
            }
            String s = segment.toLowerCase(Locale.ROOT);
            for (ObjectType t : values()) {
                if (t.path.equals(s) || t.typeId.equals(s)) {
                    return t;
                }
            }
            return null;
        }

        /** Singular, for messages: deal, company, contact, line item. */
        public String singular() {
            return switch (this) {
                case CONTACTS -> "contact";
                case COMPANIES -> "company";
                case DEALS -> "deal";
                case LINE_ITEMS -> "line item";
            };
        }
    }

    private static final Map<ObjectType, Map<String, Property>> REGISTRY = new LinkedHashMap<>();

    static {
        define(ObjectType.COMPANIES, "name", "domain", "country", "city", "phone", "industry", "crossbill_tax_id",
                "crossbill_erp_customer_id", "crossbill_sync_key", "hubspot_owner_id");
        enumeration(ObjectType.COMPANIES, "crossbill_currency", CURRENCIES);
        bool(ObjectType.COMPANIES, "crossbill_expansion_flag");

        define(ObjectType.CONTACTS, "firstname", "lastname", "email", "phone", "jobtitle", "company",
                "hubspot_owner_id", "crossbill_sync_key");

        define(ObjectType.DEALS, "dealname", "hubspot_owner_id", "crossbill_region", "crossbill_erp_customer_id",
                "crossbill_psa_project_id", "crossbill_sync_key");
        add(ObjectType.DEALS, "amount", Kind.NUMBER, List.of(), false);
        enumeration(ObjectType.DEALS, "dealstage", DEAL_STAGES);
        enumeration(ObjectType.DEALS, "pipeline", List.of("default"));
        add(ObjectType.DEALS, "closedate", Kind.DATETIME, List.of(), false);
        enumeration(ObjectType.DEALS, "deal_currency_code", CURRENCIES);
        enumeration(ObjectType.DEALS, "crossbill_billing_method", List.of("time_and_materials", "fixed_fee"));
        bool(ObjectType.DEALS, "crossbill_expansion_flag");

        define(ObjectType.LINE_ITEMS, "name", "hs_sku", "description");
        add(ObjectType.LINE_ITEMS, "quantity", Kind.NUMBER, List.of(), false);
        add(ObjectType.LINE_ITEMS, "price", Kind.NUMBER, List.of(), false);
        // HubSpot calculates a line item's amount from price and quantity
        add(ObjectType.LINE_ITEMS, "amount", Kind.NUMBER, List.of(), true);
        enumeration(ObjectType.LINE_ITEMS, "recurringbillingfrequency", List.of("weekly", "biweekly", "monthly",
                "quarterly", "per_six_months", "annually"));

        for (ObjectType t : ObjectType.values()) {
            add(t, "hs_object_id", Kind.NUMBER, List.of(), true);
            add(t, "createdate", Kind.DATETIME, List.of(), true);
            add(t, t.lastModified, Kind.DATETIME, List.of(), true);
        }
    }

    private HubSpotSchema() {
    }

    private static void define(ObjectType t, String... strings) {
        for (String s : strings) {
            add(t, s, Kind.STRING, List.of(), false);
        }
    }

    private static void enumeration(ObjectType t, String name, List<String> options) {
        add(t, name, Kind.ENUMERATION, options, false);
    }

    private static void bool(ObjectType t, String name) {
        add(t, name, Kind.BOOL, List.of("true", "false"), false);
    }

    private static void add(ObjectType t, String name, Kind kind, List<String> options, boolean readOnly) {
        REGISTRY.computeIfAbsent(t, k -> new LinkedHashMap<>()).put(name, new Property(name, kind, options, readOnly));
    }

    /** The property, or null when the object type has no such property. */
    public static Property property(ObjectType t, String name) {
        return REGISTRY.get(t).get(name);
    }
}
