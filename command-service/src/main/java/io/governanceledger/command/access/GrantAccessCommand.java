package io.governanceledger.command.access;

import io.governanceledger.events.access.AccessRole;
import io.governanceledger.events.access.AccessScope;
import io.governanceledger.events.access.Grantee;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The grantor is the authenticated actor of the command. */
public record GrantAccessCommand(
        @TargetAggregateIdentifier String grantId,
        AccessScope scope,
        String programId,
        Grantee grantee,
        AccessRole role,
        LocalDate validFrom,
        LocalDate validTo) {}
