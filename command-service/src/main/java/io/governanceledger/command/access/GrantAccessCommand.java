package io.governanceledger.command.access;

import io.governanceledger.events.access.AccessRole;
import io.governanceledger.events.access.AccessScope;
import io.governanceledger.events.access.Grantee;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The grantor is the authenticated actor of the command; {@code grantorGroups} are the groups their token
 * names, for the rule that nobody grants themselves, by name or through a group.
 */
public record GrantAccessCommand(
        @TargetAggregateIdentifier String grantId,
        AccessScope scope,
        String programId,
        Grantee grantee,
        AccessRole role,
        LocalDate validFrom,
        LocalDate validTo,
        Set<String> grantorGroups) {}
