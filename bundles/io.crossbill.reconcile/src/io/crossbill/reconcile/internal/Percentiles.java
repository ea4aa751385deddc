package io.crossbill.reconcile.internal;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of longs. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (0 < p <= 100) by nearest rank; sorts {@code values[0..n)}; null when n is 0. */
    public static Long of(long[] values, int n, int p) {
        if (n == 0) {
            return null;
        }
        Arrays.sort(values, 0, n);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return values[Math.max(0, rank - 1)];
    }
}
