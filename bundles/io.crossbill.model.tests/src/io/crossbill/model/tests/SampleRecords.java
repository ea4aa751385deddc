package io.crossbill.model.tests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import io.crossbill.model.Address;
import io.crossbill.model.ApprovalStatus;
import io.crossbill.model.BillingMethod;
import io.crossbill.model.CanonicalRecord;
import io.crossbill.model.Contract;
import io.crossbill.model.CrossReference;
import io.crossbill.model.Customer;
import io.crossbill.model.Invoice;
import io.crossbill.model.InvoiceLine;
import io.crossbill.model.InvoiceStatus;
import io.crossbill.model.Milestone;
import io.crossbill.model.ModelFactory;
import io.crossbill.model.RateCardEntry;
import io.crossbill.model.SystemKind;
import io.crossbill.model.TimeEntry;

/**
 * One small but complete slice of a firm's records: a customer known to all three systems, its fixed-fee
 * contract with a rate card and milestones, a week's time entry and the invoice that bills it.
 */
final class SampleRecords {

	static final BigDecimal CONTRACT_VALUE = new BigDecimal("1234.50");

	private static final ModelFactory FACTORY = ModelFactory.eINSTANCE;

	private SampleRecords() {
	}

	static List<EObject> all() {
		return List.of(customer(), contract(), timeEntry(), invoice());
	}

	static Customer customer() {
		Customer customer = FACTORY.createCustomer();
		identify(customer, "cust-0001", "v7");
		link(customer, SystemKind.CRM, "hubspot", "9876543210");
		link(customer, SystemKind.PSA, "kantata", "48213");
		link(customer, SystemKind.ERP, "xero", "b3f1c2de-7a10-4c55-9d0e-2f6c1a9e0b11");
		customer.setLegalEntityName("Northwind Consulting GmbH");
		customer.setTaxId("DE123456789");
		customer.setCountryCode("DE");
		customer.setCurrencyCode("EUR");
		Address address = FACTORY.createAddress();
		address.getLines().addAll(List.of("Kaiserstraße 12", "3. OG"));
		address.setCity("Frankfurt am Main");
		address.setRegion("Hessen");
		address.setPostalCode("60311");
		address.setCountryCode("DE");
		customer.setBillingAddress(address);
		return customer;
	}

	static Contract contract() {
		Contract contract = FACTORY.createContract();
		identify(contract, "ctr-0042", "2025-03-01T09:15:00Z");
		link(contract, SystemKind.CRM, "hubspot", "deal-5550123");
		contract.setCustomerId("cust-0001");
		contract.setDealId("deal-0042");
		contract.setTitle("ERP rollout, phase 1");
		contract.setValue(CONTRACT_VALUE);
		contract.setCurrencyCode("EUR");
		contract.setBillingMethod(BillingMethod.FIXED_FEE);
		contract.setStartDate(LocalDate.of(2025, 3, 3));
		contract.setEndDate(LocalDate.of(2025, 6, 30));
		contract.getRateCard().add(rate("role-consultant", "145.00"));
		contract.getRateCard().add(rate("role-architect", "210.50"));
		contract.getMilestones().add(milestone("ms-1", "Blueprint signed off", "600.00", LocalDate.of(2025, 4, 15), true));
		contract.getMilestones().add(milestone("ms-2", "Go-live", "634.50", LocalDate.of(2025, 6, 30), false));
		return contract;
	}

	static TimeEntry timeEntry() {
		TimeEntry entry = FACTORY.createTimeEntry();
		identify(entry, "te-77001", "3");
		link(entry, SystemKind.PSA, "kantata", "te-991827");
		entry.setResourceId("res-ana");
		entry.setProjectId("prj-0042");
		entry.setTask("Data migration workshop");
		entry.setRoleId("role-consultant");
		entry.setWorkDate(LocalDate.of(2025, 3, 31));
		entry.setHours(new BigDecimal("7.25"));
		entry.setBillable(true);
		entry.setApprovalStatus(ApprovalStatus.APPROVED);
		entry.setApprovedDate(LocalDate.of(2025, 4, 1));
		entry.setNotes("On site, \"quotes\" and ümlauts survive");
		return entry;
	}

	static Invoice invoice() {
		Invoice invoice = FACTORY.createInvoice();
		identify(invoice, "inv-2025-0003", "1");
		link(invoice, SystemKind.ERP, "xero", "INV-0003");
		invoice.setCustomerId("cust-0001");
		invoice.setContractId("ctr-0042");
		invoice.setInvoiceNumber("INV-0003");
		invoice.setStatus(InvoiceStatus.POSTED);
		invoice.setIssueDate(LocalDate.of(2025, 4, 30));
		invoice.setDueDate(LocalDate.of(2025, 5, 30));
		invoice.setPeriodStart(LocalDate.of(2025, 4, 1));
		invoice.setPeriodEnd(LocalDate.of(2025, 4, 30));
		invoice.setCurrencyCode("EUR");
		invoice.setTotalAmount(new BigDecimal("1651.25"));
		InvoiceLine milestoneLine = FACTORY.createInvoiceLine();
		milestoneLine.setLineNumber(1);
		milestoneLine.setDescription("Milestone: Blueprint signed off");
		milestoneLine.setProjectId("prj-0042");
		milestoneLine.setMilestoneId("ms-1");
		milestoneLine.setQuantity(BigDecimal.ONE);
		milestoneLine.setUnitAmount(new BigDecimal("600.00"));
		milestoneLine.setLineAmount(new BigDecimal("600.00"));
		InvoiceLine timeLine = FACTORY.createInvoiceLine();
		timeLine.setLineNumber(2);
		timeLine.setDescription("Consulting, April");
		timeLine.setProjectId("prj-0042");
		timeLine.setRoleId("role-consultant");
		timeLine.setQuantity(new BigDecimal("7.25"));
		timeLine.setUnitAmount(new BigDecimal("145.00"));
		timeLine.setLineAmount(new BigDecimal("1051.25"));
		timeLine.getTimeEntryIds().addAll(List.of("te-77001", "te-77002"));
		invoice.getLines().addAll(List.of(milestoneLine, timeLine));
		return invoice;
	}

	private static void identify(CanonicalRecord record, String canonicalId, String sourceVersion) {
		record.setCanonicalId(canonicalId);
		record.setSourceVersion(sourceVersion);
		record.setLineageId("run-2025-04-30/" + canonicalId);
	}

	private static void link(CanonicalRecord record, SystemKind kind, String systemName, String externalId) {
		CrossReference reference = FACTORY.createCrossReference();
		reference.setSystemKind(kind);
		reference.setSystemName(systemName);
		reference.setExternalId(externalId);
		record.getCrossReferences().add(reference);
	}

	private static RateCardEntry rate(String roleId, String billRate) {
		RateCardEntry entry = FACTORY.createRateCardEntry();
		entry.setRoleId(roleId);
		entry.setBillRate(new BigDecimal(billRate));
		return entry;
	}

	private static Milestone milestone(String id, String name, String amount, LocalDate due, boolean completed) {
		Milestone milestone = FACTORY.createMilestone();
		identify(milestone, id, "1");
		milestone.setName(name);
		milestone.setAmount(new BigDecimal(amount));
		milestone.setDueDate(due);
		milestone.setCompleted(completed);
		if (completed) {
			milestone.setCompletedDate(due.minusDays(2));
		}
		return milestone;
	}
}
