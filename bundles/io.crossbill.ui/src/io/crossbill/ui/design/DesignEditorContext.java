package io.crossbill.ui.design;

import java.util.List;

import org.eclipse.emf.edit.domain.EditingDomain;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossbill.mapping.EntityMapping;
import io.crossbill.mapping.MappingDesign;

/**
 * What every page of the mapping design editor shares: the design being edited, the editing domain every
 * change goes through (so undo and redo cover all pages), the sample records, and change notification.
 */
public interface DesignEditorContext {

	/** The design as it is in memory, unsaved edits included. Never change it directly: use {@link #domain()}. */
	MappingDesign design();

	/**
	 * The editing domain: every change is a command executed on its command stack ({@code SetCommand},
	 * {@code AddCommand}, {@code RemoveCommand}, or a {@code CompoundCommand} of them).
	 */
	EditingDomain domain();

	/** The entity mapping the pages show (the one picked in the mapping page), never null for a design with one. */
	EntityMapping currentEntityMapping();

	/** Shows another entity mapping on every page. */
	void selectEntityMapping(EntityMapping entityMapping);

	/** Sample source records for an entity mapping (fetched from the system, captured from the inbox, or the test cases' samples); may be empty. */
	List<JsonNode> samples(EntityMapping entityMapping);

	/** Where the samples came from, in words ("12 deals read from HubSpot (sandbox) at 10:42"). */
	String samplesOrigin(EntityMapping entityMapping);

	/** The sample the analyst picked to see values on (the first one by default), or null without samples. */
	JsonNode selectedSample(EntityMapping entityMapping);

	/** Picks the sample to see values on. */
	void selectSample(EntityMapping entityMapping, int index);

	/**
	 * Runs {@code listener} on the UI thread after every change of the design (commands, undo, redo), of the
	 * selected entity mapping or of the selected sample.
	 */
	void addChangeListener(Runnable listener);

	/** Stops calling {@code listener}. */
	void removeChangeListener(Runnable listener);
}
