package io.crossbill.workflow.tests;

import io.crossbill.connect.hubspot.HubSpotConnection;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.sandbox.HubSpotSandbox;
import io.crossbill.sandbox.XeroSandbox;
import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.Systems;
import io.crossbill.workflow.WorkflowContext;
import io.crossbill.workflow.WorkflowSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The demo firm's three systems on 127.0.0.1, with connectors, for the workflow tests. */
final class DemoFirmSystems implements AutoCloseable {
    static final Instant RUN_AT = Instant.parse("2026-12-01T09:00:00Z");

    final XeroSandbox xero;
    final HubSpotSandbox hubspot;
    final Systems systems;
    final XeroClient xeroClient;

    DemoFirmSystems() throws Exception {
        xero = XeroSandbox.builder().limits(5, 100_000, 1_000_000).build().start();
        hubspot = HubSpotSandbox.builder().build().start();
        XeroConnection xc = new XeroConnection(xero.accountingBaseUrl(), xero.projectsBaseUrl(), xero.tenantId(),
                xero::token);
        xeroClient = new XeroClient(xc);
        systems = Systems.connect(new HubSpotConnection(hubspot.baseUrl(), hubspot::token), xc)
                .withExpenses(Systems.expensesFrom(XeroSandbox::demoExpenses, "expenses-2026-11.csv"));
    }

    WorkflowContext context(EngineDatabase db, Instant at) {
        return WorkflowContext.of(db, WorkflowSettings.defaults(), Clock.fixed(at, ZoneOffset.UTC),
                WorkflowContext.sandboxLimits());
    }

    @Override
    public void close() {
        hubspot.close();
        xero.close();
    }
}
