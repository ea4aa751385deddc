package io.crossbill.ui.operate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.crossbill.store.EngineDatabase;
import io.crossbill.store.Outbox;
import io.crossbill.store.Sagas;
import io.crossbill.store.StoreException;
import io.crossbill.store.StoredException;

/**
 * The records an exception touched, for its detail pane: the source record it was about, the outbox entry it
 * failed to deliver, and the records its workflow instance (saga) read or wrote on the way, step by step.
 */
public final class RecordsTouched {

	/**
	 * One record.
	 *
	 * @param system the system it lives in ({@code xero}, {@code hubspot}, {@code crossbill} for the outbox)
	 * @param what   what it is and what happened to it, e.g. "Deal (source record)", "customer step, DONE"
	 * @param id     its id in that system; {@code null} when none was recorded
	 * @param at     when it was touched; {@code null} when not recorded
	 */
	public record Record(String system, String what, String id, Instant at) {
	}

	private RecordsTouched() {
	}

	/** Reads the records (from the store, so off the UI thread). */
	public static List<Record> of(EngineDatabase db, StoredException e) {
		List<Record> records = new ArrayList<>();
		String source = e.entity() == null ? "record" : e.entity();
		records.add(new Record(e.system(), source + " (the record the exception is about"
				+ (e.lineageId() == null ? ")" : ", lineage " + e.lineageId() + ")"), e.businessKey(), e.createdAt()));
		if (e.outboxId() != null) {
			String state;
			try {
				Outbox.State s = db.outbox().state(e.outboxId());
				state = s.name();
			} catch (StoreException gone) {
				state = "no longer in the outbox";
			}
			records.add(new Record("crossbill", "outbox entry to " + e.system() + ", " + state,
					String.valueOf(e.outboxId()), null));
		}
		if (e.workflow() != null && e.businessKey() != null) {
			Optional<Sagas.Saga> saga = db.sagas().find(e.workflow(), e.businessKey());
			if (saga.isPresent()) {
				for (Sagas.Step step : db.sagas().steps(saga.get().id())) {
					records.add(new Record(step.system() == null ? "" : step.system(), step.step() + " step, "
							+ step.state() + (step.detail() == null ? "" : ": " + step.detail()), step.targetId(),
							step.at()));
				}
			}
		}
		return records;
	}
}
