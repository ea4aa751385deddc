package io.crossbill.sandbox.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/**
 * HubSpot's error bodies: {@code {"status":"error","message":...,"correlationId":...,"category":...}}, and for
 * property validation the message HubSpot sends, "Property values were not valid: [...]" with the per-property
 * errors as embedded JSON, plus the same errors in {@code errors[]}.
 */
public final class HubSpotAnswers {

    /** One property that failed validation: HubSpot's error code (PROPERTY_DOESNT_EXIST, INVALID_OPTION, ...). */
    public record Invalid(String property, String code, String message) {
    }

    private HubSpotAnswers() {
    }

    public static ObjectNode body(String category, String message) {
        ObjectNode o = Json.object();
        o.put("status", "error");
        o.put("message", message);
        o.put("correlationId", UUID.randomUUID().toString());
        o.put("category", category);
        return o;
    }

    public static Response error(int status, String category, String message) {
        return Response.json(status, Json.write(body(category, message)));
    }

    public static ApiException fail(int status, String category, String message) {
        return new ApiException(error(status, category, message));
    }

    /** 400 VALIDATION_ERROR for a request HubSpot cannot read at all. */
    public static ApiException badRequest(String message) {
        return fail(400, "VALIDATION_ERROR", message);
    }

    /** 404 OBJECT_NOT_FOUND. */
    public static ApiException notFound(String message) {
        return fail(404, "OBJECT_NOT_FOUND", message);
    }

    /** 400 VALIDATION_ERROR naming every invalid property, as HubSpot words it. */
    public static ApiException invalidProperties(List<Invalid> invalid) {
        ArrayNode embedded = Json.array();
        ArrayNode errors = Json.array();
        for (Invalid i : invalid) {
            ObjectNode e = embedded.addObject();
            e.put("isValid", false);
            e.put("message", i.message());
            e.put("error", i.code());
            e.put("name", i.property());
            e.put("localizedErrorMessage", i.message());
            ObjectNode err = errors.addObject();
            err.put("message", i.message());
            err.put("code", i.code());
            err.putObject("context").putArray("propertyName").add(i.property());
        }
        ObjectNode b = body("VALIDATION_ERROR", "Property values were not valid: " + Json.write(embedded));
        b.set("errors", errors);
        return new ApiException(Response.json(400, Json.write(b)));
    }
}
