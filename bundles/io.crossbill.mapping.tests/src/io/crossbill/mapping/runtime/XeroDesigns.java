package io.crossbill.mapping.runtime;

import java.util.List;

import io.crossbill.mapping.Direction;
import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.MappingFactory;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.Transform;
import io.crossbill.mapping.ValueMapEntry;

/** Designs built in code, as the design editor would build them through the model. */
final class XeroDesigns {

	static final String TIME_ENTRY = """
			{"timeEntryId":"te-1","userId":"u-7","projectId":"xp-100","taskId":"t-3",
			 "dateUtc":"2026-10-08T00:00:00Z","duration":195,"description":"  Design workshop ","status":"ACTIVE"}""";

	private static final MappingFactory F = MappingFactory.eINSTANCE;

	private XeroDesigns() {
	}

	/** Xero Projects time entries to canonical TimeEntry, with no expression at all. */
	static MappingDesign timeEntries(int version) {
		MappingDesign design = design("xero-time-entries", version, Direction.INBOUND);
		EntityMapping entity = entity(design, "timeEntry", "TimeEntry");
		rule(entity, "canonicalId", RuleKind.COPY, "timeEntryId").setRequired(true);
		rule(entity, "resourceId", RuleKind.COPY, "userId").setRequired(true);
		FieldRule project = rule(entity, "projectId", RuleKind.LOOKUP, "projectId");
		project.setLookupEntity("Project");
		project.setRequired(true);
		rule(entity, "task", RuleKind.COPY, "taskId");
		FieldRule date = rule(entity, "workDate", RuleKind.COPY, "dateUtc");
		date.getTransforms().add(Transform.TO_DATE);
		date.setRequired(true);
		FieldRule hours = rule(entity, "hours", RuleKind.COPY, "duration");
		hours.getTransforms().add(Transform.MINUTES_TO_HOURS);
		hours.setScale(2);
		hours.setRequired(true);
		rule(entity, "notes", RuleKind.COPY, "description").getTransforms().add(Transform.TRIM);
		FieldRule status = rule(entity, "approvalStatus", RuleKind.VALUE_MAP, "status");
		status.getValueMap().addAll(List.of(entry("ACTIVE", "SUBMITTED"), entry("LOCKED", "APPROVED"),
				entry("INVOICED", "APPROVED")));
		status.setRequired(true);
		rule(entity, "billable", RuleKind.CONSTANT, null).setValue("true");
		return design;
	}

	/** A Xero accounting invoice with its line items to a canonical Invoice with lines. */
	static MappingDesign invoices() {
		MappingDesign design = design("xero-invoices", 1, Direction.INBOUND);
		EntityMapping entity = entity(design, "invoice", "Invoice");
		rule(entity, "canonicalId", RuleKind.COPY, "InvoiceID").setRequired(true);
		rule(entity, "invoiceNumber", RuleKind.COPY, "InvoiceNumber");
		rule(entity, "currencyCode", RuleKind.COPY, "CurrencyCode").setDefaultValue("NZD");
		rule(entity, "issueDate", RuleKind.COPY, "Date").getTransforms().add(Transform.TO_DATE);
		rule(entity, "totalAmount", RuleKind.COPY, "Total").getTransforms().add(Transform.TO_DECIMAL);
		FieldRule status = rule(entity, "status", RuleKind.VALUE_MAP, "Status");
		status.getValueMap().addAll(List.of(entry("DRAFT", "DRAFT"), entry("AUTHORISED", "POSTED"),
				entry("PAID", "PAID"), entry("VOIDED", "VOID")));
		status.setUnmatchedValue("DRAFT");
		rule(entity, "lines[]/description", RuleKind.COPY, "LineItems[*].Description");
		rule(entity, "lines[]/quantity", RuleKind.COPY, "LineItems[*].Quantity");
		rule(entity, "lines[]/unitAmount", RuleKind.COPY, "LineItems[*].UnitAmount").setRequired(true);
		FieldRule amount = rule(entity, "lines[]/lineAmount", RuleKind.EXPRESSION, "LineItems[*]");
		amount.setExpression("$round(Quantity * UnitAmount, 2)");
		// no [*] in the source: set on every line the rules above created
		rule(entity, "lines[]/projectId", RuleKind.CONSTANT, null).setValue("PRJ-100");
		return design;
	}

	static MappingDesign design(String name, int version, Direction direction) {
		MappingDesign design = F.createMappingDesign();
		design.setName(name);
		design.setVersion(version);
		design.setSystem("xero");
		design.setDirection(direction);
		return design;
	}

	static EntityMapping entity(MappingDesign design, String source, String target) {
		EntityMapping entity = F.createEntityMapping();
		entity.setSourceEntity(source);
		entity.setTargetEntity(target);
		design.getEntityMappings().add(entity);
		return entity;
	}

	static FieldRule rule(EntityMapping entity, String target, RuleKind kind, String source) {
		FieldRule rule = F.createFieldRule();
		rule.setTargetPath(target);
		rule.setKind(kind);
		rule.setSourcePath(source);
		entity.getRules().add(rule);
		return rule;
	}

	static ValueMapEntry entry(String from, String to) {
		ValueMapEntry entry = F.createValueMapEntry();
		entry.setFrom(from);
		entry.setTo(to);
		return entry;
	}
}
