package io.governanceledger.query.budget;

import io.governanceledger.events.budget.CostCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record DelegationView(
        String delegationId,
        String programId,
        String holder,
        BigDecimal maxAmount,
        String currency,
        List<String> lineIds,
        List<CostCategory> categories,
        LocalDate validFrom,
        LocalDate validTo,
        String grantedBy,
        boolean revoked) {}
