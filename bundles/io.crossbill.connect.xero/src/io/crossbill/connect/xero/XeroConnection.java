package io.crossbill.connect.xero;

import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a Xero organisation is and how to authenticate to it: the two API base URLs, the tenant
 * ({@code Xero-Tenant-Id}) and a supplier of the OAuth2 bearer token. The token is asked for on every
 * request, so a supplier backed by secure storage or a token refresher can change it at any time.
 * <p>
 * The token is never part of {@link #toString()}, and nothing in this bundle logs or reports it.
 */
public final class XeroConnection {

    /** Xero's production Accounting API. */
    public static final URI XERO_ACCOUNTING = URI.create("https://api.xero.com/api.xro/2.0");
    /** Xero's production Projects API. */
    public static final URI XERO_PROJECTS = URI.create("https://api.xero.com/projects.xro/2.0");

    private final URI accountingBase;
    private final URI projectsBase;
    private final String tenantId;
    private final Supplier<String> token;

    public XeroConnection(URI accountingBase, URI projectsBase, String tenantId, Supplier<String> token) {
        this.accountingBase = trim(Objects.requireNonNull(accountingBase, "accountingBase"));
        this.projectsBase = trim(Objects.requireNonNull(projectsBase, "projectsBase"));
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("a Xero tenant id is required");
        }
        this.tenantId = tenantId.trim();
        this.token = Objects.requireNonNull(token, "token");
    }

    /** The real Xero APIs for one tenant. */
    public static XeroConnection xero(String tenantId, Supplier<String> token) {
        return new XeroConnection(XERO_ACCOUNTING, XERO_PROJECTS, tenantId, token);
    }

    public URI accountingBase() {
        return accountingBase;
    }

    public URI projectsBase() {
        return projectsBase;
    }

    public String tenantId() {
        return tenantId;
    }

    /** The {@code Authorization} header value; package-private so that it stays inside the client. */
    String authorization() {
        String t = token.get();
        if (t == null || t.isBlank()) {
            throw new XeroApiException(io.crossbill.engine.api.ExceptionClass.AUTH, 0, null, null,
                    "No Xero access token is available; connect the Xero organisation again.");
        }
        return "Bearer " + t.strip();
    }

    private static URI trim(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : u;
    }

    @Override
    public String toString() {
        return "XeroConnection[accounting=" + accountingBase + ", projects=" + projectsBase + ", tenant=" + tenantId
                + ", token=***]";
    }
}
