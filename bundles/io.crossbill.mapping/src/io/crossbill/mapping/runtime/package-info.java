/**
 * Runs mapping designs. {@link io.crossbill.mapping.runtime.MappingCompiler} turns a
 * {@link io.crossbill.mapping.MappingDesign} into a {@link io.crossbill.mapping.runtime.CompiledMapping} once
 * per design name and version; mapping a record then walks pre-parsed paths and hash maps, and only
 * EXPRESSION rules reach the JSONata engine, under a time and depth bound.
 * <p>
 * Path syntax (see also the model's documentation). Source paths: segments separated by {@code .}, an
 * optional leading {@code $.}, {@code name[2]} for one array element, {@code name[*]} for each element, e.g.
 * {@code LineItems[*].UnitAmount}. Target paths: segments separated by {@code /} (or {@code .}), {@code name[]}
 * for an array whose element <i>i</i> is filled from the <i>i</i>-th value of the source's {@code [*]}, e.g.
 * {@code lines[]/unitAmount}. A rule without {@code [*]} in its source that writes into {@code name[]}
 * sets the field on every element the other rules created (a constant currency on each line, say); a
 * source with {@code [*]} written to a plain field collects the values into a JSON array.
 */
package io.crossbill.mapping.runtime;
