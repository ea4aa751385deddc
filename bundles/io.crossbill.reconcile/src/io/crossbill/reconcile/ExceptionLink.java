package io.crossbill.reconcile;

/**
 * An exception in the queue about a business key (a project id, customer key, entry id, invoice number,
 * line ref, milestone or deal id); every break about the same key links to it.
 */
public record ExceptionLink(String businessKey, long exceptionId, String exceptionClass, String state) {
}
