package io.crossbill.reconcile.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interned strings: each distinct value gets a small int code; null is -1. */
public final class Dictionary {

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    public int code(String value) {
        if (value == null) {
            return -1;
        }
        Integer c = codes.get(value);
        if (c == null) {
            c = values.size();
            codes.put(value, c);
            values.add(value);
        }
        return c;
    }

    /** The code of a value already seen, or -1. */
    public int find(String value) {
        Integer c = value == null ? null : codes.get(value);
        return c == null ? -1 : c;
    }

    public String value(int code) {
        return code < 0 ? null : values.get(code);
    }

    public int size() {
        return values.size();
    }
}
