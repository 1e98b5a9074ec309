package io.governanceledger.query.budget;

import io.governanceledger.query.pointintime.PointInTime;

/**
 * The pending movements {@code approver} may approve on {@code asOf} (null: today) as recorded by
 * {@code knownAt} (null: now): not their own request, not yet approved by them, covered by one of their
 * delegations valid that day. {@code programId} null means every program; {@code only}, unless null, the
 * programs the caller may see this queue on.
 * Answered by a list of {@link MovementView}.
 */
public record FindPendingApprovalsQuery(
        String approver, String programId, PointInTime point, java.util.Set<String> only) {}
