package io.crossbill.sandbox.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.sandbox.XeroSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A minimal raw HTTP client for the sandbox tests: no connector code, just the wire. */
final class SandboxClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    SandboxClient(URI base, String token, String tenant) {
        this.base = base;
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (tenant != null) {
            headers.put("Xero-Tenant-Id", tenant);
        }
    }

    static SandboxClient accounting(XeroSandbox s) {
        return new SandboxClient(s.accountingBaseUrl(), s.token(), s.tenantId());
    }

    static SandboxClient projects(XeroSandbox s) {
        return new SandboxClient(s.projectsBaseUrl(), s.token(), s.tenantId());
    }

    record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Answer send(String method, String path, String body, String... extraHeaders) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            b.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Answer get(String path, String... extraHeaders) {
        return send("GET", path, null, extraHeaders);
    }
}
