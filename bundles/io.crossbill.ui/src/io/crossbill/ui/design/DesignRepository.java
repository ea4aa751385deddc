package io.crossbill.ui.design;

import java.time.Instant;
import java.util.List;

import io.crossbill.mapping.MappingDesign;

/**
 * Where the mapping design editor opens, saves and approves designs: every saved version is kept, and a version
 * is approved by a named person before the engine uses it. The workbench adapts the workspace's design library
 * to it ({@link LibraryDesignRepository}).
 * <p>
 * Every method fails with a {@link RuntimeException} whose message says, in plain words, what went wrong.
 */
public interface DesignRepository {

	/**
	 * One saved version of a design.
	 *
	 * @param version    the version number
	 * @param savedAt    when it was saved
	 * @param savedBy    who saved it
	 * @param comment    what the person saving it said about it, or empty
	 * @param approvedBy who approved it, or null while it is not approved
	 * @param approvedAt when it was approved, or null
	 */
	record Version(int version, Instant savedAt, String savedBy, String comment, String approvedBy,
			Instant approvedAt) {

		/** Whether the version may be used by the engine. */
		public boolean approved() {
			return approvedBy != null;
		}
	}

	/** Thrown by {@link #approve} when the version has errors or failing golden tests; the reasons in words. */
	final class ApprovalRefused extends RuntimeException {
		private static final long serialVersionUID = 1L;
		private final List<String> reasons;

		public ApprovalRefused(String designName, int version, List<String> reasons) {
			super(designName + " v" + version + " cannot be approved: " + String.join("; ", reasons));
			this.reasons = List.copyOf(reasons);
		}

		/** Why, one sentence each. */
		public List<String> reasons() {
			return reasons;
		}
	}

	/** The newest version of the named design (a private copy the caller may edit). */
	MappingDesign open(String name);

	/** One saved version of the named design (a private copy). */
	MappingDesign openVersion(String name, int version);

	/**
	 * Saves the design as a new version and returns its number (higher than every saved one).
	 *
	 * @param actor   who saves it, recorded with the version
	 * @param comment what changed, in the analyst's words; may be empty
	 */
	int save(MappingDesign design, String actor, String comment);

	/**
	 * Records that {@code actor} approved the version.
	 *
	 * @throws ApprovalRefused with the reasons when the version has design errors or a golden test fails
	 */
	void approve(String name, int version, String actor);

	/** The saved versions of the named design, oldest first; empty for a design never saved. */
	List<Version> versions(String name);
}
