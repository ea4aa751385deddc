package io.crossbill.ui.review;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.crossbill.engine.exceptions.ExceptionActions;
import io.crossbill.store.PendingReplays;
import io.crossbill.store.StoredException;
import io.crossbill.workflow.PeriodLoader;

/**
 * "Retry when online": queues a retry of an exception behind a break - as it is, or with an edited payload -
 * until the systems answer. The review works from a snapshot and may have no network; the engine runs the
 * request at the start of its next run whose systems answer and records the outcome, which the break then
 * shows. The dialog shows the exception's current queue status and, after a failed attempt, starts from it.
 */
public class QueueReplayDialog extends TitleAreaDialog {

	private final String what;
	private final List<PeriodLoader.ExceptionRow> exceptions;
	private final Map<Long, StoredException> stored;
	private final Map<Long, PendingReplays.Request> latest;
	private Combo which;
	private Label status;
	private Button retry;
	private Button replay;
	private Text payload;
	private long chosenId;
	private PendingReplays.Action chosenAction;
	private byte[] chosenPayload;

	/**
	 * @param what       the break in words
	 * @param exceptions the exceptions about the break's business key (at least one)
	 * @param stored     those of them still in this workspace's exception queue, by id (their payloads)
	 * @param latest     the latest queued request of each, by exception id
	 */
	public QueueReplayDialog(Shell parent, String what, List<PeriodLoader.ExceptionRow> exceptions,
			Map<Long, StoredException> stored, Map<Long, PendingReplays.Request> latest) {
		super(parent);
		this.what = what;
		this.exceptions = List.copyOf(exceptions);
		this.stored = stored;
		this.latest = latest;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Retry when online");
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle("Retry this exception when the systems answer");
		setMessage(what + ". The retry is kept in this workspace and run by the engine at the start of its next"
				+ " run whose systems answer.");
		Composite c = new Composite(area, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		new Label(c, SWT.NONE).setText("Exception:");
		which = new Combo(c, SWT.READ_ONLY);
		which.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		which.setItems(exceptions.stream().map(QueueReplayDialog::label).toArray(String[]::new));
		which.addListener(SWT.Selection, e -> exceptionChosen());
		new Label(c, SWT.NONE);
		status = new Label(c, SWT.WRAP);
		GridData sd = new GridData(SWT.FILL, SWT.TOP, true, false);
		sd.widthHint = 560;
		status.setLayoutData(sd);
		new Label(c, SWT.NONE).setText("Run:");
		retry = new Button(c, SWT.RADIO);
		retry.setText("Retry as it is (its workflow takes the record up again, or its delivery is put back)");
		new Label(c, SWT.NONE);
		replay = new Button(c, SWT.RADIO);
		replay.setText("Replay with this edited payload:");
		new Label(c, SWT.NONE);
		payload = new Text(c, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		GridData pd = new GridData(SWT.FILL, SWT.FILL, true, true);
		pd.widthHint = 560;
		pd.heightHint = 140;
		payload.setLayoutData(pd);
		retry.addListener(SWT.Selection, e -> validate());
		replay.addListener(SWT.Selection, e -> validate());
		payload.addListener(SWT.Modify, e -> validate());
		which.select(0);
		exceptionChosen();
		return area;
	}

	private static String label(PeriodLoader.ExceptionRow x) {
		return "#" + x.id() + " " + x.exceptionClass() + " " + x.state() + " (" + x.businessKey() + ")";
	}

	/** Shows the chosen exception's queue status and payload; after a failed attempt, starts from it. */
	private void exceptionChosen() {
		PeriodLoader.ExceptionRow x = exceptions.get(Math.max(0, which.getSelectionIndex()));
		StoredException e = stored.get(x.id());
		PendingReplays.Request r = latest.get(x.id());
		status.setText(e == null ? "This exception is no longer in this workspace's exception queue."
				: statusLine(r, e));
		byte[] start = r != null && r.payload() != null ? r.payload() : e == null ? null : e.originalPayload();
		payload.setText(start == null ? "" : new String(start, StandardCharsets.UTF_8));
		// edit-and-replay works on received payloads kept whole; a failed delivery, or a saga workflow's
		// exception (its workflow reads the record again), is retried as it is
		boolean canReplay = e != null && ExceptionActions.isIngestFailure(e) && e.originalPayload() != null
				&& !e.payloadTruncated();
		replay.setEnabled(canReplay);
		payload.setEnabled(canReplay);
		boolean asReplay = canReplay && r != null && r.action() == PendingReplays.Action.REPLAY;
		replay.setSelection(asReplay);
		retry.setSelection(!asReplay);
		status.getParent().layout(true);
		validate();
	}

	/** What the queue says about an exception, in one sentence. */
	static String statusLine(PendingReplays.Request r, StoredException e) {
		String now = "It is " + e.state() + " now: " + e.cause();
		if (r == null) {
			return now;
		}
		return switch (r.state()) {
		case PENDING -> "A " + r.what() + " is queued already (by " + r.requestedBy() + " " + ReviewSession.taken(
				r.requestedAt()) + "); it runs when the systems answer.";
		case DONE -> "The last queued " + r.what() + " ran " + ReviewSession.taken(r.doneAt()) + ": " + r.outcome()
				+ " " + now;
		case FAILED -> "The last queued " + r.what() + " FAILED " + ReviewSession.taken(r.doneAt()) + ": "
				+ r.outcome() + " Queue it again below.";
		};
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "Queue retry", true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		validate();
	}

	private void validate() {
		if (which == null || getButton(IDialogConstants.OK_ID) == null) {
			return;
		}
		PeriodLoader.ExceptionRow x = exceptions.get(Math.max(0, which.getSelectionIndex()));
		StoredException e = stored.get(x.id());
		PendingReplays.Request r = latest.get(x.id());
		String problem = e == null ? "Exception #" + x.id() + " is not in this workspace's queue any more."
				: e.state() == io.crossbill.engine.api.ExceptionState.RESOLVED ? "Exception #" + x.id()
						+ " is resolved already; there is nothing to retry."
						: r != null && r.state() == PendingReplays.State.PENDING ? "A " + r.what() + " of #" + x.id()
								+ " is queued already."
								: replay.getSelection() && payload.getText().isBlank()
										? "Write the edited payload, or retry it as it is." : null;
		payload.setEditable(replay.getSelection());
		setErrorMessage(problem);
		getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
	}

	@Override
	protected void okPressed() {
		PeriodLoader.ExceptionRow x = exceptions.get(Math.max(0, which.getSelectionIndex()));
		chosenId = x.id();
		chosenAction = replay.getSelection() ? PendingReplays.Action.REPLAY : PendingReplays.Action.RETRY;
		chosenPayload = chosenAction == PendingReplays.Action.REPLAY ? payload.getText().getBytes(
				StandardCharsets.UTF_8) : null;
		super.okPressed();
	}

	/** The exception chosen (after OK). */
	public long exceptionId() {
		return chosenId;
	}

	/** Retry or replay (after OK). */
	public PendingReplays.Action action() {
		return chosenAction;
	}

	/** The edited payload of a replay, or {@code null} for a retry (after OK). */
	public byte[] payload() {
		return chosenPayload;
	}
}
