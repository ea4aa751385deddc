package io.crossbill.workflow;

import io.crossbill.engine.api.ExceptionClass;
import java.time.Duration;

/** Classification of failures of connectors other than Xero's (HubSpot's, once wired in). */
final class Connectors {
    private Connectors() {
    }

    static ExceptionClass classOf(RuntimeException e) {
        return null;
    }

    static Duration retryAfter(RuntimeException e) {
        return null;
    }
}
