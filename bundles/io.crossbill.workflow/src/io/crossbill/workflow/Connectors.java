package io.crossbill.workflow;

import io.crossbill.connect.hubspot.HubSpotApiException;
import io.crossbill.engine.api.ExceptionClass;
import java.time.Duration;

/** Classification of failures of connectors other than Xero's. */
final class Connectors {
    private Connectors() {
    }

    static ExceptionClass classOf(RuntimeException e) {
        return e instanceof HubSpotApiException h ? h.exceptionClass() : null;
    }

    static Duration retryAfter(RuntimeException e) {
        return e instanceof HubSpotApiException h ? h.retryAfter() : null;
    }
}
