package io.crossbill.ui.engine;

import java.nio.file.Path;
import java.nio.file.Paths;

import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
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

	/**
	 * The database for a part: opened, with the part's composite given a fill layout for its view; or, when it
	 * cannot be opened, empty, with one wrapped line in the part that says why.
	 */
	public static Optional<EngineDatabase> databaseFor(Composite part) {
		try {
			EngineDatabase db = database();
			part.setLayout(new FillLayout());
			return Optional.of(db);
		} catch (RuntimeException e) {
			part.setLayout(new GridLayout(1, false));
			Label problem = new Label(part, SWT.WRAP);
			problem.setText("The engine's database cannot be opened, so there is nothing to show: " + e.getMessage());
			problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
			return Optional.empty();
		}
	}

	/** Closes the database (at shutdown). */
	public static synchronized void close() {
		if (database != null) {
			database.close();
			database = null;
		}
	}
}
