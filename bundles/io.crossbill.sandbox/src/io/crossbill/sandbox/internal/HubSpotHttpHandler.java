package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.crossbill.sandbox.Faults;
import io.crossbill.sandbox.internal.HubSpotSchema.ObjectType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every HubSpot request goes through: bearer token (401 INVALID_AUTHENTICATION), armed faults, the
 * portal's limits (429 RATE_LIMITS with policyName, Retry-After and the X-HubSpot-RateLimit-* headers), then the
 * route. A dropped connection can be armed to hit after a write was applied.
 */
public final class HubSpotHttpHandler implements HttpHandler {
    private static final String GARBAGE = "{\"id\":\"1029\",\"properties\":{\"dealname\":\"Kauri Ti";
    private static final String NO_AUTH = "Authentication credentials not found. This API supports OAuth 2.0"
            + " authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/"
            + "oauth-overview";

    private final Supplier<Set<String>> tokens;
    private final HubSpotRateLimiter limiter;
    private final Faults faults;
    private final HubSpotObjects objects;
    private final HubSpotSearch search;
    private final HubSpotAssociations associations;
    private final Deque<String> drops = new ArrayDeque<>();

    public HubSpotHttpHandler(Supplier<Set<String>> tokens, HubSpotRateLimiter limiter, Faults faults,
            HubSpotStore store, int searchResultCap) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.faults = faults;
        this.objects = new HubSpotObjects(store);
        this.search = new HubSpotSearch(store, searchResultCap);
        this.associations = new HubSpotAssociations(store);
    }

    /** Arms {@code count} dropped connections: the request is applied, then the connection closes unanswered. */
    public synchronized void dropAfterApplying(int count, String pathContains) {
        for (int i = 0; i < count; i++) {
            drops.addLast(pathContains == null ? "" : pathContains.toLowerCase());
        }
    }

    private synchronized boolean takeDrop(String path) {
        String p = path.toLowerCase();
        for (Iterator<String> it = drops.iterator(); it.hasNext();) {
            if (p.contains(it.next())) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Response r = answer(ex);
            if (r != null) {
                send(ex, r);
            }
            // r == null: close without an answer (dropped connection)
        } catch (RuntimeException e) {
            try {
                send(ex, HubSpotAnswers.error(500, "INTERNAL_ERROR", "Sandbox internal error: " + e));
            } catch (IOException ignored) {
                // connection gone
            }
        }
    }

    private Response answer(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] body = ex.getRequestBody().readAllBytes();
        if (!path.startsWith("/crm/v3/objects/") && !path.startsWith("/crm/v4/objects/")) {
            return HubSpotAnswers.error(404, "OBJECT_NOT_FOUND", "No HubSpot API is served at " + path
                    + " by the sandbox.");
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
        if (token == null || !tokens.get().contains(token)) {
            return HubSpotAnswers.error(401, "INVALID_AUTHENTICATION", NO_AUTH);
        }
        Faults.Armed armed = faults.take(path);
        Faults.Kind fault = armed == null ? null : armed.kind();
        if (fault == Faults.Kind.RATE_LIMIT) {
            return tooMany("TEN_SECONDLY_ROLLING", Math.max(1, limiter.interval().toSeconds()), 0,
                    limiter.dailyRemaining());
        } else if (fault == Faults.Kind.SERVER_ERROR) {
            return HubSpotAnswers.error(500, "INTERNAL_ERROR", "internal error");
        } else if (fault == Faults.Kind.SERVICE_UNAVAILABLE) {
            return Response.empty(503);
        }
        boolean isSearch = path.endsWith("/search");
        HubSpotRateLimiter.Decision d = limiter.acquire(isSearch);
        if (!d.admitted()) {
            return tooMany(d.policy(), d.retryAfterSeconds(), d.intervalRemaining(), d.dailyRemaining());
        }
        if (fault == Faults.Kind.SLOW) {
            sleep(armed.delay().toMillis());
        }
        HubSpotCall call = new HubSpotCall(ex.getRequestMethod().toUpperCase(), segments(path),
                HubSpotCall.parseQuery(ex.getRequestURI().getRawQuery()), body, baseUrl(ex));
        Response r;
        try {
            r = route(call);
        } catch (ApiException e) {
            r = e.response();
        }
        if (takeDrop(path)) {
            return null;
        }
        if (fault == Faults.Kind.MALFORMED_JSON) {
            return Response.json(200, GARBAGE);
        }
        // HubSpot's search endpoints do not send the standard rate-limit headers
        return isSearch ? r : limitHeaders(r, d.intervalRemaining(), d.dailyRemaining());
    }

    private Response route(HubSpotCall c) {
        // segments: crm, v3|v4, objects, {type}, ...
        ObjectType type = ObjectType.of(c.seg(3));
        if (type == null) {
            throw HubSpotAnswers.badRequest("Unable to infer object type from: " + c.seg(3));
        }
        int n = c.segments().size();
        String m = c.method();
        if ("v4".equals(c.seg(1))) {
            if (n == 7 && "associations".equals(c.seg(5))) {
                return m.equals("GET") ? associations.list(type, c.seg(4), other(c.seg(6)), c)
                        : methodNotAllowed(m, "GET");
            }
            if (n == 9 && "associations".equals(c.seg(5)) && "default".equals(c.seg(6))) {
                return m.equals("PUT") ? associations.associateDefault(type, c.seg(4), other(c.seg(7)), c.seg(8))
                        : methodNotAllowed(m, "PUT");
            }
            throw HubSpotAnswers.notFound("No associations endpoint at /" + String.join("/", c.segments()) + ".");
        }
        if (!"v3".equals(c.seg(1))) {
            throw HubSpotAnswers.notFound("No endpoint at /" + String.join("/", c.segments()) + ".");
        }
        if (n == 4) {
            return switch (m) {
                case "GET" -> objects.list(type, c);
                case "POST" -> objects.create(type, c);
                default -> methodNotAllowed(m, "GET, POST");
            };
        }
        if (n == 5 && "search".equals(c.seg(4))) {
            return m.equals("POST") ? search.search(type, c) : methodNotAllowed(m, "POST");
        }
        if (n == 6 && "batch".equals(c.seg(4)) && "read".equals(c.seg(5))) {
            return m.equals("POST") ? objects.batchRead(type, c) : methodNotAllowed(m, "POST");
        }
        if (n == 5) {
            return switch (m) {
                case "GET" -> objects.read(type, c.seg(4), c);
                case "PATCH" -> objects.update(type, c.seg(4), c);
                case "DELETE" -> objects.archive(type, c.seg(4));
                default -> methodNotAllowed(m, "GET, PATCH, DELETE");
            };
        }
        throw HubSpotAnswers.notFound("No endpoint at /" + String.join("/", c.segments()) + ".");
    }

    private static ObjectType other(String seg) {
        ObjectType t = ObjectType.of(seg);
        if (t == null) {
            throw HubSpotAnswers.badRequest("Unable to infer object type from: " + seg);
        }
        return t;
    }

    private static Response methodNotAllowed(String method, String allowed) {
        return HubSpotAnswers.error(405, "VALIDATION_ERROR", method + " is not supported here; use " + allowed + ".")
                .withHeader("Allow", allowed);
    }

    private Response tooMany(String policy, long retryAfter, int intervalRemaining, int dailyRemaining) {
        String what = switch (policy) {
            case "DAILY" -> "daily";
            case "SEARCH_SECONDLY" -> "secondly";
            default -> "ten_secondly_rolling";
        };
        ObjectNode b = HubSpotAnswers.body("RATE_LIMITS", "You have reached your " + what + " limit.");
        b.put("errorType", "RATE_LIMIT");
        b.put("policyName", policy.equals("SEARCH_SECONDLY") ? "SECONDLY" : policy);
        b.put("requestId", UUID.randomUUID().toString());
        return limitHeaders(Response.json(429, Json.write(b)), intervalRemaining, dailyRemaining)
                .withHeader("Retry-After", Long.toString(retryAfter));
    }

    private Response limitHeaders(Response r, int intervalRemaining, int dailyRemaining) {
        return r.withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", Long.toString(limiter.interval().toMillis()))
                .withHeader("X-HubSpot-RateLimit-Max", Integer.toString(limiter.perInterval()))
                .withHeader("X-HubSpot-RateLimit-Remaining", Integer.toString(intervalRemaining))
                .withHeader("X-HubSpot-RateLimit-Daily", Integer.toString(limiter.perDay()))
                .withHeader("X-HubSpot-RateLimit-Daily-Remaining", Integer.toString(dailyRemaining));
    }

    private static String baseUrl(HttpExchange ex) {
        return "http://127.0.0.1:" + ex.getLocalAddress().getPort();
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, Response r) throws IOException {
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            ex.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        ex.getResponseHeaders().set("X-HubSpot-Correlation-Id", UUID.randomUUID().toString());
        if (r.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", r.contentType());
        }
        byte[] b = r.body();
        boolean noBody = b.length == 0 || r.status() == 204;
        ex.sendResponseHeaders(r.status(), noBody ? -1 : b.length);
        if (!noBody) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        }
    }
}
