/** Implementation of the ingest pipeline's two stages; not exported. */
package io.crossbill.engine.internal;
