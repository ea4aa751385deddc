package io.crossbill.ui.operate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.crossbill.engine.exceptions.ActionOutcome;
import io.crossbill.engine.exceptions.ExceptionActions;

/**
 * Edits one exception's payload as JSON and replays it: the syntax is checked as you type (the status line
 * names the line and column of the first error and the editor marks that line), "Pretty print" re-indents,
 * "Validate against target" asks the engine for a dry run of the replay - the workflow's own mapping and
 * validation, exactly what a real replay checks - and lists what it finds; "Replay" is enabled only after
 * that dry run passed for the text as it is now, and replays through {@link ExceptionActions} (history and
 * audit). Engine calls run off the UI thread.
 */
public class PayloadEditorDialog extends Dialog {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final ExceptionActions actions;
	private final long exceptionId;
	private final String original;
	private final Runnable afterReplay;
	private StyledText editor;
	private Label syntax;
	private Label result;
	/** The text the last passing dry run was for; Replay is allowed only for exactly that text. */
	private String validatedText;

	/**
	 * @param payload     the stored payload (shown pretty-printed when it is JSON)
	 * @param afterReplay run on the UI thread after a replay was done
	 */
	public PayloadEditorDialog(Shell shell, ExceptionActions actions, long exceptionId, byte[] payload,
			Runnable afterReplay) {
		super(shell);
		this.actions = actions;
		this.exceptionId = exceptionId;
		this.original = pretty(new String(payload, StandardCharsets.UTF_8));
		this.afterReplay = afterReplay;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Edit the payload of exception " + exceptionId + " and replay");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(1, false));
		new Label(area, SWT.WRAP).setText("Correct the record as the source system should have sent it. Nothing"
				+ " is written until you replay, and replay needs a passing validation first.");
		editor = new StyledText(area, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		editor.setFont(JFaceResources.getTextFont());
		GridData editorData = new GridData(SWT.FILL, SWT.FILL, true, true);
		editorData.widthHint = 760;
		editorData.heightHint = 360;
		editor.setLayoutData(editorData);
		editor.setText(original);
		syntax = new Label(area, SWT.WRAP);
		syntax.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		result = new Label(area, SWT.WRAP);
		GridData resultData = new GridData(SWT.FILL, SWT.TOP, true, false);
		resultData.heightHint = 60;
		result.setLayoutData(resultData);
		result.setText("Validate against the target to see whether the workflow would take this payload in.");
		editor.addListener(SWT.Modify, e -> checkSyntax());
		checkSyntax();
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.CLIENT_ID, "Pretty print", false);
		createButton(parent, IDialogConstants.DETAILS_ID, "Validate against target", true);
		createButton(parent, IDialogConstants.OK_ID, "Replay", false).setEnabled(false);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, false);
	}

	@Override
	protected void buttonPressed(int id) {
		if (id == IDialogConstants.CLIENT_ID) {
			prettyPrint();
		} else if (id == IDialogConstants.DETAILS_ID) {
			run(true);
		} else if (id == IDialogConstants.OK_ID) {
			run(false);
		} else {
			super.buttonPressed(id);
		}
	}

	/** Re-indents the text when it is valid JSON; otherwise leaves it and says why. */
	public void prettyPrint() {
		if (problem(editor.getText()) == null) {
			editor.setText(pretty(editor.getText()));
		}
	}

	/** The first syntax problem with line and column, or {@code null} when the text is valid JSON. */
	static String problem(String text) {
		try {
			JsonNode node = JSON.readTree(text);
			if (node == null || node.isMissingNode()) {
				return "The payload is empty; write a JSON object.";
			}
			if (!node.isObject()) {
				return "The payload must be a JSON object ({ ... }), not a " + node.getNodeType().name().toLowerCase()
						+ ".";
			}
			return null;
		} catch (JsonProcessingException e) {
			JsonLocation at = e.getLocation();
			String where = at == null ? "" : "Line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
			return where + e.getOriginalMessage().replaceAll("\\s*\\(for .*\\)$", "").strip();
		}
	}

	private void checkSyntax() {
		String text = editor.getText();
		String p = problem(text);
		editor.setStyleRanges(new StyleRange[0]);
		getOkButtonIfAny(false);
		if (p == null) {
			syntax.setText("Valid JSON.");
			syntax.setForeground(null);
			getButtonIfAny(IDialogConstants.DETAILS_ID, true);
			return;
		}
		syntax.setText(p);
		syntax.setForeground(editor.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		getButtonIfAny(IDialogConstants.DETAILS_ID, false);
		markLine(p);
	}

	/** Underlines the line a problem names. */
	private void markLine(String p) {
		if (!p.startsWith("Line ")) {
			return;
		}
		try {
			int line = Integer.parseInt(p.substring(5, p.indexOf(',')).strip()) - 1;
			if (line >= 0 && line < editor.getLineCount()) {
				int start = editor.getOffsetAtLine(line);
				int end = line + 1 < editor.getLineCount() ? editor.getOffsetAtLine(line + 1) - 1 : editor.getCharCount();
				StyleRange r = new StyleRange(start, Math.max(0, end - start), null, null);
				r.underline = true;
				r.underlineStyle = SWT.UNDERLINE_SQUIGGLE;
				r.underlineColor = editor.getDisplay().getSystemColor(SWT.COLOR_RED);
				editor.setStyleRange(r);
			}
		} catch (RuntimeException unexpected) {
			// the message had no line number after all; the status line still says what is wrong
		}
	}

	private void getOkButtonIfAny(boolean enabled) {
		getButtonIfAny(IDialogConstants.OK_ID, enabled);
	}

	private void getButtonIfAny(int id, boolean enabled) {
		if (getButton(id) != null) {
			getButton(id).setEnabled(enabled);
		}
	}

	private void run(boolean dryRun) {
		String text = editor.getText();
		if (problem(text) != null) {
			return;
		}
		if (!dryRun && !text.equals(validatedText)) {
			result.setText("Validate the payload as it is now before replaying it.");
			return;
		}
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		getButtonIfAny(IDialogConstants.OK_ID, false);
		getButtonIfAny(IDialogConstants.DETAILS_ID, false);
		result.setText(dryRun ? "Validating against the target ..." : "Replaying ...");
		background(() -> actions.replay(exceptionId, payload, dryRun), outcome -> {
			getButtonIfAny(IDialogConstants.DETAILS_ID, true);
			Color red = editor.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
			result.setForeground(outcome.refused() ? red : null);
			String problems = outcome.problems().isEmpty() ? "" : "\n" + String.join("\n", outcome.problems());
			if (dryRun) {
				boolean ok = outcome.verdict() == ActionOutcome.Verdict.WOULD_DO;
				validatedText = ok ? text : null;
				getButtonIfAny(IDialogConstants.OK_ID, ok && text.equals(editor.getText()));
				result.setText((ok ? "Valid for the target: " : "Not accepted: ") + outcome.message()
						+ (ok ? "" : problems));
			} else {
				result.setText("Replayed: " + outcome.message() + problems);
				afterReplay.run();
			}
		});
	}

	private <T> void background(Supplier<T> work, java.util.function.Consumer<T> show) {
		Shell shell = getShell();
		Thread t = new Thread(() -> {
			T value;
			try {
				value = work.get();
			} catch (RuntimeException e) {
				shell.getDisplay().asyncExec(() -> {
					if (!shell.isDisposed()) {
						result.setText("The engine could not check the payload: " + e.getMessage());
						getButtonIfAny(IDialogConstants.DETAILS_ID, true);
					}
				});
				return;
			}
			shell.getDisplay().asyncExec(() -> {
				if (!shell.isDisposed()) {
					show.accept(value);
				}
			});
		}, "crossbill payload check");
		t.setDaemon(true);
		t.start();
	}

	private static String pretty(String text) {
		try {
			return JSON.writeValueAsString(JSON.readTree(text));
		} catch (IOException notJson) {
			return text;
		}
	}

	// ---- for tests -------------------------------------------------------------------------------------

	/** The editor. */
	public StyledText editor() {
		return editor;
	}

	/** The syntax line, e.g. "Line 3, column 14: Unexpected character ...". */
	public String syntaxText() {
		return syntax.getText();
	}

	/** What validation or replay said. */
	public String resultText() {
		return result.getText();
	}

	/** Presses "Validate against target" ({@code true}) or "Replay" ({@code false}). */
	public void press(boolean validate) {
		buttonPressed(validate ? IDialogConstants.DETAILS_ID : IDialogConstants.OK_ID);
	}

	/** Whether "Replay" can be pressed now. */
	public boolean canReplay() {
		return getButton(IDialogConstants.OK_ID).isEnabled();
	}
}
