package io.crossbill.workflow;

import io.crossbill.connect.hubspot.HubSpotClient;
import io.crossbill.connect.hubspot.HubSpotConnection;
import io.crossbill.connect.hubspot.HubSpotCrmConnector;
import io.crossbill.connect.xero.XeroAccountingConnector;
import io.crossbill.connect.xero.XeroClient;
import io.crossbill.connect.xero.XeroConnection;
import io.crossbill.connect.xero.XeroProjectsConnector;
import io.crossbill.connect.xero.XeroProjectsReader;

/**
 * The three systems the workflows work with: the CRM (HubSpot), the PSA (Xero Projects, read and written)
 * and the ERP (Xero Accounting).
 */
public record Systems(Crm crm, XeroProjectsReader psaReader, XeroProjectsConnector psa,
        XeroAccountingConnector erp) {

    /** Connects to HubSpot and to one Xero organisation. */
    public static Systems connect(HubSpotConnection hubspot, XeroConnection xero) {
        XeroClient client = new XeroClient(xero);
        return new Systems(new HubSpotCrm(new HubSpotCrmConnector(new HubSpotClient(hubspot))),
                new XeroProjectsReader(client), new XeroProjectsConnector(client), new XeroAccountingConnector(client));
    }
}
