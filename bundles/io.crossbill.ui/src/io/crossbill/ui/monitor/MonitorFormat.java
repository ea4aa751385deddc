package io.crossbill.ui.monitor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The words and numbers the monitor screens show, kept apart from the widgets so they can be tested: the
 * steps of each workflow in the order a saga makes them, durations, times, throughput and payloads.
 */
public final class MonitorFormat {

	/** The steps of each workflow in the order a saga makes them (policy checks before writes). */
	public static final Map<String, List<String>> STEPS = Map.of(
			"lead-to-project", List.of("customer", "project", "task", "write-back"),
			"change-to-forecast", List.of("plan", "forecast", "contract-value"),
			"customer-master-sync", List.of("match", "survivorship", "update-crm"),
			"time-to-billing", List.of("policy-check", "reserve", "post-invoice"));

	/** What each step does, in the analyst's words, for the diagram's tooltips. */
	public static final Map<String, String> STEP_HELP = Map.ofEntries(
			Map.entry("customer", "Find or create the deal's customer in the ERP (Xero), after tax id and currency checks"),
			Map.entry("project", "Create the project shell in the PSA (Xero Projects)"),
			Map.entry("task", "Create the project's tasks from the role templates or milestones"),
			Map.entry("write-back", "Write the ERP customer id and PSA project id back to the CRM deal"),
			Map.entry("plan", "Work out the new estimate from the approved change order"),
			Map.entry("forecast", "Update the project's estimate in the PSA"),
			Map.entry("contract-value", "Update the deal's amount in the CRM"),
			Map.entry("match", "Match CRM companies to ERP contacts; catch duplicates"),
			Map.entry("survivorship", "Compare master fields; a change on both sides becomes an exception"),
			Map.entry("update-crm", "Write the ERP-owned fields to the CRM company"),
			Map.entry("policy-check", "Check approved time: hours a day, rates, closed projects, currencies"),
			Map.entry("reserve", "Reserve the billable items for one invoice in the billing ledger"),
			Map.entry("post-invoice", "Post the DRAFT invoice to the ERP"));

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private MonitorFormat() {
	}

	/** A workflow's name as a title: {@code lead-to-project} -> {@code Lead to project}. */
	public static String title(String workflow) {
		if (workflow == null || workflow.isEmpty()) {
			return "";
		}
		String words = workflow.replace('-', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/**
	 * A duration as an analyst reads it: {@code 850 ms}, {@code 4.2 s}, {@code 3 min 05 s}, {@code 2 h 07 min};
	 * an empty string for {@code null}.
	 */
	public static String duration(Duration d) {
		if (d == null) {
			return "";
		}
		long ms = Math.max(0, d.toMillis());
		if (ms < 1000) {
			return ms + " ms";
		}
		if (ms < 10_000) {
			return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
		}
		long s = ms / 1000;
		if (s < 60) {
			return s + " s";
		}
		if (s < 3600) {
			return String.format(java.util.Locale.ROOT, "%d min %02d s", s / 60, s % 60);
		}
		return String.format(java.util.Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
	}

	/** How long a run took, or how long it has been running at {@code now} ("running 12 s"). */
	public static String runDuration(Instant started, Instant finished, Instant now) {
		if (started == null) {
			return "";
		}
		if (finished == null) {
			return "running " + duration(Duration.between(started, now));
		}
		return duration(Duration.between(started, finished));
	}

	/** A time of day in the given zone; the date too when it is not the day of {@code now}. */
	public static String when(Instant at, Instant now, ZoneId zone) {
		if (at == null) {
			return "";
		}
		boolean today = at.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
		return (today ? TIME : DATE_TIME).format(at.atZone(zone));
	}

	/** A latency bucket bound in micros as text: {@code 1 ms}, {@code 100 ms}, {@code 10 s}. */
	public static String micros(long micros) {
		if (micros < 1000) {
			return micros + " µs";
		}
		if (micros < 1_000_000) {
			return (micros / 1000) + " ms";
		}
		return (micros / 1_000_000) + " s";
	}

	/**
	 * The width in pixels of an arrow carrying {@code count} steps in the window when the busiest arrow
	 * carries {@code max}: 1 px for none, up to 9 px, growing with the logarithm so a quiet step stays visible
	 * beside a busy one.
	 */
	public static int arrowWidth(long count, long max) {
		if (count <= 0 || max <= 0) {
			return 1;
		}
		double share = Math.log1p(count) / Math.log1p(Math.max(count, max));
		return 2 + (int) Math.round(share * 7);
	}

	/** A count per window as a label: {@code 12 in the last hour}. */
	public static String throughput(long count, String windowName) {
		return count + " in the " + windowName;
	}

	/**
	 * A payload as indented JSON when it is JSON, else as it is; an empty string for {@code null}. Never
	 * fails: a payload that is not JSON is shown unchanged.
	 */
	public static String payload(String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String t = text.strip();
		if (!(t.startsWith("{") || t.startsWith("["))) {
			return text;
		}
		try {
			JsonNode node = JSON.readTree(t);
			return JSON.writeValueAsString(node);
		} catch (Exception notJson) {
			return text;
		}
	}
}
