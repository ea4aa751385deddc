package io.crossbill.ui.design;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.crossbill.mapping.MappingDesign;
import io.crossbill.mapping.design.DesignDiff;

/**
 * The History page: every saved version of the design (saved when and by whom, the comment, approved by whom and
 * when), the field-level differences between any two of them (or between a version and the unsaved edits), and the
 * approval of a version, refused with the reasons when the version has errors or failing golden tests.
 */
public class HistoryPage {

	/** The choice that stands for the design as it is in the editor. */
	public static final String UNSAVED = "the editor (unsaved edits)";

	private final MappingDesignEditor editor;
	private final Composite root;
	private final Table versions;
	private final Button approve;
	private final Combo older;
	private final Combo newer;
	private final Label outcome;
	private final Table changes;

	public HistoryPage(Composite parent, MappingDesignEditor editor) {
		this.editor = editor;
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		SashForm sash = new SashForm(root, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

		Composite top = new Composite(sash, SWT.NONE);
		GridLayout topLayout = new GridLayout(2, false);
		topLayout.marginWidth = 0;
		top.setLayout(topLayout);
		Label title = new Label(top, SWT.NONE);
		title.setText("Saved versions (the engine uses only approved ones)");
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		approve = new Button(top, SWT.PUSH);
		approve.setText("Approve selected version");
		approve.addListener(SWT.Selection, e -> approveSelected());
		versions = new Table(top, SWT.FULL_SELECTION | SWT.MULTI | SWT.BORDER);
		versions.setHeaderVisible(true);
		versions.setLinesVisible(true);
		versions.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		column(versions, "Version", 70, SWT.RIGHT);
		column(versions, "Saved", 150, SWT.LEFT);
		column(versions, "By", 110, SWT.LEFT);
		column(versions, "Comment", 380, SWT.LEFT);
		column(versions, "Approved by", 120, SWT.LEFT);
		column(versions, "Approved", 150, SWT.LEFT);
		versions.addListener(SWT.Selection, e -> versionsPicked());
		outcome = new Label(top, SWT.WRAP);
		GridData outcomeData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		outcomeData.heightHint = 36;
		outcome.setLayoutData(outcomeData);

		Composite bottom = new Composite(sash, SWT.NONE);
		GridLayout bottomLayout = new GridLayout(5, false);
		bottomLayout.marginWidth = 0;
		bottom.setLayout(bottomLayout);
		new Label(bottom, SWT.NONE).setText("What changed from");
		older = new Combo(bottom, SWT.READ_ONLY);
		new Label(bottom, SWT.NONE).setText("to");
		newer = new Combo(bottom, SWT.READ_ONLY);
		Button compare = new Button(bottom, SWT.PUSH);
		compare.setText("Compare");
		compare.addListener(SWT.Selection, e -> compare());
		changes = new Table(bottom, SWT.FULL_SELECTION | SWT.BORDER);
		changes.setHeaderVisible(true);
		changes.setLinesVisible(true);
		changes.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
		column(changes, "Entity mapping", 200, SWT.LEFT);
		column(changes, "Field", 160, SWT.LEFT);
		column(changes, "Change", 620, SWT.LEFT);
		sash.setWeights(45, 55);
		refresh();
	}

	/** The page's control, for the editor's tab. */
	public Control control() {
		return root;
	}

	/** The versions table, for tests. */
	public Table versionsTable() {
		return versions;
	}

	/** The differences table, for tests. */
	public Table changesTable() {
		return changes;
	}

	/** The last approval's or comparison's outcome, in words. */
	public String outcomeText() {
		return outcome.getText();
	}

	/** Shows the versions as the editor last read them. */
	public void refresh() {
		if (root.isDisposed()) {
			return;
		}
		List<DesignRepository.Version> list = editor.versions();
		versions.removeAll();
		List<String> choices = new ArrayList<>();
		for (DesignRepository.Version v : list) {
			TableItem item = new TableItem(versions, SWT.NONE);
			item.setText(new String[] { "v" + v.version(), when(v.savedAt()), v.savedBy(), v.comment(),
					v.approved() ? v.approvedBy() : "not approved", v.approved() ? when(v.approvedAt()) : "" });
			item.setData(v);
			if (!v.approved()) {
				item.setForeground(4, root.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
			}
			choices.add("v" + v.version());
		}
		if (list.isEmpty()) {
			outcome.setText("No saved version yet: the design is the one shipped with Crossbill. Save it to keep a "
					+ "version here.");
		}
		String olderWas = older.getText();
		String newerWas = newer.getText();
		choices.add(UNSAVED);
		older.setItems(choices.toArray(String[]::new));
		newer.setItems(choices.toArray(String[]::new));
		older.setText(olderWas.isEmpty() || !choices.contains(olderWas)
				? choices.get(Math.max(0, choices.size() - 3)) : olderWas);
		newer.setText(newerWas.isEmpty() || !choices.contains(newerWas)
				? choices.get(Math.max(0, choices.size() - 2)) : newerWas);
		older.getParent().layout(true);
	}

	/**
	 * Lists what changed between two versions ({@code 0} stands for the unsaved edits in the editor).
	 *
	 * @return the differences, also shown in the table
	 */
	public List<DesignDiff.Change> compare(int olderVersion, int newerVersion) {
		older.setText(choice(olderVersion));
		newer.setText(choice(newerVersion));
		return compare();
	}

	/**
	 * Approves the version as the editor's user; a refusal is shown with its reasons.
	 *
	 * @return whether it was approved
	 */
	public boolean approve(int version) {
		try {
			editor.approve(version);
			outcome.setText("Version " + version + " approved by " + editor.actor() + ".");
			outcome.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN));
			return true;
		} catch (DesignRepository.ApprovalRefused e) {
			outcome.setText("Version " + version + " cannot be approved:\n- " + String.join("\n- ", e.reasons()));
		} catch (RuntimeException e) {
			outcome.setText("Version " + version + " was not approved: " + e.getMessage());
		}
		outcome.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_RED));
		GridData data = (GridData) outcome.getLayoutData();
		data.heightHint = Math.min(120, outcome.computeSize(outcome.getSize().x, SWT.DEFAULT).y);
		outcome.getParent().layout(true);
		return false;
	}

	private List<DesignDiff.Change> compare() {
		changes.removeAll();
		MappingDesign a;
		MappingDesign b;
		try {
			a = design(older.getText());
			b = design(newer.getText());
		} catch (RuntimeException e) {
			say("The versions could not be read: " + e.getMessage(), true);
			return List.of();
		}
		List<DesignDiff.Change> diff;
		try {
			diff = DesignDiff.between(a, b);
		} catch (RuntimeException e) {
			say("The versions could not be compared: " + e, true);
			return List.of();
		}
		for (DesignDiff.Change c : diff) {
			TableItem item = new TableItem(changes, SWT.NONE);
			item.setText(new String[] { c.entityMapping(), c.targetPath(), c.sentence() });
		}
		say(diff.isEmpty() ? older.getText() + " and " + newer.getText() + " map the same way."
				: diff.size() + (diff.size() == 1 ? " change" : " changes") + " from " + older.getText() + " to "
						+ newer.getText() + ".", false);
		return diff;
	}

	private MappingDesign design(String choice) {
		if (choice.equals(UNSAVED) || choice.isEmpty()) {
			return EcoreUtil.copy(editor.design());
		}
		return editor.repository().openVersion(editor.design().getName(), Integer.parseInt(choice.substring(1)));
	}

	private void versionsPicked() {
		TableItem[] picked = versions.getSelection();
		if (picked.length == 2) {
			DesignRepository.Version a = (DesignRepository.Version) picked[0].getData();
			DesignRepository.Version b = (DesignRepository.Version) picked[1].getData();
			compare(Math.min(a.version(), b.version()), Math.max(a.version(), b.version()));
		} else if (picked.length == 1) {
			DesignRepository.Version v = (DesignRepository.Version) picked[0].getData();
			approve.setText(v.approved() ? "v" + v.version() + " is approved" : "Approve version " + v.version());
			approve.setEnabled(!v.approved());
			approve.getParent().layout(true);
		}
	}

	private void approveSelected() {
		TableItem[] picked = versions.getSelection();
		if (picked.length != 1) {
			say("Select the one version to approve.", true);
			return;
		}
		approve(((DesignRepository.Version) picked[0].getData()).version());
	}

	private void say(String text, boolean bad) {
		outcome.setText(text);
		outcome.setForeground(root.getDisplay().getSystemColor(bad ? SWT.COLOR_RED : SWT.COLOR_BLACK));
	}

	private static String choice(int version) {
		return version == 0 ? UNSAVED : "v" + version;
	}

	private static String when(java.time.Instant instant) {
		return instant == null ? "" : MappingDesignEditor.WHEN.format(instant);
	}

	private static void column(Table table, String text, int width, int align) {
		TableColumn c = new TableColumn(table, align);
		c.setText(text);
		c.setWidth(width);
	}
}
