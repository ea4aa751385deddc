package io.crossbill.ui.workspace;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

import io.crossbill.store.DesignVersions;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.Sagas;
import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.ui.monitor.BackgroundRefresh;
import io.crossbill.workflow.DesignLibrary;
import io.crossbill.workflow.Workflows;
import io.crossbill.workflow.WorkspaceSystems;
import io.crossbill.workflow.WorkspaceSystems.Endpoint;

/**
 * The navigator of the Design perspective: the workspace's systems (endpoint and a health mark from the last
 * connection test), its mapping designs (latest and approved version) and its four workflows (paused or not,
 * the last run), read off the UI thread every ten seconds. Double-click a design to open it in the editor,
 * a system to open the Systems view; a workflow's context menu runs the engine now, pauses or resumes it.
 */
public final class WorkspaceNavigator {

	/** A folder of the tree. */
	public record Folder(String label, List<?> children) {
	}

	/** A system node. */
	public record SystemNode(Endpoint endpoint) {
	}

	/** A design node: its name, latest saved version and latest approved one (0: none). */
	public record DesignNode(String name, int latest, int approved) {
	}

	/** A workflow node: paused or not, its last run. */
	public record WorkflowNode(String name, boolean paused, Sagas.Run lastRun) {
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

	private final Composite root;
	private final TreeViewer viewer;
	private final EngineDatabase db;
	private final EmbeddedEngine engine;
	private final SystemHealth health;
	private final Image ok;
	private final Image failed;
	private final Image untested;
	private final BackgroundRefresh<List<Folder>> refresh;

	/**
	 * @param openDesign  opens a design (by name) in the mapping design editor
	 * @param openSystems opens the Systems view
	 */
	public WorkspaceNavigator(Composite parent, EngineDatabase db, EmbeddedEngine engine, SystemHealth health,
			Consumer<String> openDesign, Runnable openSystems) {
		this.db = db;
		this.engine = engine;
		this.health = health;
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new FillLayout());
		Display display = root.getDisplay();
		ok = dot(display, SWT.COLOR_DARK_GREEN);
		failed = dot(display, SWT.COLOR_RED);
		untested = dot(display, SWT.COLOR_GRAY);
		root.addDisposeListener(e -> {
			ok.dispose();
			failed.dispose();
			untested.dispose();
		});

		viewer = new TreeViewer(root, SWT.SINGLE | SWT.FULL_SELECTION);
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object parentElement) {
				return parentElement instanceof Folder f ? f.children().toArray() : new Object[0];
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return element instanceof Folder f && !f.children().isEmpty();
			}
		});
		viewer.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return label(element);
			}

			@Override
			public Image getImage(Object element) {
				if (element instanceof SystemNode s) {
					return health.last(s.endpoint().system()).map(t -> t.ok() ? ok : failed).orElse(untested);
				}
				return null;
			}

			@Override
			public Color getForeground(Object element) {
				return element instanceof WorkflowNode w && w.paused() ? display.getSystemColor(SWT.COLOR_DARK_YELLOW)
						: null;
			}
		});
		viewer.setAutoExpandLevel(2);
		viewer.addDoubleClickListener(e -> {
			Object o = viewer.getStructuredSelection().getFirstElement();
			if (o instanceof DesignNode d) {
				openDesign.accept(d.name());
			} else if (o instanceof SystemNode) {
				openSystems.run();
			} else if (o instanceof Folder) {
				viewer.setExpandedState(o, !viewer.getExpandedState(o));
			}
		});
		contextMenu();

		Runnable healthChanged = () -> display.asyncExec(() -> {
			if (!viewer.getTree().isDisposed()) {
				viewer.refresh(true);
			}
		});
		health.addListener(healthChanged);
		root.addDisposeListener(e -> health.removeListener(healthChanged));
		refresh = new BackgroundRefresh<>(root, "crossbill-navigator", this::read, this::show,
				e -> show(List.of(new Folder("The workspace cannot be read: " + e.getMessage(), List.of()))));
		refresh.every(10_000);
	}

	/** The composite, for screenshots. */
	public Composite control() {
		return root;
	}

	/** The tree viewer, for tests. */
	public TreeViewer viewer() {
		return viewer;
	}

	/** Reads the workspace again now. */
	public void refresh() {
		refresh.now();
	}

	private void show(List<Folder> folders) {
		Object[] expanded = viewer.getExpandedElements();
		viewer.setInput(folders);
		if (expanded.length > 0) {
			viewer.setExpandedElements(expanded);
		}
	}

	/** The tree's content, read off the UI thread. */
	List<Folder> read() {
		List<SystemNode> systems = new ArrayList<>();
		WorkspaceSystems open = engine.systems();
		List<Endpoint> endpoints;
		if (open != null) {
			endpoints = open.endpoints();
		} else {
			try {
				endpoints = WorkspaceSystems.configuredEndpoints(engine.workspace());
			} catch (RuntimeException e) {
				endpoints = List.of();
			}
		}
		endpoints.forEach(e -> systems.add(new SystemNode(e)));
		String systemsLabel = open != null && open.isSandbox() ? "Systems (built-in sandbox)"
				: endpoints.isEmpty() ? "Systems (the built-in sandbox starts with the engine)" : "Systems";

		List<DesignNode> designs = new ArrayList<>();
		DesignVersions versions = new DesignVersions(db);
		for (String name : new DesignLibrary(db).names()) {
			List<DesignVersions.Version> vs = versions.versions(name);
			int latest = vs.stream().mapToInt(DesignVersions.Version::version).max().orElse(0);
			int approved = vs.stream().filter(DesignVersions.Version::approved)
					.mapToInt(DesignVersions.Version::version).max().orElse(0);
			designs.add(new DesignNode(name, latest, approved));
		}

		List<WorkflowNode> workflows = new ArrayList<>();
		List<Sagas.Run> runs = db.sagas().runs(200);
		for (String name : Workflows.NAMES) {
			Sagas.Run last = runs.stream().filter(r -> r.workflow().equals(name)).findFirst().orElse(null);
			workflows.add(new WorkflowNode(name, db.sagas().paused(name), last));
		}
		return List.of(new Folder(systemsLabel, systems), new Folder("Mapping designs", designs),
				new Folder("Workflows", workflows));
	}

	static String label(Object element) {
		if (element instanceof Folder f) {
			return f.label() + " (" + f.children().size() + ")";
		}
		if (element instanceof SystemNode s) {
			return s.endpoint().label() + "  " + s.endpoint().baseUrl();
		}
		if (element instanceof DesignNode d) {
			if (d.latest() == 0) {
				return d.name() + "  (shipped, no saved version)";
			}
			return d.name() + "  (v" + d.latest() + (d.approved() == 0 ? ", none approved"
					: d.approved() == d.latest() ? ", approved" : ", approved v" + d.approved()) + ")";
		}
		if (element instanceof WorkflowNode w) {
			String last = w.lastRun() == null ? "never run" : when(w.lastRun().startedAt()) + " "
					+ w.lastRun().state().toLowerCase() + ": " + w.lastRun().writes() + " writes, "
					+ w.lastRun().exceptions() + " exc.";
			return w.name() + (w.paused() ? "  PAUSED" : "") + "  (" + last + ")";
		}
		return String.valueOf(element);
	}

	private static String when(Instant at) {
		return LocalDateTime.ofInstant(at, ZoneId.systemDefault()).format(WHEN);
	}

	private void contextMenu() {
		MenuManager menu = new MenuManager();
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(m -> {
			Object o = viewer.getStructuredSelection().getFirstElement();
			if (o instanceof WorkflowNode w) {
				m.add(action("Run now", "Run the workflows now (paused ones are skipped)", () -> engine.runNow()));
				m.add(action(w.paused() ? "Resume" : "Pause", null, () -> setPaused(w.name(), !w.paused())));
			}
		});
		viewer.getTree().setMenu(menu.createContextMenu(viewer.getTree()));
	}

	/** Pauses or resumes a workflow (the engine skips a paused one) and records who did it. */
	public void setPaused(String workflow, boolean paused) {
		db.sagas().setPaused(workflow, paused, Instant.now());
		db.audit().append(Optional.ofNullable(System.getProperty("user.name")).orElse("analyst"),
				paused ? "workflow.pause" : "workflow.resume", workflow, paused ? "paused in the workbench"
						: "resumed in the workbench");
		refresh.now();
	}

	private static Action action(String text, String tip, Runnable run) {
		Action a = new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
		if (tip != null) {
			a.setToolTipText(tip);
		}
		return a;
	}

	private static Image dot(Display display, int color) {
		Image img = new Image(display, 12, 12);
		GC gc = new GC(img);
		gc.setBackground(display.getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
		gc.fillRectangle(0, 0, 12, 12);
		gc.setAntialias(SWT.ON);
		gc.setBackground(display.getSystemColor(color));
		gc.fillOval(1, 1, 10, 10);
		gc.dispose();
		return img;
	}
}
