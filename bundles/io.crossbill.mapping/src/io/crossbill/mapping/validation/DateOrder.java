package io.crossbill.mapping.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.eclipse.emf.ecore.EClass;

import com.fasterxml.jackson.databind.JsonNode;

/** A start date must not be after its end date (periodStart/periodEnd, startDate/endDate). Stateless. */
public final class DateOrder implements CrossFieldRule {

	private final String startField;
	private final String endField;

	public DateOrder(String startField, String endField) {
		this.startField = startField;
		this.endField = endField;
	}

	@Override
	public void check(EClass type, JsonNode record, List<ValidationProblem> problems) {
		JsonNode start = record.get(startField);
		JsonNode end = record.get(endField);
		if (start == null || end == null || !start.isTextual() || !end.isTextual()) {
			return;
		}
		try {
			if (LocalDate.parse(start.asText()).isAfter(LocalDate.parse(end.asText()))) {
				problems.add(new ValidationProblem(endField, ValidationProblem.Rules.DATE_ORDER, "The " + type.getName()
						+ " ends (" + end.asText() + ") before it starts (" + start.asText() + ")."));
			}
		} catch (DateTimeParseException e) {
			// the field checks have reported the bad date already
		}
	}
}
