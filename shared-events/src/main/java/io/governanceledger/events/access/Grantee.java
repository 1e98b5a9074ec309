package io.governanceledger.events.access;

/**
 * Who holds a grant: a person by the subject their tokens carry, or a group by the name the
 * identity provider puts in the tokens' groups claim.
 */
public record Grantee(GranteeKind kind, String id) {}
