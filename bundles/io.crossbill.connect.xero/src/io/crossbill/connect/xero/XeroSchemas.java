package io.crossbill.connect.xero;

import io.crossbill.engine.api.ConnectorSchema;
import io.crossbill.engine.api.ConnectorSchema.Entity;
import io.crossbill.engine.api.ConnectorSchema.Field;
import io.crossbill.engine.api.ConnectorSchema.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The schemas of the Xero entities this bundle reads and writes, taken from the OpenAPI specs
 * ({@code xero_accounting.yaml}: Contact, Invoice, LineItem, CreditNote, Item, Purchase, TaxRate, TaxComponent,
 * Currency; {@code xero-projects.yaml}: Project, Task, TimeEntry, Amount). Only the fields the specs define; nested schemas this bundle does not handle (addresses, payments,
 * tracking) appear as OBJECT/ARRAY fields naming the spec schema.
 */
public final class XeroSchemas {
    private XeroSchemas() {
    }

    /**
     * Xero Accounting: Contact, Invoice, LineItem, CreditNote, Item, Purchase (an item's sales and purchase
     * details), TaxRate, TaxComponent, Currency.
     */
    public static ConnectorSchema accounting() {
        return new ConnectorSchema("xero", List.of(contact(), invoice(), lineItem(), creditNote(), item(), purchase(),
                taxRate(), taxComponent(), currency()));
    }

    /** Xero Projects: Project, Task, TimeEntry, Amount. */
    public static ConnectorSchema projects() {
        return new ConnectorSchema("xero-projects", List.of(project(), task(), timeEntry(), amount()));
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

    static Entity creditNote() {
        return new Entity("CreditNote", "GET /CreditNotes", fields(
                "Type", "Contact:{Contact", "Date:date", "DueDate:date", "Status", "LineAmountTypes",
                "LineItems:[LineItem", "SubTotal:number", "TotalTax:number", "Total:number", "CISDeduction:number!",
                "CISRate:number!", "UpdatedDateUTC:datetime!", "UpdatedDateUTCString!", "CurrencyCode",
                "FullyPaidOnDate:date", "CreditNoteID:uuid", "CreditNoteNumber", "Reference", "SentToContact:boolean!",
                "CurrencyRate:number", "RemainingCredit:number", "Allocations:[Allocation", "AppliedAmount:number",
                "Payments:[Payment", "BrandingThemeID:uuid", "StatusAttributeString", "HasAttachments:boolean",
                "HasErrors:boolean", "ValidationErrors:[ValidationError", "Warnings:[ValidationError",
                "InvoiceAddresses:[InvoiceAddress"));
    }

    static Entity item() {
        return new Entity("Item", "GET /Items", fields(
                "Code", "InventoryAssetAccountCode", "Name", "IsSold:boolean", "IsPurchased:boolean", "Description",
                "PurchaseDescription", "PurchaseDetails:{Purchase", "SalesDetails:{Purchase",
                "IsTrackedAsInventory:boolean", "TotalCostPool:number", "QuantityOnHand:number",
                "UpdatedDateUTC:datetime!", "ItemID:uuid", "StatusAttributeString", "ValidationErrors:[ValidationError"));
    }

    static Entity purchase() {
        return new Entity("Purchase", "Item.SalesDetails, Item.PurchaseDetails", fields(
                "UnitPrice:number", "AccountCode", "COGSAccountCode", "TaxType"));
    }

    static Entity taxRate() {
        return new Entity("TaxRate", "GET /TaxRates", fields(
                "Name", "TaxType", "TaxComponents:[TaxComponent", "Status", "ReportTaxType", "CanApplyToAssets:boolean!",
                "CanApplyToEquity:boolean!", "CanApplyToExpenses:boolean!", "CanApplyToLiabilities:boolean!",
                "CanApplyToRevenue:boolean!", "DisplayTaxRate:number!", "EffectiveRate:number!"));
    }

    static Entity taxComponent() {
        return new Entity("TaxComponent", "TaxRate.TaxComponents", fields(
                "Name", "Rate:number", "IsCompound:boolean", "IsNonRecoverable:boolean"));
    }

    static Entity currency() {
        return new Entity("Currency", "GET /Currencies", fields("Code", "Description"));
    }

    static Entity task() {
        return new Entity("Task", "GET /Projects/{projectId}/Tasks", fields(
                "taskId:uuid", "name", "rate:{Amount", "chargeType", "estimateMinutes:integer", "projectId:uuid",
                "totalMinutes:integer", "totalAmount:{Amount", "minutesInvoiced:integer", "minutesToBeInvoiced:integer",
                "fixedMinutes:integer", "nonChargeableMinutes:integer", "amountToBeInvoiced:{Amount",
                "amountInvoiced:{Amount", "status"));
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
