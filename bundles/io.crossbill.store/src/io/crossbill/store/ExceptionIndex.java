package io.crossbill.store;

import io.crossbill.engine.api.ExceptionClass;
import io.crossbill.engine.api.ExceptionState;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The light columns of every exception, in memory as primitive arrays (about 40 bytes an exception), so that
 * counting, filtering, sorting and grouping a million exceptions takes milliseconds instead of H2 reading a
 * million wide rows. Loaded once by an id-ordered scan in steps ({@link #loadStep}); before each use it
 * catches up with new exceptions
 * (ids above the last one seen) and changed ones ({@code updated_at} at or after the last change seen).
 * Exceptions are never deleted, so nothing else can change. Not thread-safe: {@link ExceptionBrowser}
 * uses it under the database's transaction lock.
 */
final class ExceptionIndex {

    private static final String COLUMNS = "id, state, exception_class, workflow, system_name, assignee, cause_key,"
            + " business_key, attempts, created_at, updated_at";
    /** Positions are packed into the low bits of sort keys. */
    private static final int POSITION_BITS = 24;
    static final int MAX_ROWS = 1 << POSITION_BITS;

    private int size;
    private long[] id = new long[1024];
    private long[] created = new long[1024];
    private long[] updated = new long[1024];
    private byte[] state = new byte[1024];
    private byte[] cls = new byte[1024];
    private byte[] attempts = new byte[1024];
    private short[] workflow = new short[1024];
    private short[] system = new short[1024];
    private int[] assignee = new int[1024];
    private int[] cause = new int[1024];
    private int[] keyStart = new int[1025];
    private byte[] keys = new byte[16 * 1024];
    private int keysEnd;

    final Dictionary workflows = new Dictionary();
    final Dictionary systems = new Dictionary();
    final Dictionary assignees = new Dictionary();
    final Dictionary causes = new Dictionary();

    private long lastUpdatedMillis = Long.MIN_VALUE;
    /** Changes whenever a row is added or changed; cached orders are valid for one version. */
    private long version;

    /** Distinct strings of a column, numbered in the order first seen. */
    static final class Dictionary {
        final List<String> values = new ArrayList<>();
        private final Map<String, Integer> codes = new HashMap<>();
        private int[] ranks;

        int code(String value) {
            if (value == null) {
                return -1;
            }
            Integer c = codes.get(value);
            if (c == null) {
                c = values.size();
                values.add(value);
                codes.put(value, c);
                ranks = null;
            }
            return c;
        }

        /** The code of a value, -1 for none, or -2 when the value is unknown (matches nothing). */
        int find(String value) {
            if (value == null) {
                return -1;
            }
            Integer c = codes.get(value);
            return c == null ? -2 : c;
        }

        String value(int code) {
            return code < 0 ? null : values.get(code);
        }

        /** The alphabetical rank of each code. */
        int[] ranks() {
            if (ranks == null) {
                Integer[] order = new Integer[values.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, Comparator.comparing(values::get));
                int[] r = new int[order.length];
                for (int i = 0; i < order.length; i++) {
                    r[order[i]] = i;
                }
                ranks = r;
            }
            return ranks;
        }
    }

    int size() {
        return size;
    }

    long version() {
        return version;
    }

    /**
     * Reads up to {@code maxRows} exceptions after the last one read, in id order: the first load in
     * short steps, so that each step holds the database only briefly. The first step notes the newest
     * change in the database; when the last step is done, {@link #catchUp} starts from that moment, so an
     * exception changed in an earlier step's range while later steps were read is read again.
     *
     * @return whether every exception has been read
     */
    boolean loadStep(Connection c, int maxRows) throws SQLException {
        if (loadWatermark == Long.MIN_VALUE) {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(updated_at) FROM exceptions");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp newest = rs.getTimestamp(1);
                loadWatermark = newest == null ? 0 : newest.getTime();
            }
        }
        long lastId = size == 0 ? 0 : id[size - 1];
        int read = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM exceptions WHERE id > ?"
                + " ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            ps.setLong(1, lastId);
            ps.setInt(2, maxRows);
            ps.setFetchSize(Math.min(maxRows, 10_000));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(rs);
                    read++;
                }
            }
        }
        if (read < maxRows) {
            lastUpdatedMillis = Math.min(lastUpdatedMillis, loadWatermark);
            return true;
        }
        return false;
    }

    private long loadWatermark = Long.MIN_VALUE;

    /** Reads what is new or changed since the last call (everything, the first time). */
    void catchUp(Connection c) throws SQLException {
        long lastId = size == 0 ? 0 : id[size - 1];
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM exceptions WHERE id > ?"
                + " ORDER BY id")) {
            ps.setLong(1, lastId);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(rs);
                }
            }
        }
        if (lastId > 0) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM exceptions"
                    + " WHERE updated_at >= ? AND id <= ?")) {
                ps.setTimestamp(1, Timestamp.from(Instant.ofEpochMilli(lastUpdatedMillis)));
                ps.setLong(2, lastId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int pos = Arrays.binarySearch(id, 0, size, rs.getLong(1));
                        if (pos >= 0 && changed(pos, rs)) {
                            set(pos, rs);
                            version++;
                        }
                    }
                }
            }
        }
    }

    private void add(ResultSet rs) throws SQLException {
        if (size == MAX_ROWS) {
            throw new IllegalStateException("The exception queue holds more than " + MAX_ROWS + " exceptions, more"
                    + " than the queue screen can browse; resolve or archive old ones.");
        }
        if (size == id.length) {
            int n = id.length * 2;
            id = Arrays.copyOf(id, n);
            created = Arrays.copyOf(created, n);
            updated = Arrays.copyOf(updated, n);
            state = Arrays.copyOf(state, n);
            cls = Arrays.copyOf(cls, n);
            attempts = Arrays.copyOf(attempts, n);
            workflow = Arrays.copyOf(workflow, n);
            system = Arrays.copyOf(system, n);
            assignee = Arrays.copyOf(assignee, n);
            cause = Arrays.copyOf(cause, n);
            keyStart = Arrays.copyOf(keyStart, n + 1);
        }
        int pos = size++;
        id[pos] = rs.getLong(1);
        byte[] key = lowerBytes(rs.getString(8));
        if (keysEnd + key.length > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysEnd + key.length));
        }
        System.arraycopy(key, 0, keys, keysEnd, key.length);
        keyStart[pos] = keysEnd;
        keysEnd += key.length;
        keyStart[pos + 1] = keysEnd;
        set(pos, rs);
        version++;
    }

    private boolean changed(int pos, ResultSet rs) throws SQLException {
        return updated[pos] != rs.getTimestamp(11).getTime() || state[pos] != ExceptionState.valueOf(
                rs.getString(2)).ordinal() || assignee[pos] != assignees.find(rs.getString(6))
                || cause[pos] != causes.find(rs.getString(7));
    }

    private void set(int pos, ResultSet rs) throws SQLException {
        state[pos] = (byte) ExceptionState.valueOf(rs.getString(2)).ordinal();
        cls[pos] = (byte) ExceptionClass.valueOf(rs.getString(3)).ordinal();
        workflow[pos] = (short) workflows.code(rs.getString(4));
        system[pos] = (short) systems.code(rs.getString(5));
        assignee[pos] = assignees.code(rs.getString(6));
        cause[pos] = causes.code(rs.getString(7));
        attempts[pos] = (byte) Math.min(127, rs.getInt(9));
        created[pos] = rs.getTimestamp(10).getTime();
        updated[pos] = rs.getTimestamp(11).getTime();
        lastUpdatedMillis = Math.max(lastUpdatedMillis, updated[pos]);
    }

    private static byte[] lowerBytes(String s) {
        return s == null ? new byte[0] : s.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }

    // ---- queries -------------------------------------------------------------------------------------------

    /** The positions of the rows a filter matches, in id order. */
    int[] match(ExceptionBrowser.Filter f, Instant now) {
        int states = 0;
        for (ExceptionState s : f.states()) {
            states |= 1 << s.ordinal();
        }
        if (states == 0) {
            states = ~0;
        }
        int wf = f.workflow() == null ? -3 : workflows.find(f.workflow());
        int sys = f.system() == null ? -3 : systems.find(f.system());
        int cl = f.exceptionClass() == null ? -3 : f.exceptionClass().ordinal();
        int as = f.assignee() == null ? -3 : f.assignee().isEmpty() ? -1 : assignees.find(f.assignee());
        int rc = f.rootCause() == null ? -3 : causes.find(f.rootCause());
        long newer = f.age().newerThan() == null ? Long.MIN_VALUE : now.minus(f.age().newerThan()).toEpochMilli();
        long older = f.age().olderThan() == null ? Long.MAX_VALUE : now.minus(f.age().olderThan()).toEpochMilli();
        byte[] text = f.text() == null ? null : lowerBytes(f.text());
        boolean[] causeHasText = null;
        if (text != null) {
            String t = f.text().toLowerCase(Locale.ROOT);
            causeHasText = new boolean[causes.values.size()];
            for (int i = 0; i < causeHasText.length; i++) {
                causeHasText[i] = causes.values.get(i).toLowerCase(Locale.ROOT).contains(t);
            }
        }
        int[] out = new int[size];
        int n = 0;
        for (int p = 0; p < size; p++) {
            if ((states & (1 << state[p])) == 0 || (wf != -3 && workflow[p] != wf) || (sys != -3 && system[p] != sys)
                    || (cl != -3 && cls[p] != cl) || (as != -3 && assignee[p] != as) || (rc != -3 && cause[p] != rc)
                    || created[p] < newer || created[p] >= older) {
                continue;
            }
            if (text != null && !(cause[p] >= 0 && causeHasText[cause[p]]) && !keyContains(p, text)) {
                continue;
            }
            out[n++] = p;
        }
        return Arrays.copyOf(out, n);
    }

    private boolean keyContains(int p, byte[] text) {
        int from = keyStart[p];
        int last = keyStart[p + 1] - text.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < text.length; j++) {
                if (keys[i + j] != text[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Sorts matched positions in place into the given order (ties by id, in the same direction). */
    void sort(int[] positions, ExceptionBrowser.Sort sort) {
        long[] packed = new long[positions.length];
        int[] businessKeyRank = sort.column() == ExceptionBrowser.SortColumn.BUSINESS_KEY ? businessKeyRanks() : null;
        long base = Long.MAX_VALUE;
        if (sort.column() == ExceptionBrowser.SortColumn.CREATED || sort.column() == ExceptionBrowser.SortColumn.UPDATED) {
            long[] times = sort.column() == ExceptionBrowser.SortColumn.CREATED ? created : updated;
            for (int p : positions) {
                base = Math.min(base, times[p]);
            }
        }
        for (int i = 0; i < positions.length; i++) {
            int p = positions[i];
            long key = switch (sort.column()) {
                case CREATED -> created[p] - base; // milliseconds (39 bits: 17 years); ties fall to id order
                case UPDATED -> updated[p] - base;
                case ID -> 0;
                case CLASS -> cls[p];
                case STATE -> state[p];
                case WORKFLOW -> workflow[p] < 0 ? 0 : workflows.ranks()[workflow[p]] + 1L;
                case SYSTEM -> system[p] < 0 ? 0 : systems.ranks()[system[p]] + 1L;
                case ATTEMPTS -> attempts[p];
                // no assignee sorts after every name, ascending
                case ASSIGNEE -> assignee[p] < 0 ? Integer.MAX_VALUE : assignees.ranks()[assignee[p]];
                case BUSINESS_KEY -> businessKeyRank[p];
            };
            packed[i] = (key << POSITION_BITS) | p;
        }
        Arrays.sort(packed);
        int mask = MAX_ROWS - 1;
        if (sort.ascending()) {
            for (int i = 0; i < packed.length; i++) {
                positions[i] = (int) (packed[i] & mask);
            }
        } else {
            for (int i = 0; i < packed.length; i++) {
                positions[i] = (int) (packed[packed.length - 1 - i] & mask);
            }
        }
    }

    /** Positions sorted by business key (ties by position); covers the first {@code keyOrder.length} rows. */
    private int[] keyOrder = new int[0];
    private int[] keyRank;

    /**
     * The rank of every row in business-key order. Business keys never change, so the order is built once
     * (a radix sort over 4-byte slices of the keys, primitive sorts only) and afterwards only the rows
     * added since are sorted and merged in.
     */
    int[] businessKeyRanks() {
        if (keyRank == null || keyRank.length != size) {
            int from = keyOrder.length;
            int[] tail = new int[size - from];
            for (int i = 0; i < tail.length; i++) {
                tail[i] = from + i;
            }
            sortByKey(tail, 0, tail.length, 0);
            keyOrder = mergeByKey(keyOrder, tail);
            int[] rank = new int[size];
            for (int i = 0; i < size; i++) {
                rank[keyOrder[i]] = i;
            }
            keyRank = rank;
        }
        return keyRank;
    }

    /** Sorts positions a[lo, hi) by their keys from byte {@code depth} on (all equal before it). */
    private void sortByKey(int[] a, int lo, int hi, int depth) {
        int n = hi - lo;
        if (n < 2) {
            return;
        }
        long[] packed = new long[n];
        boolean longer = false;
        for (int i = 0; i < n; i++) {
            int p = a[lo + i];
            packed[i] = (slice(p, depth) << POSITION_BITS) | p;
            longer |= keyStart[p + 1] - keyStart[p] > depth + 4;
        }
        Arrays.sort(packed);
        int mask = MAX_ROWS - 1;
        for (int i = 0; i < n; i++) {
            a[lo + i] = (int) (packed[i] & mask);
        }
        if (!longer) {
            return;
        }
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || (packed[i] >>> POSITION_BITS) != (packed[runStart] >>> POSITION_BITS)) {
                if (i - runStart > 1) {
                    sortByKey(a, lo + runStart, lo + i, depth + 4);
                }
                runStart = i;
            }
        }
    }

    /** Bytes depth to depth+3 of a row's key as an unsigned number; missing bytes count as 0. */
    private long slice(int p, int depth) {
        int from = keyStart[p] + depth;
        int end = keyStart[p + 1];
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (from + i < end ? keys[from + i] & 0xFF : 0);
        }
        return v;
    }

    private int compareKeys(int a, int b) {
        int c = Arrays.compareUnsigned(keys, keyStart[a], keyStart[a + 1], keys, keyStart[b], keyStart[b + 1]);
        return c != 0 ? c : Integer.compare(a, b);
    }

    private int[] mergeByKey(int[] left, int[] right) {
        if (right.length == 0) {
            return left;
        }
        int[] out = new int[left.length + right.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < left.length && j < right.length) {
            out[k++] = compareKeys(left[i], right[j]) <= 0 ? left[i++] : right[j++];
        }
        while (i < left.length) {
            out[k++] = left[i++];
        }
        while (j < right.length) {
            out[k++] = right[j++];
        }
        return out;
    }

    long id(int pos) {
        return id[pos];
    }

    int causeCode(int pos) {
        return cause[pos];
    }

    int classOrdinal(int pos) {
        return cls[pos];
    }

    /** Which dictionary entries are in use by any row: workflows, systems, assignees. */
    boolean[][] inUse() {
        boolean[] w = new boolean[workflows.values.size()];
        boolean[] s = new boolean[systems.values.size()];
        boolean[] a = new boolean[assignees.values.size()];
        for (int p = 0; p < size; p++) {
            if (workflow[p] >= 0) {
                w[workflow[p]] = true;
            }
            if (system[p] >= 0) {
                s[system[p]] = true;
            }
            if (assignee[p] >= 0) {
                a[assignee[p]] = true;
            }
        }
        return new boolean[][] {w, s, a};
    }
}
