package io.crossbill.connect.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.connect.xero.XeroAccountingConnector;
import io.crossbill.connect.xero.XeroApiException;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.WriteResult;
import io.crossbill.sandbox.Faults;
import io.crossbill.sandbox.ManualClock;
import io.crossbill.sandbox.XeroSandbox;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every fault the sandbox can inject, on an invoice write: the write ends as a retry that succeeds with the same
 * Idempotency-Key (one invoice in Xero, the replayed one) or as a classified exception.
 */
class XeroWriteFaultsTest {
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(700);
    private static final Duration FAULT_DELAY = Duration.ofMillis(1500);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
    private XeroSandbox sandbox;
    private XeroAccountingConnector accounting;
    private String contactId;

    @BeforeEach
    void start() throws Exception {
        sandbox = XeroSandbox.builder().clock(clock).limits(5, 10_000, 100_000).build().start();
        XeroConnection c = new XeroConnection(sandbox.accountingBaseUrl(), sandbox.projectsBaseUrl(),
                sandbox.tenantId(), sandbox::token);
        accounting = new XeroAccountingConnector(new XeroClient(c, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build(), CLIENT_TIMEOUT, clock), 100);
        contactId = accounting.contacts(null, false).get(0).path("ContactID").asText();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private OutboxEntry invoice(String key, String reference, String contact) {
        String json = """
                {"Type":"ACCREC","Contact":{"ContactID":"%s"},"Date":"2026-12-01","Reference":"%s","Status":"DRAFT",
                 "CurrencyCode":"GBP","LineItems":[{"Description":"Consulting, November","Quantity":3,
                 "UnitAmount":950,"AccountCode":"200","TaxType":"OUTPUT2"}]}""".formatted(contact, reference);
        return new OutboxEntry(1, key, "xero", "Invoice", json.getBytes(StandardCharsets.UTF_8), 0, "lineage-" + key);
    }

    private void arm(Faults.Kind kind) {
        switch (kind) {
            case SLOW -> sandbox.faults().slow(1, FAULT_DELAY, "/Invoices");
            case SLOW_AFTER_WRITE -> sandbox.faults().slowAfterWrite(1, FAULT_DELAY, "/Invoices");
            default -> sandbox.faults().next(1, kind, "/Invoices");
        }
    }

    /** Sends the entry until it is DONE or FAILED, at most three times, as delivery would (without the waits). */
    private List<WriteResult> deliver(OutboxEntry entry) {
        List<WriteResult> results = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            WriteResult r = accounting.write(entry.withAttempts(attempt));
            results.add(r);
            if (r.outcome() != WriteResult.Outcome.RETRY) {
                break;
            }
        }
        return results;
    }

    @ParameterizedTest
    @EnumSource(Faults.Kind.class)
    void eachFaultOnAnInvoiceWriteEndsInOneInvoice(Faults.Kind kind) throws Exception {
        int before = sandbox.counts().get("invoices");
        String reference = "CB-FAULT-" + kind;
        arm(kind);
        List<WriteResult> results = deliver(invoice("key-" + kind, reference, contactId));

        WriteResult first = results.get(0);
        assertEquals(WriteResult.Outcome.RETRY, first.outcome(), kind + ": " + first.detail());
        assertEquals(kind == Faults.Kind.RATE_LIMIT ? ExceptionClass.RATE_LIMITED : ExceptionClass.CONNECTIVITY,
                first.failureClass(), kind + ": " + first.detail());
        WriteResult last = results.get(results.size() - 1);
        assertEquals(2, results.size(), kind + ": one retry is enough: " + results);
        assertEquals(WriteResult.Outcome.DONE, last.outcome(), kind + ": " + last.detail());
        if (kind == Faults.Kind.SLOW) {
            Thread.sleep(FAULT_DELAY.toMillis()); // let the held first request finish: it must not write again
        }
        assertEquals(before + 1, sandbox.counts().get("invoices"), kind + ": exactly one invoice");
        assertEquals(last.targetId(), accounting.findByReference("Invoice", reference).orElseThrow());
        assertEquals(0, sandbox.faults().pending());
    }

    @Test
    void droppedAnswerToARefusedWriteReplaysTheRefusal() {
        sandbox.faults().dropConnectionAfterWrite(1, "/Invoices");
        List<WriteResult> results = deliver(invoice("key-refused", "CB-REFUSED", "00000000-0000-0000-0000-000000000000"));
        assertEquals(2, results.size(), results.toString());
        assertEquals(WriteResult.Outcome.RETRY, results.get(0).outcome());
        assertTrue(results.get(0).detail().contains("may or may not have been made"), results.get(0).detail());
        WriteResult last = results.get(1);
        assertEquals(WriteResult.Outcome.FAILED, last.outcome(), last.detail());
        assertEquals(ExceptionClass.REJECTED, last.failureClass());
        assertTrue(last.detail().contains("does not exist"), last.detail());
    }

    @Test
    void faultsOnReadsAreClassifiedExceptions() {
        sandbox.faults().next(1, Faults.Kind.SERVER_ERROR, "/Invoices");
        XeroApiException e500 = assertThrows(XeroApiException.class, () -> accounting.invoices(null));
        assertEquals(ExceptionClass.CONNECTIVITY, e500.exceptionClass());
        assertEquals(500, e500.status());

        sandbox.faults().next(1, Faults.Kind.RATE_LIMIT, "/Invoices");
        XeroApiException e429 = assertThrows(XeroApiException.class, () -> accounting.invoices(null));
        assertEquals(ExceptionClass.RATE_LIMITED, e429.exceptionClass());
        assertEquals(Duration.ofSeconds(60), e429.retryAfter());

        sandbox.faults().next(1, Faults.Kind.MALFORMED_JSON, "/Invoices");
        XeroApiException garbled = assertThrows(XeroApiException.class, () -> accounting.invoices(null));
        assertEquals(ExceptionClass.CONNECTIVITY, garbled.exceptionClass());
        assertTrue(garbled.getMessage().contains("not readable JSON"), garbled.getMessage());

        sandbox.faults().slow(1, FAULT_DELAY, "/Invoices");
        XeroApiException late = assertThrows(XeroApiException.class, () -> accounting.invoices(null));
        assertEquals(ExceptionClass.CONNECTIVITY, late.exceptionClass());
        assertTrue(late.getMessage().contains("did not answer in time"), late.getMessage());
        assertTrue(accounting.invoices(null).size() >= 6, "and the next read works");
    }
}
