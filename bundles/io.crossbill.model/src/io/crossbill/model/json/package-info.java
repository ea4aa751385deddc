/**
 * JSON form of the canonical model: how canonical records travel as payloads between the engine's steps,
 * the exception queue and the connectors. Derived from the Ecore model by reflection, so a feature added
 * to {@code canonical.ecore} appears in JSON without touching this package.
 */
package io.crossbill.model.json;
