/**
 * Signing in for trials, tests and the benchmark: access tokens from an issuer by the client
 * credentials grant ({@link io.governanceledger.devtools.identity.Tokens}), and the trial grants the
 * local run and the system tests record as the bootstrap administrator
 * ({@link io.governanceledger.devtools.identity.TrialAccess}).
 */
package io.governanceledger.devtools.identity;
