package io.crossbill.connect.xero;

import io.crossbill.engine.api.ConnectorSchema;
import io.crossbill.engine.api.ConnectorSchema.Entity;
import io.crossbill.engine.api.ConnectorSchema.Field;
import io.crossbill.engine.api.ConnectorSchema.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The schemas of the Xero entities this bundle reads and writes, taken from the OpenAPI specs
 * ({@code xero_accounting.yaml}: Contact, Invoice, LineItem; {@code xero-projects.yaml}: Project, TimeEntry,
 * Amount). Only the fields the specs define; nested schemas this bundle does not handle (addresses, payments,
 * tracking) appear as OBJECT/ARRAY fields naming the spec schema.
 */
public final class XeroSchemas {
    private XeroSchemas() {
    }

    /** Xero Accounting: Contact, Invoice, LineItem. */
    public static ConnectorSchema accounting() {
        return new ConnectorSchema("xero", List.of(contact(), invoice(), lineItem()));
    }

    /** Xero Projects: Project, TimeEntry, Amount. */
    public static ConnectorSchema projects() {
        return new ConnectorSchema("xero-projects", List.of(project(), timeEntry(), amount()));
    }

    static Entity contact() {
        return new Entity("Contact", "GET /Contacts", fields(
                "ContactID:uuid", "MergedToContactID:uuid", "ContactNumber", "AccountNumber", "ContactStatus", "Name",
                "FirstName", "LastName", "CompanyNumber", "EmailAddress", "ContactPersons:[ContactPerson",
                "BankAccountDetails", "TaxNumber", "TaxNumberType", "AccountsReceivableTaxType",
                "AccountsPayableTaxType", "Addresses:[Address", "Phones:[Phone", "IsSupplier:boolean",
                "IsCustomer:boolean", "SalesDefaultLineAmountType", "PurchasesDefaultLineAmountType",
                "DefaultCurrency", "XeroNetworkKey", "SalesDefaultAccountCode", "PurchasesDefaultAccountCode",
                "SalesTrackingCategories:[SalesTrackingCategory", "PurchasesTrackingCategories:[SalesTrackingCategory",
                "TrackingCategoryName", "TrackingCategoryOption", "PaymentTerms:{PaymentTerm",
                "UpdatedDateUTC:datetime!", "ContactGroups:[ContactGroup", "Website!", "BrandingTheme:{BrandingTheme",
                "BatchPayments:{BatchPaymentDetails", "Discount:number!", "Balances:{Balances",
                "Attachments:[Attachment", "HasAttachments:boolean", "ValidationErrors:[ValidationError",
                "HasValidationErrors:boolean", "StatusAttributeString"));
    }

    static Entity invoice() {
        return new Entity("Invoice", "GET /Invoices", fields(
                "Type", "Contact:{Contact", "LineItems:[LineItem", "Date:date", "DueDate:date", "LineAmountTypes",
                "InvoiceNumber", "Reference", "BrandingThemeID:uuid", "Url", "CurrencyCode", "CurrencyRate:number",
                "Status", "SentToContact:boolean", "ExpectedPaymentDate:date", "PlannedPaymentDate:date",
                "CISDeduction:number!", "CISRate:number!", "SubTotal:number!", "TotalTax:number!", "Total:number!",
                "TotalDiscount:number!", "InvoiceID:uuid", "RepeatingInvoiceID:uuid", "HasAttachments:boolean!",
                "IsDiscounted:boolean!", "Payments:[Payment!", "Prepayments:[Prepayment!",
                "Overpayments:[Overpayment!", "AmountDue:number!", "AmountPaid:number!", "FullyPaidOnDate:date!",
                "AmountCredited:number!", "UpdatedDateUTC:datetime!", "UpdatedDateUTCString!", "CreditNotes:[CreditNote!",
                "Attachments:[Attachment", "HasErrors:boolean", "StatusAttributeString",
                "ValidationErrors:[ValidationError", "Warnings:[ValidationError", "InvoiceAddresses:[InvoiceAddress"));
    }

    static Entity lineItem() {
        return new Entity("LineItem", "Invoice.LineItems", fields(
                "LineItemID:uuid", "Description", "Quantity:number", "UnitAmount:number", "ItemCode", "AccountCode",
                "AccountID:uuid", "TaxType", "TaxAmount:number", "Item:{LineItemItem", "LineAmount:number",
                "Tracking:[LineItemTracking", "DiscountRate:number", "DiscountAmount:number",
                "RepeatingInvoiceID:uuid", "Taxability", "SalesTaxCodeId:number",
                "TaxBreakdown:[TaxBreakdownComponent"));
    }

    static Entity project() {
        return new Entity("Project", "GET /Projects", fields(
                "projectId:uuid", "contactId:uuid", "name", "currencyCode", "minutesLogged:integer",
                "totalTaskAmount:{Amount", "totalExpenseAmount:{Amount", "estimateAmount:{Amount",
                "minutesToBeInvoiced:integer", "taskAmountToBeInvoiced:{Amount", "taskAmountInvoiced:{Amount",
                "expenseAmountToBeInvoiced:{Amount", "expenseAmountInvoiced:{Amount",
                "projectAmountInvoiced:{Amount", "deposit:{Amount", "depositApplied:{Amount",
                "creditNoteAmount:{Amount", "deadlineUtc:datetime", "totalInvoiced:{Amount",
                "totalToBeInvoiced:{Amount", "estimate:{Amount", "status"));
    }

    static Entity timeEntry() {
        return new Entity("TimeEntry", "GET /Projects/{projectId}/Time", fields(
                "timeEntryId:uuid", "userId:uuid", "projectId:uuid", "taskId:uuid", "dateUtc:datetime",
                "dateEnteredUtc:datetime", "duration:integer", "description", "status"));
    }

    static Entity amount() {
        return new Entity("Amount", "Project.*Amount", fields("currency", "value:number"));
    }

    /**
     * Compact field specs: {@code name[:type][!]}, type one of uuid, integer, number, boolean, date,
     * datetime, {@code {Schema} (object) or {@code [Schema} (array); no type = string; {@code !} = read-only.
     */
    private static List<Field> fields(String... specs) {
        List<Field> out = new ArrayList<>();
        for (String s : specs) {
            boolean ro = s.endsWith("!");
            String t = ro ? s.substring(0, s.length() - 1) : s;
            int colon = t.indexOf(':');
            String name = colon < 0 ? t : t.substring(0, colon);
            String type = colon < 0 ? "string" : t.substring(colon + 1);
            Field f;
            if (type.startsWith("{")) {
                f = new Field(name, Type.OBJECT, type.substring(1), ro);
            } else if (type.startsWith("[")) {
                f = new Field(name, Type.ARRAY, type.substring(1), ro);
            } else {
                f = new Field(name, switch (type) {
                    case "uuid" -> Type.UUID;
                    case "integer" -> Type.INTEGER;
                    case "number" -> Type.NUMBER;
                    case "boolean" -> Type.BOOLEAN;
                    case "date" -> Type.DATE;
                    case "datetime" -> Type.DATE_TIME;
                    case "string" -> Type.STRING;
                    default -> throw new IllegalArgumentException(s);
                }, null, ro);
            }
            out.add(f);
        }
        return List.copyOf(out);
    }
}
