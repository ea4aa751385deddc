package io.crossbill.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.engine.bench.IngestBenchmark;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crossbill bench}: the ingest benchmark of BENCHMARKS.md, on fresh H2 files in a temporary folder. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Push N synthetic time entries through inbox,"
		+ " mapping, validation and outbox on a fresh H2 file, time plain batched inserts of the same payloads as"
		+ " the baseline, and print both rates, their ratio, the peak heap and the peak live heap (after GC).")
final class BenchCommand extends WorkspaceCommand implements Callable<Integer> {

	@Option(names = "--entries", paramLabel = "N", required = true, description = "how many time entries")
	int entries;

	@Option(names = "--json", description = "print JSON (records_per_s, baseline_records_per_s, ratio, peak_heap_mb,"
			+ " peak_live_heap_mb)")
	boolean json;

	@Option(names = "--mapper", paramLabel = "design|hand", defaultValue = "design", description = "map with the"
			+ " shipped design xero-time-entries (default) or the hand-written mapper, to compare the two")
	String mapper;

	@Override
	public Integer call() {
		if (entries < 1) {
			throw new CliFailure("--entries must be at least 1.", 2);
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
}
