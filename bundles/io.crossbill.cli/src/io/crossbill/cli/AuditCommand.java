package io.crossbill.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crossbill.store.AuditTrail;
import io.crossbill.store.EngineDatabase;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crossbill audit verify}: walks the hash chain of the audit trail. */
@Command(name = "audit", description = "The audit trail.", mixinStandardHelpOptions = true,
		subcommands = AuditCommand.Verify.class)
final class AuditCommand extends WorkspaceCommand implements Runnable {

	@Override
	public void run() {
		spec.commandLine().usage(out());
	}

	@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify the audit trail's hash chain;"
			+ " exit 0 when it is intact, 1 naming the first broken entry.")
	static final class Verify extends WorkspaceCommand implements Callable<Integer> {

		@Option(names = "--json", description = "print JSON")
		boolean json;

		@Override
		public Integer call() {
			Optional<EngineDatabase> opened = workspace().openExisting();
			AuditTrail.Verification v;
			if (opened.isEmpty()) {
				v = new AuditTrail.Verification(true, 0, 0, null);
			} else {
				try (EngineDatabase db = opened.get()) {
					v = db.audit().verify();
				}
			}
			if (json) {
				ObjectNode o = Json.object();
				o.put("intact", v.intact());
				o.put("entries_checked", v.entriesChecked());
				if (v.intact()) {
					o.putNull("first_broken_entry");
				} else {
					o.put("first_broken_entry", v.firstBrokenSeq());
				}
				o.put("problem", v.problem());
				Json.print(out(), o);
			} else {
				out().println(v.describe() + (opened.isEmpty() ? " (there is no database in this workspace yet)" : ""));
			}
			return v.intact() ? 0 : 1;
		}
	}
}
