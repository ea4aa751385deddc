package io.crossbill.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionSeeder;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crossbill seed-exceptions N}: adds N realistic synthetic exceptions of the four workflows to the
 * workspace's queue (spread over the last 90 days), for the queue screen's benchmark, UI tests and demos,
 * and prints how long it took.
 */
@Command(name = "seed-exceptions", mixinStandardHelpOptions = true, description = "Add N synthetic exceptions of the"
		+ " four workflows (lead-to-project, change-to-forecast, customer-master-sync, time-to-billing) to the"
		+ " workspace's exception queue, for benchmarks, tests and demos, and print how long it took.")
final class SeedExceptionsCommand extends WorkspaceCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "N", description = "how many exceptions to add")
	long count;

	@Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "the same seed gives the same"
			+ " exceptions (default 42)")
	long seed;

	@Option(names = "--json", description = "print JSON (exceptions, millis, per_second)")
	boolean json;

	@Override
	public Integer call() {
		if (count < 1) {
			throw new CliFailure("N must be at least 1, not " + count + ".", 2);
		}
		try (EngineDatabase db = workspace().openRequired()) {
			long start = System.nanoTime();
			new ExceptionSeeder(db).seed(count, seed, Instant.now());
			long millis = (System.nanoTime() - start) / 1_000_000;
			long perSecond = millis == 0 ? count : count * 1000 / millis;
			if (json) {
				ObjectNode o = Json.object();
				o.put("exceptions", count);
				o.put("millis", millis);
				o.put("per_second", perSecond);
				Json.print(out(), o);
			} else {
				out().println(String.format(Locale.ROOT, "Seeded %,d exceptions into %s in %,d ms (%,d a second).",
						count, db.file(), millis, perSecond));
			}
		}
		return 0;
	}
}
