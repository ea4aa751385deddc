package io.crossbill.connect.hubspot;

import io.crossbill.engine.api.ExceptionClass;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a HubSpot portal's API is and how to authenticate to it: the base URL ({@code https://api.hubapi.com},
 * or a sandbox) and a supplier of the bearer token (a private app's access token or an OAuth access token).
 * The token is asked for on every request, so a supplier backed by secure storage or a token refresher can
 * change it at any time.
 * <p>
 * The token is never part of {@link #toString()}, and nothing in this bundle logs or reports it.
 */
public final class HubSpotConnection {

    /** HubSpot's production API. */
    public static final URI HUBSPOT_API = URI.create("https://api.hubapi.com");

    private final URI base;
    private final Supplier<String> token;

    public HubSpotConnection(URI base, Supplier<String> token) {
        String s = Objects.requireNonNull(base, "base").toString();
        this.base = s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : base;
        this.token = Objects.requireNonNull(token, "token");
    }

    /** The real HubSpot API. */
    public static HubSpotConnection hubspot(Supplier<String> token) {
        return new HubSpotConnection(HUBSPOT_API, token);
    }

    public URI base() {
        return base;
    }

    /** The {@code Authorization} header value; package-private so that it stays inside the client. */
    String authorization() {
        String t = token.get();
        if (t == null || t.isBlank()) {
            throw new HubSpotApiException(ExceptionClass.AUTH, 0, null, null,
                    "No HubSpot access token is available; connect the HubSpot portal again.");
        }
        return "Bearer " + t.strip();
    }

    @Override
    public String toString() {
        return "HubSpotConnection[" + base + ", token=***]";
    }
}
