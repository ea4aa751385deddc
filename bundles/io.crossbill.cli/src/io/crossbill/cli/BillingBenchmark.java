package io.crossbill.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.crossbill.connect.hubspot.HubSpotConnection;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.sandbox.XeroSandbox;
import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.Systems;
import io.crossbill.workflow.TimeToBilling;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.WorkflowSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The billing run of the workflow issue: N approved time entries through workflow 2 (time to billing) against
 * the sandboxed Xero on 127.0.0.1, on a fresh H2 workspace. The sandbox is seeded from a generated seed file
 * (the documented format) with one customer per 5 projects, 2 TIME tasks and a non-chargeable one per project,
 * and N entries in November 2026 spread over N / 200 people (about 7 hours a person and day); its rate limit is lifted so the run measures Crossbill
 * and the HTTP round trips, not Xero's 60 a minute (at which 100,000 entries would take minutes of waiting:
 * reading them is 200 pages of 500).
 */
final class BillingBenchmark {

	/** The figures of one run. */
	record Report(int entries, int projects, int invoices, int entriesBilled, long seedMillis, long runMillis,
			long requests) {

		public long entriesPerSecond() {
			return Math.round(entriesBilled * 1000.0 / Math.max(1, runMillis));
		}
	}

	private BillingBenchmark() {
	}

	/** Seeds, runs one billing run for November 2026 as of 1 December, prints and returns the figures. */
	static Report run(int entries, PrintStream out) {
		int projects = Math.max(1, Math.min(200, entries / 500));
		Path dir;
		try {
			dir = Files.createTempDirectory("crossbill-billing-bench-");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		try {
			long t0 = System.nanoTime();
			Path seed = dir.resolve("seed.json");
			writeSeed(seed, entries, projects);
			try (XeroSandbox xero = XeroSandbox.builder().seedFile(seed).limits(64, 10_000_000, 10_000_000).build()
					.start(); EngineDatabase db = EngineDatabase.open(dir.resolve("workspace"))) {
				long seeded = System.nanoTime();
				XeroConnection xc = new XeroConnection(xero.accountingBaseUrl(), xero.projectsBaseUrl(),
						xero.tenantId(), xero::token);
				Systems systems = Systems.connect(new HubSpotConnection(URI.create("http://127.0.0.1:9"), () -> "none"),
						xc);
				WorkflowContext ctx = WorkflowContext.of(db, WorkflowSettings.defaults(),
						Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC),
						WorkflowContext.sandboxLimits());
				TimeToBilling.Result r = new TimeToBilling(ctx, systems.erp(), systems.psaReader())
						.run(YearMonth.of(2026, 11));
				long done = System.nanoTime();
				Report report = new Report(entries, projects, r.invoices().size(), r.entriesBilled(),
						(seeded - t0) / 1_000_000, (done - seeded) / 1_000_000, systems.psaReader().requests());
				out.printf("billing run: %,d entries in %,d projects -> %,d invoices, %,d entries billed%n", entries,
						projects, report.invoices(), report.entriesBilled());
				out.printf("seed (generate + load into the sandbox): %,d ms%n", report.seedMillis());
				out.printf("run (read, check, reserve, write, confirm): %,d ms = %,d entries/s (%,d Projects reads)%n",
						report.runMillis(), report.entriesPerSecond(), report.requests());
				return report;
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (io.crossbill.workflow.ReadFailedException e) {
			throw new IllegalStateException(e.getMessage(), e);
		} finally {
			delete(dir);
		}
	}

	private static void writeSeed(Path file, int entries, int projects) throws IOException {
		String[] currencies = {"GBP", "USD", "EUR", "NZD", "AUD"};
		int customers = Math.max(1, projects / 5);
		int people = Math.max(50, entries / 200);
		String[] contactIds = new String[customers];
		try (OutputStream os = Files.newOutputStream(file);
				JsonGenerator g = new JsonFactory().createGenerator(os)) {
			g.writeStartObject();
			g.writeStringField("format", "crossbill-xero-sandbox/1");
			g.writeArrayFieldStart("contacts");
			for (int c = 0; c < customers; c++) {
				contactIds[c] = id(1, c);
				g.writeStartObject();
				g.writeStringField("ContactID", contactIds[c]);
				g.writeStringField("ContactNumber", "BENCH-" + c);
				g.writeStringField("ContactStatus", "ACTIVE");
				g.writeStringField("Name", "Bench Customer " + c + " Ltd");
				g.writeStringField("DefaultCurrency", currencies[c % currencies.length]);
				g.writeStringField("TaxNumber", "GB" + String.format("%09d", c));
				g.writeBooleanField("IsCustomer", true);
				g.writeArrayFieldStart("Addresses");
				g.writeStartObject();
				g.writeStringField("AddressType", "POBOX");
				g.writeStringField("Country", "United Kingdom");
				g.writeEndObject();
				g.writeEndArray();
				g.writeEndObject();
			}
			g.writeEndArray();
			g.writeArrayFieldStart("projects");
			for (int p = 0; p < projects; p++) {
				int c = p % customers;
				g.writeStartObject();
				g.writeStringField("projectId", id(2, p));
				g.writeStringField("contactId", contactIds[c]);
				g.writeStringField("name", "Bench project " + p);
				g.writeStringField("currencyCode", currencies[c % currencies.length]);
				g.writeStringField("status", "INPROGRESS");
				g.writeEndObject();
			}
			g.writeEndArray();
			g.writeArrayFieldStart("tasks");
			for (int p = 0; p < projects; p++) {
				task(g, id(3, p * 3), id(2, p), "Consulting", "TIME", 150);
				task(g, id(3, p * 3 + 1), id(2, p), "Project management", "TIME", 110);
				task(g, id(3, p * 3 + 2), id(2, p), "Internal review", "NON_CHARGEABLE", 0);
			}
			g.writeEndArray();
			g.writeArrayFieldStart("timeEntries");
			LocalDate first = LocalDate.of(2026, 11, 2);
			for (int i = 0; i < entries; i++) {
				int p = i % projects;
				LocalDate day = first.plusDays((i / projects) % 27);
				Instant at = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
				g.writeStartObject();
				g.writeStringField("timeEntryId", id(4, i));
				g.writeStringField("userId", id(5, i % people));
				g.writeStringField("projectId", id(2, p));
				g.writeStringField("taskId", id(3, p * 3 + (i % 2)));
				g.writeStringField("dateUtc", at.toString());
				g.writeStringField("dateEnteredUtc", at.plusSeconds(8 * 3600).toString());
				g.writeNumberField("duration", 15 + (i % 8) * 15);
				g.writeStringField("description", "Bench entry " + i);
				g.writeStringField("status", "ACTIVE");
				g.writeEndObject();
			}
			g.writeEndArray();
			g.writeArrayFieldStart("users");
			for (int u = 0; u < people; u++) {
				g.writeStartObject();
				g.writeStringField("userId", id(5, u));
				g.writeStringField("name", "Consultant " + u);
				g.writeEndObject();
			}
			g.writeEndArray();
			g.writeEndObject();
		}
	}

	private static void task(JsonGenerator g, String id, String project, String name, String charge, int rate)
			throws IOException {
		g.writeStartObject();
		g.writeStringField("taskId", id);
		g.writeStringField("projectId", project);
		g.writeStringField("name", name);
		g.writeNumberField("rate", rate);
		g.writeStringField("chargeType", charge);
		g.writeStringField("status", "ACTIVE");
		g.writeEndObject();
	}

	private static String id(int kind, int n) {
		return new UUID(0x4000L | ((long) kind << 32), 0x8000000000000000L | n).toString();
	}

	private static void delete(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
		} catch (IOException ignored) {
			// a temporary folder
		}
	}
}
