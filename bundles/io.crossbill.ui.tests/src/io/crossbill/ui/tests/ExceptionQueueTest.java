package io.crossbill.ui.tests;

import static io.crossbill.ui.tests.WorkbenchFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossbill.connect.xero.XeroAccountingConnector;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.connect.xero.XeroProjectsConnector;
import io.crossbill.connect.xero.XeroProjectsReader;
import io.crossbill.delivery.Delivery;
import io.crossbill.delivery.DeliveryClock;
import io.crossbill.delivery.Dispatcher;
import io.crossbill.delivery.SystemGates;
import io.crossbill.delivery.SystemLimits;
import io.crossbill.delivery.store.StoreDeliveryQueue;
import io.crossbill.engine.IngestOptions;
import io.crossbill.engine.IngestPipeline;
import io.crossbill.engine.IngestResult;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.engine.api.RecordEnvelope;
import io.crossbill.engine.api.RecordValidator;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.engine.exceptions.Workflow;
import io.crossbill.sandbox.XeroSandbox;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionBrowser;
import io.crossbill.store.ExceptionSeeder;
import io.crossbill.store.StoredException;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.ui.engine.WorkspaceWorkflows;
import io.crossbill.ui.operate.BulkActionDialog;
import io.crossbill.ui.operate.ExceptionQueueView;
import io.crossbill.ui.operate.RecordsTouchedDialog;
import io.crossbill.ui.parts.ExceptionQueuePart;

/**
 * The Operate perspective's exception queue over the workspace's engine database, seeded with realistic
 * exceptions: the queue lists them with their root causes, a click on a root cause narrows the table to it,
 * free text narrows it further, and a click on a row shows the cause, the fix, the payload and the history.
 */
class ExceptionQueueTest {

	@Test
	void queueGroupsByRootCauseFiltersAndShowsTheDetailOfAnException() throws Exception {
		EngineDatabase db = WorkbenchEngine.database();
		new ExceptionSeeder(db).seed(5_000, 11, Instant.now());
		ExceptionBrowser browser = new ExceptionBrowser(db);
		long unresolved = browser.count(ExceptionBrowser.Filter.unresolved());

		ExceptionQueueView view = ((ExceptionQueuePart) show("io.crossbill.ui.part.exceptionQueue").getObject()).view();
		assertNotNull(view, "the exception queue part could not open the workspace database");
		// the part is shared by the tests of this class: start from an empty filter bar
		resetFilterBar(view);
		Table table = view.table();
		assertTrue(waitUntil(() -> table.getItemCount() == unresolved, 20_000),
				"the table shows " + table.getItemCount() + " rows, the store has " + unresolved + " unresolved");
		assertTrue(view.summary().getText().startsWith(String.format("%,d exceptions", unresolved)),
				view.summary().getText());
		Table causes = view.rootCauseTable();
		assertTrue(waitUntil(() -> causes.getItemCount() >= 10, 5_000), "root causes: " + causes.getItemCount());
		assertTrue(waitUntil(() -> !table.getItem(0).getText(0).equals("..."), 5_000), "the first page never came");
		screenshot(mainShell(), "exception-queue");

		// a real click on the biggest root cause narrows the table to exactly its exceptions
		ExceptionBrowser.RootCause biggest = (ExceptionBrowser.RootCause) causes.getItem(0).getData();
		click(causes.getDisplay().map(causes, null, causes.getItem(0).getBounds()));
		assertTrue(waitUntil(() -> table.getItemCount() == biggest.count(), 10_000),
				"after the click the table shows " + table.getItemCount() + ", the root cause has " + biggest.count());
		assertTrue(waitUntil(() -> !table.getItem(0).getText(0).equals("..."), 5_000));
		// a virtual table loads the rows it shows: those on screen (at least the first three)
		int onScreen = Math.max(3, table.getClientArea().height / table.getItemHeight() - 1);
		for (int i = 0; i < Math.min(Math.min(5, onScreen), table.getItemCount()); i++) {
			ExceptionBrowser.Row row = (ExceptionBrowser.Row) table.getItem(i).getData();
			assertNotNull(row, "row " + i + " not loaded");
			assertEquals(biggest.causeKey(), row.causeKey(), "row " + i + " is of another root cause");
		}

		// free text on the business key of one of them
		String key = table.getItem(0).getText(6);
		view.searchField().setText(key);
		view.searchField().notifyListeners(SWT.DefaultSelection, new Event());
		assertTrue(waitUntil(() -> table.getItemCount() >= 1 && table.getItemCount() < 10, 10_000),
				"searching " + key + " left " + table.getItemCount() + " rows");
		assertTrue(waitUntil(() -> table.getItem(0).getText(6).equals(key), 5_000));

		// a real click on the row shows its detail: cause and fix first, then payload and history
		TableItem first = table.getItem(0);
		click(table.getDisplay().map(table, null, first.getBounds(1)));
		ExceptionBrowser.Row selected = (ExceptionBrowser.Row) first.getData();
		assertTrue(waitUntil(() -> view.detailPane().fixText().startsWith("Suggested fix: "), 5_000),
				"the detail pane shows no fix: " + view.detailPane().fixText());
		assertEquals(selected.id(), view.detailPane().shownId());
		assertTrue(view.detailPane().causeText().contains(key), view.detailPane().causeText());
		String body = view.detailPane().bodyText();
		assertTrue(body.contains("Raw error") && body.contains("History") && body.contains("created by engine"), body);
		Path png = screenshot(mainShell(), "exception-queue-detail");
		assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);
	}

	/**
	 * Issue 7's proof: a group of exceptions that real ingest filed (resourcing-sheet lines whose customer number
	 * was keyed in lower case, so the lookup in the sandboxed Xero finds no project) is fixed from the UI with
	 * "Edit field and replay": filter the group by its root cause, dry run {@code $uppercase($value)} (the table
	 * shows each value before and after), apply; the exceptions are RESOLVED with history and audit entries, and
	 * the tasks reach the sandboxed Xero Projects, read back from it.
	 */
	@Test
	void bulkEditWithDryRunAndReplayFixesAGroupOfExceptionsAgainstTheSandbox() throws Exception {
		EngineDatabase db = WorkbenchEngine.database();
		try (XeroSandbox xero = XeroSandbox.builder().build().start()) {
			ResourcingSheet sheet = new ResourcingSheet(xero);
			WorkspaceWorkflows.add(sheet.workflow());
			try {
				String tag = Long.toString(System.currentTimeMillis(), 36);
				List<String> customers = sheet.customerNumbers(4);
				IngestResult in = sheet.ingest(db, tag, customers);
				assertEquals(1, in.accepted(), "the one line keyed right is taken in");
				assertEquals(customers.size(), in.failed(), "each lower-case customer number is an exception");

				ExceptionQueueView view = ((ExceptionQueuePart) show("io.crossbill.ui.part.exceptionQueue").getObject())
						.view();
				assertNotNull(view, "the exception queue part could not open the workspace database");
				resetFilterBar(view);
				Table causes = view.rootCauseTable();
				// the workflow filter, as choosing it in the bar does
				assertTrue(waitUntil(() -> Arrays.asList(view.workflowChoice().getItems())
						.contains(ResourcingSheet.WORKFLOW), 20_000), "the workflow never appeared in the filter");
				view.workflowChoice().select(Arrays.asList(view.workflowChoice().getItems())
						.indexOf(ResourcingSheet.WORKFLOW));
				view.workflowChoice().notifyListeners(SWT.Selection, new Event());
				assertTrue(waitUntil(() -> causes.getItemCount() == 1 && causes.getItem(0).getData() != null, 20_000),
						"root causes of the workflow: " + causes.getItemCount());
				ExceptionBrowser.RootCause group = (ExceptionBrowser.RootCause) causes.getItem(0).getData();
				assertTrue(group.causeKey().contains("with a project in progress in Xero"), group.causeKey());
				assertEquals(io.crossbill.engine.api.ExceptionClass.REFERENCE, group.exceptionClass(),
						"an unknown customer number is a REFERENCE problem");
				click(causes.getDisplay().map(causes, null, causes.getItem(0).getBounds()));
				Table table = view.table();
				assertTrue(waitUntil(() -> table.getItemCount() == customers.size(), 10_000),
						"the group shows " + table.getItemCount() + " rows, not " + customers.size());
				assertTrue(view.summary().getText().startsWith(customers.size() + " exceptions"),
						view.summary().getText());
				long auditBefore = db.audit().lastSeq();

				BulkActionDialog dialog = view.fieldEditDialog();
				dialog.setBlockOnOpen(false);
				dialog.open();
				try {
					dialog.setFieldEdit("/customer", "$uppercase($value)");
					dialog.press(true);
					assertTrue(waitUntil(() -> dialog.status().getText().startsWith("Dry run, nothing written"),
							20_000), dialog.status().getText());
					Table dry = dialog.outcomes();
					assertEquals(customers.size(), dry.getItemCount(), dialog.status().getText());
					for (TableItem row : dry.getItems()) {
						String before = row.getText(2);
						assertEquals(before.toUpperCase(), row.getText(3), "before and after of " + row.getText(1));
						assertTrue(before.startsWith("\"cust-"), before);
						assertEquals("WOULD_DO", row.getText(4), row.getText(5));
					}
					assertEquals(customers.size(), countOpen(db, tag), "the dry run wrote nothing");
					Path png = screenshot(dialog.getShell(), "exception-bulk-dry-run");
					assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);

					assertTrue(dialog.canApply(), "Apply stays disabled after a clean dry run");
					dialog.press(false);
					assertTrue(waitUntil(() -> dialog.status().getText().startsWith("Applied"), 30_000),
							dialog.status().getText());
					assertEquals("Applied: " + customers.size() + " done, 0 refused.", dialog.status().getText());
				} finally {
					dialog.close();
				}

				// the exceptions: resolved by the analyst's replay, each step in history and audit
				for (StoredException e : sheet.exceptions(db, tag)) {
					StoredException now = db.exceptions().get(e.id()).orElseThrow();
					assertEquals(ExceptionState.RESOLVED, now.state(), now.cause());
					List<String> actions = now.history().stream().map(h -> h.action() + " by " + h.actor()).toList();
					assertTrue(actions.contains("replay by " + ExceptionActions.currentUser()), actions.toString());
					assertTrue(actions.contains("replay-ok by " + ExceptionActions.currentUser()), actions.toString());
					assertTrue(now.history().stream().anyMatch(h -> h.note() != null
							&& h.note().contains("$uppercase($value)")), "the expression is not in the history");
				}
				assertTrue(db.audit().lastSeq() - auditBefore >= 2L * customers.size(),
						"audit entries added: " + (db.audit().lastSeq() - auditBefore));
				assertTrue(db.audit().verify().intact(), db.audit().verify().describe());
				assertTrue(waitUntil(() -> table.getItemCount() == 0, 10_000),
						"the fixed group still shows " + table.getItemCount() + " rows");

				// delivery, as the engine's delivery workers do, then read back from the sandbox
				Dispatcher.Counts sent = sheet.deliver(db);
				// the replayed lines and the one taken in at once (other tests may have left entries for Xero Projects)
				assertTrue(sent.sent() >= customers.size() + 1, sent.toString());
				assertEquals(0, sent.failed() + sent.dead(), sent.toString());
				Map<String, String> tasks = sheet.tasksInXero(customers);
				for (int i = 0; i < customers.size(); i++) {
					String name = ResourcingSheet.taskName(tag, i);
					assertTrue(tasks.containsKey(name), name + " is not in Xero Projects: " + tasks.keySet());
				}
			} finally {
				WorkspaceWorkflows.remove(ResourcingSheet.WORKFLOW);
			}
		}
	}

	/** The detail pane's links: the records touched list the source record and the saga's steps. */
	@Test
	void detailPaneLinksToTheRecordsTouchedAndTheWorkflowInstance() throws Exception {
		EngineDatabase db = WorkbenchEngine.database();
		String key = "deal:links" + System.currentTimeMillis();
		Instant now = Instant.now();
		long saga = db.sagas().begin("lead-to-project", key, "v1", now).id();
		db.sagas().step(saga, "customer", "DONE", "xero", "contact-42", "created", "{}", now);
		long id = db.exceptions().report(new io.crossbill.engine.api.ExceptionReport(
				io.crossbill.engine.api.ExceptionClass.CONNECTIVITY, "lead-to-project", "project", "xero-projects",
				"Project", key, null, "{\"name\":\"Website\"}".getBytes(StandardCharsets.UTF_8), null,
				"Xero Projects did not answer in time.", "Retry later.", null, 3));
		db.sagas().step(saga, "project", "FAILED", "xero-projects", null, "timed out", null, now);
		db.sagas().finish(saga, io.crossbill.store.Sagas.State.FAILED, id, "timed out", now);

		ExceptionQueueView view = ((ExceptionQueuePart) show("io.crossbill.ui.part.exceptionQueue").getObject()).view();
		resetFilterBar(view);
		view.searchField().setText(key);
		view.searchField().notifyListeners(SWT.DefaultSelection, new Event());
		Table table = view.table();
		assertTrue(waitUntil(() -> table.getItemCount() == 1 && table.getItem(0).getData() != null, 10_000),
				"searching " + key + " left " + table.getItemCount() + " rows");
		click(table.getDisplay().map(table, null, table.getItem(0).getBounds(1)));
		assertTrue(waitUntil(() -> view.detailPane().recordsLink().getText().contains("<a>"), 5_000),
				"no records link: " + view.detailPane().recordsLink().getText());
		assertTrue(view.detailPane().instanceLink().getText().contains("<a>lead-to-project / " + key + "</a>"),
				view.detailPane().instanceLink().getText());
		RecordsTouchedDialog records = view.detailPane().recordsTouchedDialog();
		records.setBlockOnOpen(false);
		records.open();
		try {
			List<String> ids = Arrays.stream(records.table().getItems()).map(i -> i.getText(1)).toList();
			assertEquals(List.of(key, "contact-42", "(none recorded)"), ids, "source record, then the saga's steps");
			screenshot(records.getShell(), "exception-records-touched");
		} finally {
			records.close();
		}

		// the instance link shows the workflow monitor following the business key
		view.detailPane().instanceLink().notifyListeners(SWT.Selection, new Event());
		MPart monitorPart = application().getContext().get(EModelService.class).findElements(mainWindow(),
				"io.crossbill.ui.part.workflowMonitor", MPart.class).get(0);
		io.crossbill.ui.monitor.MonitorView monitor = ((io.crossbill.ui.parts.WorkflowMonitorPart) monitorPart
				.getObject()).view();
		assertTrue(waitUntil(() -> monitor.timeline().timeline() != null
				&& monitor.timeline().timeline().query().equals(key), 8_000), "the monitor never followed " + key);
		assertTrue(monitor.timeline().summaryText().contains("1 saga"), monitor.timeline().summaryText());
	}

	/** The filter bar as a fresh part has it (another test may have left a workflow or a search in it). */
	private static void resetFilterBar(ExceptionQueueView view) {
		view.workflowChoice().select(0);
		view.searchField().setText("");
		view.setFilter(ExceptionBrowser.Filter.unresolved());
	}

	private static long countOpen(EngineDatabase db, String tag) {
		return ResourcingSheet.exceptionsOf(db, tag).stream().filter(e -> e.state() == ExceptionState.OPEN).count();
	}

	/**
	 * A resourcing sheet: lines of extra tasks for the customers' projects in progress, keyed by the Xero
	 * customer number (CUST-007). Its workflow maps a line to a Xero Projects task of the customer's project and
	 * validates that the project was found; both look the customer up in the sandboxed Xero (Accounting for the
	 * number, Projects for the project in progress). Accepted lines go to the outbox for Xero Projects.
	 */
	static final class ResourcingSheet {
		static final String WORKFLOW = "resourcing-sheet";
		private static final ObjectMapper JSON = new ObjectMapper();

		private final XeroClient client;
		/** Customer number to its project in progress. */
		private final Map<String, JsonNode> projectOf = new TreeMap<>();

		ResourcingSheet(XeroSandbox xero) {
			client = new XeroClient(new XeroConnection(xero.accountingBaseUrl(), xero.projectsBaseUrl(),
					xero.tenantId(), xero::token));
			Map<String, String> numberOf = new HashMap<>();
			for (JsonNode c : new XeroAccountingConnector(client).contacts(null, false)) {
				numberOf.put(c.path("ContactID").asText(), c.path("ContactNumber").asText());
			}
			for (JsonNode p : new XeroProjectsReader(client).projects("INPROGRESS")) {
				String number = numberOf.get(p.path("contactId").asText());
				if (number != null && !number.isBlank()) {
					projectOf.putIfAbsent(number, p);
				}
			}
		}

		/** The first {@code n} customer numbers with a project in progress. */
		List<String> customerNumbers(int n) {
			List<String> all = new ArrayList<>(projectOf.keySet());
			assertTrue(all.size() > n, "the sandbox has only " + all.size() + " customers with projects");
			return all.subList(0, n);
		}

		static String taskName(String tag, int line) {
			return "Data migration support (RS-" + tag + "-" + line + ")";
		}

		Workflow workflow() {
			return new Workflow(IngestOptions.of(WORKFLOW, "ResourcingLine", XeroProjectsConnector.SYSTEM, "Task"),
					(envelope, line) -> map(line), this::validate);
		}

		private JsonNode map(JsonNode line) {
			String number = line.path("customer").asText("");
			JsonNode project = projectOf.get(number);
			ObjectNode task = JSON.createObjectNode();
			task.put("customer", number);
			task.put("name", line.path("task").asText());
			ObjectNode rate = task.putObject("rate");
			rate.put("value", line.path("rate").decimalValue());
			task.put("chargeType", "TIME");
			task.put("estimateMinutes", line.path("hours").asInt() * 60);
			if (project != null) {
				rate.put("currency", project.path("currencyCode").asText());
				task.put("projectId", project.path("projectId").asText());
			}
			return task;
		}

		private List<RecordValidator.Violation> validate(JsonNode task) {
			if (task.path("projectId").asText("").isEmpty()) {
				return List.of(RecordValidator.Violation.reference("/customer", "no customer '" + task.path("customer")
						.asText() + "' with a project in progress in Xero"));
			}
			return List.of();
		}

		/** One line per customer with its number in lower case, and one keyed right; ingested by the engine. */
		IngestResult ingest(EngineDatabase db, String tag, List<String> customers) {
			List<RecordEnvelope> lines = new ArrayList<>();
			for (int i = 0; i <= customers.size(); i++) {
				String number = i < customers.size() ? customers.get(i).toLowerCase() : customers.get(0);
				ObjectNode line = JSON.createObjectNode();
				line.put("line", "RS-" + tag + "-" + i);
				line.put("customer", number);
				line.put("task", taskName(tag, i));
				line.put("hours", 10 + i);
				line.put("rate", new BigDecimal("120.00"));
				lines.add(new RecordEnvelope("resourcing-sheet", "ResourcingLine", "RS-" + tag + "-" + i, null,
						line.toString().getBytes(StandardCharsets.UTF_8), Instant.now(), null));
			}
			return new IngestPipeline(db, workflow().options(), workflow().mapper(), workflow().validator())
					.ingest(lines);
		}

		List<StoredException> exceptions(EngineDatabase db, String tag) {
			return exceptionsOf(db, tag);
		}

		static List<StoredException> exceptionsOf(EngineDatabase db, String tag) {
			return db.exceptions().find(io.crossbill.store.ExceptionFilter.all().withWorkflow(WORKFLOW)).stream()
					.filter(e -> e.businessKey() != null && e.businessKey().startsWith("RS-" + tag + "-")).toList();
		}

		/** Sends what is pending for Xero Projects, as the engine's delivery workers do. */
		Dispatcher.Counts deliver(EngineDatabase db) throws InterruptedException {
			Delivery.Settings settings = Delivery.Settings.of(WORKFLOW);
			try (Dispatcher d = new Dispatcher(new StoreDeliveryQueue(db, settings), new SystemGates(
					system -> SystemLimits.concurrencyOnly(system, 2), DeliveryClock.SYSTEM), settings, 50)) {
				return d.drain(new XeroProjectsConnector(client), 1);
			}
		}

		/** The tasks of the customers' projects as Xero Projects has them: name to task id. */
		Map<String, String> tasksInXero(List<String> customers) {
			Map<String, String> tasks = new HashMap<>();
			XeroProjectsReader reader = new XeroProjectsReader(client);
			for (String c : customers) {
				for (JsonNode t : reader.tasks(projectOf.get(c).path("projectId").asText())) {
					tasks.put(t.path("name").asText(), t.path("taskId").asText());
				}
			}
			return tasks;
		}
	}

	private static MPart show(String partId) {
		return showPart(OPERATE, partId);
	}
}
