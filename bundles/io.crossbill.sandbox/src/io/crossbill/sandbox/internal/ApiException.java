package io.crossbill.sandbox.internal;

/** Thrown inside a route to answer with a finished error response. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Response response;

    public ApiException(Response response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    public Response response() {
        return response;
    }
}
