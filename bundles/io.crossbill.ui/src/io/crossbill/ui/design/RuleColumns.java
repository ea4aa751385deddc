package io.crossbill.ui.design;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

import io.crossbill.mapping.FieldRule;

/** A column of a table of field rules (the mapping page's and the value maps page's), coloured per rule. */
final class RuleColumns {

	private RuleColumns() {
	}

	/**
	 * Adds a column showing {@code text} of each rule, in {@code colour} (null: the table's) with {@code tip} as
	 * its tooltip (null: none).
	 */
	static void add(TableViewer rules, String title, int width, Function<FieldRule, String> text,
			Function<FieldRule, Color> colour, Function<FieldRule, String> tip) {
		TableViewerColumn c = new TableViewerColumn(rules, SWT.LEFT);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((FieldRule) element);
			}

			@Override
			public Color getForeground(Object element) {
				return colour.apply((FieldRule) element);
			}

			@Override
			public String getToolTipText(Object element) {
				return tip.apply((FieldRule) element);
			}
		});
	}
}
