package io.crossbill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.connect.hubspot.HubSpotCrmConnector;
import io.crossbill.engine.api.Connector;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** HubSpot CRM v3 as the workflows' {@link Crm}. */
public final class HubSpotCrm implements Crm {
    private final HubSpotCrmConnector connector;

    public HubSpotCrm(HubSpotCrmConnector connector) {
        this.connector = connector;
    }

    @Override
    public List<JsonNode> closedWonDeals(Instant since) {
        return connector.closedWonDeals(since);
    }

    @Override
    public Optional<JsonNode> deal(String dealId) {
        return connector.deal(dealId);
    }

    @Override
    public Optional<JsonNode> companyOfDeal(String dealId) {
        return connector.companiesOf(dealId).stream().findFirst();
    }

    @Override
    public List<JsonNode> lineItemsOfDeal(String dealId) {
        return connector.lineItemsOf(dealId);
    }

    @Override
    public List<JsonNode> companies() {
        return connector.companies(null);
    }

    @Override
    public Connector connector() {
        return connector;
    }
}
