package io.crossbill.reconcile.internal;

import java.util.Arrays;

/** A growable list of ints. */
public final class IntList {

    private int[] a;
    private int size;

    public IntList() {
        this(8);
    }

    public IntList(int capacity) {
        a = new int[Math.max(1, capacity)];
    }

    public void add(int v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size + (size >> 1) + 8);
        }
        a[size++] = v;
    }

    public int get(int i) {
        return a[i];
    }

    public int size() {
        return size;
    }

    public int[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
