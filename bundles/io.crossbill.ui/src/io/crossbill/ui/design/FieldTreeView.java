package io.crossbill.ui.design;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

import io.crossbill.mapping.design.FieldNode;

/**
 * One field tree of the mapping page (the source system's fields, or the target's): a title line, a filter
 * box, and a tree of {@link FieldNode}s whose rows can be found by path, for the lines between panes.
 * Elements are compared by path, so expansion and selection survive a rebuilt tree.
 */
final class FieldTreeView implements MappingLines.Rows {

	/** Rows the tree opens with at most; a wider tree opens with its top level only. */
	static final int EXPAND_AT_MOST = 150;

	/** One column: title, width and the text of a node. */
	record Column(String title, int width, Function<FieldNode, String> text) {
	}

	private final Composite root;
	private final Label title;
	private final Text filterBox;
	private final TreeViewer viewer;
	private final UnaryOperator<String> normalize;
	private final UnaryOperator<String> parentOf;
	private final Map<String, FieldNode> byPath = new HashMap<>();
	private List<FieldNode> roots = List.of();
	private String filter = "";

	/**
	 * @param normalize how this tree spells a path ({@link FieldPaths#source} or {@link FieldPaths#target})
	 * @param parentOf  the path one level up, for rows hidden under a collapsed parent
	 */
	FieldTreeView(Composite parent, String filterHint, List<Column> columns, ColumnStyle style,
			UnaryOperator<String> normalize, UnaryOperator<String> parentOf) {
		this.normalize = normalize;
		this.parentOf = parentOf;
		root = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 3;
		root.setLayout(layout);
		title = new Label(root, SWT.WRAP);
		title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		filterBox = new Text(root, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filterBox.setMessage(filterHint);
		filterBox.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		viewer = new TreeViewer(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		viewer.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		viewer.getTree().setHeaderVisible(true);
		viewer.getTree().setLinesVisible(true);
		viewer.setUseHashlookup(true);
		ColumnViewerToolTipSupport.enableFor(viewer);
		viewer.setComparer(new IElementComparer() {
			@Override
			public boolean equals(Object a, Object b) {
				return a instanceof FieldNode x && b instanceof FieldNode y ? x.path().equals(y.path()) : a == b;
			}

			@Override
			public int hashCode(Object element) {
				return element instanceof FieldNode n ? n.path().hashCode() : System.identityHashCode(element);
			}
		});
		viewer.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return roots.toArray();
			}

			@Override
			public Object[] getChildren(Object parentElement) {
				return ((FieldNode) parentElement).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				String up = parentOf.apply(((FieldNode) element).path());
				return up.isEmpty() ? null : byPath.get(up);
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((FieldNode) element).children().isEmpty();
			}
		});
		for (Column c : columns) {
			TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.LEFT);
			column.getColumn().setText(c.title());
			column.getColumn().setWidth(c.width());
			column.getColumn().setMoveable(false);
			column.setLabelProvider(new ColumnLabelProvider() {
				@Override
				public String getText(Object element) {
					return c.text().apply((FieldNode) element);
				}

				@Override
				public org.eclipse.swt.graphics.Color getForeground(Object element) {
					return style.foreground((FieldNode) element);
				}

				@Override
				public org.eclipse.swt.graphics.Font getFont(Object element) {
					return style.font((FieldNode) element);
				}

				@Override
				public String getToolTipText(Object element) {
					return style.toolTip((FieldNode) element);
				}
			});
		}
		viewer.addFilter(new ViewerFilter() {
			@Override
			public boolean select(Viewer v, Object parentElement, Object element) {
				return filter.isEmpty() || matches((FieldNode) element);
			}
		});
		filterBox.addListener(SWT.Modify, e -> {
			filter = filterBox.getText().strip().toLowerCase(Locale.ROOT);
			viewer.getTree().setRedraw(false);
			try {
				viewer.refresh();
				if (!filter.isEmpty()) {
					viewer.expandAll();
				}
			} finally {
				viewer.getTree().setRedraw(true);
			}
		});
	}

	/** How rows look: colour, font and tool tip of a node (the target tree marks required unmapped fields). */
	interface ColumnStyle {
		default org.eclipse.swt.graphics.Color foreground(FieldNode node) {
			return null;
		}

		default org.eclipse.swt.graphics.Font font(FieldNode node) {
			return null;
		}

		default String toolTip(FieldNode node) {
			return node.path();
		}
	}

	private boolean matches(FieldNode node) {
		if (node.path().toLowerCase(Locale.ROOT).contains(filter)
				|| node.sample().toLowerCase(Locale.ROOT).contains(filter)) {
			return true;
		}
		for (FieldNode child : node.children()) {
			if (matches(child)) {
				return true;
			}
		}
		return false;
	}

	/** Shows new trees, keeping what was expanded; the first time, the top level is expanded. */
	void setRoots(List<FieldNode> newRoots) {
		boolean first = roots.isEmpty();
		Object[] expanded = viewer.getExpandedElements();
		roots = List.copyOf(newRoots);
		byPath.clear();
		index(roots);
		Tree tree = viewer.getTree();
		tree.setRedraw(false);
		try {
			if (viewer.getInput() == null) {
				viewer.setInput(this);
			} else {
				viewer.refresh();
			}
			if (first) {
				// the first level of objects and arrays is opened, unless that would create hundreds of rows
				viewer.expandToLevel(count(roots, 2) <= EXPAND_AT_MOST ? 2 : 1);
			} else {
				viewer.setExpandedElements(expanded);
			}
		} finally {
			tree.setRedraw(true);
		}
	}

	private static int count(List<FieldNode> nodes, int levels) {
		int n = nodes.size();
		if (levels > 1) {
			for (FieldNode node : nodes) {
				n += count(node.children(), levels - 1);
			}
		}
		return n;
	}

	private void index(List<FieldNode> nodes) {
		for (FieldNode n : nodes) {
			byPath.put(normalize.apply(n.path()), n);
			index(n.children());
		}
	}

	/** The node of a path (as this tree spells it), or null. */
	FieldNode node(String path) {
		return nodeOrArray(normalize.apply(path));
	}

	/** A rule may name a whole array without its marker ({@code Addresses} for the tree's {@code Addresses[]}). */
	private FieldNode nodeOrArray(String normalized) {
		FieldNode n = byPath.get(normalized);
		if (n == null) {
			n = byPath.get(normalized + "[]");
		}
		return n != null ? n : byPath.get(normalized + "[*]");
	}

	/** Selects and reveals the node of a path (no event is sent); false when the tree has no such field. */
	boolean reveal(String path) {
		FieldNode n = node(path);
		if (n != null) {
			viewer.setSelection(new StructuredSelection(n), true);
		}
		return n != null;
	}

	/** Labels refreshed (colours and marks), the tree unchanged. */
	void relabel() {
		viewer.refresh(true);
	}

	void setTitle(String text) {
		title.setText(text);
		root.layout(true);
	}

	Composite root() {
		return root;
	}

	TreeViewer viewer() {
		return viewer;
	}

	Label titleLabel() {
		return title;
	}

	Text filterBox() {
		return filterBox;
	}

	List<FieldNode> roots() {
		return roots;
	}

	@Override
	public Control control() {
		return viewer.getTree();
	}

	private Rectangle area;
	private int headerBottom;

	@Override
	public void prepare() {
		// the client area starts at the top of the header on every platform (GTK gives it a negative y),
		// so rows are on screen between the header's bottom and the area's bottom
		Tree tree = viewer.getTree();
		area = tree.getClientArea();
		headerBottom = area.y + (tree.getHeaderVisible() ? tree.getHeaderHeight() : 0);
	}

	@Override
	public MappingLines.Row find(Object key) {
		String path = normalize.apply((String) key);
		boolean standIn = false;
		while (!path.isEmpty()) {
			FieldNode node = nodeOrArray(path);
			TreeItem item = node != null && viewer.testFindItem(node) instanceof TreeItem t ? t : null;
			if (item != null && !item.isDisposed() && isShown(item)) {
				if (area == null) {
					prepare();
				}
				Rectangle b = item.getBounds();
				int y = b.y + b.height / 2;
				return y < headerBottom || y > area.y + area.height ? null : new MappingLines.Row(y, standIn);
			}
			path = parentOf.apply(path);
			standIn = true;
		}
		return null;
	}

	private static boolean isShown(TreeItem item) {
		for (TreeItem p = item.getParentItem(); p != null; p = p.getParentItem()) {
			if (!p.getExpanded()) {
				return false;
			}
		}
		return true;
	}
}
