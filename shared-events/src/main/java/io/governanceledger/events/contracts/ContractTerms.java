package io.governanceledger.events.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a contract says when it is registered. {@code indexation} is null when prices are fixed. */
public record ContractTerms(
        String reference,
        String title,
        String supplier,
        ContractRegime regime,
        ContractType type,
        AuthorityKind authority,
        BigDecimal initialValue,
        String currency,
        LocalDate startDate,
        LocalDate endDate,
        IndexationClause indexation,
        List<ReviewClause> reviewClauses,
        int renewalNoticeDays,
        DeMinimisCounting deMinimisCounting) {

    public ContractTerms {
        reviewClauses = reviewClauses == null ? List.of() : List.copyOf(reviewClauses);
    }
}
