package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

/**
 * The sandbox's Xero organisation as one JSON file - the seed format of {@code ./crossbill sandbox --seed
 * FILE}, and how a sandbox keeps its state between runs:
 *
 * <pre>
 * {"format": "crossbill-xero-sandbox/1",
 *  "organisation": {"name": "...", "baseCurrency": "GBP", "currencies": ["GBP", ...]},
 *  "contacts": [Xero Contact, ...], "invoices": [Xero Invoice, ...],
 *  "projects": [Xero Projects Project, ...], "tasks": [Task with "projectId", ...],
 *  "timeEntries": [TimeEntry, ...], "users": [ProjectUser, ...], "invoiceSequence": 7}
 * </pre>
 *
 * Records are in the APIs' own shapes and must carry their ids ({@code ContactID}, {@code InvoiceID},
 * {@code projectId}, {@code taskId}, {@code timeEntryId}, {@code userId}). A file that breaks these rules is
 * refused with a message that names the list and the position.
 */
public final class XeroStateFile {
    public static final String FORMAT = "crossbill-xero-sandbox/1";

    private XeroStateFile() {
    }

    /** Writes the state to a file, atomically (a crash leaves the old file or the new one, never half). */
    public static void write(XeroState state, Path file) {
        ObjectNode root = Json.object();
        synchronized (state) {
            root.put("format", FORMAT);
            ObjectNode org = root.putObject("organisation");
            org.put("name", state.organisationName);
            org.put("baseCurrency", state.baseCurrency);
            ArrayNode cur = org.putArray("currencies");
            state.currencies.forEach(cur::add);
            put(root, "contacts", state.contacts);
            put(root, "invoices", state.invoices);
            put(root, "projects", state.projects);
            put(root, "tasks", state.tasks);
            put(root, "timeEntries", state.timeEntries);
            put(root, "users", state.users);
            root.put("invoiceSequence", state.invoiceSequence);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, Json.write(root));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the sandbox state to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the state with the file's.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static void read(Path file, XeroState state) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a readable JSON file: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + " is not a Crossbill Xero sandbox file: it must be a JSON object"
                    + " with \"format\": \"" + FORMAT + "\".");
        }
        synchronized (state) {
            state.contacts.clear();
            state.invoices.clear();
            state.projects.clear();
            state.tasks.clear();
            state.timeEntries.clear();
            state.users.clear();
            state.updated.clear();
            JsonNode org = root.path("organisation");
            if (org.hasNonNull("name")) {
                state.organisationName = org.path("name").asText();
            }
            if (org.hasNonNull("baseCurrency")) {
                state.baseCurrency = org.path("baseCurrency").asText();
            }
            if (org.path("currencies").isArray()) {
                state.currencies.clear();
                org.path("currencies").forEach(c -> state.currencies.add(c.asText()));
            }
            load(file, root, "contacts", "ContactID", state.contacts, state);
            load(file, root, "invoices", "InvoiceID", state.invoices, state);
            load(file, root, "projects", "projectId", state.projects, null);
            load(file, root, "tasks", "taskId", state.tasks, null);
            load(file, root, "timeEntries", "timeEntryId", state.timeEntries, null);
            load(file, root, "users", "userId", state.users, null);
            state.invoiceSequence = root.path("invoiceSequence").asInt(state.invoices.size());
        }
    }

    private static void put(ObjectNode root, String name, Map<String, ObjectNode> records) {
        ArrayNode a = root.putArray(name);
        records.values().forEach(r -> a.add(r.deepCopy()));
    }

    private static void load(Path file, JsonNode root, String name, String idField, Map<String, ObjectNode> into,
            XeroState touched) {
        JsonNode list = root.path(name);
        if (list.isMissingNode() || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(file + ": \"" + name + "\" must be a list.");
        }
        int i = 0;
        for (JsonNode r : list) {
            i++;
            if (!r.isObject() || r.path(idField).asText("").isBlank()) {
                throw new IllegalArgumentException(file + ": " + name + " #" + i + " is not an object with its "
                        + idField + ".");
            }
            String id = r.path(idField).asText().toLowerCase(java.util.Locale.ROOT);
            into.put(id, (ObjectNode) r.deepCopy());
            if (touched != null) {
                touched.updated.put(id, Instant.EPOCH.plusSeconds(i));
            }
        }
    }
}
