package io.governanceledger.events.budget;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** {@code holder} may request and approve movements up to {@code maxAmount}; empty scopes mean all. */
@Revision("1")
public record DelegationGrantedEvent(
        String programId,
        String delegationId,
        String holder,
        Money maxAmount,
        List<String> lineIds,
        List<CostCategory> categories,
        LocalDate validFrom,
        LocalDate validTo,
        String grantedBy) {}
