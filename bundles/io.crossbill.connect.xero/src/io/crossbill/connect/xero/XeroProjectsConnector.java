package io.crossbill.connect.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.connect.xero.XeroClient.Api;
import io.crossbill.engine.api.Connector;
import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.OutboxEntry;
import io.crossbill.engine.api.WriteResult;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Writes to Xero Projects behind the engine's {@link Connector} contract: creates projects and their tasks
 * and updates a project's estimate (its forecast). Every write carries the outbox entry's
 * {@code Idempotency-Key}, which Xero Projects honours.
 * <p>
 * Entities and payloads (Xero Projects' own shapes):
 * <ul>
 * <li>{@code Project}: {@code {"contactId","name","deadlineUtc","estimateAmount"}} - {@code POST /Projects};
 * with a {@code projectId} it is an update - {@code PUT /Projects/{id}}, which answers 204 and no body; the
 * spec requires {@code name} on an update too</li>
 * <li>{@code Task}: {@code {"projectId","name","rate":{"currency","value"},"chargeType","estimateMinutes"}} -
 * {@code POST /Projects/{projectId}/Tasks}</li>
 * </ul>
 */
public final class XeroProjectsConnector implements Connector {
    /** The system name in outbox entries and exceptions. */
    public static final String SYSTEM = "xero-projects";

    private final XeroClient client;

    public XeroProjectsConnector(XeroClient client) {
        this.client = client;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public boolean honoursIdempotencyKey() {
        return true;
    }

    @Override
    public WriteResult write(OutboxEntry entry) {
        ObjectNode body;
        try {
            JsonNode n = XeroClient.JSON.readTree(entry.payload());
            if (n == null || !n.isObject()) {
                throw new IOException("not a JSON object");
            }
            body = (ObjectNode) n;
        } catch (IOException | RuntimeException e) {
            return WriteResult.failed(ExceptionClass.MAPPING, "The " + entry.entity() + " for Xero Projects is not a"
                    + " JSON object, so it was not sent.");
        }
        String method;
        String path;
        String what;
        String idField;
        switch (entry.entity()) {
            case "Project" -> {
                String id = body.path("projectId").asText("");
                idField = "projectId";
                if (id.isBlank()) {
                    method = "POST";
                    path = "/Projects";
                    what = "create the project";
                } else {
                    body.remove("projectId");
                    method = "PUT";
                    path = "/Projects/" + id;
                    what = "update the project";
                }
            }
            case "Task" -> {
                String projectId = body.path("projectId").asText("");
                if (projectId.isBlank()) {
                    return WriteResult.failed(ExceptionClass.MAPPING, "A task for Xero Projects needs the projectId"
                            + " of its project.");
                }
                body.remove("projectId");
                idField = "taskId";
                method = "POST";
                path = "/Projects/" + projectId + "/Tasks";
                what = "create the task";
            }
            default -> {
                return WriteResult.failed(ExceptionClass.INTERNAL, "The Xero Projects connector cannot write '"
                        + entry.entity() + "' records; it writes Project and Task.");
            }
        }
        String known = "PUT".equals(method) ? path.substring(path.lastIndexOf('/') + 1) : null;
        return client.writeForDelivery(Api.PROJECTS, method, path, body.toString(), entry.idempotencyKey(), what,
                known != null ? answer -> known : answer -> answer.path(idField).asText(null));
    }

    /** Xero Projects cannot be searched by our reference; writes rely on the Idempotency-Key instead. */
    @Override
    public Optional<String> findByReference(String entity, String reference) {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "XeroProjectsConnector[" + client.connection() + "]";
    }
}
