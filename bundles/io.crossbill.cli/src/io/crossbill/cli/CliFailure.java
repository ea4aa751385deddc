package io.crossbill.cli;

/** A command that cannot do what was asked: one line for the user, and the exit code. */
final class CliFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int exitCode;

	CliFailure(String message) {
		this(message, 1);
	}

	CliFailure(String message, int exitCode) {
		super(message, null, false, false);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return exitCode;
	}
}
