package io.crossbill.store.internal;

import java.time.Instant;
import org.h2.util.JSR310Utils;
import org.h2.value.Value;
import org.h2.value.ValueNull;
import org.h2.value.ValueVarbinary;

/**
 * H2 values for the hot-path inserts, bound with {@code setObject} (H2 takes its own values as they are).
 * Compared with {@code setString}, {@code setBytes} and {@code setObject(Instant)} this saves, per row and
 * column, a copy of each byte array, a conversion of each time stamp, and a new value for each repeated
 * string: the same system name, entity, state or batch time stamp is one value for the whole batch.
 * One instance per table and writer thread; it remembers the last value of each column it serves.
 */
public final class H2Values {

    private final String[] lastStrings;
    private final Value[] lastStringValues;
    private Instant lastInstant;
    private Value lastInstantValue;

    /** @param stringColumns how many string columns are served (index 0 .. n-1) */
    public H2Values(int stringColumns) {
        lastStrings = new String[stringColumns];
        lastStringValues = new Value[stringColumns];
    }

    /** A VARCHAR value; the same string (by identity or equality) as last time in this column is reused. */
    public Value varchar(int column, String s) {
        if (s == null) {
            return ValueNull.INSTANCE;
        }
        String last = lastStrings[column];
        if (last != s && !s.equals(last)) {
            lastStrings[column] = s;
            lastStringValues[column] = org.h2.value.ValueVarchar.get(s);
        }
        return lastStringValues[column];
    }

    /** A TIMESTAMP WITH TIME ZONE value (UTC); the same instant as last time is reused. */
    public Value timestamp(Instant t) {
        if (t == null) {
            return ValueNull.INSTANCE;
        }
        if (!t.equals(lastInstant)) {
            lastInstant = t;
            lastInstantValue = JSR310Utils.instantToValue(t);
        }
        return lastInstantValue;
    }

    /**
     * A VARBINARY value over the array itself, not a copy: the caller must not change the array afterwards
     * (the store's rows hold payloads that nobody changes).
     */
    public static Value bytesNoCopy(byte[] b) {
        return b == null ? ValueNull.INSTANCE : ValueVarbinary.getNoCopy(b);
    }
}
