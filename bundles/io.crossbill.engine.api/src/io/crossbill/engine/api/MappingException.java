package io.crossbill.engine.api;

/** A record could not be mapped. The message is for an analyst: which design, field and rule, and why. */
public class MappingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String suggestedFix;

    public MappingException(String message) {
        this(message, null, null);
    }

    public MappingException(String message, String suggestedFix, Throwable cause) {
        super(message, cause);
        this.suggestedFix = suggestedFix;
    }

    /** What the analyst could do about it, or {@code null}. */
    public String suggestedFix() {
        return suggestedFix;
    }
}
