package io.crossbill.engine.tests.exceptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crossbill.engine.exceptions.PayloadEdit;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadEditTest {

    private static String apply(PayloadEdit edit, String json) {
        return new String(edit.applyTo(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void replacesAddsAndReachesIntoArrays() {
        assertEquals("{\"a\":90,\"b\":\"x\"}", apply(PayloadEdit.parse("/a", "90"), "{\"a\":1,\"b\":\"x\"}"));
        assertEquals("{\"a\":1,\"c\":\"p-7\"}", apply(PayloadEdit.parse("/c", "p-7"), "{\"a\":1}"));
        assertEquals("{\"l\":[1,{\"r\":true}]}", apply(PayloadEdit.parse("/l/1/r", "true"), "{\"l\":[1,{\"r\":0}]}"));
        assertEquals("{\"l\":[1,2]}", apply(PayloadEdit.parse("/l/-", "2"), "{\"l\":[1]}"));
        // a quoted value stays a string, so "90" can be forced where the target wants text
        assertEquals("{\"a\":\"90\"}", apply(PayloadEdit.parse("/a", "\"90\""), "{\"a\":1}"));
    }

    @Test
    void saysWhatIsWrongInsteadOfGuessing() {
        IllegalArgumentException noParent = assertThrows(IllegalArgumentException.class,
                () -> apply(PayloadEdit.parse("/lines/0/rate", "1"), "{\"a\":1}"));
        assertTrue(noParent.getMessage().contains("/lines/0"), noParent.getMessage());
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> apply(PayloadEdit.parse("/a", "1"), "{not json"));
        assertTrue(notJson.getMessage().contains("not valid JSON"), notJson.getMessage());
        IllegalArgumentException badPointer = assertThrows(IllegalArgumentException.class,
                () -> PayloadEdit.parse("a", "1"));
        assertTrue(badPointer.getMessage().contains("not a JSON pointer"), badPointer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PayloadEdit.parse("", "1"));
    }
}
