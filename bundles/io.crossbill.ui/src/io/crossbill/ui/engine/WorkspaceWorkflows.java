package io.crossbill.ui.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.crossbill.engine.exceptions.Workflow;
import io.crossbill.engine.exceptions.Workflows;

/**
 * The ingest workflows this workbench re-runs received records through when an analyst retries or replays
 * an exception: the ones the engine ships ({@link Workflows#shipped()}), plus any added while the workbench
 * runs (a connector's import, or a test's). An added workflow of a shipped name replaces the shipped one.
 * Looked up at each action, so a workflow added after the exception queue opened is used too.
 */
public final class WorkspaceWorkflows {

	private static final Map<String, Workflow> ADDED = new ConcurrentHashMap<>();

	private WorkspaceWorkflows() {
	}

	/** The workflows, by name: those added first, then the shipped ones. */
	public static Workflows all() {
		Workflows shipped = Workflows.shipped();
		Workflows added = name -> Optional.ofNullable(name == null ? null : ADDED.get(name));
		return added.or(shipped);
	}

	/** Adds a workflow (replacing one of the same name). */
	public static void add(Workflow workflow) {
		ADDED.put(workflow.name(), workflow);
	}

	/** Removes an added workflow; a shipped one stays. */
	public static void remove(String name) {
		ADDED.remove(name);
	}
}
