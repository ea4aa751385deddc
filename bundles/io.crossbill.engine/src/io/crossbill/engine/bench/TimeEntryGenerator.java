package io.crossbill.engine.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic synthetic time entries shaped like Xero Projects time entries, as BENCHMARKS.md describes:
 * 2,000 users, 500 projects, 5,000 tasks (task i belongs to project i mod 500), dates in 2026, durations
 * 15-720 minutes in steps of 15, descriptions of 40-80 characters; about 344 bytes a payload.
 */
public final class TimeEntryGenerator {

    /** Generated entries: UTF-8 payloads and their time entry ids. */
    public record Entries(byte[][] payloads, String[] ids) {
        public int size() {
            return payloads.length;
        }
    }

    private static final String[] WORDS = {"client", "workshop", "review", "design", "billing", "migration",
        "sprint", "planning", "report", "call", "follow-up", "analysis", "testing", "deploy", "data", "mapping",
        "ledger", "invoice", "project", "kickoff", "training", "support", "budget", "forecast", "scope", "change"};

    private TimeEntryGenerator() {
    }

    /** Generates {@code n} entries from a seed; the same seed gives the same bytes. */
    public static Entries generate(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] users = uuids(random, 2_000);
        String[] projects = uuids(random, 500);
        String[] tasks = uuids(random, 5_000);
        LocalDate firstDay = LocalDate.of(2026, 1, 1);
        byte[][] payloads = new byte[n][];
        String[] ids = new String[n];
        StringBuilder sb = new StringBuilder(400);
        for (int i = 0; i < n; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            int task = random.nextInt(tasks.length);
            sb.setLength(0);
            sb.append("{\"timeEntryId\":\"").append(id)
                    .append("\",\"userId\":\"").append(users[random.nextInt(users.length)])
                    .append("\",\"projectId\":\"").append(projects[task % projects.length])
                    .append("\",\"taskId\":\"").append(tasks[task])
                    .append("\",\"dateUtc\":\"").append(firstDay.plusDays(random.nextInt(365))).append("T00:00:00Z")
                    .append("\",\"duration\":").append(15 * (1 + random.nextInt(48)))
                    .append(",\"description\":\"").append(description(random, 40 + random.nextInt(41)))
                    .append("\",\"status\":\"ACTIVE\"}");
            payloads[i] = sb.toString().getBytes(StandardCharsets.UTF_8);
            ids[i] = id;
        }
        return new Entries(payloads, ids);
    }

    private static String[] uuids(SplittableRandom random, int count) {
        String[] result = new String[count];
        for (int i = 0; i < count; i++) {
            result[i] = new UUID(random.nextLong(), random.nextLong()).toString();
        }
        return result;
    }

    private static String description(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder(length + 12);
        while (sb.length() < length) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        sb.setLength(length);
        if (sb.charAt(length - 1) == ' ') {
            sb.setCharAt(length - 1, '.');
        }
        return sb.toString();
    }
}
