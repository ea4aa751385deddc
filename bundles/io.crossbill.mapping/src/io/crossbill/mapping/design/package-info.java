/**
 * What the mapping design editor needs from the engine, headless: source and target trees, JSONata checks and
 * content assist, design problems, a preview that writes nowhere, field-level diffs, unmatched values.
 */
package io.crossbill.mapping.design;
