package io.crossbill.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.crossbill.reconcile.ReconciliationBreak;
import io.crossbill.reconcile.ReconciliationCsv;
import io.crossbill.reconcile.ReconciliationJson;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.ReadFailedException;
import io.crossbill.workflow.EngineSettings;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.WorkspaceSystems;
import io.crossbill.workflow.WorkflowSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./crossbill reconcile --period YYYY-MM}: month-end reconciliation of the workspace's systems. */
@Command(name = "reconcile", mixinStandardHelpOptions = true, description = "Reconcile a period: delivery in the PSA"
		+ " against billing in the ERP and contract value in the CRM, customer master data across the three, and"
		+ " the KPIs; as a summary, JSON (--json) or CSV files (--csv DIR).")
final class ReconcileCommand extends WorkspaceCommand implements Callable<Integer> {

	@Option(names = "--period", paramLabel = "YYYY-MM", required = true, description = "the month to reconcile")
	String period;

	@Option(names = "--json", description = "print the whole reconciliation as JSON")
	boolean json;

	@Option(names = "--csv", paramLabel = "DIR", description = "also write CSV files (one per break type, totals,"
			+ " KPIs) into DIR")
	Path csv;

	@Override
	public Integer call() throws Exception {
		YearMonth month = period(period);
		WorkflowSettings settings = settings();
		ReconciliationResult r;
		EngineSettings engine = RunCommand.engineSettings(workspace().folder());
		try (WorkspaceSystems systems = RunCommand.systemsOf(workspace().folder(), engine);
				EngineDatabase db = EngineDatabase.open(workspace().folder())) {
			WorkflowContext ctx = engine.context(db, settings, systems.isSandbox());
			r = new Reconciler().reconcile(new PeriodLoader(ctx, systems.systems().erp(), systems.systems().psaReader(),
					systems.systems().crm()).load(month));
		} catch (ReadFailedException e) {
			throw new CliFailure("could not load " + month + ": " + e.getMessage());
		}
		if (csv != null) {
			try {
				Files.createDirectories(csv);
				ReconciliationCsv.write(r, csv);
			} catch (IOException e) {
				throw new CliFailure("could not write the CSV files to " + csv + ": " + e.getMessage());
			}
		}
		if (json) {
			java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
			ReconciliationJson.write(r, bytes);
			out().println(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
			return 0;
		}
		var out = out();
		out.println("Reconciliation of " + month + ": " + r.entriesReconciled() + " entries, " + r.breaks().size()
				+ " breaks, " + r.matches().size() + " matches, " + r.suggestions().size() + " suggested matches");
		r.countsByType().forEach((type, n) -> {
			if (n > 0) {
				out.println(String.format(Locale.ROOT, "  %-32s %,6d", type, n));
			}
		});
		out.println("Largest breaks:");
		r.breaks().stream().sorted((a, b) -> b.size().compareTo(a.size())).limit(10).forEach(b -> out.println("  "
				+ line(b)));
		out.println("KPIs: " + r.kpis());
		if (csv != null) {
			out.println("CSV files in " + csv.toAbsolutePath());
		}
		return 0;
	}

	private static String line(ReconciliationBreak b) {
		return b.type() + " " + (b.projectId() == null ? b.customerId() : b.projectId()) + " "
				+ (b.currency() == null ? "" : b.currency() + " ") + (b.variance() == null ? "" : b.variance()
						.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()) + " - " + b.detail();
	}
}
