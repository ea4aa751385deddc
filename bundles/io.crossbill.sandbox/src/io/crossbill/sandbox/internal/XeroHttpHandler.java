package io.crossbill.sandbox.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.crossbill.sandbox.Faults;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What every Xero API does before and after the route: bearer token (401), tenant header (403),
 * armed faults (including a dropped connection or a late answer after the write was applied), per-tenant rate limits (429 + Retry-After + X-Rate-Limit-Problem), Idempotency-Key
 * replay on writes, and the rate-limit headers on each answer.
 */
public abstract class XeroHttpHandler implements HttpHandler {

    /** Shared settings and state of one sandbox. */
    public record Context(Supplier<Set<String>> tokens, String tenantId, RateLimiter limiter, Faults faults,
            Map<String, Response> idempotency) {
        public Context(Supplier<Set<String>> tokens, String tenantId, RateLimiter limiter, Faults faults) {
            this(tokens, tenantId, limiter, faults, new ConcurrentHashMap<>());
        }
    }

    private static final String GARBAGE = "{\"Id\":\"3f1c\",\"Status\":\"OK\",\"Items\":[{\"Name\":\"tru";

    private final String basePath;
    private final String apiName;
    private final Context ctx;
    private final Object writeLock = new Object();

    protected XeroHttpHandler(String basePath, String apiName, Context ctx) {
        this.basePath = basePath;
        this.apiName = apiName;
        this.ctx = ctx;
    }

    /** Handles an authenticated, admitted request. Throw {@link ApiException} for an error answer. */
    protected abstract Response route(Request request);

    @Override
    public final void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Response r = answer(ex);
            if (r != null) {
                send(ex, r);
            }
            // null: an armed DROP_AFTER_WRITE; closing the exchange unanswered closes the connection
        } catch (RuntimeException e) {
            // never let an exception kill the exchange silently
            try {
                send(ex, Response.json(500, "{\"Message\":\"Sandbox internal error: "
                        + String.valueOf(e).replace('"', '\'') + "\"}"));
            } catch (IOException ignored) {
                // connection gone
            }
        }
    }

    /** The answer to send, or {@code null} to close the connection unanswered (an armed DROP_AFTER_WRITE). */
    private Response answer(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] body = ex.getRequestBody().readAllBytes();
        if (!path.regionMatches(true, 0, basePath, 0, basePath.length())) {
            return Response.text(404, "The resource you're looking for cannot be found");
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
        if (token == null || !ctx.tokens().get().contains(token)) {
            return problem(401, "Unauthorized", "AuthenticationUnsuccessful");
        }
        String tenant = ex.getRequestHeaders().getFirst("Xero-Tenant-Id");
        if (tenant == null || !tenant.trim().equalsIgnoreCase(ctx.tenantId())) {
            return problem(403, "Forbidden", "AuthenticationUnsuccessful");
        }
        Faults.Armed armed = ctx.faults().take(path);
        Faults.Kind fault = armed == null ? null : armed.kind();
        if (fault == Faults.Kind.RATE_LIMIT) {
            return tooMany("minute", 60);
        } else if (fault == Faults.Kind.SERVER_ERROR) {
            return Response.empty(500);
        } else if (fault == Faults.Kind.SERVICE_UNAVAILABLE) {
            return Response.empty(503);
        }
        RateLimiter.Decision d = ctx.limiter().acquire(ctx.tenantId());
        if (!d.admitted()) {
            return tooMany(d.problem(), d.retryAfterSeconds());
        }
        try {
            if (fault == Faults.Kind.SLOW) {
                sleep(armed.delay().toMillis());
            }
            Request req = new Request(ex.getRequestMethod().toUpperCase(), segments(path.substring(basePath.length())),
                    Request.parseQuery(ex.getRequestURI().getRawQuery()), ex.getRequestHeaders(), body);
            Response r = routeIdempotent(req, ex.getRequestHeaders().getFirst("Idempotency-Key"));
            r = r.withHeader("X-MinLimit-Remaining", Integer.toString(d.minuteRemaining()))
                    .withHeader("X-DayLimit-Remaining", Integer.toString(d.dayRemaining()));
            if (fault == Faults.Kind.MALFORMED_JSON) {
                return Response.json(200, GARBAGE);
            } else if (fault == Faults.Kind.DROP_AFTER_WRITE) {
                return null;
            } else if (fault == Faults.Kind.SLOW_AFTER_WRITE) {
                sleep(armed.delay().toMillis());
            }
            return r;
        } finally {
            ctx.limiter().release(ctx.tenantId());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Response routeIdempotent(Request req, String key) {
        boolean write = req.method().equals("POST") || req.method().equals("PUT") || req.method().equals("PATCH");
        if (!write || key == null || key.isBlank()) {
            return safeRoute(req);
        }
        String k = apiName + '|' + ctx.tenantId() + '|' + key;
        synchronized (writeLock) {
            Response first = ctx.idempotency().get(k);
            if (first != null) {
                return first;
            }
            Response r = safeRoute(req);
            if (r.status() < 500) {
                ctx.idempotency().put(k, r);
            }
            return r;
        }
    }

    private Response safeRoute(Request req) {
        try {
            return route(req);
        } catch (ApiException e) {
            return e.response();
        }
    }

    private static List<String> segments(String rest) {
        List<String> out = new ArrayList<>();
        for (String s : rest.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Xero's identity-layer error body, as answered for a bad token (401) or tenant (403). */
    static Response problem(int status, String title, String detail) {
        return Response.json(status, "{\"Type\":null,\"Title\":\"" + title + "\",\"Status\":" + status
                + ",\"Detail\":\"" + detail + "\",\"Instance\":\"" + UUID.randomUUID() + "\",\"Extensions\":{}}");
    }

    static Response tooMany(String problem, long retryAfter) {
        return Response.empty(429).withHeader("Retry-After", Long.toString(retryAfter))
                .withHeader("X-Rate-Limit-Problem", problem);
    }

    private static void send(HttpExchange ex, Response r) throws IOException {
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            ex.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        ex.getResponseHeaders().set("Xero-Correlation-Id", UUID.randomUUID().toString());
        if (r.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", r.contentType());
        }
        byte[] b = r.body();
        boolean noBody = b.length == 0 || r.status() == 204 || ex.getRequestMethod().equalsIgnoreCase("HEAD");
        ex.sendResponseHeaders(r.status(), noBody ? -1 : b.length);
        if (!noBody) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
