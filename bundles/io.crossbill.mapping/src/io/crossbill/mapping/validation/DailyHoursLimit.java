package io.crossbill.mapping.validation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.ecore.EClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * No more than a day's worth of hours by one person on one day, summed across a batch of time entries.
 * Stateful: it keeps a running total per resource and work date, so use one instance per batch (billing
 * run, import) and {@link #reset()} or drop it afterwards. The same entry seen again (a replay, a
 * corrected version) replaces its earlier hours rather than adding to them. Thread-safe.
 */
public final class DailyHoursLimit implements CrossFieldRule {

	private record Day(String resourceId, String workDate) {
	}

	private final String typeName;
	private final BigDecimal limit;
	/** Per resource and day: hours by entry id, so a re-sent entry is counted once. */
	private final Map<Day, Map<String, BigDecimal>> days = new ConcurrentHashMap<>();

	/** 24 hours per person per day on canonical TimeEntry records. */
	public DailyHoursLimit() {
		this("TimeEntry", BigDecimal.valueOf(24));
	}

	public DailyHoursLimit(String typeName, BigDecimal limit) {
		this.typeName = typeName;
		this.limit = limit;
	}

	@Override
	public void check(EClass type, JsonNode record, List<ValidationProblem> problems) {
		if (!typeName.equals(type.getName())) {
			return;
		}
		JsonNode resource = record.get("resourceId");
		JsonNode date = record.get("workDate");
		JsonNode hours = record.get("hours");
		if (resource == null || date == null || hours == null || !hours.isNumber()) {
			return; // required-field checks report what is missing
		}
		Day day = new Day(resource.asText(), date.asText());
		JsonNode id = record.get("canonicalId");
		String entryKey = id != null && id.isTextual() ? id.asText() : "#" + System.identityHashCode(record);
		BigDecimal total;
		Map<String, BigDecimal> entries = days.computeIfAbsent(day, d -> new HashMap<>());
		synchronized (entries) {
			entries.put(entryKey, hours.decimalValue());
			total = entries.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		}
		if (total.compareTo(limit) > 0) {
			problems.add(new ValidationProblem("hours", ValidationProblem.Rules.MAX_HOURS_PER_DAY,
					"Resource " + day.resourceId() + " has " + total.stripTrailingZeros().toPlainString() + " hours on "
							+ day.workDate() + " in this batch, more than the " + limit.toPlainString()
							+ " one person can work in a day."));
		}
	}

	/** The hours counted so far for one person on one day. */
	public BigDecimal total(String resourceId, String workDate) {
		Map<String, BigDecimal> entries = days.get(new Day(resourceId, workDate));
		if (entries == null) {
			return BigDecimal.ZERO;
		}
		synchronized (entries) {
			return entries.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		}
	}

	/** Forgets all totals, for the next batch. */
	public void reset() {
		days.clear();
	}
}
