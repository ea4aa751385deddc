package io.crossbill.delivery;

import io.crossbill.engine.api.OutboxEntry;
import java.util.List;

/**
 * The outbox as delivery needs it. Implemented over the store's outbox ({@code StoreDeliveryQueue}); a
 * small interface so delivery does not depend on how the outbox is kept.
 * <p>
 * Contract for exactly-once effect: an entry handed out by {@link #claim} and never {@linkplain #record
 * recorded} (the process died in between) must come back from {@code claim} in a later run with
 * {@code attempts() > 0}, because its write may have reached the target.
 */
public interface DeliveryQueue {

    /** Takes up to {@code max} pending entries for a system, oldest first; no other worker gets them. */
    List<OutboxEntry> claim(String system, int max);

    /** Records outcomes, with their exceptions, in one transaction. */
    void record(List<DeliveryOutcome> outcomes);
}
