package io.crossbill.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API budget each system says is left, from the rate-limit headers of its latest answer: Xero's per minute
 * and per day (one organisation's limits, shared by its Accounting and Projects APIs), HubSpot's per ten seconds
 * and per day. The connectors report every answer's headers here ({@link Systems#connect(
 * io.crossbill.connect.hubspot.HubSpotConnection, io.crossbill.connect.xero.XeroConnection,
 * java.util.function.BiConsumer)}); the engine samples {@link #current()} after each run.
 */
public final class ApiBudgets {

    /** Xero's published limits per organisation: 60 calls a minute, 5,000 a day. */
    public static final Map<String, Long> XERO_LIMITS = Map.of("xero/minute", 60L, "xero/day", 5_000L);

    /**
     * One window's budget.
     *
     * @param system "xero" or "hubspot"
     * @param window "minute", "day", "10 s" (HubSpot's burst window), "app minute" (Xero, all organisations)
     * @param left   calls left in the window, as the answer said
     * @param limit  the window's limit: from the answer (HubSpot sends it) or the system's published one; null when
     *               neither says
     * @param at     when the answer came
     */
    public record Budget(String system, String window, long left, Long limit, Instant at) {

        /** "xero/day": what the monitor's samples are kept under. */
        public String subject() {
            return system + "/" + window;
        }

        /** "4,990/day", "58/min", "187 in 10 s": what is left, for a narrow column. */
        public String compact() {
            String n = String.format(java.util.Locale.ROOT, "%,d", left);
            return switch (window) {
                case "minute" -> n + "/min";
                case "day" -> n + "/day";
                case "10 s" -> n + " in 10 s";
                default -> n + " per " + window;
            };
        }

        /** "4,990 of 5,000 a day" or "58 a minute". */
        public String describe() {
            String per = window.equals("10 s") ? " in 10 s" : " a " + window;
            return String.format(java.util.Locale.ROOT, "%,d", left) + (limit == null ? "" : String.format(
                    java.util.Locale.ROOT, " of %,d", limit)) + per;
        }
    }

    private record Seen(Map<String, String> headers, Instant at) {
    }

    private static final String[][] WINDOWS = {
            // system, header with what is left, header with the limit (or null), window
            { "xero", "X-MinLimit-Remaining", null, "minute" },
            { "xero", "X-DayLimit-Remaining", null, "day" },
            { "xero", "X-AppMinLimit-Remaining", null, "app minute" },
            { "hubspot", "X-HubSpot-RateLimit-Remaining", "X-HubSpot-RateLimit-Max", "10 s" },
            { "hubspot", "X-HubSpot-RateLimit-Daily-Remaining", "X-HubSpot-RateLimit-Daily", "day" } };

    private final Map<String, Seen> latest = new ConcurrentHashMap<>();
    private final Map<String, Long> limits;
    private final Clock clock;

    /**
     * @param limits the windows' limits where the answers do not carry them, by subject ({@code xero/day}); the
     *               published ones ({@link #XERO_LIMITS}) or, for a sandbox, its own
     */
    public ApiBudgets(Map<String, Long> limits, Clock clock) {
        this.limits = Map.copyOf(limits);
        this.clock = clock;
    }

    /** Hears one answer's rate-limit headers ({@code system}: "xero" or "hubspot"). */
    public void seen(String system, Map<String, String> headers) {
        if (!headers.isEmpty()) {
            latest.put(system, new Seen(Map.copyOf(headers), clock.instant()));
        }
    }

    /** Every window some answer reported, by system then window; empty before the first answer. */
    public List<Budget> current() {
        List<Budget> out = new ArrayList<>();
        for (String system : List.of("xero", "hubspot")) {
            Seen s = latest.get(system);
            if (s != null) {
                parse(s.headers(), limits, s.at()).stream().filter(b -> b.system().equals(system)).forEach(out::add);
            }
        }
        return out;
    }

    /**
     * The budgets one answer's rate-limit headers tell, in the order system then window.
     *
     * @param limits the windows' limits where the headers do not carry them, by subject ({@code xero/day})
     */
    public static List<Budget> parse(Map<String, String> headers, Map<String, Long> limits, Instant at) {
        List<Budget> out = new ArrayList<>();
        for (String[] w : WINDOWS) {
            Long left = number(headers.get(w[1]));
            if (left == null) {
                continue;
            }
            String subject = w[0] + "/" + w[3];
            Long limit = w[2] == null ? null : number(headers.get(w[2]));
            if (limit == null) {
                limit = limits.get(subject);
            }
            if (limit != null && limit < left) {
                limit = null; // a limit below what is left is not this system's limit: say only what is left
            }
            out.add(new Budget(w[0], w[3], left, limit, at));
        }
        return out;
    }

    /** The budgets in words: "xero 4,990 of 5,000 a day, 58 of 60 a minute; hubspot ...". */
    public static String describe(List<Budget> budgets) {
        Map<String, List<String>> bySystem = new TreeMap<>();
        budgets.forEach(b -> bySystem.computeIfAbsent(b.system(), k -> new ArrayList<>()).add(b.describe()));
        List<String> parts = new ArrayList<>();
        bySystem.forEach((system, windows) -> parts.add(system + " " + String.join(", ", windows)));
        return String.join("; ", parts);
    }

    private static Long number(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
