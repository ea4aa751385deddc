package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A HubSpot request as the routes see it: method, path segments, query (HubSpot repeats parameters such as
 * {@code properties=a&properties=b}, so every name maps to a list) and body.
 */
public record HubSpotCall(String method, List<String> segments, Map<String, List<String>> query, byte[] body,
        String baseUrl) {

    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    /** The first value of a query parameter, or null. */
    public String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** All values of a repeatable, comma-separable parameter such as {@code properties}; null when absent. */
    public List<String> list(String name) {
        List<String> v = query.get(name);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String s : v) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    public String seg(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    /** The JSON body; a 400 in HubSpot's words when it is missing or not JSON. */
    public JsonNode json() {
        if (body.length == 0) {
            throw HubSpotAnswers.badRequest("Invalid input JSON: the request body is empty.");
        }
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            if (n == null || !n.isObject()) {
                throw HubSpotAnswers.badRequest("Invalid input JSON: expected an object.");
            }
            return n;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " on line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw HubSpotAnswers.badRequest("Invalid input JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw HubSpotAnswers.badRequest("Invalid input JSON: " + e.getMessage());
        }
    }

    /** A positive integer parameter within 1..max, the default when absent, else a 400. */
    public static int limit(String raw, int dflt, int max) {
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // falls through
        }
        throw HubSpotAnswers.badRequest("limit must be a whole number from 1 to " + max + ", not '" + raw + "'.");
    }
}
