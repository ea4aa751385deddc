package io.crossbill.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** What the UI tests share: the running workbench, event pumping, real mouse clicks and screenshots. */
final class WorkbenchFixture {

	private WorkbenchFixture() {
	}

	static IWorkbench workbench() {
		BundleContext context = FrameworkUtil.getBundle(WorkbenchFixture.class).getBundleContext();
		ServiceReference<IWorkbench> ref = context.getServiceReference(IWorkbench.class);
		if (ref == null) {
			throw new IllegalStateException("no e4 workbench is running");
		}
		return context.getService(ref);
	}

	static MApplication application() {
		return workbench().getApplication();
	}

	static MWindow mainWindow() {
		return application().getChildren().get(0);
	}

	static Shell mainShell() {
		return (Shell) mainWindow().getWidget();
	}

	/** Runs the event loop until the condition holds; false if it still does not after the timeout. */
	static boolean waitUntil(BooleanSupplier condition, long timeoutMillis) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + timeoutMillis;
		while (System.currentTimeMillis() < end) {
			if (condition.getAsBoolean()) {
				return true;
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> { /* wake the loop */ });
				display.sleep();
			}
		}
		return condition.getAsBoolean();
	}

	static final String OPERATE = "io.crossbill.ui.perspective.operate";
	static final String REVIEW = "io.crossbill.ui.perspective.review";

	/** Switches to a perspective and shows one of its parts, as the analyst's clicks would. */
	static MPart showPart(String perspectiveId, String partId) {
		EModelService models = application().getContext().get(EModelService.class);
		EPartService parts = mainWindow().getContext().get(EPartService.class);
		parts.switchPerspective(models.findElements(application(), perspectiveId, MPerspective.class).get(0));
		MPart part = models.findElements(mainWindow(), partId, MPart.class).get(0);
		parts.showPart(part, EPartService.PartState.ACTIVATE);
		settle();
		return part;
	}

	static void settle() {
		waitUntil(() -> false, 300);
	}

	/** A real left click through the window system at the centre of the given display rectangle. */
	static void click(Rectangle onDisplay) {
		Display display = Display.getCurrent();
		int x = onDisplay.x + onDisplay.width / 2;
		int y = onDisplay.y + onDisplay.height / 2;
		post(display, SWT.MouseMove, x, y, 0);
		post(display, SWT.MouseDown, x, y, 1);
		post(display, SWT.MouseUp, x, y, 1);
		// park the pointer in a corner so no tooltip covers what a screenshot should show
		Rectangle screen = display.getBounds();
		post(display, SWT.MouseMove, screen.x + screen.width - 1, screen.y + screen.height - 1, 0);
		settle();
	}

	private static void post(Display display, int type, int x, int y, int button) {
		Event e = new Event();
		e.type = type;
		e.x = x;
		e.y = y;
		e.button = button;
		if (!display.post(e)) {
			throw new IllegalStateException("the window system refused a synthetic mouse event");
		}
		display.readAndDispatch();
	}

	/** Saves what the screen shows of the shell as a PNG under the screenshots folder; returns the file. */
	static Path screenshot(Shell shell, String name) throws Exception {
		Path dir = Path.of(System.getProperty("crossbill.screenshots", "target/screenshots"));
		Files.createDirectories(dir);
		Display display = shell.getDisplay();
		shell.forceActive();
		settle();
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
		} finally {
			gc.dispose();
		}
		try {
			ImageData data = image.getImageData();
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { data };
			Path file = dir.resolve(name + ".png");
			loader.save(file.toString(), SWT.IMAGE_PNG);
			return file;
		} finally {
			image.dispose();
		}
	}
}
