package io.crossbill.cli;

import io.crossbill.engine.exceptions.ActionOutcome;
import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.engine.exceptions.PayloadEdit;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.StoredException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crossbill exceptions replay}. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Replay exceptions with an edited payload,"
		+ " which is parsed, mapped and validated before it is accepted: the whole payload from a file"
		+ " (--payload), or one field set in each stored payload (--set /pointer=value).")
final class ReplayExceptions extends ExceptionAction {

	@Option(names = "--payload", paramLabel = "FILE", description = "the edited payload (JSON)")
	Path payloadFile;

	@Option(names = "--set", paramLabel = "POINTER=VALUE", description = "set one field, e.g. /projectId=p-17 or"
			+ " /duration=90 (the value is JSON when it reads as JSON, else text)")
	String set;

	private PayloadEdit edit;

	@Override
	void checkOptions() {
		if ((payloadFile == null) == (set == null)) {
			throw new CliFailure("Give the edited payload with --payload FILE, or one field with --set"
					+ " /pointer=value.", 2);
		}
		if (payloadFile != null && allMatching) {
			throw new CliFailure("--payload replaces one exception's payload; with --all-matching use --set.", 2);
		}
		if (set != null) {
			int eq = set.indexOf('=');
			if (eq < 1) {
				throw new CliFailure("--set needs /pointer=value, e.g. --set /projectId=p-17.", 2);
			}
			try {
				edit = PayloadEdit.parse(set.substring(0, eq), set.substring(eq + 1));
			} catch (IllegalArgumentException e) {
				throw new CliFailure(e.getMessage(), 2);
			}
		}
	}

	@Override
	ActionOutcome one(ExceptionActions actions, EngineDatabase db, long exceptionId) {
		if (payloadFile != null) {
			return actions.replay(exceptionId, read(payloadFile), dryRun);
		}
		StoredException e = db.exceptions().get(exceptionId)
				.orElseThrow(() -> new CliFailure("There is no exception " + exceptionId + " in the queue."));
		if (e.originalPayload() == null || e.payloadTruncated()) {
			throw new CliFailure("Exception " + exceptionId + " has no complete stored payload to edit; give the"
					+ " whole payload with --payload FILE.");
		}
		byte[] edited;
		try {
			edited = edit.applyTo(e.originalPayload());
		} catch (IllegalArgumentException bad) {
			throw new CliFailure(bad.getMessage());
		}
		return actions.replay(exceptionId, edited, dryRun);
	}

	@Override
	List<ActionOutcome> all(ExceptionActions actions, ExceptionFilter filter) {
		return actions.replayAll(filter, edit, dryRun);
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		} catch (NoSuchFileException e) {
			throw new CliFailure("There is no file " + file.toAbsolutePath() + ".");
		} catch (IOException e) {
			throw new CliFailure("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
		}
	}
}
