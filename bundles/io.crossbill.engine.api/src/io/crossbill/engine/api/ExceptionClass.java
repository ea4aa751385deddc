package io.crossbill.engine.api;

/** What kind of failure an exception in the queue is; decides whether it is retried and who fixes it. */
public enum ExceptionClass {
    /** The canonical record breaks a rule (required field, type, range, cross-field rule). */
    VALIDATION,
    /** The source record could not be read or mapped (malformed JSON, wrong entity, a failing rule). */
    MAPPING,
    /** A referenced record (customer, project, rate) is missing in the target or in cross-references. */
    REFERENCE,
    /** The record would create a duplicate of something that already exists. */
    DUPLICATE,
    /** Two systems changed the same field; survivorship could not decide. */
    CONFLICT,
    /** The target system's rate limit or API budget was exhausted. Transient. */
    RATE_LIMITED,
    /** Credentials were refused or expired. */
    AUTH,
    /** Connection refused, timeout, 5xx. Transient. */
    CONNECTIVITY,
    /** The target system refused the write for a business reason. */
    REJECTED,
    /** A fault in Crossbill itself. */
    INTERNAL;

    /** {@code true} for classes that are worth retrying automatically. */
    public boolean isTransient() {
        return this == RATE_LIMITED || this == CONNECTIVITY;
    }
}
