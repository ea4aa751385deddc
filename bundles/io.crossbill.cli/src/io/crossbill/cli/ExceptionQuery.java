package io.crossbill.cli;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionState;
import io.crossbill.store.ExceptionFilter;
import picocli.CommandLine.Option;

/** The filters shared by {@code exceptions list} and the {@code --all-matching} form of the actions. */
final class ExceptionQuery {

	@Option(names = "--class", paramLabel = "CLASS", description = "VALIDATION, MAPPING, REFERENCE, DUPLICATE,"
			+ " CONFLICT, RATE_LIMITED, AUTH, CONNECTIVITY, REJECTED or INTERNAL")
	ExceptionClass exceptionClass;

	@Option(names = "--state", paramLabel = "STATE", description = "OPEN, RETRYING, RESOLVED or DEAD")
	ExceptionState state;

	@Option(names = "--system", paramLabel = "SYSTEM", description = "the system, e.g. xero")
	String system;

	@Option(names = "--workflow", paramLabel = "WORKFLOW", description = "the workflow, e.g. time-to-billing")
	String workflow;

	@Option(names = "--key", paramLabel = "KEY", description = "the business key, e.g. a time entry id")
	String businessKey;

	boolean isEmpty() {
		return exceptionClass == null && state == null && system == null && workflow == null && businessKey == null;
	}

	ExceptionFilter filter(int limit) {
		return new ExceptionFilter(exceptionClass, state, system, workflow, businessKey, limit);
	}
}
