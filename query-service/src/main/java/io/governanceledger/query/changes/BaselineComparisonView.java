package io.governanceledger.query.changes;

import io.governanceledger.query.pointintime.AsOf;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Baseline {@code baseline} against another baseline or against the program at the point ({@code
 * against} null): cost per line (the other side's allocation and, against the program, its estimate
 * at completion), dates per milestone, scope items added and removed, contract values.
 */
public record BaselineComparisonView(
        String programId,
        AsOf asOf,
        Instant knownAt,
        BaselineSummaryView baseline,
        BaselineSummaryView against,
        String currency,
        List<CostVariance> costs,
        CostVariance total,
        List<DateVariance> milestones,
        List<ScopeChange> scope,
        List<ContractVariance> contracts) {

    /** {@code estimate}: the estimate at completion, against the program only; variances are other minus baseline. */
    public record CostVariance(
            String lineId,
            BigDecimal baseline,
            BigDecimal other,
            BigDecimal variance,
            BigDecimal estimate,
            BigDecimal estimateVariance) {}

    public record DateVariance(
            String milestoneId, String name, LocalDate baseline, LocalDate other, Long varianceDays) {}

    /** {@code change}: ADDED (in the other side only) or REMOVED (in the baseline only). */
    public record ScopeChange(String itemId, String name, String change) {}

    public record ContractVariance(
            String contractId, String reference, BigDecimal baseline, BigDecimal other, BigDecimal variance) {}
}
