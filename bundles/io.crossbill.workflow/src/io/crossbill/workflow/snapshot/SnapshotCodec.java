package io.crossbill.workflow.snapshot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.store.BillingLedger;
import io.crossbill.workflow.PeriodLoader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The snapshot file's JSON: records and engine rows to and from trees. Amounts stay exact decimals. */
final class SnapshotCodec {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private SnapshotCodec() {
    }

    static ArrayNode array(List<JsonNode> nodes) {
        ArrayNode a = JSON.createArrayNode();
        nodes.forEach(a::add);
        return a;
    }

    static List<JsonNode> list(JsonNode array, String what) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("the snapshot has no list of " + what);
        }
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    static ObjectNode engine(PeriodLoader.EngineSide e) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode ledger = o.putArray("ledger");
        for (BillingLedger.Item i : e.ledger()) {
            ObjectNode n = ledger.addObject();
            n.put("item_id", i.itemId()).put("kind", i.kind()).put("project_id", i.projectId())
                    .put("period", i.period()).put("invoice_key", i.invoiceKey()).put("line_ref", i.lineRef())
                    .put("amount", i.amount()).put("currency", i.currency()).put("state", i.state())
                    .put("invoice_id", i.invoiceId()).put("invoice_number", i.invoiceNumber())
                    .put("reserved_at", text(i.reservedAt())).put("billed_at", text(i.billedAt()));
        }
        o.set("deal_key_of_project", map(e.dealKeyOfProject()));
        o.set("xero_of_company", map(e.xeroOfCompany()));
        o.set("project_of_deal", map(e.projectOfDeal()));
        ArrayNode ex = o.putArray("exceptions");
        for (PeriodLoader.ExceptionRow x : e.exceptions()) {
            ex.addObject().put("id", x.id()).put("business_key", x.businessKey()).put("class", x.exceptionClass())
                    .put("state", x.state()).put("created_at", text(x.createdAt()))
                    .put("updated_at", text(x.updatedAt()));
        }
        ArrayNode setups = o.putArray("setups");
        for (PeriodLoader.SetupRow s : e.setups()) {
            setups.addObject().put("business_key", s.businessKey()).put("started_at", text(s.startedAt()))
                    .put("updated_at", text(s.updatedAt()));
        }
        o.put("items_read", e.itemsRead());
        return o;
    }

    static PeriodLoader.EngineSide engine(JsonNode o) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("the snapshot has no engine records");
        }
        List<BillingLedger.Item> ledger = new ArrayList<>();
        for (JsonNode n : list(o.path("ledger"), "billing ledger items")) {
            ledger.add(new BillingLedger.Item(n.path("item_id").asText(), n.path("kind").asText(),
                    n.path("project_id").asText(), n.path("period").asText(), n.path("invoice_key").asText(),
                    n.path("line_ref").asText(), n.path("amount").isNumber() ? n.path("amount").decimalValue() : null,
                    n.path("currency").asText(), n.path("state").asText(), n.path("invoice_id").asText(null),
                    n.path("invoice_number").asText(null), instant(n.path("reserved_at")),
                    instant(n.path("billed_at"))));
        }
        List<PeriodLoader.ExceptionRow> exceptions = new ArrayList<>();
        for (JsonNode n : list(o.path("exceptions"), "exceptions")) {
            exceptions.add(new PeriodLoader.ExceptionRow(n.path("id").asLong(), n.path("business_key").asText(null),
                    n.path("class").asText(), n.path("state").asText(), instant(n.path("created_at")),
                    instant(n.path("updated_at"))));
        }
        List<PeriodLoader.SetupRow> setups = new ArrayList<>();
        for (JsonNode n : list(o.path("setups"), "project set-ups")) {
            setups.add(new PeriodLoader.SetupRow(n.path("business_key").asText(), instant(n.path("started_at")),
                    instant(n.path("updated_at"))));
        }
        return new PeriodLoader.EngineSide(ledger, strings(o.path("deal_key_of_project")),
                strings(o.path("xero_of_company")), strings(o.path("project_of_deal")), exceptions, setups,
                o.path("items_read").asLong());
    }

    static ObjectNode map(Map<String, String> m) {
        ObjectNode o = JSON.createObjectNode();
        new TreeMap<>(m).forEach(o::put);
        return o;
    }

    static Map<String, String> strings(JsonNode o) {
        Map<String, String> out = new HashMap<>();
        o.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    static Instant instant(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.asText()) : null;
    }

    static BigDecimal decimal(JsonNode n) {
        return n.isNumber() ? n.decimalValue() : n.isTextual() ? new BigDecimal(n.asText()) : BigDecimal.ZERO;
    }
}
