package io.crossbill.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.sandbox.Faults;
import io.crossbill.sandbox.XeroSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The faults that hit after a write was applied (dropped connection, late answer) and the slow answer before
 * it, seen by a plain HTTP client with a short timeout.
 */
class WriteFaultsSandboxTest {
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(400);
    private static final Duration FAULT_DELAY = Duration.ofMillis(1500);
    private static final String CONTACT = "{\"Name\":\"Fault Line Ltd\"}";

    private XeroSandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        sandbox = XeroSandbox.builder().limits(5, 10_000, 100_000).build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> put(String path, String body, String key) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(sandbox.accountingBaseUrl() + path)).timeout(CLIENT_TIMEOUT)
                .header("Authorization", "Bearer " + sandbox.token()).header("Xero-Tenant-Id", sandbox.tenantId())
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private int contacts() {
        return sandbox.counts().get("contacts");
    }

    @Test
    void droppedConnectionComesAfterTheWriteAndTheKeyReplaysIt() throws Exception {
        int before = contacts();
        sandbox.faults().dropConnectionAfterWrite(1, "/Contacts");
        IOException dropped = assertThrows(IOException.class, () -> put("/Contacts", CONTACT, "drop-1"));
        assertFalse(dropped instanceof HttpTimeoutException, "closed at once, not timed out: " + dropped);
        assertEquals(before + 1, contacts(), "the write was applied before the connection closed");

        HttpResponse<String> replay = put("/Contacts", CONTACT, "drop-1");
        assertEquals(200, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("Fault Line Ltd"), replay.body());
        assertEquals(before + 1, contacts(), "the replay has no second effect");
        assertEquals(0, sandbox.faults().pending());
    }

    @Test
    void lateAnswerTimesTheClientOutAfterTheWriteWasMade() throws Exception {
        int before = contacts();
        sandbox.faults().slowAfterWrite(1, FAULT_DELAY, "/Contacts");
        long t0 = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> put("/Contacts", CONTACT, "late-1"));
        assertTrue(System.nanoTime() - t0 < FAULT_DELAY.toNanos(), "the client gave up before the answer came");
        assertEquals(before + 1, contacts(), "applied before the answer was held");

        HttpResponse<String> replay = put("/Contacts", CONTACT, "late-1");
        assertEquals(200, replay.statusCode(), replay.body());
        assertEquals(before + 1, contacts());
    }

    @Test
    void slowAnswerTimesTheClientOutBeforeTheWriteIsMade() throws Exception {
        int before = contacts();
        sandbox.faults().slow(1, FAULT_DELAY, "/Contacts");
        assertThrows(HttpTimeoutException.class, () -> put("/Contacts", CONTACT, "slow-1"));
        assertEquals(before, contacts(), "held before it was applied");
        HttpResponse<String> retry = put("/Contacts", CONTACT, "slow-1");
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(before + 1, contacts());
        Thread.sleep(FAULT_DELAY.toMillis());
        assertEquals(before + 1, contacts(), "the held request, applied late, replays the first answer");
    }

    @Test
    void faultsAreArmedWithCheckedArguments() {
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().slow(1, Duration.ofSeconds(-1), null));
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().next(-1, Faults.Kind.SLOW, null));
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().next(1, null, null));
        assertEquals(0, sandbox.faults().pending());
    }
}
