package io.crossbill.ui.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crossbill.reconcile.MatchDecision;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ReviewRecords;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.snapshot.PeriodSnapshot;
import io.crossbill.workflow.snapshot.PeriodSnapshots;

/**
 * One period under review: the snapshot it is based on and its reconciliation, made once (about 2 s at a
 * million entries) and kept, so every review screen opens from it in milliseconds. Reads no network.
 *
 * @param snapshot   the snapshot reviewed, or {@code null} for a result made elsewhere (a live load, a benchmark)
 * @param result     its reconciliation, with the analyst's match decisions applied
 * @param exceptions the engine's exceptions as the snapshot saw them, by id
 * @param names      project and customer names by their keys (project id, {@code xero-contact:<id>})
 */
public record ReviewSession(PeriodSnapshot snapshot, ReconciliationResult result,
		Map<Long, PeriodLoader.ExceptionRow> exceptions, Map<String, String> names) {

	private static final DateTimeFormatter TAKEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
			.withZone(ZoneId.of("UTC"));

	/** Reconciles a snapshot with the decisions recorded for its period. Run it off the UI thread. */
	public static ReviewSession of(PeriodSnapshot snapshot, EngineDatabase db) {
		List<MatchDecision> decisions = new ReviewRecords(db).decisions(snapshot.period()).stream()
				.map(d -> d.confirmed() ? MatchDecision.confirm(d.suggestionId()) : MatchDecision.reject(d.suggestionId()))
				.toList();
		ReconciliationResult result = new Reconciler().reconcile(snapshot.input(), decisions);
		Map<Long, PeriodLoader.ExceptionRow> exceptions = new HashMap<>();
		for (PeriodLoader.ExceptionRow x : snapshot.records().engine().exceptions()) {
			exceptions.put(x.id(), x);
		}
		Map<String, String> names = new HashMap<>();
		snapshot.records().projects().forEach(p -> names.put(p.path("projectId").asText(), p.path("name").asText()));
		snapshot.records().contacts().forEach(c -> names.put("xero-contact:" + c.path("ContactID").asText(),
				c.path("Name").asText()));
		return new ReviewSession(snapshot, result, exceptions, names);
	}

	/** The newest snapshot of the newest period in a workspace, reconciled; empty when there is none. */
	public static Optional<ReviewSession> latest(Path workspace, EngineDatabase db) throws IOException {
		PeriodSnapshots snapshots = new PeriodSnapshots(workspace);
		for (YearMonth p : snapshots.periods()) {
			Optional<PeriodSnapshot> s = snapshots.latest(p);
			if (s.isPresent()) {
				return Optional.of(of(s.get(), db));
			}
		}
		return Optional.empty();
	}

	/** The name of a project or customer key, or the key itself when the snapshot does not name it. */
	public String name(String key) {
		return key == null ? "" : names.getOrDefault(key, key);
	}

	/** The period reviewed. */
	public YearMonth period() {
		return result.period().month();
	}

	/** "Data taken 1 Dec 2026 09:00 UTC": the line every review screen shows. */
	public String dataTakenLine() {
		return "Period " + period() + " \u2013 " + (snapshot == null ? "live data, no snapshot"
				: "data taken " + taken(snapshot.takenAt()) + " (snapshot, offline)");
	}

	/** A time as the review shows it. */
	public static String taken(Instant at) {
		return TAKEN.format(at);
	}
}
