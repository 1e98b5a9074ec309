package io.governanceledger.events.access;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * {@code grantee} may act as {@code role} on program {@code programId} ({@code null} for a
 * {@link AccessScope#PORTFOLIO} grant, which covers every program) on every day from {@code validFrom}
 * to {@code validTo}, both included, in the business calendar; without {@code validTo} until revoked.
 * {@code grantedBy} is the subject of the administrator who recorded it.
 */
@Revision("1")
public record AccessGrantedEvent(
        String grantId,
        AccessScope scope,
        String programId,
        Grantee grantee,
        AccessRole role,
        LocalDate validFrom,
        LocalDate validTo,
        String grantedBy) {}
