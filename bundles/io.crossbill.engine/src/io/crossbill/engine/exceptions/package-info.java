/**
 * What an analyst does with the exception queue: retry, edit the payload and replay, resolve with a
 * reason, one at a time or over a query, with a dry run that writes nothing. Every action that writes
 * moves the exception's state with a history row and an audit entry naming who did it.
 */
package io.crossbill.engine.exceptions;
