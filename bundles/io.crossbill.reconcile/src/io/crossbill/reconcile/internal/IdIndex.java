package io.crossbill.reconcile.internal;

import java.util.Arrays;

/**
 * Ids in the order they were added, with their position found by id: a growable String array and an
 * open-addressing table of ints, so a million ids cost two references and an int each, not a map entry.
 */
public final class IdIndex {

    private String[] ids;
    private int size;
    private int[] table; // position + 1, 0 = empty
    private int mask;

    public IdIndex(int expected) {
        ids = new String[Math.max(16, expected)];
        int cap = Integer.highestOneBit(Math.max(32, expected * 2 - 1)) << 1;
        table = new int[cap];
        mask = cap - 1;
    }

    /** Adds an id; returns its position, or {@code -1 - existing} when it is already there. */
    public int add(String id) {
        int h = spread(id.hashCode()) & mask;
        for (int p; (p = table[h]) != 0; h = (h + 1) & mask) {
            if (ids[p - 1].equals(id)) {
                return -p;
            }
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size + (size >> 1) + 16);
        }
        ids[size] = id;
        table[h] = ++size;
        if (size * 2 > table.length) {
            rehash();
        }
        return size - 1;
    }

    /** The position of an id, or -1. */
    public int find(String id) {
        if (id == null) {
            return -1;
        }
        int h = spread(id.hashCode()) & mask;
        for (int p; (p = table[h]) != 0; h = (h + 1) & mask) {
            if (ids[p - 1].equals(id)) {
                return p - 1;
            }
        }
        return -1;
    }

    public String get(int position) {
        return ids[position];
    }

    public int size() {
        return size;
    }

    private void rehash() {
        int cap = table.length << 1;
        int[] t = new int[cap];
        int m = cap - 1;
        for (int i = 0; i < size; i++) {
            int h = spread(ids[i].hashCode()) & m;
            while (t[h] != 0) {
                h = (h + 1) & m;
            }
            t[h] = i + 1;
        }
        table = t;
        mask = m;
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
