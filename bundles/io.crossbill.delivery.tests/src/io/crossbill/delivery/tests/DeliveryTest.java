package io.crossbill.delivery.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.delivery.Delivery;
import io.crossbill.delivery.DeliveryOutcome;
import io.crossbill.delivery.DeliveryOutcome.Kind;
import io.crossbill.delivery.Dispatcher;
import io.crossbill.delivery.SystemGates;
import io.crossbill.delivery.SystemLimits;
import io.crossbill.delivery.http.JsonHttpConnector;
import io.crossbill.delivery.tests.RecordServer.Fault;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.OutboxEntry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delivery against a real HTTP server on 127.0.0.1, with a clock that does not really wait. */
class DeliveryTest {

    private static final HttpClient CLIENT = JsonHttpConnector.defaultClient();

    private final FakeClock clock = new FakeClock();
    private final MemoryQueue queue = new MemoryQueue();
    private RecordServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static SystemLimits limits() {
        return SystemLimits.concurrencyOnly("xero", 5).withRetries(5, Duration.ofSeconds(1), Duration.ofMinutes(1), 0);
    }

    private Dispatcher.Counts deliver(boolean keyed, SystemLimits limits, URI target, Duration timeout, int workers)
            throws InterruptedException {
        JsonHttpConnector connector = new JsonHttpConnector(limits.system(), target, CLIENT, timeout, keyed, clock);
        Dispatcher dispatcher = new Dispatcher(queue, new SystemGates(s -> limits, clock),
                Delivery.Settings.of("time-to-billing"), 10);
        return dispatcher.drain(connector, workers);
    }

    private DeliveryOutcome deliverOne(boolean keyed, SystemLimits limits) throws InterruptedException {
        OutboxEntry e = queue.add(limits.system(), "TE-1");
        deliver(keyed, limits, server.baseUri(), Duration.ofSeconds(5), 1);
        return queue.outcome(e.id());
    }

    @Test
    void serverErrorsAreRetriedUntilTheWriteIsTakenOnce() throws Exception {
        server = new RecordServer(true).failNext(2, Fault.SERVER_ERROR);
        DeliveryOutcome o = deliverOne(true, limits());
        assertEquals(Kind.SENT, o.kind());
        assertEquals(3, o.attempts());
        assertNotNull(o.targetId());
        assertEquals(1, server.effects("TE-1"));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), clock.sleeps(), "exponential backoff");
    }

    @Test
    void lostAnswerIsResentWithTheSameKeyAndCreatesNothingTwice() throws Exception {
        server = new RecordServer(true).failNext(1, Fault.EFFECT_THEN_ERROR);
        DeliveryOutcome o = deliverOne(true, limits());
        assertEquals(Kind.SENT, o.kind());
        assertEquals(2, server.posts(), "re-sent with the same key");
        assertEquals(1, server.effects("TE-1"));
    }

    @Test
    void withoutKeySupportALostAnswerIsLookedUpInsteadOfResent() throws Exception {
        server = new RecordServer(false).failNext(1, Fault.EFFECT_THEN_ERROR);
        DeliveryOutcome o = deliverOne(false, limits());
        assertEquals(Kind.SENT, o.kind());
        assertEquals(1, server.posts(), "found by reference, not written again");
        assertEquals(1, server.effects("TE-1"));
        assertTrue(o.answer().contains("Found in xero by reference"), o.answer());
    }

    @Test
    void withoutKeySupportARateLimitRefusalIsNotLookedUp() throws Exception {
        server = new RecordServer(false).failNext(1, Fault.TOO_MANY_REQUESTS, "2").failNext(1, Fault.SERVER_ERROR);
        DeliveryOutcome o = deliverOne(false, limits());
        assertEquals(Kind.SENT, o.kind());
        assertEquals(3, server.posts());
        assertEquals(1, server.lookups(), "only after the 500, which may have been taken");
        assertEquals(1, server.effects("TE-1"));
    }

    @Test
    void withoutKeySupportAnEntryTriedBeforeIsLookedUpFirst() throws Exception {
        server = new RecordServer(false);
        // an earlier run wrote it and died before recording the answer
        OutboxEntry first = queue.add("xero", "TE-7");
        deliver(false, limits(), server.baseUri(), Duration.ofSeconds(5), 1);
        assertEquals(1, server.effects("TE-7"));
        queue.record(List.of(new DeliveryOutcome(first, Kind.REQUEUED, 1, null, null, null)));
        deliver(false, limits(), server.baseUri(), Duration.ofSeconds(5), 1);
        assertEquals(Kind.SENT, queue.outcome(first.id()).kind());
        assertEquals(1, server.posts());
        assertEquals(1, server.effects("TE-7"));
    }

    @Test
    void timeoutAfterTheEffectIsRetriedWithoutDoubling() throws Exception {
        server = new RecordServer(true).hangMillis(3_000).failNext(1, Fault.EFFECT_THEN_HANG);
        OutboxEntry e = queue.add("xero", "TE-2");
        deliver(true, limits(), server.baseUri(), Duration.ofMillis(300), 1);
        assertEquals(Kind.SENT, queue.outcome(e.id()).kind());
        assertEquals(1, server.effects("TE-2"));
    }

    @Test
    void retryAfterInSecondsIsWaitedAtLeast() throws Exception {
        server = new RecordServer(true).failNext(1, Fault.TOO_MANY_REQUESTS, "7");
        DeliveryOutcome o = deliverOne(true, limits());
        assertEquals(Kind.SENT, o.kind());
        assertTrue(clock.totalSlept().compareTo(Duration.ofSeconds(7)) >= 0, "waited " + clock.sleeps());
    }

    @Test
    void retryAfterAsHttpDateIsWaitedAtLeast() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.now().plusSeconds(90).atZone(ZoneOffset.UTC));
        server = new RecordServer(true).failNext(1, Fault.TOO_MANY_REQUESTS, date);
        DeliveryOutcome o = deliverOne(true, limits());
        assertEquals(Kind.SENT, o.kind());
        assertTrue(clock.totalSlept().compareTo(Duration.ofSeconds(90)) >= 0, "waited " + clock.sleeps());
    }

    @Test
    void kantataStyle429WithoutRetryAfterBacksOffExponentially() throws Exception {
        server = new RecordServer(true).failNext(3, Fault.TOO_MANY_REQUESTS);
        DeliveryOutcome o = deliverOne(true, limits());
        assertEquals(Kind.SENT, o.kind());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), clock.sleeps());
    }

    @Test
    void salesforceRequestLimitExceededIsRetried() throws Exception {
        server = new RecordServer(true).failNext(2, Fault.REQUEST_LIMIT_EXCEEDED);
        DeliveryOutcome o = deliverOne(true, limits());
        assertEquals(Kind.SENT, o.kind());
        assertEquals(3, server.posts());
        assertEquals(1, server.effects("TE-1"));
    }

    @Test
    void validationErrorBecomesRejectedWithTheVendorsMessageAndIsNotRetried() throws Exception {
        server = new RecordServer(true).failNext(1, Fault.VALIDATION_ERROR, "Hours must be greater than zero");
        DeliveryOutcome o = deliverOne(true, limits());
        assertEquals(Kind.FAILED, o.kind());
        assertEquals(ExceptionClass.REJECTED, o.exception().exceptionClass());
        assertTrue(o.exception().cause().contains("Hours must be greater than zero"), o.exception().cause());
        assertTrue(o.exception().cause().startsWith("xero refused the write (HTTP 400)"), o.exception().cause());
        assertNotNull(o.exception().suggestedFix());
        assertEquals(1, server.posts());
        assertEquals(0, server.effects("TE-1"));
    }

    @Test
    void refusedCredentialsBecomeAuthAndAreNotRetried() throws Exception {
        server = new RecordServer(true).failNext(1, Fault.UNAUTHORIZED);
        DeliveryOutcome o = deliverOne(true, limits());
        assertEquals(Kind.FAILED, o.kind());
        assertEquals(ExceptionClass.AUTH, o.exception().exceptionClass());
        assertEquals(1, server.posts());
    }

    @Test
    void spentBudgetDeadLettersAsConnectivity() throws Exception {
        server = new RecordServer(true).failNext(50, Fault.SERVER_ERROR);
        DeliveryOutcome o = deliverOne(true, limits());
        assertEquals(Kind.DEAD, o.kind());
        assertEquals(ExceptionClass.CONNECTIVITY, o.exception().exceptionClass());
        assertEquals(5, o.attempts());
        assertEquals(5, server.posts());
        assertTrue(o.exception().cause().startsWith("Gave up after 5 attempts"), o.exception().cause());
    }

    @Test
    void spentBudgetOnRateLimitsDeadLettersAsRateLimited() throws Exception {
        server = new RecordServer(true).failNext(50, Fault.TOO_MANY_REQUESTS, "3");
        DeliveryOutcome o = deliverOne(true, limits());
        assertEquals(Kind.DEAD, o.kind());
        assertEquals(ExceptionClass.RATE_LIMITED, o.exception().exceptionClass());
        assertEquals(5, server.posts());
    }

    @Test
    void budgetCountsAttemptsOfEarlierRuns() throws Exception {
        server = new RecordServer(true).failNext(50, Fault.SERVER_ERROR);
        OutboxEntry e = queue.add("xero", "TE-3");
        queue.claim("xero", 1);
        queue.record(List.of(new DeliveryOutcome(e, Kind.REQUEUED, 4, null, null, null)));
        deliver(true, limits(), server.baseUri(), Duration.ofSeconds(5), 1);
        assertEquals(Kind.DEAD, queue.outcome(e.id()).kind());
        assertEquals(1, server.posts(), "4 of 5 attempts were spent before");
    }

    @Test
    void unreadableAnswerBecomesAClearException() throws Exception {
        server = new RecordServer(true).failNext(1, Fault.GARBAGE);
        DeliveryOutcome o = deliverOne(true, limits());
        assertEquals(Kind.FAILED, o.kind());
        assertTrue(o.exception().cause().contains("answer could not be read"), o.exception().cause());
        assertTrue(o.exception().detail().contains("<<not json>>"), o.exception().detail());
        assertEquals(1, server.posts(), "not retried: the write may have been made");
    }

    @Test
    void refusedConnectionIsRetriedThenDeadLettered() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        OutboxEntry e = queue.add("xero", "TE-4");
        deliver(true, limits(), URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(2), 1);
        DeliveryOutcome o = queue.outcome(e.id());
        assertEquals(Kind.DEAD, o.kind());
        assertEquals(ExceptionClass.CONNECTIVITY, o.exception().exceptionClass());
        assertTrue(o.exception().cause().contains("could not connect"), o.exception().cause());
    }

    @Test
    void concurrencyLimitHoldsForAllWorkersOfASystem() throws Exception {
        server = new RecordServer(true).delay(25);
        for (int i = 0; i < 60; i++) {
            queue.add("xero", "TE-" + i);
        }
        Dispatcher.Counts c = deliver(true, limits().withMaxConcurrent(3), server.baseUri(), Duration.ofSeconds(5), 10);
        assertEquals(60, c.sent());
        assertTrue(server.maxInFlight() <= 3, "in flight at once: " + server.maxInFlight());
        assertEquals(60, server.distinctEffects());
        assertTrue(server.doubled().isEmpty());
    }

    @Test
    void rateLimitSpacesRequests() throws Exception {
        server = new RecordServer(true);
        for (int i = 0; i < 5; i++) {
            queue.add("xero", "TE-" + i);
        }
        SystemLimits xero = SystemLimits.forVendor("xero");
        assertEquals(60, xero.requests());
        assertEquals(5, xero.maxConcurrent());
        deliver(true, xero, server.baseUri(), Duration.ofSeconds(5), 1);
        // 60 a minute, evenly: the fifth request is reserved about four seconds after the first
        Duration longest = clock.sleeps().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        assertTrue(longest.compareTo(Duration.ofMillis(3_500)) >= 0, "waits " + clock.sleeps());
        assertEquals(5, server.distinctEffects());
    }

    @Test
    void successRecordsNoException() throws Exception {
        server = new RecordServer(true);
        DeliveryOutcome o = deliverOne(true, limits());
        assertEquals(Kind.SENT, o.kind());
        assertNull(o.exception());
        assertEquals(1, o.attempts());
        assertTrue(clock.sleeps().isEmpty());
    }
}
