package io.crossbill.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.delivery.SystemLimits;
import io.crossbill.store.EngineDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the engine runs in a workspace, kept in {@code <workspace>/engine.json} (every setting has a default):
 *
 * <pre>
 * {"pollMinutes": 15,
 *  "retry": {"maxAttempts": 8, "maxBackoffSeconds": 300},
 *  "limits": {"xero": {"perMinute": 60, "perDay": 5000, "concurrent": 5},
 *             "hubspot": {"perMinute": 1140}},
 *  "sandbox": false}
 * </pre>
 *
 * {@code limits} override the vendors' published limits ({@link SystemLimits#forVendor}) field by field for
 * the systems named ({@code xero} covers both Xero APIs: Xero's limits are per tenant); a field left out keeps
 * the built-in value. The retry budget applies to every system's writes. {@code sandbox: true} runs the
 * workflows on the built-in sandbox even when {@code systems.json} names real systems.
 *
 * @param pollMinutes  minutes between two runs of the workflows ({@code ./crossbill run} and the workbench)
 * @param maxAttempts  attempts of one write before it is dead-lettered
 * @param maxBackoff   the longest wait between two attempts
 * @param limits       per-system overrides of the built-in limits, by gate name ({@code xero}, {@code hubspot})
 * @param sandbox      {@code true}: always the built-in sandbox
 */
public record EngineSettings(int pollMinutes, int maxAttempts, Duration maxBackoff, Map<String, Limit> limits,
        boolean sandbox) {

    /** The file's name in the workspace. */
    public static final String FILE = "engine.json";

    /**
     * One system's overrides; {@code null} keeps the built-in value.
     *
     * @param perMinute  requests per minute
     * @param perDay     requests per day ({@code 0}: no daily budget)
     * @param concurrent requests in flight at once
     */
    public record Limit(Long perMinute, Long perDay, Integer concurrent) {

        public Limit {
            check(perMinute == null || (perMinute >= 1 && perMinute <= 1_000_000), "requests per minute", perMinute,
                    "between 1 and 1,000,000");
            check(perDay == null || (perDay >= 0 && perDay <= 100_000_000), "requests per day", perDay,
                    "between 0 (no daily budget) and 100,000,000");
            check(concurrent == null || (concurrent >= 1 && concurrent <= 100), "requests at once", concurrent,
                    "between 1 and 100");
        }

        /** {@code true} when it overrides nothing. */
        public boolean isEmpty() {
            return perMinute == null && perDay == null && concurrent == null;
        }

        SystemLimits applyTo(SystemLimits base) {
            SystemLimits l = base;
            if (perMinute != null) {
                l = l.withRate(perMinute, Duration.ofMinutes(1), base.burst());
            }
            if (perDay != null) {
                l = l.withPerDay(perDay);
            }
            if (concurrent != null) {
                l = l.withMaxConcurrent(concurrent);
            }
            return l;
        }
    }

    /** The systems whose limits can be set, by gate name. */
    public static final List<String> LIMITED_SYSTEMS = List.of("hubspot", "xero");

    private static final Set<String> FIELDS = Set.of("pollMinutes", "retry", "limits", "sandbox");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EngineSettings {
        check(pollMinutes >= 1 && pollMinutes <= 1440, "poll interval (minutes)", pollMinutes, "between 1 and 1440");
        check(maxAttempts >= 1 && maxAttempts <= 100, "retry attempts", maxAttempts, "between 1 and 100");
        check(maxBackoff != null && maxBackoff.compareTo(Duration.ofSeconds(1)) >= 0
                && maxBackoff.compareTo(Duration.ofHours(1)) <= 0, "longest backoff (seconds)",
                maxBackoff == null ? null : maxBackoff.toSeconds(), "between 1 and 3600");
        limits = java.util.Collections.unmodifiableMap(new TreeMap<>(limits));
        for (String s : limits.keySet()) {
            if (!LIMITED_SYSTEMS.contains(s)) {
                throw new IllegalArgumentException("Limits can be set for " + String.join(" and ", LIMITED_SYSTEMS)
                        + ", not for '" + s + "'.");
            }
        }
    }

    /** The defaults: every 15 minutes, 8 attempts with backoff up to 5 minutes, the vendors' limits. */
    public static EngineSettings defaults() {
        return new EngineSettings(15, 8, Duration.ofMinutes(5), Map.of(), false);
    }

    /**
     * The settings of a workspace: its {@code engine.json} over the defaults.
     *
     * @throws IllegalArgumentException naming the file and the setting when the file is not valid
     */
    public static EngineSettings load(Path workspace) {
        Path file = workspace.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(file + " must hold one JSON object of engine settings.");
        }
        try {
            return parse(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage() + " The other settings were not changed;"
                    + " fix the file or delete it to use the defaults.");
        }
    }

    private static EngineSettings parse(JsonNode n) {
        unknownFields(n, FIELDS, "");
        EngineSettings d = defaults();
        int poll = n.has("pollMinutes") ? integer(n.get("pollMinutes"), "pollMinutes") : d.pollMinutes();
        JsonNode retry = n.path("retry");
        if (!retry.isMissingNode() && !retry.isObject()) {
            throw new IllegalArgumentException("\"retry\" must be an object with maxAttempts and maxBackoffSeconds.");
        }
        unknownFields(retry, Set.of("maxAttempts", "maxBackoffSeconds"), "retry.");
        int attempts = retry.has("maxAttempts") ? integer(retry.get("maxAttempts"), "retry.maxAttempts")
                : d.maxAttempts();
        Duration backoff = retry.has("maxBackoffSeconds")
                ? Duration.ofSeconds(integer(retry.get("maxBackoffSeconds"), "retry.maxBackoffSeconds"))
                : d.maxBackoff();
        Map<String, Limit> limits = new LinkedHashMap<>();
        JsonNode l = n.path("limits");
        if (!l.isMissingNode() && !l.isObject()) {
            throw new IllegalArgumentException("\"limits\" must be an object by system (hubspot, xero).");
        }
        for (Map.Entry<String, JsonNode> e : l.properties()) {
            String p = "limits." + e.getKey() + ".";
            if (!e.getValue().isObject()) {
                throw new IllegalArgumentException("\"limits." + e.getKey() + "\" must be an object with perMinute,"
                        + " perDay and concurrent.");
            }
            unknownFields(e.getValue(), Set.of("perMinute", "perDay", "concurrent"), p);
            JsonNode v = e.getValue();
            limits.put(e.getKey(), new Limit(v.has("perMinute") ? (long) integer(v.get("perMinute"), p + "perMinute")
                    : null, v.has("perDay") ? (long) integer(v.get("perDay"), p + "perDay") : null,
                    v.has("concurrent") ? integer(v.get("concurrent"), p + "concurrent") : null));
        }
        JsonNode sb = n.path("sandbox");
        if (!sb.isMissingNode() && !sb.isBoolean()) {
            throw new IllegalArgumentException("\"sandbox\" must be true or false, not " + sb + ".");
        }
        return new EngineSettings(poll, attempts, backoff, limits, sb.asBoolean(false));
    }

    /** Writes these settings to {@code <workspace>/engine.json} (replacing it in one step). */
    public void save(Path workspace) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("pollMinutes", pollMinutes);
        root.putObject("retry").put("maxAttempts", maxAttempts).put("maxBackoffSeconds", maxBackoff.toSeconds());
        ObjectNode l = root.putObject("limits");
        limits.forEach((system, limit) -> {
            if (limit.isEmpty()) {
                return;
            }
            ObjectNode s = l.putObject(system);
            if (limit.perMinute() != null) {
                s.put("perMinute", limit.perMinute());
            }
            if (limit.perDay() != null) {
                s.put("perDay", limit.perDay());
            }
            if (limit.concurrent() != null) {
                s.put("concurrent", limit.concurrent());
            }
        });
        root.put("sandbox", sandbox);
        Files.createDirectories(workspace);
        Path tmp = Files.createTempFile(workspace, "engine", ".tmp");
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, workspace.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The limits the engine works within: the vendors' (or, on the built-in sandbox, the sandbox's generous
     * ones), this file's overrides on top, and this retry budget for every system.
     */
    public Map<String, SystemLimits> systemLimits(boolean onSandbox) {
        Map<String, SystemLimits> base = onSandbox ? WorkflowContext.sandboxLimits() : Map.of();
        Map<String, SystemLimits> out = new LinkedHashMap<>();
        for (String s : LIMITED_SYSTEMS) {
            SystemLimits b = base.getOrDefault(s, SystemLimits.forVendor(s));
            Limit own = limits.get(s);
            SystemLimits l = own == null ? b : own.applyTo(b);
            Duration first = l.firstRetryDelay().compareTo(maxBackoff) > 0 ? maxBackoff : l.firstRetryDelay();
            out.put(s, l.withRetries(maxAttempts, first, maxBackoff, l.jitter()));
        }
        return out;
    }

    /** The workflows' context under these settings: {@link #systemLimits(boolean)}, the wall clock. */
    public WorkflowContext context(EngineDatabase db, WorkflowSettings workflowSettings, boolean onSandbox) {
        return WorkflowContext.of(db, workflowSettings, Clock.systemUTC(), systemLimits(onSandbox));
    }

    /** A copy with another poll interval. */
    public EngineSettings withPollMinutes(int minutes) {
        return new EngineSettings(minutes, maxAttempts, maxBackoff, limits, sandbox);
    }

    private static void unknownFields(JsonNode n, Set<String> known, String prefix) {
        List<String> unknown = new ArrayList<>();
        n.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                unknown.add(prefix + f);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s) " + unknown + "; the settings are "
                    + known.stream().map(k -> prefix + k).sorted().toList() + ".");
        }
    }

    private static int integer(JsonNode v, String name) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a whole number, not " + v + ".");
        }
        return v.intValue();
    }

    private static void check(boolean ok, String what, Object value, String range) {
        if (!ok) {
            throw new IllegalArgumentException("The " + what + " must be " + range + ", not " + value + ".");
        }
    }
}
