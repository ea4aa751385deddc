package io.crossbill.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.connect.hubspot.HubSpotConnection;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.reconcile.ReconciliationResult;
import io.crossbill.reconcile.Reconciler;
import io.crossbill.sandbox.HubSpotSandbox;
import io.crossbill.sandbox.XeroSandbox;
import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.ChangeToForecast;
import io.crossbill.workflow.LeadToProject;
import io.crossbill.workflow.PeriodLoader;
import io.crossbill.workflow.ReadFailedException;
import io.crossbill.workflow.Systems;
import io.crossbill.workflow.TimeToBilling;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.WorkflowSettings;
import io.crossbill.workflow.Workflows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./crossbill demo}: the headless main job on the demo firm. Starts the sandboxed CRM, PSA and ERP,
 * runs the four workflows as of 1 December 2026 09:00 UTC (November's month end) on a fresh temporary
 * workspace, records a change order as a project manager would, reconciles November, then runs everything
 * again and shows that the second run wrote nothing.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the four workflows on the built-in demo"
		+ " firm (sandboxed HubSpot, Xero Projects, Xero Accounting) in a fresh temporary workspace, reconcile"
		+ " November 2026, run again and show that nothing is written twice.")
final class DemoCommand extends WorkspaceCommand implements Callable<Integer> {

	static final Instant AS_OF = Instant.parse("2026-12-01T09:00:00Z");
	static final YearMonth PERIOD = YearMonth.of(2026, 11);

	@Option(names = "--json", description = "print JSON: projects_created, customers_created, invoices_created,"
			+ " invoice_total (per currency), exceptions_raised (total and by class), second_run_writes, ...")
	boolean json;

	@Override
	public Integer call() throws Exception {
		long t0 = System.nanoTime();
		Path ws = Files.createTempDirectory("crossbill-demo-");
		try (XeroSandbox xero = XeroSandbox.builder().limits(5, 100_000, 1_000_000).build().start();
				HubSpotSandbox hubspot = HubSpotSandbox.builder().build().start();
				EngineDatabase db = EngineDatabase.open(ws)) {
			XeroConnection xc = new XeroConnection(xero.accountingBaseUrl(), xero.projectsBaseUrl(), xero.tenantId(),
					xero::token);
			Systems systems = Systems.connect(new HubSpotConnection(hubspot.baseUrl(), hubspot::token), xc)
					.withExpenses(Systems.expensesFrom(XeroSandbox::demoExpenses, "expenses-2026-11.csv"));
			WorkflowContext ctx = WorkflowContext.of(db, WorkflowSettings.defaults(), Clock.fixed(AS_OF, ZoneOffset.UTC),
					WorkflowContext.sandboxLimits());
			Workflows workflows = new Workflows(ctx, systems);
			Workflows.Pass first = workflows.runOnce(PERIOD, null);
			// a project manager records the change order a customer signed on one of the new projects
			ChangeToForecast.Result changes = recordChangeOrder(ctx, systems, new XeroClient(xc), first.leads());
			Workflows.Pass second = workflows.runOnce(PERIOD, null);
			ReconciliationResult recon = new Reconciler().reconcile(new PeriodLoader(ctx, systems.erp(),
					systems.psaReader(), systems.crm()).load(PERIOD));
			double seconds = (System.nanoTime() - t0) / 1e9;
			Map<ExceptionClass, Integer> raised = new TreeMap<>(first.exceptionsRaised());
			changes.exceptionsRaised().forEach((k, v) -> raised.merge(k, v, Integer::sum));
			if (json) {
				Json.print(out(), json(ws, first, changes, second, raised, recon, seconds));
			} else {
				text(ws, first, changes, second, raised, recon, seconds);
			}
			return second.writes() == 0 ? 0 : 1;
		} catch (ReadFailedException e) {
			throw new CliFailure("the demo could not read from a sandbox system: " + e.getMessage());
		}
	}

	private static ChangeToForecast.Result recordChangeOrder(WorkflowContext ctx, Systems systems, XeroClient client,
			LeadToProject.Result leads) throws ReadFailedException {
		LeadToProject.Outcome target = leads.outcomes().stream().filter(LeadToProject.Outcome::projectCreated)
				.findFirst().orElse(null);
		if (target != null) {
			String currency = systems.psaReader().projects().stream()
					.filter(p -> p.path("projectId").asText().equals(target.projectId())).findFirst()
					.map(p -> p.path("currencyCode").asText()).orElse("GBP");
			XeroClient.Answer a = client.write(XeroClient.Api.PROJECTS, "POST", "/Projects/" + target.projectId()
					+ "/Tasks", Map.of(), "{\"name\":\"CO-1 Additional data migration wave\",\"rate\":{\"currency\":\""
					+ currency + "\",\"value\":12000},\"chargeType\":\"FIXED\"}", "demo-change-order-1");
			if (!a.ok()) {
				throw new CliFailure("the demo could not record its change order in the sandbox: HTTP " + a.status());
			}
		}
		return new ChangeToForecast(ctx, systems.crm(), systems.psaReader(), systems.psa()).run();
	}

	private ObjectNode json(Path ws, Workflows.Pass first, ChangeToForecast.Result changes, Workflows.Pass second,
			Map<ExceptionClass, Integer> raised, ReconciliationResult recon, double seconds) {
		ObjectNode o = Json.object();
		o.put("workspace", ws.toString());
		o.put("as_of", AS_OF.toString());
		o.put("period", PERIOD.toString());
		LeadToProject.Result leads = first.leads();
		o.put("deals_closed_won", leads.dealsRead());
		o.put("projects_created", leads.projectsCreated());
		o.put("customers_created", leads.customersCreated());
		o.put("customers_linked", leads.customersLinked());
		TimeToBilling.Result billing = first.billing();
		o.put("invoices_created", billing.invoices().size());
		ObjectNode totals = o.putObject("invoice_total");
		billing.totals().forEach((cur, amount) -> totals.put(cur, amount.setScale(2).toPlainString()));
		o.put("entries_billed", billing.entriesBilled());
		o.put("milestones_billed", billing.milestonesBilled());
		o.put("expenses_billed", billing.expensesBilled());
		o.put("entries_waiting_for_approval", billing.notYetApproved());
		o.put("cost_only_hours", BigDecimal.valueOf(billing.costOnlyMinutes()).divide(BigDecimal.valueOf(60), 2,
				java.math.RoundingMode.HALF_UP).toPlainString());
		o.put("forecasts_updated", changes.applied().size());
		o.put("master_records_synced", first.master().customersCompared());
		o.put("crm_companies_updated", first.master().companiesUpdated());
		ObjectNode ex = o.putObject("exceptions_raised");
		ex.put("total", raised.values().stream().mapToInt(Integer::intValue).sum());
		ObjectNode by = ex.putObject("by_class");
		raised.forEach((k, v) -> by.put(k.name(), v));
		o.put("first_run_writes", first.writes() + changes.writes());
		o.put("second_run_writes", second.writes());
		ArrayNode invoices = o.putArray("invoices");
		for (TimeToBilling.Invoice i : billing.invoices()) {
			ObjectNode n = invoices.addObject();
			n.put("number", i.invoiceNumber());
			n.put("project", i.projectName());
			n.put("customer", i.contactName());
			n.put("currency", i.currency());
			n.put("sub_total", i.subTotal().setScale(2).toPlainString());
			n.put("entries", i.entries());
			n.put("milestones", i.milestones());
			n.put("expenses", i.expenses());
		}
		ObjectNode r = o.putObject("reconciliation");
		ObjectNode breaks = r.putObject("breaks");
		recon.countsByType().forEach((k, v) -> {
			if (v > 0) {
				breaks.put(k.name(), v);
			}
		});
		ObjectNode unbilled = r.putObject("unbilled_value");
		recon.kpis().unbilledValueByCurrency().forEach((k, v) -> unbilled.put(k, v.toPlainString()));
		r.put("invoice_accuracy", recon.kpis().invoiceAccuracy());
		o.put("seconds", Math.round(seconds * 10) / 10.0);
		return o;
	}

	private void text(Path ws, Workflows.Pass first, ChangeToForecast.Result changes, Workflows.Pass second,
			Map<ExceptionClass, Integer> raised, ReconciliationResult recon, double seconds) {
		var out = out();
		LeadToProject.Result leads = first.leads();
		TimeToBilling.Result billing = first.billing();
		out.println("Crossbill demo - the demo firm at " + AS_OF + " (month end of " + PERIOD + ")");
		out.println("Workspace: " + ws + "  (look around: ./crossbill --workspace " + ws + " exceptions list)");
		out.println();
		out.println("1. Lead to project: " + leads.dealsRead() + " closed-won deals -> " + leads.projectsCreated()
				+ " projects created, " + leads.customersCreated() + " customers created, " + leads.customersLinked()
				+ " found in Xero");
		out.println("2. Change to forecast: " + changes.applied().size() + " change order(s) applied"
				+ (changes.applied().isEmpty() ? "" : ": " + changes.applied().get(0).name() + " on "
						+ changes.applied().get(0).projectName() + ", forecast now "
						+ changes.applied().get(0).newEstimate().toPlainString() + " "
						+ changes.applied().get(0).currency()));
		out.println("3. Customer master sync: " + first.master().customersCompared() + " customers compared, "
				+ first.master().companiesUpdated() + " CRM companies updated, " + first.master().conflicts()
				+ " conflicts");
		out.println("4. Time to billing: " + billing.invoices().size() + " DRAFT invoices for " + billing.entriesBilled()
				+ " entries, " + billing.milestonesBilled() + " milestones and " + billing.expensesBilled()
				+ " expense reports; " + billing.notYetApproved()
				+ " entries wait for approval");
		Table t = new Table("   invoice", "project and sub-total (excl. tax)");
		for (TimeToBilling.Invoice i : billing.invoices()) {
			t.row("   " + i.invoiceNumber(), Table.cut(i.projectName(), 40) + "  " + i.currency() + " "
					+ String.format(Locale.ROOT, "%,.2f", i.subTotal()));
		}
		t.print(out);
		out.println("   Totals (excl. tax): " + billing.totals().entrySet().stream()
				.map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,.2f", e.getValue())).toList());
		out.println();
		out.println("Exceptions raised: " + raised.values().stream().mapToInt(Integer::intValue).sum() + " " + raised);
		out.println("Reconciliation of " + PERIOD + ": " + recon.breaks().size() + " breaks "
				+ recon.countsByType().entrySet().stream().filter(e -> e.getValue() > 0)
						.map(e -> e.getKey() + "=" + e.getValue()).toList());
		out.println();
		out.println("Second run: " + second.writes() + " writes" + (second.writes() == 0
				? " - nothing was created twice." : " - SOMETHING WAS WRITTEN TWICE."));
		out.println(String.format(Locale.ROOT, "Done in %.1f s.", seconds));
	}

}
