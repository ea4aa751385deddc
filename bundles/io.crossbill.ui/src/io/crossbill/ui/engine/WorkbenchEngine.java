package io.crossbill.ui.engine;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;

import io.crossbill.store.EngineDatabase;

/**
 * The engine's database of the workbench's workspace (the {@code -data} folder), opened once when a part
 * first needs it and closed when the workbench shuts down. H2 lets one process hold the file, so every
 * part shares this one instance; {@link EngineDatabase} serialises its transactions itself.
 */
public final class WorkbenchEngine {
	private static EngineDatabase database;

	private WorkbenchEngine() {
	}

	/** The workspace folder, or the user's {@code ~/.crossbill} when the workbench was started without one. */
	public static Path workspace() {
		Location instance = Platform.getInstanceLocation();
		if (instance == null || instance.getURL() == null) {
			return Paths.get(System.getProperty("user.home"), ".crossbill");
		}
		return Paths.get(instance.getURL().getPath());
	}

	/**
	 * The database, opened on first use.
	 *
	 * @throws io.crossbill.store.StoreException naming the file when it cannot be opened
	 */
	public static synchronized EngineDatabase database() {
		if (database == null) {
			database = EngineDatabase.open(workspace());
			Runtime.getRuntime().addShutdownHook(new Thread(WorkbenchEngine::close, "crossbill-engine-close"));
		}
		return database;
	}

	/** Closes the database (at shutdown). */
	public static synchronized void close() {
		if (database != null) {
			database.close();
			database = null;
		}
	}
}
