package io.governanceledger.benchmark;

/**
 * One line of the table: a scenario's figure, the baseline measured in the same run (NaN when the
 * scenario has none), and the target it is held to.
 *
 * @param higherIsBetter whether a larger figure is better (rates) or worse (latencies, memory)
 * @param target         the figure the issue asks for, in the same unit (NaN if none)
 * @param ratioTarget    for a target stated against the baseline: the least (rates) or most
 *                       (latencies) ours/baseline may be, NaN if none
 */
record Result(
        String scenario,
        String metric,
        String unit,
        double ours,
        String baselineName,
        double baseline,
        boolean higherIsBetter,
        double target,
        double ratioTarget,
        String note) {

    double ratio() {
        return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : ours / baseline;
    }

    /** Whether the figure meets its target(s); null when it has none. */
    Boolean met() {
        if (Double.isNaN(target) && Double.isNaN(ratioTarget)) {
            return null;
        }
        boolean met = true;
        if (!Double.isNaN(target)) {
            met = higherIsBetter ? ours >= target : ours <= target;
        }
        if (!Double.isNaN(ratioTarget)) {
            met &= higherIsBetter ? ratio() >= ratioTarget : ratio() <= ratioTarget;
        }
        return met;
    }

    String targetText() {
        String text = "";
        if (!Double.isNaN(target)) {
            text = (higherIsBetter ? ">= " : "<= ") + Table.number(target);
        }
        if (!Double.isNaN(ratioTarget)) {
            text += (text.isEmpty() ? "" : ", ") + "ratio " + (higherIsBetter ? ">= " : "<= ")
                    + Table.number(ratioTarget);
        }
        return text;
    }
}
