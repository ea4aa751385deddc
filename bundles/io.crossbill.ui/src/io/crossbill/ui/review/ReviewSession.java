package io.crossbill.ui.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crossbill.reconcile.MatchDecision;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ReviewRecords;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.snapshot.PeriodSnapshot;
import io.crossbill.workflow.snapshot.PeriodSnapshots;
import io.crossbill.workflow.snapshot.SnapshotReview;

/**
 * One period under review: the snapshot it is based on and its reconciliation. The reconciliation is kept beside
 * the snapshot ({@link SnapshotReview}), so reviewing a snapshot again reads it (the breaks of a million-entry
 * period in a fraction of a second, the records behind them following in the background) instead of reconciling.
 * Reads no network.
 *
 * @param snapshot   the snapshot reviewed, or {@code null} for a result made elsewhere (a live load, a benchmark)
 * @param result     its reconciliation, with the analyst's match decisions applied
 * @param exceptions the engine's exceptions as the snapshot saw them, by id
 * @param names      project and customer names by their keys (project id, {@code xero-contact:<id>})
 * @param reviewed   how the reconciliation was obtained (kept or made now), or {@code null} without a snapshot
 */
public record ReviewSession(PeriodSnapshot snapshot, ReconciliationResult result,
		Map<Long, PeriodLoader.ExceptionRow> exceptions, Map<String, String> names, SnapshotReview.Reviewed reviewed) {

	private static final DateTimeFormatter TAKEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
			.withZone(ZoneId.of("UTC"));

	/**
	 * The review of a snapshot with the decisions recorded for its period: the kept one when it matches, else
	 * reconciled now and kept. Run it off the UI thread.
	 */
	public static ReviewSession of(PeriodSnapshot snapshot, EngineDatabase db) {
		return of(SnapshotReview.open(snapshot, decisions(snapshot.period(), db)));
	}

	/** After a match decision: this session's input reconciled again with the period's decisions, and kept. */
	public ReviewSession redecided(EngineDatabase db) {
		if (reviewed == null) {
			throw new IllegalStateException("A review without a snapshot is not reconciled again here.");
		}
		return of(SnapshotReview.redecide(reviewed, decisions(period(), db)));
	}

	private static ReviewSession of(SnapshotReview.Reviewed r) {
		return new ReviewSession(r.snapshot(), r.result(), r.exceptions(), r.names(), r);
	}

	private static List<MatchDecision> decisions(YearMonth period, EngineDatabase db) {
		return new ReviewRecords(db).decisions(period).stream()
				.map(d -> d.confirmed() ? MatchDecision.confirm(d.suggestionId()) : MatchDecision.reject(d.suggestionId()))
				.toList();
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
