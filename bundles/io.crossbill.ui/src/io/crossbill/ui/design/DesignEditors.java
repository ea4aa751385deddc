package io.crossbill.ui.design;

import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartSashContainer;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Opens mapping designs in the Design perspective, one editor part per design. */
public final class DesignEditors {

	/** The part descriptor the editor parts are created from. */
	public static final String PART_DESCRIPTOR = "io.crossbill.ui.partdescriptor.mappingDesign";
	/** The part stack they open in. */
	public static final String STACK = "io.crossbill.ui.design.stack.mappingDesign";
	/** The Design perspective. */
	public static final String PERSPECTIVE = "io.crossbill.ui.perspective.design";
	/** The persisted-state key holding a part's design name (the same as {@code DesignEditorPart.DESIGN}). */
	public static final String DESIGN = "design";

	private DesignEditors() {
	}

	/**
	 * Shows the editor of the named design, switching to the Design perspective: the open one is activated, or a
	 * new part is created from {@value #PART_DESCRIPTOR} in the stack {@value #STACK}.
	 *
	 * @return the design's part
	 * @throws IllegalStateException when the application model has no such descriptor or stack
	 */
	public static MPart open(EPartService parts, EModelService models, MApplication application, String designName) {
		List<MPerspective> perspectives = models.findElements(application, PERSPECTIVE, MPerspective.class);
		if (!perspectives.isEmpty()) {
			parts.switchPerspective(perspectives.get(0));
		}
		for (MPart open : models.findElements(application, PART_DESCRIPTOR, MPart.class)) {
			if (designName.equals(open.getPersistedState().get(DESIGN))) {
				parts.showPart(open, EPartService.PartState.ACTIVATE);
				return open;
			}
		}
		MPart part = parts.createPart(PART_DESCRIPTOR);
		if (part == null) {
			throw new IllegalStateException("The application model has no part descriptor " + PART_DESCRIPTOR
					+ ", so designs cannot be opened: add it to Application.e4xmi.");
		}
		part.getPersistedState().put(DESIGN, designName);
		part.getTransientData().put(DESIGN, designName);
		part.setLabel(designName);
		MPartStack partStack = stack(models, application, perspectives);
		if (partStack == null) {
			throw new IllegalStateException("The application model has no Design perspective to open design "
					+ designName + " in.");
		}
		partStack.getChildren().add(part);
		parts.showPart(part, EPartService.PartState.ACTIVATE);
		return part;
	}

	/**
	 * The editors' stack; when the analyst closed every editor and the workbench removed the empty stack, a new one
	 * beside the navigator.
	 */
	private static MPartStack stack(EModelService models, MApplication application, List<MPerspective> perspectives) {
		MUIElement found = models.find(STACK, application);
		if (found instanceof MPartStack stack) {
			stack.setToBeRendered(true);
			stack.setVisible(true);
			return stack;
		}
		if (perspectives.isEmpty()) {
			return null;
		}
		MPerspective design = perspectives.get(0);
		MPartStack stack = models.createModelElement(MPartStack.class);
		stack.setElementId(STACK);
		stack.getTags().add("NoAutoCollapse");
		stack.setContainerData("78");
		if (!design.getChildren().isEmpty() && design.getChildren().get(0) instanceof MPartSashContainer sash) {
			sash.getChildren().add(stack);
		} else {
			design.getChildren().add(stack);
		}
		return stack;
	}
}
