package io.crossbill.ui.parts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.model.application.ui.MDirtyable;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.mapping.MappingDesign;
import io.crossbill.ui.design.DesignRepository;
import io.crossbill.ui.design.LibraryDesignRepository;
import io.crossbill.ui.design.MappingDesignEditor;
import io.crossbill.ui.design.SampleProvider;
import io.crossbill.ui.design.SystemSamples;
import io.crossbill.ui.engine.EmbeddedEngine;
import io.crossbill.ui.engine.WorkbenchEngine;
import io.crossbill.workflow.DesignLibrary;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * One mapping design open in the Design perspective: the design named by the part's persisted state
 * {@value #DESIGN} (or its transient data) in a {@link MappingDesignEditor}. The part is dirty while the design has
 * unsaved changes; saving the part saves a new version. Designs come from the {@link DesignRepository} in the
 * part's context when one is put there, otherwise from the workspace's design library
 * ({@link LibraryDesignRepository}: versions in the engine's database, approvals in its audit trail); samples
 * likewise from a {@link SampleProvider} in the context, otherwise {@link SystemSamples} (the design's system, then
 * the inbox, then the design's test cases).
 */
public class DesignEditorPart {

	/** The persisted-state key (and transient-data key) holding the design's name. */
	public static final String DESIGN = "design";

	@Inject
	private MDirtyable dirtyable;

	@Inject
	private MPart part;

	@Inject
	@Optional
	private DesignRepository repository;

	@Inject
	@Optional
	private SampleProvider samples;

	private MappingDesignEditor editor;

	@PostConstruct
	public void createControls(Composite parent) {
		String name = part.getPersistedState().get(DESIGN);
		if (name == null && part.getTransientData().get(DESIGN) instanceof String transientName) {
			name = transientName;
		}
		if (name == null || name.isBlank()) {
			problem(parent, "This editor was opened without a design name, so there is nothing to show: open a design "
					+ "from the workspace's list of designs.");
			return;
		}
		try {
			DesignRepository designs = repository != null ? repository
					: new LibraryDesignRepository(WorkbenchEngine.database(), ExceptionActions.currentUser());
			parent.setLayout(new FillLayout());
			editor = new MappingDesignEditor(parent, designs, samples != null ? samples : systemSamples(designs), name,
					ExceptionActions.currentUser());
		} catch (RuntimeException e) {
			for (var child : parent.getChildren()) {
				child.dispose();
			}
			problem(parent, "Design " + name + " cannot be opened: " + e.getMessage());
			return;
		}
		part.setLabel(name);
		part.setTooltip(name + " (" + editor.design().getSystem() + ", " + editor.design().getDirection() + ")");
		editor.addDirtyListener(() -> dirtyable.setDirty(editor.isDirty()));
	}

	@Focus
	public void setFocus() {
		if (editor != null && !editor.isDisposed()) {
			editor.setFocus();
		}
	}

	/** Saves the design as a new version (what File > Save and closing a dirty part do). */
	@Persist
	public void save() {
		if (editor != null && editor.isDirty()) {
			editor.save(ExceptionActions.currentUser(), "saved from the workbench");
			dirtyable.setDirty(editor.isDirty());
		}
	}

	/** The editor, or null when the design could not be opened. */
	public MappingDesignEditor editor() {
		return editor;
	}

	/**
	 * Samples from the design's system (the workbench's systems: the built-in sandbox unless systems.json names real
	 * ones), else the engine's inbox, else the design's test cases; an OUTBOUND design's canonical samples are made by
	 * the INBOUND designs of the library. All of it runs in the editor's sample job, off the UI thread.
	 */
	private static SampleProvider systemSamples(DesignRepository designs) {
		return new SystemSamples(() -> EmbeddedEngine.workbench().openSystems(), () -> WorkbenchEngine.database()
				.inbox(), () -> libraryDesigns(designs), Clock.systemDefaultZone());
	}

	/** Every design the library names (the shipped ones for another repository), those that can be opened. */
	private static List<MappingDesign> libraryDesigns(DesignRepository designs) {
		List<String> names = designs instanceof LibraryDesignRepository library ? library.library().names()
				: DesignLibrary.SHIPPED;
		List<MappingDesign> opened = new ArrayList<>();
		for (String designName : names) {
			try {
				opened.add(designs.open(designName));
			} catch (RuntimeException e) {
				// a design that cannot be opened makes no samples; its own editor says why
			}
		}
		return opened;
	}

	private static void problem(Composite parent, String text) {
		parent.setLayout(new GridLayout(1, false));
		Label label = new Label(parent, SWT.WRAP);
		label.setText(text);
		label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
	}
}
