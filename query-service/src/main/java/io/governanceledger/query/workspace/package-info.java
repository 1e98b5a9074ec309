/**
 * The workspace: the ledger's pages for people, served by the query service. It signs a person in at
 * the configured OpenID Connect issuer (authorization code with PKCE), keeps them in a server-side
 * session, reads through the same query handlers as the API and relays writes to the command service
 * with the person's own access token, so the actor on every event is that person. Every page answers for
 * one point on both clocks ({@link io.governanceledger.query.workspace.TimeTravel}), says so in a banner,
 * and carries that point in its links. One sub-package per capability, templates under
 * {@code templates/workspace}.
 */
package io.governanceledger.query.workspace;
