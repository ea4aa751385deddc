package io.crossbill.workflow;

import io.crossbill.connect.csv.ExpenseCsvReader;
import io.crossbill.connect.csv.ExpenseRow;
import io.crossbill.connect.hubspot.HubSpotClient;
import io.crossbill.connect.hubspot.HubSpotConnection;
import io.crossbill.connect.hubspot.HubSpotCrmConnector;
import io.crossbill.connect.xero.XeroAccountingConnector;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.connect.xero.XeroProjectsConnector;
import io.crossbill.connect.xero.XeroProjectsReader;
import java.util.List;
import java.util.function.Supplier;

/**
 * The three systems the workflows work with: the CRM (HubSpot), the PSA (Xero Projects, read and written)
 * and the ERP (Xero Accounting), and the expense reports of the firm's expense tool.
 */
public record Systems(Crm crm, XeroProjectsReader psaReader, XeroProjectsConnector psa,
        XeroAccountingConnector erp, Supplier<List<ExpenseRow>> expenses) {

    /** Connects to HubSpot and to one Xero organisation. */
    public static Systems connect(HubSpotConnection hubspot, XeroConnection xero) {
        return connect(hubspot, xero, (system, limits) -> {
        });
    }

    /**
     * Connects to HubSpot and to one Xero organisation; {@code rateLimitsSeen} hears the rate-limit headers of
     * every answer, with the system that sent them ({@code hubspot}, or {@code xero} for both Xero APIs, which
     * share one organisation's limits).
     */
    public static Systems connect(HubSpotConnection hubspot, XeroConnection xero,
            java.util.function.BiConsumer<String, java.util.Map<String, String>> rateLimitsSeen) {
        XeroClient client = new XeroClient(xero).onRateLimits(l -> rateLimitsSeen.accept("xero", l));
        HubSpotClient crm = new HubSpotClient(hubspot).onRateLimits(l -> rateLimitsSeen.accept("hubspot", l));
        return new Systems(new HubSpotCrm(new HubSpotCrmConnector(crm)),
                new XeroProjectsReader(client), new XeroProjectsConnector(client), new XeroAccountingConnector(client),
                List::of);
    }

    /** The same systems with the expense reports of an expense tool. */
    public Systems withExpenses(Supplier<List<ExpenseRow>> reports) {
        return new Systems(crm, psaReader, psa, erp, reports);
    }

    /** Expense reports from one CSV stream (e.g. a file shipped in a bundle), read on each call. */
    public static Supplier<List<ExpenseRow>> expensesFrom(Supplier<java.io.InputStream> csv, String name) {
        return () -> {
            try (java.io.InputStream in = csv.get()) {
                return ExpenseCsvReader.read(in, name).rows();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Could not read the expense file " + name + ": "
                        + e.getMessage(), e);
            }
        };
    }

    /**
     * Expense reports from CSV files (the documented layout of {@code io.crossbill.connect.csv}): every good row
     * of every file; rows with errors are left out (the file's own error report names them).
     */
    public static Supplier<List<ExpenseRow>> expensesFrom(List<java.nio.file.Path> files) {
        return () -> {
            List<ExpenseRow> rows = new java.util.ArrayList<>();
            for (java.nio.file.Path f : files) {
                try {
                    rows.addAll(ExpenseCsvReader.read(f).rows());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("Could not read the expense file " + f + ": "
                            + e.getMessage(), e);
                }
            }
            return rows;
        };
    }
}
