package io.crossbill.cli;

import io.crossbill.engine.exceptions.ActionOutcome;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code crossbill exceptions retry}. */
@Command(name = "retry", mixinStandardHelpOptions = true, description = "Put exceptions back for another attempt:"
		+ " a record that failed on the way in is re-run from its stored payload; a failed delivery goes back to"
		+ " the outbox.")
final class RetryExceptions extends ExceptionAction {

	@Override
	ActionOutcome one(ExceptionActions actions, EngineDatabase db, long exceptionId) {
		return actions.retry(exceptionId, dryRun);
	}

	@Override
	List<ActionOutcome> all(ExceptionActions actions, ExceptionFilter filter) {
		return actions.retryAll(filter, dryRun);
	}
}
