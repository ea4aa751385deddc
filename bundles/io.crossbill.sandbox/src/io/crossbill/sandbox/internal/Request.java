package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed request as the routes see it: method, path segments below the API base, query, body. */
public record Request(String method, List<String> segments, Map<String, String> query, Headers headers,
        byte[] body) {

    public static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8).toLowerCase(),
                    URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    /** Query parameter by case-insensitive name, or null. */
    public String param(String name) {
        return query.get(name.toLowerCase());
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    /** Segment i, compared case-insensitively by routes; null when absent. */
    public String seg(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    public boolean is(String m, int length) {
        return method.equals(m) && segments.size() == length;
    }

    public JsonNode json() {
        if (body.length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
