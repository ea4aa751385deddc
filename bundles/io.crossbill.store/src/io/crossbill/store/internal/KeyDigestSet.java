package io.crossbill.store.internal;

/**
 * A set of 128-bit digests in two primitive arrays with open addressing and linear probing: 32 bytes a
 * key at the maximum load of 0.5, no object per key, so a million keys take 32-64 MB and a look-up is
 * one or two cache misses. The digests are SHA-256 prefixes, uniformly spread, so their low bits are a
 * good slot index as they are. Not thread-safe: owned by the single writer.
 */
public final class KeyDigestSet {

    private long[] highs;
    private long[] lows;
    private boolean[] used;
    private int mask;
    private int size;

    public KeyDigestSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        highs = new long[capacity];
        lows = new long[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
    }

    public int size() {
        return size;
    }

    /** Adds a digest; returns {@code false} when it was already there. */
    public boolean add(long high, long low) {
        int i = slot(high, low);
        while (used[i]) {
            if (highs[i] == high && lows[i] == low) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        highs[i] = high;
        lows[i] = low;
        if (++size * 2 > highs.length) {
            grow();
        }
        return true;
    }

    public boolean contains(long high, long low) {
        int i = slot(high, low);
        while (used[i]) {
            if (highs[i] == high && lows[i] == low) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** Removes a digest (backward-shift deletion keeps probe chains intact without tombstones). */
    public boolean remove(long high, long low) {
        int i = slot(high, low);
        while (used[i]) {
            if (highs[i] == high && lows[i] == low) {
                shiftBack(i);
                size--;
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private void shiftBack(int gap) {
        int i = gap;
        while (true) {
            i = (i + 1) & mask;
            if (!used[i]) {
                break;
            }
            int home = slot(highs[i], lows[i]);
            // move the entry at i into the gap if its home is not cyclically within (gap, i]
            boolean between = gap <= i ? (home > gap && home <= i) : (home > gap || home <= i);
            if (!between) {
                highs[gap] = highs[i];
                lows[gap] = lows[i];
                gap = i;
            }
        }
        used[gap] = false;
    }

    private int slot(long high, long low) {
        return (int) (low ^ (low >>> 32) ^ high) & mask;
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        boolean[] oldUsed = used;
        allocate(oldHighs.length * 2);
        size = 0;
        for (int i = 0; i < oldHighs.length; i++) {
            if (oldUsed[i]) {
                add(oldHighs[i], oldLows[i]);
            }
        }
    }
}
