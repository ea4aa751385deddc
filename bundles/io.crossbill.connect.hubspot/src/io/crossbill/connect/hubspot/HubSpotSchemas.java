package io.crossbill.connect.hubspot;

import io.crossbill.engine.api.ConnectorSchema;
import io.crossbill.engine.api.ConnectorSchema.Entity;
import io.crossbill.engine.api.ConnectorSchema.Field;
import io.crossbill.engine.api.ConnectorSchema.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HubSpot CRM objects this bundle reads and writes and the properties it asks for: HubSpot's standard
 * properties plus the {@code crossbill_*} custom properties the portal must define. A field's name is its path
 * in the record as the API shows it ({@code id}, {@code properties.dealname}, {@code updatedAt}), which is also
 * how a mapping expression reaches it.
 */
public final class HubSpotSchemas {

    /** One CRM object type: API path name, schema name, and its properties ({@code name[:type][!]}). */
    enum CrmObject {
        COMPANY("companies", "Company", "hs_lastmodifieddate", "name", "domain", "country", "city",
                "crossbill_currency", "crossbill_tax_id", "crossbill_erp_customer_id",
                "crossbill_expansion_flag:boolean", "crossbill_sync_key", "hubspot_owner_id"),
        CONTACT("contacts", "Contact", "lastmodifieddate", "firstname", "lastname", "email", "phone", "jobtitle",
                "company", "hubspot_owner_id"),
        DEAL("deals", "Deal", "hs_lastmodifieddate", "dealname", "amount:number", "dealstage", "pipeline",
                "closedate:datetime", "deal_currency_code", "hubspot_owner_id", "crossbill_billing_method",
                "crossbill_region", "crossbill_erp_customer_id", "crossbill_psa_project_id",
                "crossbill_expansion_flag:boolean", "crossbill_sync_key"),
        LINE_ITEM("line_items", "LineItem", "hs_lastmodifieddate", "name", "quantity:number", "price:number",
                "amount:number!", "hs_sku", "description", "recurringbillingfrequency");

        final String path;
        final String schemaName;
        /** Contacts keep their change time in {@code lastmodifieddate}, the others in {@code hs_lastmodifieddate}. */
        final String lastModified;
        final List<String> specs;

        CrmObject(String path, String schemaName, String lastModified, String... specs) {
            this.path = path;
            this.schemaName = schemaName;
            this.lastModified = lastModified;
            List<String> all = new ArrayList<>(List.of(specs));
            all.add("hs_object_id:integer!");
            all.add("createdate:datetime!");
            all.add(lastModified + ":datetime!");
            this.specs = List.copyOf(all);
        }

        /** The property names, for the {@code properties} parameter of reads. */
        List<String> propertyNames() {
            List<String> out = new ArrayList<>();
            for (String s : specs) {
                int colon = s.indexOf(':');
                out.add(colon < 0 ? s.replace("!", "") : s.substring(0, colon));
            }
            return out;
        }

        /**
         * By entity name as the engine and mapping use it: company/companies/Company, contact, deal,
         * line_item/LineItem; {@code null} when unknown.
         */
        static CrmObject of(String entity) {
            String e = entity == null ? "" : entity.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
            return switch (e) {
                case "company", "companies" -> COMPANY;
                case "contact", "contacts" -> CONTACT;
                case "deal", "deals" -> DEAL;
                case "lineitem", "lineitems" -> LINE_ITEM;
                default -> null;
            };
        }
    }

    private HubSpotSchemas() {
    }

    /** Company, Contact, Deal, LineItem. */
    public static ConnectorSchema crm() {
        List<Entity> entities = new ArrayList<>();
        for (CrmObject o : CrmObject.values()) {
            entities.add(entity(o));
        }
        return new ConnectorSchema(HubSpotCrmConnector.SYSTEM, entities);
    }

    static Entity entity(CrmObject o) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("id", Type.STRING, null, true));
        for (String s : o.specs) {
            boolean ro = s.endsWith("!");
            String t = ro ? s.substring(0, s.length() - 1) : s;
            int colon = t.indexOf(':');
            String name = colon < 0 ? t : t.substring(0, colon);
            Type type = switch (colon < 0 ? "string" : t.substring(colon + 1)) {
                case "number" -> Type.NUMBER;
                case "integer" -> Type.INTEGER;
                case "boolean" -> Type.BOOLEAN;
                case "datetime" -> Type.DATE_TIME;
                default -> Type.STRING;
            };
            fields.add(new Field("properties." + name, type, null, ro));
        }
        fields.add(new Field("createdAt", Type.DATE_TIME, null, true));
        fields.add(new Field("updatedAt", Type.DATE_TIME, null, true));
        fields.add(new Field("archived", Type.BOOLEAN, null, true));
        return new Entity(o.schemaName, "GET /crm/v3/objects/" + o.path, fields);
    }
}
