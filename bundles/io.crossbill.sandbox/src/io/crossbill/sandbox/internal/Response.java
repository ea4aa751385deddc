package io.crossbill.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer, kept whole so an Idempotency-Key replay can return exactly the same bytes. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static Response json(int status, String json) {
        return new Response(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8),
                new LinkedHashMap<>());
    }

    public static Response text(int status, String text) {
        return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8),
                new LinkedHashMap<>());
    }

    public static Response empty(int status) {
        return new Response(status, null, new byte[0], new LinkedHashMap<>());
    }

    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, body, h);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
