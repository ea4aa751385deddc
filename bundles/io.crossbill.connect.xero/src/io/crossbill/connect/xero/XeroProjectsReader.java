package io.crossbill.connect.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.connect.xero.XeroClient.Api;
import io.crossbill.engine.api.ConnectorSchema;
import io.crossbill.engine.api.SampleSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads Xero Projects: projects, their tasks and their time entries, following {@code page}/{@code pageSize}
 * pagination ({@code {"pagination":{page,pageSize,pageCount,itemCount},"items":[...]}}) to the end. As a
 * {@link SampleSource} it reads a single page of real records for the mapping editor.
 */
public final class XeroProjectsReader implements SampleSource {
    /** Xero Projects' largest page. */
    public static final int MAX_PAGE_SIZE = 500;

    private final XeroClient client;
    private final int pageSize;
    private int requests;

    public XeroProjectsReader(XeroClient client) {
        this(client, MAX_PAGE_SIZE);
    }

    /** @param pageSize 1..500 */
    public XeroProjectsReader(XeroClient client, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1..500");
        }
        this.client = client;
        this.pageSize = pageSize;
    }

    /** The entities and fields of Xero Projects that this reader handles. */
    @Override
    public ConnectorSchema schema() {
        return XeroSchemas.projects();
    }

    /**
     * Up to {@code max} real records of one entity of {@link #schema()}: projects from their first page; tasks and
     * time entries from the first page of each project in turn until {@code max} are found; amounts from the
     * projects and tasks that hold them. Reads only.
     *
     * @throws IllegalArgumentException for an entity the schema does not know, or {@code max < 1}
     */
    @Override
    public List<JsonNode> samples(String entity, int max) {
        return XeroSamples.samples(schema(), entity, max, this::onePage);
    }

    private List<JsonNode> onePage(String entity, int max) {
        List<JsonNode> projects = firstPage("/Projects", Map.of(), entity.equals("Project") ? max : MAX_PAGE_SIZE);
        String below = switch (entity) {
            case "Project" -> null;
            case "Task" -> "/Tasks";
            case "TimeEntry" -> "/Time";
            default -> throw new IllegalArgumentException("Xero Projects has no list of '" + entity + "' to sample.");
        };
        if (below == null) {
            return projects;
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : projects) {
            if (out.size() >= max) {
                break;
            }
            out.addAll(firstPage("/Projects/" + p.path("projectId").asText() + below, Map.of(), max - out.size()));
        }
        return out;
    }

    private List<JsonNode> firstPage(String path, Map<String, String> filters, int max) {
        Map<String, String> q = new LinkedHashMap<>(filters);
        q.put("page", "1");
        q.put("pageSize", Integer.toString(Math.min(max, MAX_PAGE_SIZE)));
        synchronized (this) {
            requests++;
        }
        List<JsonNode> out = new ArrayList<>();
        client.get(Api.PROJECTS, path, q, null).path("items").forEach(out::add);
        return out.size() > max ? out.subList(0, max) : out;
    }

    /** All projects; {@code states} filters (INPROGRESS, CLOSED) when given. */
    public List<JsonNode> projects(String... states) {
        List<JsonNode> out = new ArrayList<>();
        pages("/Projects", states.length == 0 ? Map.of() : Map.of("states", String.join(",", states)), out::add);
        return out;
    }

    /** All tasks of one project (its roles, rates and fixed-fee milestones). */
    public List<JsonNode> tasks(String projectId) {
        checkProjectId(projectId);
        List<JsonNode> out = new ArrayList<>();
        pages("/Projects/" + projectId + "/Tasks", Map.of(), out::add);
        return out;
    }

    /** All time entries of one project. */
    public List<JsonNode> timeEntries(String projectId) {
        List<JsonNode> out = new ArrayList<>();
        forEachTimeEntry(projectId, Map.of(), out::add);
        return out;
    }

    /**
     * The time entries of one project, with the spec's filters ({@code userId}, {@code taskId},
     * {@code states}, {@code isChargeable}, {@code dateAfterUtc}, {@code dateBeforeUtc}, ...).
     */
    public void forEachTimeEntry(String projectId, Map<String, String> filters, Consumer<JsonNode> each) {
        checkProjectId(projectId);
        pages("/Projects/" + projectId + "/Time", filters, each);
    }

    /** All time entries of all projects, project by project. */
    public void forEachTimeEntry(Consumer<JsonNode> each) {
        for (JsonNode p : projects()) {
            forEachTimeEntry(p.path("projectId").asText(), Map.of(), each);
        }
    }

    private static void checkProjectId(String projectId) {
        if (projectId == null || !projectId.matches("[0-9a-fA-F-]{36}")) {
            throw new IllegalArgumentException("not a Xero project id: " + projectId);
        }
    }

    /** How many HTTP requests this reader has made (for tests and metrics). */
    public synchronized int requests() {
        return requests;
    }

    private void pages(String path, Map<String, String> filters, Consumer<JsonNode> each) {
        for (int page = 1;; page++) {
            Map<String, String> q = new LinkedHashMap<>(filters);
            q.put("page", Integer.toString(page));
            q.put("pageSize", Integer.toString(pageSize));
            synchronized (this) {
                requests++;
            }
            JsonNode answer = client.get(Api.PROJECTS, path, q, null);
            JsonNode items = answer.path("items");
            items.forEach(each);
            int pageCount = answer.path("pagination").path("pageCount").asInt(-1);
            if (items.isEmpty() || (pageCount >= 0 ? page >= pageCount : items.size() < pageSize)) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "XeroProjectsReader[" + client.connection() + "]";
    }
}
