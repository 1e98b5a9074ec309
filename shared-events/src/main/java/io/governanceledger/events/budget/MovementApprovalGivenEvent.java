package io.governanceledger.events.budget;

import org.axonframework.serialization.Revision;

/** One approval of a pending movement, under the approver's delegation. */
@Revision("1")
public record MovementApprovalGivenEvent(
        String programId,
        String movementId,
        String approver,
        String delegationId,
        int approvalsGiven,
        int requiredApprovals) {}
