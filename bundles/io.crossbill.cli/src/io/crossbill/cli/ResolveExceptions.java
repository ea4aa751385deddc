package io.crossbill.cli;

import io.crossbill.engine.exceptions.ActionOutcome;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crossbill exceptions resolve}. */
@Command(name = "resolve", mixinStandardHelpOptions = true, description = "Resolve exceptions with a reason.")
final class ResolveExceptions extends ExceptionAction {

	@Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why; kept in history and audit")
	String reason;

	@Override
	void checkOptions() {
		if (reason.isBlank()) {
			throw new CliFailure("--reason must say why the exception is resolved.", 2);
		}
	}

	@Override
	ActionOutcome one(ExceptionActions actions, EngineDatabase db, long exceptionId) {
		return actions.resolve(exceptionId, reason, dryRun);
	}

	@Override
	List<ActionOutcome> all(ExceptionActions actions, ExceptionFilter filter) {
		return actions.resolveAll(filter, reason, dryRun);
	}
}
