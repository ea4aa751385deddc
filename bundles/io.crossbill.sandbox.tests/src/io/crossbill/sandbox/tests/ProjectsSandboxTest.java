package io.crossbill.sandbox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.crossbill.sandbox.ManualClock;
import io.crossbill.sandbox.XeroSandbox;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectsSandboxTest {
    private XeroSandbox sandbox;
    private SandboxClient api;
    private SandboxClient accounting;

    @BeforeEach
    void start() throws Exception {
        sandbox = XeroSandbox.builder().clock(new ManualClock(Instant.parse("2026-11-24T09:00:00Z")))
                .limits(5, 100_000, 100_000).build().start();
        api = SandboxClient.projects(sandbox);
        accounting = SandboxClient.accounting(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void pagingThroughTimeEntriesReturnsEachExactlyOnce() {
        JsonNode projects = api.get("/Projects?pageSize=500").json();
        assertEquals(sandbox.counts().get("projects"), projects.path("pagination").path("itemCount").asInt());
        Set<String> seen = new HashSet<>();
        int fetched = 0;
        for (JsonNode p : projects.path("items")) {
            String pid = p.path("projectId").asText();
            int page = 1;
            int pageCount;
            do {
                JsonNode r = api.get("/Projects/" + pid + "/Time?page=" + page + "&pageSize=17").json();
                pageCount = r.path("pagination").path("pageCount").asInt();
                assertTrue(r.path("items").size() <= 17);
                for (JsonNode e : r.path("items")) {
                    fetched++;
                    seen.add(e.path("timeEntryId").asText());
                    assertEquals(pid, e.path("projectId").asText());
                }
                page++;
            } while (page <= pageCount);
        }
        assertEquals(sandbox.counts().get("timeEntries"), fetched);
        assertEquals(fetched, seen.size());
    }

    @Test
    void lowercasePathsAndDefaultPageSize() {
        JsonNode r = api.get("/projects").json();
        assertEquals(1, r.path("pagination").path("page").asInt());
        assertEquals(50, r.path("pagination").path("pageSize").asInt());
        assertEquals(400, api.get("/projects?pageSize=501").status());
    }

    @Test
    void projectTaskAndTimeEntryLifecycle() {
        String contactId = accounting.get("/Contacts?searchTerm=Kauri").json().path("Contacts").get(0)
                .path("ContactID").asText();
        int before = api.get("/Projects?contactID=" + contactId).json().path("items").size();
        String body = """
                {"contactId":"%s","name":"Kauri - Payroll integration","deadlineUtc":"2027-03-31T17:00:00Z",
                 "estimateAmount":99.99}""".formatted(contactId);
        var created = api.send("POST", "/Projects", body, "Idempotency-Key", "p-1");
        assertEquals(201, created.status(), created.body());
        JsonNode p = created.json();
        assertEquals("NZD", p.path("currencyCode").asText());
        assertEquals("INPROGRESS", p.path("status").asText());
        String pid = p.path("projectId").asText();
        var replay = api.send("POST", "/Projects", body, "Idempotency-Key", "p-1");
        assertEquals(pid, replay.json().path("projectId").asText());
        assertEquals(before + 1, api.get("/Projects?contactID=" + contactId).json().path("items").size());

        var task = api.send("POST", "/Projects/" + pid + "/Tasks",
                "{\"name\":\"Design\",\"rate\":{\"currency\":\"NZD\",\"value\":240},\"chargeType\":\"TIME\"}");
        assertEquals(201, task.status(), task.body());
        String tid = task.json().path("taskId").asText();
        String user = api.get("/ProjectsUsers").json().path("items").get(0).path("userId").asText();

        var time = api.send("POST", "/Projects/" + pid + "/Time", """
                {"userId":"%s","taskId":"%s","dateUtc":"2026-11-23T09:00:00Z","duration":90,"description":"Kick-off"}
                """.formatted(user, tid));
        assertEquals(200, time.status(), time.body());
        String teid = time.json().path("timeEntryId").asText();
        assertEquals("ACTIVE", time.json().path("status").asText());

        JsonNode again = api.get("/Projects/" + pid).json();
        assertEquals(90, again.path("minutesLogged").asInt());
        assertEquals(0, again.path("totalTaskAmount").path("value").decimalValue()
                .compareTo(new java.math.BigDecimal("360.00")));

        sandbox.setTimeEntryStatus(teid, "INVOICED", null);
        var locked = api.send("PUT", "/Projects/" + pid + "/Time/" + teid, """
                {"userId":"%s","taskId":"%s","dateUtc":"2026-11-23T09:00:00Z","duration":60}""".formatted(user, tid));
        assertEquals(400, locked.status());
        assertTrue(locked.json().path("modelState").has("status"));

        assertEquals(204, api.send("PATCH", "/Projects/" + pid, "{\"status\":\"CLOSED\"}").status());
        var onClosed = api.send("POST", "/Projects/" + pid + "/Time", """
                {"userId":"%s","taskId":"%s","dateUtc":"2026-11-24T09:00:00Z","duration":30}""".formatted(user, tid));
        assertEquals(400, onClosed.status());
        assertEquals("The request is invalid.", onClosed.json().path("message").asText());
        assertTrue(onClosed.json().path("modelState").has("projectId"));
    }

    @Test
    void invalidTimeEntryNamesEachBadField() {
        String pid = api.get("/Projects?states=INPROGRESS").json().path("items").get(0).path("projectId").asText();
        var r = api.send("POST", "/Projects/" + pid + "/Time", "{\"duration\":60000}");
        assertEquals(400, r.status());
        JsonNode ms = r.json().path("modelState");
        for (String f : new String[] {"userId", "taskId", "dateUtc", "duration"}) {
            assertTrue(ms.has(f), f + " in " + ms);
        }
    }
}
