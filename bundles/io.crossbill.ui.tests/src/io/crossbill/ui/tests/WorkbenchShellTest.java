package io.crossbill.ui.tests;

import static io.crossbill.ui.tests.WorkbenchFixture.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimBar;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MToolBar;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import io.crossbill.ui.parts.Versions;

/** The workbench as an analyst first sees it: the window, its menus, perspectives and status line. */
class WorkbenchShellTest {

	@Test
	void windowIsTitledCrossbillAndShowing() {
		Shell shell = mainShell();
		assertNotNull(shell, "the main window has no shell: the workbench did not render");
		assertEquals("Crossbill", shell.getText());
		assertTrue(shell.isVisible());
		assertTrue(shell.getSize().x >= 800 && shell.getSize().y >= 500, "window too small: " + shell.getSize());
	}

	@Test
	void menuBarHasFileWindowHelp() {
		Menu bar = mainShell().getMenuBar();
		assertNotNull(bar);
		List<String> labels = Arrays.stream(bar.getItems()).map(MenuItem::getText).map(t -> t.replace("&", ""))
				.toList();
		assertEquals(List.of("File", "Window", "Help"), labels);
	}

	@Test
	void threePerspectivesSwitchedByClickingTheToolbar() throws Exception {
		EModelService models = application().getContext().get(EModelService.class);
		List<MPerspective> perspectives = models.findElements(application(), null, MPerspective.class);
		assertEquals(List.of("Design", "Operate", "Review"), perspectives.stream().map(MPerspective::getLabel).toList());

		ToolBar toolbar = perspectiveToolbar();
		for (String name : List.of("Operate", "Review", "Design")) {
			ToolItem item = Arrays.stream(toolbar.getItems()).filter(i -> name.equals(i.getText())).findFirst()
					.orElseThrow(() -> new AssertionError("no toolbar button " + name));
			click(toolbar.getDisplay().map(toolbar, null, item.getBounds()));
			assertTrue(waitUntil(() -> name.equals(activePerspective().getLabel()), 5000),
					"clicking " + name + " left the " + activePerspective().getLabel() + " perspective active");
			Path png = screenshot(mainShell(), "workbench-" + name.toLowerCase());
			assertTrue(Files.size(png) > 10_000, "screenshot suspiciously small: " + png);
			assertNotBlank(png);
		}
	}

	@Test
	void statusLineShowsPerspectiveAndWorkspace() {
		MTrimBar bottom = ((MTrimmedWindow) mainWindow()).getTrimBars().stream()
				.filter(t -> t.getElementId().equals("io.crossbill.ui.trimbar.bottom")).findFirst().orElseThrow();
		List<String> texts = labelTexts((Control) bottom.getWidget());
		assertTrue(texts.stream().anyMatch(t -> t.startsWith("Workspace: /")), texts.toString());
		assertTrue(texts.contains(activePerspective().getLabel()), texts.toString());
	}

	@Test
	void aboutNamesTheProductAndItsVersion() {
		var bundle = FrameworkUtil.getBundle(Versions.class);
		String about = Versions.aboutText(bundle);
		assertTrue(about.startsWith("Crossbill 0.1.0"), about);
		assertTrue(about.contains("Java " + System.getProperty("java.version")), about);
	}

	private static MPerspective activePerspective() {
		return application().getContext().get(EModelService.class).getActivePerspective(mainWindow());
	}

	private static ToolBar perspectiveToolbar() {
		MToolBar model = application().getContext().get(EModelService.class)
				.findElements(mainWindow(), "io.crossbill.ui.toolbar.perspectives", MToolBar.class).get(0);
		Object widget = model.getWidget();
		if (widget instanceof ToolBar bar) {
			return bar;
		}
		// the renderer wraps a movable toolbar in a frame with a drag handle
		return Arrays.stream(((org.eclipse.swt.widgets.Composite) widget).getChildren())
				.filter(ToolBar.class::isInstance).map(ToolBar.class::cast).findFirst()
				.orElseThrow(() -> new AssertionError("no SWT toolbar under " + widget));
	}

	private static List<String> labelTexts(Control root) {
		List<String> texts = new java.util.ArrayList<>();
		collect(root, texts);
		return texts;
	}

	private static void collect(Control c, List<String> into) {
		if (c instanceof Label l) {
			into.add(l.getText());
		}
		if (c instanceof org.eclipse.swt.widgets.Composite comp) {
			for (Control child : comp.getChildren()) {
				collect(child, into);
			}
		}
	}

	/** A screenshot of one flat colour means nothing was painted: a black or white PNG is a failure. */
	private static void assertNotBlank(Path png) {
		ImageData data = new ImageLoader().load(png.toString())[0];
		java.util.Set<Integer> colours = new java.util.HashSet<>();
		for (int y = 0; y < data.height; y += 7) {
			for (int x = 0; x < data.width; x += 7) {
				RGB rgb = data.palette.getRGB(data.getPixel(x, y));
				colours.add((rgb.red << 16) | (rgb.green << 8) | rgb.blue);
			}
		}
		assertTrue(colours.size() > 8, "screenshot " + png + " shows only " + colours.size() + " colours");
	}
}
