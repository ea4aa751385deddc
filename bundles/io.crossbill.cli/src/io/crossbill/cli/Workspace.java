package io.crossbill.cli;

import io.crossbill.store.EngineDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workspace a command works on (the Eclipse instance location) and its engine database. Commands
 * that only read do not create a database where there is none.
 */
final class Workspace {

	private final Path folder;

	Workspace(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
	}

	Path folder() {
		return folder;
	}

	Path databaseFile() {
		return folder.resolve(EngineDatabase.DATABASE_NAME + ".mv.db");
	}

	/**
	 * The database, or empty when the workspace has none yet.
	 *
	 * @throws io.crossbill.store.StoreException naming the file when it is damaged, foreign or in use
	 */
	Optional<EngineDatabase> openExisting() {
		return Files.exists(databaseFile()) ? Optional.of(EngineDatabase.open(folder)) : Optional.empty();
	}

	/** The database; a command that needs one fails with one line when there is none. */
	EngineDatabase openRequired() {
		return openExisting().orElseThrow(() -> new CliFailure("There is no Crossbill database in " + folder
				+ " yet (nothing has run in this workspace), so there are no exceptions to act on."));
	}
}
