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
        XeroClient client = new XeroClient(xero);
        return new Systems(new HubSpotCrm(new HubSpotCrmConnector(new HubSpotClient(hubspot))),
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
