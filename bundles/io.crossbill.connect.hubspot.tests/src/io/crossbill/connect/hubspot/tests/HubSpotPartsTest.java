package io.crossbill.connect.hubspot.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.connect.hubspot.HubSpotApiException;
import io.crossbill.connect.hubspot.HubSpotConnection;
import io.crossbill.connect.hubspot.HubSpotErrors;
import io.crossbill.connect.hubspot.RequestWindow;
import io.crossbill.engine.api.ExceptionClass;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** HubSpot's error bodies in plain words, Retry-After rules, the client-side window, the hidden token. */
class HubSpotPartsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T21:30:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);

    @Test
    void embeddedPropertyErrorsBecomeOneSentence() {
        String body = "{\"status\":\"error\",\"message\":\"Property values were not valid: [{\\\"isValid\\\":false,"
                + "\\\"message\\\":\\\"Property \\\\\\\"foo\\\\\\\" does not exist\\\",\\\"error\\\":"
                + "\\\"PROPERTY_DOESNT_EXIST\\\",\\\"name\\\":\\\"foo\\\"},{\\\"isValid\\\":false,\\\"message\\\":"
                + "\\\"12x was not a valid number.\\\",\\\"error\\\":\\\"INVALID_FLOAT\\\",\\\"name\\\":\\\"amount\\\"}]\","
                + "\"correlationId\":\"c-1\",\"category\":\"VALIDATION_ERROR\"}";
        assertEquals("Property \"foo\" does not exist; 12x was not a valid number", HubSpotErrors.message(body));
        HubSpotApiException e = HubSpotErrors.toException("update the deal 7", 400, body, null, WINDOW, NOW);
        assertEquals(ExceptionClass.VALIDATION, e.exceptionClass());
        assertEquals("HubSpot refused to update the deal 7: Property \"foo\" does not exist; 12x was not a valid"
                + " number (HTTP 400).", e.getMessage());
    }

    @Test
    void otherBadRequestsAreRejectedNotValidation() {
        HubSpotApiException e = HubSpotErrors.toException("search deals", 400,
                "{\"status\":\"error\",\"message\":\"Bad request\",\"category\":\"BAD_REQUEST\"}", null, WINDOW, NOW);
        assertEquals(ExceptionClass.REJECTED, e.exceptionClass());
        assertEquals("HubSpot refused to search deals: Bad request (HTTP 400).", e.getMessage());
    }

    @Test
    void rateLimitWaitsForRetryAfterOrTheWindowOrMidnight() {
        String tenSecondly = "{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling limit.\","
                + "\"errorType\":\"RATE_LIMIT\",\"policyName\":\"TEN_SECONDLY_ROLLING\",\"category\":\"RATE_LIMITS\"}";
        assertEquals(Duration.ofSeconds(4),
                HubSpotErrors.toException("read", 429, tenSecondly, "4", WINDOW, NOW).retryAfter());
        HubSpotApiException noHeader = HubSpotErrors.toException("read", 429, tenSecondly, null, WINDOW, NOW);
        assertEquals(ExceptionClass.RATE_LIMITED, noHeader.exceptionClass());
        assertEquals(WINDOW, noHeader.retryAfter(), "no Retry-After: wait out the rolling window");
        String daily = "{\"status\":\"error\",\"message\":\"You have reached your daily limit.\",\"errorType\":"
                + "\"RATE_LIMIT\",\"policyName\":\"DAILY\"}";
        HubSpotApiException d = HubSpotErrors.toException("read", 429, daily, null, WINDOW, NOW);
        assertEquals(Duration.ofMinutes(150), d.retryAfter(), "21:30 to midnight UTC");
        assertTrue(d.getMessage().contains("daily request limit"), d.getMessage());
        assertEquals(Duration.ofSeconds(30), HubSpotErrors.parseRetryAfter("Tue, 01 Dec 2026 21:30:30 GMT", NOW));
        assertNull(HubSpotErrors.parseRetryAfter("soon", NOW));
    }

    @Test
    void statusesMapToExceptionClasses() {
        assertEquals(ExceptionClass.AUTH, HubSpotErrors.toException("x", 401, "", null, WINDOW, NOW).exceptionClass());
        assertEquals(ExceptionClass.AUTH, HubSpotErrors.toException("x", 403, "{\"message\":\"This app hasn't been"
                + " granted all required scopes\",\"category\":\"MISSING_SCOPES\"}", null, WINDOW, NOW).exceptionClass());
        assertEquals(ExceptionClass.REFERENCE, HubSpotErrors.toException("x", 404, "", null, WINDOW, NOW)
                .exceptionClass());
        assertEquals(ExceptionClass.DUPLICATE, HubSpotErrors.toException("x", 409, "", null, WINDOW, NOW)
                .exceptionClass());
        assertEquals(ExceptionClass.CONNECTIVITY, HubSpotErrors.toException("x", 502, "<html>Bad gateway</html>", null,
                WINDOW, NOW).exceptionClass());
    }

    @Test
    void tokenNeverInToString() {
        HubSpotConnection c = new HubSpotConnection(URI.create("https://api.hubapi.com/"), () -> "pat-na1-secret");
        assertFalse(c.toString().contains("secret"));
        assertEquals("https://api.hubapi.com", c.base().toString());
        assertEquals(HubSpotConnection.HUBSPOT_API, HubSpotConnection.hubspot(() -> "t").base());
    }

    @Test
    void windowHoldsBackTheRequestOverTheLimit() throws Exception {
        RequestWindow w = new RequestWindow(2, Duration.ofMillis(200), Clock.systemUTC());
        long t0 = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            w.acquire();
            w.release();
        }
        assertTrue(System.nanoTime() - t0 < 150_000_000L, "the first two pass at once");
        w.acquire();
        w.release();
        assertTrue(System.nanoTime() - t0 >= 200_000_000L, "the third waits for the window");
    }
}
