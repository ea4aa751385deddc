package io.crossbill.connect.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.api.ConnectorSchema;
import io.crossbill.connect.xero.XeroApiException;
import io.crossbill.connect.xero.XeroDates;
import io.crossbill.connect.xero.XeroErrors;
import io.crossbill.connect.xero.XeroSchemas;
import io.crossbill.engine.api.ExceptionClass;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Dates, error wording and schemas, without a server. */
class XeroPartsTest {

    @Test
    void xeroDatesParse() {
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), XeroDates.parse("/Date(1793491200000+0000)/"));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), XeroDates.parse("/Date(1793491200000)/"));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), XeroDates.parse("/Date(1793491200000+1300)/"),
                "the offset is the organisation's; the milliseconds are UTC");
        assertEquals(ZoneOffset.ofHours(13), XeroDates.offset("/Date(1793491200000+1300)/"));
        assertEquals(ZoneOffset.ofHoursMinutes(-3, -30), XeroDates.offset("/Date(0-0330)/"));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), XeroDates.parse("2026-11-01T00:00:00"));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), XeroDates.parse("2026-11-01"));
        assertEquals("/Date(1793491200000+0000)/", XeroDates.format(Instant.parse("2026-11-01T00:00:00Z")));
        assertNull(XeroDates.parse(null));
        assertThrows(IllegalArgumentException.class, () -> XeroDates.parse("yesterday"));
    }

    @Test
    void validationErrorsBecomeOneSentence() {
        String body = """
                {"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred",
                 "Elements":[{"Type":"ACCREC","ValidationErrors":[{"Message":"Invoice # must be unique."},
                   {"Message":"Account code '999' is not a valid code for this document."}]},
                  {"ValidationErrors":[{"Message":"Invoice # must be unique."}]}]}""";
        assertEquals("Invoice # must be unique; Account code '999' is not a valid code for this document",
                XeroErrors.message(body));
        XeroApiException e = XeroErrors.toException("create the Invoice", 400, body, null, null, Instant.EPOCH);
        assertEquals(ExceptionClass.REJECTED, e.exceptionClass());
        assertTrue(e.getMessage().startsWith("Xero refused to create the Invoice: Invoice # must be unique;"));
        assertEquals("projectId: Time cannot be logged against a closed project",
                XeroErrors.message("{\"message\":\"The request is invalid.\",\"modelState\":{\"projectId\":"
                        + "[\"Time cannot be logged against a closed project.\"]}}"));
        assertEquals("Unexpected end", XeroErrors.message(
                "{\"ErrorNumber\":14,\"Type\":\"PostDataInvalidException\",\"Message\":\"Unexpected end\"}"));
    }

    @Test
    void statusesMapToExceptionClasses() {
        XeroApiException rl = XeroErrors.toException("read /Contacts", 429, "", "17", "day", Instant.EPOCH);
        assertEquals(ExceptionClass.RATE_LIMITED, rl.exceptionClass());
        assertEquals(Duration.ofSeconds(17), rl.retryAfter());
        assertTrue(rl.getMessage().contains("day limit"), rl.getMessage());
        assertEquals(Duration.ofSeconds(30), XeroErrors.parseRetryAfter("Thu, 01 Jan 1970 00:00:30 GMT",
                Instant.EPOCH));
        assertEquals(ExceptionClass.AUTH, XeroErrors.toException("x", 401, null, null, null, Instant.EPOCH)
                .exceptionClass());
        assertEquals(ExceptionClass.AUTH, XeroErrors.toException("x", 403, null, null, null, Instant.EPOCH)
                .exceptionClass());
        assertEquals(ExceptionClass.CONNECTIVITY, XeroErrors.toException("x", 500, null, null, null, Instant.EPOCH)
                .exceptionClass());
        assertEquals(ExceptionClass.CONNECTIVITY, XeroErrors.toException("x", 503, null, "5", null, Instant.EPOCH)
                .exceptionClass());
        assertEquals(ExceptionClass.REFERENCE, XeroErrors.toException("x", 404, null, null, null, Instant.EPOCH)
                .exceptionClass());
    }

    @Test
    void schemasFollowTheSpecs() {
        ConnectorSchema acc = XeroSchemas.accounting();
        assertEquals(java.util.List.of("Contact", "Invoice", "LineItem", "CreditNote", "Item", "Purchase", "TaxRate",
                "TaxComponent", "Currency"), acc.entities().stream().map(ConnectorSchema.Entity::name).toList());
        assertEquals(ConnectorSchema.Type.UUID, acc.entity("CreditNote").orElseThrow().field("CreditNoteID")
                .orElseThrow().type());
        assertEquals("Purchase", acc.entity("Item").orElseThrow().field("SalesDetails").orElseThrow().of());
        assertTrue(acc.entity("TaxRate").orElseThrow().field("EffectiveRate").orElseThrow().readOnly());
        ConnectorSchema.Entity invoice = acc.entity("Invoice").orElseThrow();
        assertEquals(ConnectorSchema.Type.ARRAY, invoice.field("LineItems").orElseThrow().type());
        assertEquals("LineItem", invoice.field("LineItems").orElseThrow().of());
        assertTrue(invoice.field("Total").orElseThrow().readOnly());
        assertEquals(ConnectorSchema.Type.UUID, invoice.field("InvoiceID").orElseThrow().type());
        assertEquals(43, acc.entity("Contact").orElseThrow().fields().size(), "as many as the spec defines");
        assertEquals(42, invoice.fields().size());
        assertEquals(18, acc.entity("LineItem").orElseThrow().fields().size());
        ConnectorSchema pr = XeroSchemas.projects();
        ConnectorSchema.Entity time = pr.entity("TimeEntry").orElseThrow();
        assertEquals(9, time.fields().size());
        assertEquals(ConnectorSchema.Type.INTEGER, time.field("duration").orElseThrow().type());
        assertEquals(ConnectorSchema.Type.DATE_TIME, time.field("dateUtc").orElseThrow().type());
        assertEquals(22, pr.entity("Project").orElseThrow().fields().size());
    }
}
