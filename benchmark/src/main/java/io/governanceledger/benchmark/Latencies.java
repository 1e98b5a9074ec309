package io.governanceledger.benchmark;

import java.util.Arrays;

/** Latencies recorded by many threads; percentiles by sorting (the suite's samples are small). */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The {@code percentile} (0 to 100) in milliseconds. */
    synchronized double millis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
    }

    synchronized double meanMillis() {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += nanos[i];
        }
        return count == 0 ? Double.NaN : total / 1_000_000.0 / count;
    }
}
