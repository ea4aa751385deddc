package io.crossbill.delivery.tests;

import io.crossbill.delivery.DeliveryOutcome;
import io.crossbill.delivery.DeliveryQueue;
import io.crossbill.engine.api.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An outbox in memory, for delivery tests that are not about the store. */
final class MemoryQueue implements DeliveryQueue {

    private final Map<Long, OutboxEntry> pending = new LinkedHashMap<>();
    private final Map<Long, DeliveryOutcome> recorded = new LinkedHashMap<>();
    private long nextId = 1;

    /** Adds a record with business reference {@code ref} for a system; its key is {@code key-<ref>}. */
    synchronized OutboxEntry add(String system, String ref) {
        byte[] payload = ("{\"reference\":\"" + ref + "\",\"hours\":8}").getBytes(StandardCharsets.UTF_8);
        OutboxEntry e = new OutboxEntry(nextId++, "key-" + ref, system, "TimeEntry", payload, 0, "lineage-" + ref);
        pending.put(e.id(), e);
        return e;
    }

    @Override
    public synchronized List<OutboxEntry> claim(String system, int max) {
        List<OutboxEntry> out = new ArrayList<>();
        for (var it = pending.values().iterator(); it.hasNext() && out.size() < max;) {
            OutboxEntry e = it.next();
            if (e.targetSystem().equals(system)) {
                out.add(e);
                it.remove();
            }
        }
        return out;
    }

    @Override
    public synchronized void record(List<DeliveryOutcome> outcomes) {
        for (DeliveryOutcome o : outcomes) {
            recorded.put(o.entry().id(), o);
            if (o.kind() == DeliveryOutcome.Kind.REQUEUED) {
                OutboxEntry e = o.entry();
                pending.put(e.id(), new OutboxEntry(e.id(), e.idempotencyKey(), e.targetSystem(), e.entity(),
                        e.payload(), o.attempts(), e.lineageId()));
            }
        }
    }

    synchronized DeliveryOutcome outcome(long id) {
        return recorded.get(id);
    }

    synchronized List<DeliveryOutcome> outcomes() {
        return List.copyOf(recorded.values());
    }
}
