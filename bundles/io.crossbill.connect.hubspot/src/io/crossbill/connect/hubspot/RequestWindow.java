package io.crossbill.connect.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A client-side rolling limit: at most {@code max} requests in any {@code window}. A request holds a place while
 * it is in flight and is counted from the moment its answer arrived, so the server, which counts a request when
 * it sees it, never sees more than {@code max} in its own window. {@link #acquire()} waits for a place.
 * <p>
 * Needs a clock that moves (the system clock); on a stopped test clock a full window never frees.
 */
public final class RequestWindow {
    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> done = new ArrayDeque<>();
    private int inFlight;

    public RequestWindow(int max, Duration window, Clock clock) {
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a request window needs max >= 1 and a positive duration");
        }
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** HubSpot's general limit: 190 requests per rolling 10 seconds. */
    public static RequestWindow hubspotDefault() {
        return new RequestWindow(190, Duration.ofSeconds(10), Clock.systemUTC());
    }

    /** HubSpot's search endpoints: 5 requests per second. */
    public static RequestWindow hubspotSearch() {
        return new RequestWindow(5, Duration.ofSeconds(1), Clock.systemUTC());
    }

    public int max() {
        return max;
    }

    public Duration window() {
        return window;
    }

    /** Waits until a request may be sent and takes its place; pair with {@link #release()}. */
    public synchronized void acquire() throws InterruptedException {
        while (true) {
            Instant now = clock.instant();
            while (!done.isEmpty() && !done.peekFirst().isAfter(now.minus(window))) {
                done.removeFirst();
            }
            if (done.size() + inFlight < max) {
                inFlight++;
                return;
            }
            long waitMillis = done.isEmpty() ? window.toMillis()
                    : Duration.between(now, done.peekFirst().plus(window)).toMillis() + 1;
            wait(Math.max(1, waitMillis));
        }
    }

    /** The request's answer arrived (or it failed): it counts from now. */
    public synchronized void release() {
        if (inFlight > 0) {
            inFlight--;
        }
        done.addLast(clock.instant());
        notifyAll();
    }
}
