package io.governanceledger.query.budget;

import java.time.Instant;

public record ApprovalView(String approver, String delegationId, Instant approvedAt, String reason) {}
