/** Implementation of the store: the schema migrator and the in-memory key digest set. Not exported. */
package io.crossbill.store.internal;
