package io.crossbill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.engine.api.Connector;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The CRM as the workflows read it, in HubSpot CRM v3's shapes: records {@code {"id", "properties": {...}}}.
 * Writes go through {@link #connector()} with payloads {@code {"id", "properties": {...}}} for the entities
 * {@code deal} and {@code company}.
 */
public interface Crm {

    /** Deals in stage closed-won modified at or after {@code since} ({@code null}: all). */
    List<JsonNode> closedWonDeals(Instant since);

    /** One deal, any stage, or empty when the CRM has no such deal. */
    Optional<JsonNode> deal(String dealId);

    /** The company a deal is associated with. */
    Optional<JsonNode> companyOfDeal(String dealId);

    /** The line items of a deal (the milestones of a fixed-fee deal). */
    List<JsonNode> lineItemsOfDeal(String dealId);

    /** All companies. */
    List<JsonNode> companies();

    /** The connector that writes deal and company properties. */
    Connector connector();
}
