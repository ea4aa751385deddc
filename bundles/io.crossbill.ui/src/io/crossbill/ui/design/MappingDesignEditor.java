package io.crossbill.ui.design;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.MappingPackage;
import io.crossbill.mapping.design.DesignProblem;

/**
 * The mapping design editor: a header (design, version, system, direction, unsaved changes, problems, approval
 * state, Undo / Redo / Save / Approve) over a folder of pages: Mapping, Value maps &amp; lookups, Preview, Test
 * cases, History and Problems. Every change goes through one EMF editing domain, so undo and redo cover every page.
 * After each change the design is checked, its golden tests run and its samples previewed, on a private copy, off
 * the UI thread, 150 ms after the last change; the pages show the result. Nothing is written until Save. Only the
 * Mapping page is made when the editor opens; the others are made when first shown (or asked for), so a big design
 * opens at the cost of one page.
 * <p>
 * Keys, while the focus is inside the editor: Ctrl+Z undo, Ctrl+Shift+Z (or Ctrl+Y) redo, Ctrl+S save.
 */
public class MappingDesignEditor extends Composite implements DesignEditorContext {

	/** The most samples the editor asks its {@link SampleProvider} for. */
	public static final int MAX_SAMPLES = 1_000;
	/** Quiet time after a change before the design is analysed again. */
	static final int DEBOUNCE_MILLIS = 150;
	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(
			ZoneId.systemDefault());

	/** The editor's pages, in tab order. */
	public enum Page {
		MAPPING("Mapping"), VALUE_MAPS("Value maps && lookups"), PREVIEW("Preview"), TESTS("Test cases"),
		HISTORY("History"), PROBLEMS("Problems");

		private final String title;

		Page(String title) {
			this.title = title;
		}

		/** The tab's title. */
		public String title() {
			return title.replace("&&", "&");
		}
	}

	private final DesignRepository repository;
	private final SampleProvider sampleProvider;
	private final String actor;
	private final ComposedAdapterFactory adapterFactory;
	private final AdapterFactoryEditingDomain domain;
	private final MappingDesign design;
	private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
	private final List<Runnable> dirtyListeners = new CopyOnWriteArrayList<>();
	private final Map<EntityMapping, List<JsonNode>> samples = new HashMap<>();
	private final Map<EntityMapping, String> samplesOrigin = new HashMap<>();
	private final Map<EntityMapping, Integer> selectedSample = new HashMap<>();
	private final Map<EntityMapping, Boolean> samplesLoading = new HashMap<>();
	private EntityMapping current;

	private final Composite header;
	private final Label title;
	private final Label state;
	private final Label problemsLine;
	private final Label message;
	private final Button undoButton;
	private final Button redoButton;
	private final Button saveButton;
	private final Button approveButton;
	private final CTabFolder folder;
	private final Map<Page, CTabItem> tabs = new EnumMap<>(Page.class);
	private final MappingPage mappingPage;
	// the other pages are made when first shown (or asked for), so a big design opens at the speed of one page
	private ValueMapsPage valueMapsPage;
	private PreviewPage previewPage;
	private TestCasesPage testCasesPage;
	private HistoryPage historyPage;
	private ProblemsPage problemsPage;
	private final Listener keys;
	private final Runnable analyseAfterQuiet = this::analyseAfterQuiet;

	private List<DesignRepository.Version> versions = List.of();
	private DesignAnalysis analysis = DesignAnalysis.none();
	private long generation;
	private boolean debouncePending;
	private boolean analysing;

	/**
	 * Opens the newest version of the named design.
	 *
	 * @param samples where sample records come from ({@link TestCaseSamples} when in doubt)
	 * @param actor   who saves and approves, recorded with each version
	 * @throws RuntimeException when the repository cannot open the design; the message says why
	 */
	public MappingDesignEditor(Composite parent, DesignRepository repository, SampleProvider samples, String designName,
			String actor) {
		super(parent, SWT.NONE);
		this.repository = repository;
		this.sampleProvider = samples;
		this.actor = actor;
		MappingPackage.eINSTANCE.eClass();
		MappingDesign opened = repository.open(designName);
		adapterFactory = new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
		adapterFactory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
		BasicCommandStack stack = new BasicCommandStack();
		domain = new AdapterFactoryEditingDomain(adapterFactory, stack, new HashMap<Resource, Boolean>());
		ResourceSet resources = domain.getResourceSet();
		resources.getPackageRegistry().put(MappingPackage.eNS_URI, MappingPackage.eINSTANCE);
		Resource resource = new XMIResourceImpl(URI.createURI("crossbill-design:/" + designName + ".xmi"));
		resources.getResources().add(resource);
		design = opened.eResource() == null ? opened : EcoreUtil.copy(opened);
		resource.getContents().add(design);
		current = design.getEntityMappings().isEmpty() ? null : design.getEntityMappings().get(0);

		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 2;
		setLayout(layout);
		header = new Composite(this, SWT.NONE);
		GridLayout headerLayout = new GridLayout(5, false);
		headerLayout.marginWidth = 8;
		headerLayout.marginHeight = 4;
		headerLayout.verticalSpacing = 2;
		header.setLayout(headerLayout);
		header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		title = new Label(header, SWT.NONE);
		title.setFont(JFaceResources.getHeaderFont());
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		undoButton = button(header, "Undo", e -> undo());
		redoButton = button(header, "Redo", e -> redo());
		saveButton = button(header, "Save ...", e -> saveAsking());
		approveButton = button(header, "Approve", e -> approveCurrent());
		state = line(header);
		problemsLine = line(header);
		message = line(header);

		folder = new CTabFolder(this, SWT.BOTTOM | SWT.BORDER);
		folder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		for (Page page : Page.values()) {
			tab(page);
		}
		mappingPage = new MappingPage(folder, this);
		tabs.get(Page.MAPPING).setControl(mappingPage.control());
		folder.setSelection(0);
		folder.addListener(SWT.Selection, e -> create(shownPage()));

		CommandStackListener onChange = event -> {
			if (isDisposed()) {
				return;
			}
			if (current != null && current.eContainer() != design) {
				current = design.getEntityMappings().isEmpty() ? null : design.getEntityMappings().get(0);
			}
			designChanged();
			for (Runnable listener : dirtyListeners) {
				listener.run();
			}
		};
		stack.addCommandStackListener(onChange);
		keys = this::key;
		getDisplay().addFilter(SWT.KeyDown, keys);
		addDisposeListener(e -> {
			getDisplay().removeFilter(SWT.KeyDown, keys);
			stack.removeCommandStackListener(onChange);
			adapterFactory.dispose();
		});
		reloadVersions();
		updateHeader();
		loadSamples(current);
		scheduleAnalysis();
	}

	// ---- DesignEditorContext

	@Override
	public MappingDesign design() {
		return design;
	}

	@Override
	public EditingDomain domain() {
		return domain;
	}

	@Override
	public EntityMapping currentEntityMapping() {
		return current;
	}

	@Override
	public void selectEntityMapping(EntityMapping entityMapping) {
		if (entityMapping == current || entityMapping == null) {
			return;
		}
		current = entityMapping;
		loadSamples(entityMapping);
		designChanged();
	}

	@Override
	public List<JsonNode> samples(EntityMapping entityMapping) {
		if (entityMapping == null) {
			return List.of();
		}
		if (!samples.containsKey(entityMapping)) {
			loadSamples(entityMapping);
		}
		return samples.getOrDefault(entityMapping, List.of());
	}

	@Override
	public String samplesOrigin(EntityMapping entityMapping) {
		if (entityMapping == null) {
			return "no entity mapping";
		}
		if (Boolean.TRUE.equals(samplesLoading.get(entityMapping))) {
			return "reading samples from " + sampleProvider.origin() + " ...";
		}
		return samplesOrigin.getOrDefault(entityMapping, "no samples read yet");
	}

	@Override
	public JsonNode selectedSample(EntityMapping entityMapping) {
		List<JsonNode> list = samples(entityMapping);
		if (list.isEmpty()) {
			return null;
		}
		int index = selectedSample.getOrDefault(entityMapping, 0);
		return list.get(Math.min(Math.max(index, 0), list.size() - 1));
	}

	@Override
	public void selectSample(EntityMapping entityMapping, int index) {
		if (entityMapping == null || selectedSample.getOrDefault(entityMapping, 0) == index) {
			return;
		}
		selectedSample.put(entityMapping, index);
		fireChanged();
	}

	@Override
	public void addChangeListener(Runnable listener) {
		changeListeners.add(listener);
	}

	@Override
	public void removeChangeListener(Runnable listener) {
		changeListeners.remove(listener);
	}

	// ---- editor

	/** Whether the design has changes that are not saved. */
	public boolean isDirty() {
		return ((BasicCommandStack) domain.getCommandStack()).isSaveNeeded();
	}

	/** Runs {@code listener} on the UI thread whenever {@link #isDirty()} may have changed. */
	public void addDirtyListener(Runnable listener) {
		dirtyListeners.add(listener);
	}

	/** Undoes the last change, if any. */
	public void undo() {
		if (domain.getCommandStack().canUndo()) {
			domain.getCommandStack().undo();
		}
	}

	/** Redoes the last undone change, if any. */
	public void redo() {
		if (domain.getCommandStack().canRedo()) {
			domain.getCommandStack().redo();
		}
	}

	/**
	 * Saves the design as it is in memory as a new version and returns the version's number; the editor then shows
	 * that version (not approved yet). Undo still works on the changes made before.
	 *
	 * @throws RuntimeException when the repository cannot save it (the header says why too)
	 */
	public int save(String who, String comment) {
		try {
			int version = repository.save(design, who, comment);
			// the version number is not an edit the analyst can undo: it records what was saved
			design.setVersion(version);
			((BasicCommandStack) domain.getCommandStack()).saveIsDone();
			reloadVersions();
			say("Saved as version " + version + ".", false);
			updateHeader();
			if (historyPage != null) {
				historyPage.refresh();
			}
			for (Runnable listener : dirtyListeners) {
				listener.run();
			}
			return version;
		} catch (RuntimeException e) {
			say("Not saved: " + e.getMessage(), true);
			throw e;
		}
	}

	/**
	 * Approves a saved version of the design as the editor's user.
	 *
	 * @throws DesignRepository.ApprovalRefused with the reasons when it has errors or failing golden tests
	 */
	public void approve(int version) {
		try {
			BusyIndicator.showWhile(getDisplay(), () -> repository.approve(design.getName(), version, actor));
			say("Version " + version + " approved by " + actor + ": the engine may use it.", false);
		} catch (DesignRepository.ApprovalRefused e) {
			say("Version " + version + " cannot be approved: " + String.join("; ", e.reasons()), true);
			throw e;
		} catch (RuntimeException e) {
			say("Version " + version + " was not approved: " + e.getMessage(), true);
			throw e;
		} finally {
			reloadVersions();
			updateHeader();
			if (historyPage != null) {
				historyPage.refresh();
			}
		}
	}

	/** Who saves and approves in this editor. */
	public String actor() {
		return actor;
	}

	/** The repository the design was opened from. */
	public DesignRepository repository() {
		return repository;
	}

	/** The saved versions of the design, oldest first, as last read. */
	public List<DesignRepository.Version> versions() {
		return versions;
	}

	/** The latest analysis (problems, golden tests, preview). */
	public DesignAnalysis analysis() {
		return analysis;
	}

	/** True when the analysis shown reflects the design as it is now (no change waiting, nothing running). */
	public boolean isAnalysed() {
		return !debouncePending && !analysing && analysis.generation() == generation;
	}

	/** Reads the samples of the current entity mapping again from the sample provider. */
	public void refreshSamples() {
		if (current != null) {
			samples.remove(current);
			loadSamples(current);
		}
	}

	/** Where samples come from, in words. */
	public String sampleSource() {
		return sampleProvider.origin();
	}

	/** Brings a page to the front (making it first, when it was never shown). */
	public void showPage(Page page) {
		create(page);
		folder.setSelection(tabs.get(page));
		folder.getSelection().getControl().setFocus();
	}

	/** The page in front. */
	public Page shownPage() {
		for (Map.Entry<Page, CTabItem> e : tabs.entrySet()) {
			if (e.getValue() == folder.getSelection()) {
				return e.getKey();
			}
		}
		return Page.MAPPING;
	}

	public MappingPage mappingPage() {
		return mappingPage;
	}

	/** The Value maps &amp; lookups page (made now if it was never shown). */
	public ValueMapsPage valueMapsPage() {
		create(Page.VALUE_MAPS);
		return valueMapsPage;
	}

	/** The Preview page (made now if it was never shown). */
	public PreviewPage previewPage() {
		create(Page.PREVIEW);
		return previewPage;
	}

	/** The Test cases page (made now if it was never shown). */
	public TestCasesPage testCasesPage() {
		create(Page.TESTS);
		return testCasesPage;
	}

	/** The History page (made now if it was never shown). */
	public HistoryPage historyPage() {
		create(Page.HISTORY);
		return historyPage;
	}

	/** The Problems page (made now if it was never shown). */
	public ProblemsPage problemsPage() {
		create(Page.PROBLEMS);
		return problemsPage;
	}

	/** Makes a page that was not made yet and puts it in its tab; the page shows the editor's state at once. */
	private void create(Page page) {
		if (isDisposed() || tabs.get(page).getControl() != null) {
			return;
		}
		Control control = switch (page) {
		case MAPPING -> mappingPage.control();
		case VALUE_MAPS -> (valueMapsPage = new ValueMapsPage(folder, this)).control();
		case PREVIEW -> (previewPage = new PreviewPage(folder, this)).control();
		case TESTS -> (testCasesPage = new TestCasesPage(folder, this)).control();
		case HISTORY -> (historyPage = new HistoryPage(folder, this)).control();
		case PROBLEMS -> (problemsPage = new ProblemsPage(folder, this)).control();
		};
		tabs.get(page).setControl(control);
	}

	/** The header's lines (state, problems, last message), for tests. */
	public String headerText() {
		return title.getText() + "\n" + state.getText() + "\n" + problemsLine.getText() + "\n" + message.getText();
	}

	/** Label of an entity mapping as the checker and the diff name it. */
	static String label(EntityMapping entityMapping) {
		return entityMapping.getSourceEntity() + " -> " + entityMapping.getTargetEntity();
	}

	// ---- internals

	private void designChanged() {
		updateHeader();
		fireChanged();
		scheduleAnalysis();
	}

	private void fireChanged() {
		for (Runnable listener : changeListeners) {
			try {
				listener.run();
			} catch (RuntimeException e) {
				say("A page could not show the change: " + e, true);
			}
		}
	}

	/**
	 * Analyses the design {@value #DEBOUNCE_MILLIS} ms after the last of a burst of changes: each change puts the
	 * timer back (SWT reschedules a runnable that is already pending), so a burst costs one check, test run and
	 * preview, for every page at once.
	 */
	private void scheduleAnalysis() {
		generation++;
		debouncePending = true;
		getDisplay().timerExec(DEBOUNCE_MILLIS, analyseAfterQuiet);
	}

	private void analyseAfterQuiet() {
		debouncePending = false;
		if (!isDisposed() && !analysing) {
			startAnalysis();
		}
	}

	private void startAnalysis() {
		long wanted = generation;
		MappingDesign copy = EcoreUtil.copy(design);
		String sourceEntity = current == null ? null : current.getSourceEntity();
		List<JsonNode> records = samples(current);
		analysing = true;
		Job job = Job.create("Checking and previewing design " + design.getName(), (IProgressMonitor monitor) -> {
			monitor.beginTask("Checking, testing and previewing " + records.size() + " samples",
					IProgressMonitor.UNKNOWN);
			DesignAnalysis result = DesignAnalysis.of(wanted, copy, sourceEntity, records);
			monitor.done();
			Display display = getDisplay();
			display.asyncExec(() -> {
				if (isDisposed()) {
					return;
				}
				analysing = false;
				analysis = result;
				updateHeader();
				if (previewPage != null) {
					previewPage.show(result);
				}
				if (testCasesPage != null) {
					testCasesPage.show(result);
				}
				if (problemsPage != null) {
					problemsPage.show(result);
				}
				if (wanted != generation && !debouncePending) {
					startAnalysis();
				}
			});
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	private void loadSamples(EntityMapping entityMapping) {
		if (entityMapping == null || Boolean.TRUE.equals(samplesLoading.get(entityMapping))) {
			return;
		}
		samplesLoading.put(entityMapping, true);
		EcoreUtil.Copier copier = new EcoreUtil.Copier();
		MappingDesign copy = (MappingDesign) copier.copy(design);
		copier.copyReferences();
		EntityMapping entityCopy = (EntityMapping) copier.get(entityMapping);
		Job job = Job.create("Reading samples from " + sampleProvider.origin(), (IProgressMonitor monitor) -> {
			List<JsonNode> read;
			String origin;
			try {
				SampleSet set = sampleProvider.read(copy, entityCopy, MAX_SAMPLES);
				read = set.records();
				origin = set.origin();
			} catch (RuntimeException e) {
				read = List.of();
				origin = "no samples: reading them from " + sampleProvider.origin() + " failed: " + e.getMessage();
			}
			List<JsonNode> records = read;
			String said = origin;
			getDisplay().asyncExec(() -> {
				if (isDisposed()) {
					return;
				}
				samplesLoading.remove(entityMapping);
				samples.put(entityMapping, records);
				samplesOrigin.put(entityMapping, said);
				if (entityMapping == current) {
					fireChanged();
					scheduleAnalysis();
				}
			});
			return Status.OK_STATUS;
		});
		job.setUser(false);
		job.schedule();
	}

	private void reloadVersions() {
		try {
			versions = List.copyOf(repository.versions(design.getName()));
		} catch (RuntimeException e) {
			versions = List.of();
			say("The saved versions could not be read: " + e.getMessage(), true);
		}
	}

	/** The saved version the editor shows, or null when it was never saved. */
	DesignRepository.Version currentVersion() {
		for (DesignRepository.Version v : versions) {
			if (v.version() == design.getVersion()) {
				return v;
			}
		}
		return null;
	}

	private void updateHeader() {
		if (isDisposed()) {
			return;
		}
		boolean dirty = isDirty();
		title.setText((dirty ? "*" : "") + design.getName());
		StringBuilder line = new StringBuilder();
		line.append("Version ").append(design.getVersion()).append("  |  system ").append(design.getSystem())
				.append("  |  ").append(design.getDirection()).append("  |  ");
		DesignRepository.Version saved = currentVersion();
		if (saved == null) {
			line.append("this version is not in the repository yet (it is shipped with Crossbill)");
		} else if (saved.approved()) {
			line.append("approved by ").append(saved.approvedBy()).append(" on ").append(WHEN.format(saved.approvedAt()));
		} else {
			line.append("not approved: the engine does not use it until someone approves it");
		}
		if (dirty) {
			line.append("  |  UNSAVED CHANGES (not part of any version)");
		}
		state.setText(line.toString());
		if (!analysis.checkFailure().isEmpty()) {
			problemsLine.setText(analysis.checkFailure());
			problemsLine.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		} else if (analysis.generation() < 0) {
			problemsLine.setText("Checking the design ...");
			problemsLine.setForeground(null);
		} else {
			long errors = analysis.errors();
			long warnings = analysis.problems().size() - errors;
			long failing = analysis.failingTests();
			String text = errors + (errors == 1 ? " error, " : " errors, ") + warnings
					+ (warnings == 1 ? " warning" : " warnings") + ", " + failing + " of " + analysis.outcomes().size()
					+ " golden tests failing";
			if (!analysis.problems().isEmpty()) {
				DesignProblem first = analysis.problems().get(0);
				text += ". First: " + (first.targetPath().isEmpty() ? "" : first.targetPath() + ": ") + first.message();
			}
			problemsLine.setText(text);
			problemsLine.setForeground(getDisplay().getSystemColor(errors > 0 || failing > 0 ? SWT.COLOR_DARK_RED
					: SWT.COLOR_DARK_GREEN));
		}
		CommandStack stack = domain.getCommandStack();
		undoButton.setEnabled(stack.canUndo());
		undoButton.setToolTipText(stack.canUndo() ? "Undo " + label(stack.getUndoCommand().getLabel()) + " (Ctrl+Z)"
				: "Nothing to undo");
		redoButton.setEnabled(stack.canRedo());
		redoButton.setToolTipText(stack.canRedo() ? "Redo " + label(stack.getRedoCommand().getLabel())
				+ " (Ctrl+Shift+Z)" : "Nothing to redo");
		saveButton.setEnabled(dirty);
		approveButton.setText("Approve v" + design.getVersion());
		approveButton.setEnabled(!dirty && saved != null && !saved.approved());
		approveButton.setToolTipText(dirty ? "Save first: only saved versions can be approved"
				: "Record that you approved this version, so the engine may use it");
		header.layout(true, true);
	}

	private static String label(String commandLabel) {
		return commandLabel == null ? "the last change" : commandLabel.toLowerCase();
	}

	void say(String text, boolean bad) {
		if (isDisposed()) {
			return;
		}
		message.setText(text);
		message.setToolTipText(text);
		message.setForeground(getDisplay().getSystemColor(bad ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_GREEN));
	}

	private void saveAsking() {
		if (!isDirty()) {
			return;
		}
		InputDialog ask = new InputDialog(getShell(), "Save " + design.getName(),
				"What changed in this version? (kept with the version, shown in History)", "", null);
		if (ask.open() == IDialogConstants.OK_ID) {
			try {
				save(actor, ask.getValue());
			} catch (RuntimeException e) {
				// the header says why
			}
		}
	}

	private void approveCurrent() {
		if (isDirty()) {
			say("Save first: only a saved version can be approved.", true);
			return;
		}
		try {
			approve(design.getVersion());
		} catch (RuntimeException e) {
			// the header says why
		}
	}

	private void key(Event e) {
		if ((e.stateMask & SWT.MOD1) == 0 || isDisposed() || !contains(getDisplay().getFocusControl())) {
			return;
		}
		int k = Character.toLowerCase(e.keyCode);
		if (k == 'z' && (e.stateMask & SWT.SHIFT) != 0 || k == 'y') {
			redo();
		} else if (k == 'z') {
			undo();
		} else if (k == 's') {
			saveAsking();
		} else {
			return;
		}
		e.doit = false;
	}

	private boolean contains(Control control) {
		for (Control c = control; c != null; c = c.getParent()) {
			if (c == this) {
				return true;
			}
		}
		return false;
	}

	private void tab(Page page) {
		CTabItem item = new CTabItem(folder, SWT.NONE);
		item.setText(page.title);
		tabs.put(page, item);
	}

	private static Button button(Composite parent, String text, Listener action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, action);
		return b;
	}

	private static Label line(Composite parent) {
		Label l = new Label(parent, SWT.NONE);
		l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
		return l;
	}

	/** Entity mappings of the design, for pages that list them. */
	List<EntityMapping> entityMappings() {
		return new ArrayList<>(design.getEntityMappings());
	}
}
