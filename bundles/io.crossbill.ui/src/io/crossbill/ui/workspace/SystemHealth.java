package io.crossbill.ui.workspace;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import io.crossbill.workflow.WorkspaceSystems.ConnectionTest;

/**
 * The last connection test of each system in this workbench, shared by the Systems view (which makes the
 * tests) and the navigator (which shows a health mark beside each system). Listeners hear of each new
 * result on the thread that made it.
 */
public final class SystemHealth {

	private static final SystemHealth WORKBENCH = new SystemHealth();

	private final Map<String, ConnectionTest> last = new ConcurrentHashMap<>();
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/** The board of this workbench. */
	public static SystemHealth workbench() {
		return WORKBENCH;
	}

	/** Records a test's outcome. */
	public void record(ConnectionTest t) {
		last.put(t.system(), t);
		listeners.forEach(Runnable::run);
	}

	/** The last test of a system, if one was made. */
	public Optional<ConnectionTest> last(String system) {
		return Optional.ofNullable(last.get(system));
	}

	public void addListener(Runnable l) {
		listeners.add(l);
	}

	public void removeListener(Runnable l) {
		listeners.remove(l);
	}
}
