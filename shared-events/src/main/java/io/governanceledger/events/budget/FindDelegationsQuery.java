package io.governanceledger.events.budget;

/** A program's delegations, revoked ones included; answered by a list of {@link DelegationView}. */
public record FindDelegationsQuery(String programId) {
}
