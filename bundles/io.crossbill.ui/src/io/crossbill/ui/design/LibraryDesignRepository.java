package io.crossbill.ui.design;

import java.util.ArrayList;
import java.util.List;

import io.crossbill.mapping.MappingDesign;
import io.crossbill.store.DesignVersions;
import io.crossbill.store.EngineDatabase;
import io.crossbill.workflow.DesignLibrary;

/**
 * The workspace's design library (versions in the engine's database, approvals in its audit trail) as the
 * editor's {@link DesignRepository}. The shipped designs are seeded as approved version 1 the first time, so
 * the history of a shipped design starts where the engine starts.
 */
public final class LibraryDesignRepository implements DesignRepository {

	private final DesignLibrary library;

	public LibraryDesignRepository(EngineDatabase db, String actor) {
		this.library = new DesignLibrary(db);
		library.seedShipped(actor);
	}

	/** The library underneath. */
	public DesignLibrary library() {
		return library;
	}

	@Override
	public MappingDesign open(String name) {
		return library.open(name);
	}

	@Override
	public MappingDesign openVersion(String name, int version) {
		return library.openVersion(name, version);
	}

	@Override
	public int save(MappingDesign design, String actor, String comment) {
		return library.save(design, actor, comment).version();
	}

	@Override
	public void approve(String name, int version, String actor) {
		try {
			library.approve(name, version, actor);
		} catch (DesignLibrary.NotApprovableException e) {
			throw new ApprovalRefused(name, version, e.reasons());
		}
	}

	@Override
	public List<Version> versions(String name) {
		List<Version> oldestFirst = new ArrayList<>();
		for (DesignVersions.Version v : library.versions().versions(name)) {
			oldestFirst.add(0, new Version(v.version(), v.savedAt(), v.savedBy(), v.comment(), v.approvedBy(),
					v.approvedAt()));
		}
		return oldestFirst;
	}
}
