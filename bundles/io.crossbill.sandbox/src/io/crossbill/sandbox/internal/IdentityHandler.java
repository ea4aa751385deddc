package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's stand-in for Xero's identity service ({@code POST https://identity.xero.com/connect/token})
 * for "custom connections": the OAuth2 client-credentials grant. It accepts one client id and secret
 * (HTTP Basic, or {@code client_id}/{@code client_secret} in the form), answers
 * {@code {"access_token","expires_in","token_type":"Bearer","scope"}} and adds the token to the set the
 * APIs accept; {@link #dropExpired()} takes it out again when its lifetime has passed on the sandbox's clock.
 * Errors as Xero answers them: 400 {@code {"error":"invalid_client"}}, {@code unsupported_grant_type},
 * {@code invalid_request}; 405 for anything but POST.
 */
public final class IdentityHandler implements HttpHandler {
    /** Where the handler is served on the Accounting server. */
    public static final String PATH = "/connect/token";

    private final String clientId;
    private final byte[] clientSecret;
    private final Duration lifetime;
    private final Clock clock;
    private final Set<String> acceptedTokens;
    private final Map<String, Instant> expiry = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param acceptedTokens the live set of bearer tokens the APIs accept; issued tokens are added to it
     */
    public IdentityHandler(String clientId, String clientSecret, Duration lifetime, Clock clock,
            Set<String> acceptedTokens) {
        this.clientId = clientId;
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.lifetime = lifetime;
        this.clock = clock;
        this.acceptedTokens = acceptedTokens;
    }

    /** How many tokens were issued so far. */
    public int issued() {
        return issued.get();
    }

    /** Takes tokens whose lifetime has passed out of the accepted set. */
    public void dropExpired() {
        Instant now = clock.instant();
        expiry.entrySet().removeIf(e -> {
            if (!now.isBefore(e.getValue())) {
                acceptedTokens.remove(e.getKey());
                return true;
            }
            return false;
        });
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                send(ex, 405, error("invalid_request"));
                return;
            }
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
                send(ex, 400, error("invalid_request"));
                return;
            }
            Map<String, String> form;
            String[] basic;
            try {
                form = form(new String(body, StandardCharsets.UTF_8));
                basic = basic(ex.getRequestHeaders().getFirst("Authorization"));
            } catch (IllegalArgumentException e) { // malformed %-escapes
                send(ex, 400, error("invalid_request"));
                return;
            }
            String id = basic != null ? basic[0] : form.get("client_id");
            String secret = basic != null ? basic[1] : form.get("client_secret");
            if (id == null || secret == null || !id.equals(clientId)
                    || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), clientSecret)) {
                send(ex, 400, error("invalid_client"));
                return;
            }
            if (!"client_credentials".equals(form.get("grant_type"))) {
                send(ex, 400, error("unsupported_grant_type"));
                return;
            }
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            String token = "sbx." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            expiry.put(token, clock.instant().plus(lifetime));
            acceptedTokens.add(token);
            issued.incrementAndGet();
            ObjectNode o = Json.object();
            o.put("access_token", token);
            o.put("expires_in", lifetime.toSeconds());
            o.put("token_type", "Bearer");
            o.put("scope", form.getOrDefault("scope", ""));
            send(ex, 200, o.toString());
        }
    }

    private static String error(String code) {
        return "{\"error\":\"" + code + "\"}";
    }

    private static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        // RFC 6749 2.3.1: id and secret are form-encoded before Basic encoding
        return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }
}
