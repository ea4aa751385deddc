package io.crossbill.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.engine.bench.IngestBenchmark;
import io.crossbill.mapping.design.DesignEditorBenchmark;
import io.crossbill.reconcile.bench.ReconcileBenchmark;
import io.crossbill.store.ExceptionQueueBenchmark;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crossbill bench}: the ingest benchmark of BENCHMARKS.md, on fresh H2 files in a temporary folder. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Push N synthetic time entries through inbox,"
		+ " mapping, validation and outbox on a fresh H2 file, time plain batched inserts of the same payloads as"
		+ " the baseline, and print both rates, their ratio, the peak heap and the peak live heap (after GC).")
final class BenchCommand extends WorkspaceCommand implements Callable<Integer> {

	@Option(names = "--entries", paramLabel = "N", description = "how many time entries (or exceptions, with"
			+ " --exceptions); needed by every benchmark but --designs")
	int entries;

	@Option(names = "--json", description = "print JSON (records_per_s, baseline_records_per_s, ratio, peak_heap_mb,"
			+ " peak_live_heap_mb)")
	boolean json;

	@Option(names = "--mapper", paramLabel = "design|hand", defaultValue = "design", description = "map with the"
			+ " shipped design xero-time-entries (default) or the hand-written mapper, to compare the two")
	String mapper;

	@Option(names = "--reconcile", description = "the month-end surge instead: reconcile a period of N time entries"
			+ " against --lines invoice lines (default N/10) and print the time, the rate and the heap")
	boolean reconcile;

	@Option(names = "--billing", description = "the billing run instead: N approved time entries through workflow 2"
			+ " (time to billing) against the sandboxed Xero, printing entries per second")
	boolean billing;

	@Option(names = "--designs", description = "the mapping design editor's work instead: open, check, compile,"
			+ " preview of 1,000 samples, sample trees and diff of a synthetic 500-rule design and of"
			+ " hubspot-deal-to-project (median of 5 after warm-up, wall and CPU time)")
	boolean designs;

	@Option(names = "--exceptions", description = "the exception queue's queries instead, on the workspace's database"
			+ " (./crossbill --workspace DIR bench --exceptions): seeds --entries exceptions when it has none, then times the first page, the"
			+ " count, every filter and sort and the root-cause grouping")
	boolean exceptions;

	@Option(names = "--lines", paramLabel = "N", description = "invoice lines for --reconcile (default: entries / 10)")
	Integer lines;

	@Override
	public Integer call() {
		if (designs) {
			try {
				DesignEditorBenchmark.main(new String[0]);
			} catch (java.io.IOException e) {
				throw new CliFailure("The design benchmark could not read a shipped design: " + e.getMessage());
			}
			return 0;
		}
		if (entries < 1) {
			throw new CliFailure("--entries must be at least 1.", 2);
		}
		if (exceptions) {
			ExceptionQueueBenchmark.run(workspace().folder(), entries, System.out);
			return 0;
		}
		if (reconcile) {
			return reconcileBench();
		}
		if (billing) {
			return billingBench();
		}
		IngestBenchmark.Mapper chosen;
		try {
			chosen = IngestBenchmark.Mapper.valueOf(mapper.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new CliFailure("--mapper must be design or hand, not '" + mapper + "'.", 2);
		}
		IngestBenchmark.Result r = IngestBenchmark.run(entries, chosen);
		if (json) {
			ObjectNode o = Json.object();
			o.put("entries", r.n());
			o.put("mapper", r.mapper());
			o.put("records_per_s", Math.round(r.records_per_s()));
			o.put("baseline_records_per_s", Math.round(r.baseline_records_per_s()));
			o.put("ratio", Math.round(r.ratio() * 1000) / 1000.0);
			o.put("peak_heap_mb", Math.round(r.peak_heap_mb()));
			o.put("peak_live_heap_mb", Math.round(r.peak_live_heap_mb()));
			o.put("full_gc_live_heap_mb", Math.round(r.full_gc_live_heap_mb()));
			o.put("cpu_us_per_record", Math.round(r.cpu_us_per_record() * 100) / 100.0);
			o.put("baseline_cpu_us_per_record", Math.round(r.baseline_cpu_us_per_record() * 100) / 100.0);
			Json.print(out(), o);
		} else {
			new Table("entries", String.format(Locale.ROOT, "%,d", r.n()))
					.row("records/s", String.format(Locale.ROOT, "%,.0f", r.records_per_s()))
					.row("baseline records/s", String.format(Locale.ROOT, "%,.0f", r.baseline_records_per_s()))
					.row("ratio", String.format(Locale.ROOT, "%.3f", r.ratio()))
					.row("mapper", r.mapper())
					.row("peak heap", String.format(Locale.ROOT, "%,.0f MB", r.peak_heap_mb()))
					.row("peak live heap", String.format(Locale.ROOT, "%,.0f MB after a GC, %,.0f MB after a full GC",
							r.peak_live_heap_mb(), r.full_gc_live_heap_mb()))
					.print(out());
		}
		return 0;
	}

	private Integer billingBench() {
		java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
		BillingBenchmark.Report r;
		try (java.io.PrintStream ps = new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8)) {
			r = BillingBenchmark.run(entries, ps);
		}
		if (json) {
			ObjectNode o = Json.object();
			o.put("entries", r.entries());
			o.put("projects", r.projects());
			o.put("invoices", r.invoices());
			o.put("entries_billed", r.entriesBilled());
			o.put("seed_ms", r.seedMillis());
			o.put("run_ms", r.runMillis());
			o.put("entries_per_s", r.entriesPerSecond());
			o.put("projects_reads", r.requests());
			Json.print(out(), o);
		} else {
			out().print(log.toString(java.nio.charset.StandardCharsets.UTF_8));
			out().flush();
		}
		return 0;
	}

	private Integer reconcileBench() {
		int n = lines == null ? Math.max(8_000, entries / 10) : lines;
		java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
		ReconcileBenchmark.Report r;
		try (java.io.PrintStream ps = new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8)) {
			r = ReconcileBenchmark.run(Math.max(entries, 8_000), n, ps);
		} catch (IllegalArgumentException e) {
			throw new CliFailure(e.getMessage(), 2);
		}
		if (json) {
			ObjectNode o = Json.object();
			o.put("entries", r.entries());
			o.put("invoice_lines", r.lines());
			o.put("load_ms", r.loadMillis());
			o.put("reconcile_ms", r.reconcileMillis());
			o.put("open_review_ms", r.openMillis());
			o.put("store_ms", r.storeMillis());
			o.put("stored_mb", Math.round(r.storedBytes() / 1048576.0));
			o.put("read_breaks_ms", r.breaksReadMillis());
			o.put("read_records_ms", r.reopenMillis());
			o.put("seconds", Math.round((r.loadMillis() + r.reconcileMillis()) / 100.0) / 10.0);
			o.put("entries_per_s", r.entriesPerSecond());
			o.put("heap_after_gc_mb", Math.round(r.heapAfterGcBytes() / 1048576.0));
			o.put("max_heap_mb", Math.round(Runtime.getRuntime().maxMemory() / 1048576.0));
			ObjectNode b = o.putObject("breaks");
			r.breaksByType().forEach((k, v) -> b.put(k.name(), v));
			Json.print(out(), o);
		} else {
			out().print(log.toString(java.nio.charset.StandardCharsets.UTF_8));
			out().println(String.format(Locale.ROOT, "max heap (-Xmx): %,d MB", Runtime.getRuntime().maxMemory() / 1048576));
		}
		return 0;
	}
}
