package io.governanceledger.query.contracts;

import io.governanceledger.events.contracts.ContractTerms;
import io.governanceledger.query.pointintime.AsOf;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract as it stood on {@code asOf} (effective dates up to it) according to what was recorded by
 * {@code knownAt}: its terms, its current value and
 * end date, the reference value (indexed), call-offs, the amendment timeline with running totals,
 * rejected proposals, de minimis usage, outstanding publication notices and its deadlines.
 */
public record ContractView(
        String contractId,
        String programId,
        AsOf asOf,
        Instant knownAt,
        ContractTerms terms,
        BigDecimal currentValue,
        LocalDate endDate,
        BigDecimal latestIndexValue,
        BigDecimal referenceValue,
        BigDecimal calledOff,
        BigDecimal remainingValue,
        DeMinimisUsageView deMinimis,
        List<AmendmentView> amendments,
        List<AmendmentView> rejected,
        List<Integer> outstandingPublicationNotices,
        ContractDeadlinesView deadlines,
        List<CallOffView> callOffs,
        List<IndexValueView> indexValues) {}
