package io.crossbill.delivery.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.delivery.DeliveryOutcome;
import io.crossbill.delivery.RetryAfter;
import io.crossbill.delivery.http.HttpAnswers;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.WriteResult;
import io.crossbill.engine.api.WriteResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How targets' answers are read: what is retried, what is final, and in what words. */
class AnswersTest {

    private static final Instant NOW = Instant.parse("2025-03-31T12:00:00Z");

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(" 120 ", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Mon, 31 Mar 2025 12:00:30 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Mon, 31 Mar 2025 11:00:00 GMT", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
    }

    @Test
    void transientAnswersAreRetried() {
        WriteResult r429 = HttpAnswers.classify("xero", 429, "60", "", NOW);
        assertEquals(Outcome.RETRY, r429.outcome());
        assertEquals(ExceptionClass.RATE_LIMITED, r429.failureClass());
        assertEquals(Duration.ofSeconds(60), r429.retryAfter());
        WriteResult kantata = HttpAnswers.classify("kantata", 429, null, "", NOW);
        assertEquals(Outcome.RETRY, kantata.outcome());
        assertNull(kantata.retryAfter());
        WriteResult sf = HttpAnswers.classify("salesforce", 403, null,
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]", NOW);
        assertEquals(ExceptionClass.RATE_LIMITED, sf.failureClass());
        assertEquals(Outcome.RETRY, sf.outcome());
        assertEquals(Outcome.RETRY, HttpAnswers.classify("x", 503, null, "<html/>", NOW).outcome());
        assertEquals(Outcome.RETRY, HttpAnswers.classify("x", 502, null, null, NOW).outcome());
    }

    @Test
    void finalAnswersSayWhatTheVendorSaid() {
        WriteResult sfInvalid = HttpAnswers.classify("salesforce", 400, null,
                "[{\"message\":\"Amount: value not of required type\",\"errorCode\":\"INVALID_FIELD\"}]", NOW);
        assertEquals(Outcome.FAILED, sfInvalid.outcome());
        assertEquals(ExceptionClass.REJECTED, sfInvalid.failureClass());
        assertEquals("salesforce refused the write (HTTP 400): Amount: value not of required type.",
                DeliveryOutcome.plainMessage(sfInvalid.detail()));
        WriteResult denied = HttpAnswers.classify("salesforce", 403, null,
                "[{\"message\":\"Insufficient access\",\"errorCode\":\"INSUFFICIENT_ACCESS\"}]", NOW);
        assertEquals(ExceptionClass.AUTH, denied.failureClass());
        assertEquals(ExceptionClass.DUPLICATE, HttpAnswers.classify("x", 409, null, "{}", NOW).failureClass());
    }

    @Test
    void successNeedsARecordId() {
        WriteResult ok = HttpAnswers.classify("x", 201, null, "{\"Id\": 42}", NOW);
        assertEquals(Outcome.DONE, ok.outcome());
        assertEquals("42", ok.targetId());
        WriteResult noId = HttpAnswers.classify("x", 200, null, "{\"status\":\"ok\"}", NOW);
        assertEquals(Outcome.FAILED, noId.outcome());
        assertTrue(noId.detail().contains("could not be read"));
    }
}
