/**
 * Contracts and amendments: {@link io.governanceledger.command.contracts.AmendmentRules} judges a
 * proposed amendment against the contract's history and the thresholds in force on its date
 * ({@link io.governanceledger.command.contracts.ProcurementThresholds}, from configuration).
 */
package io.governanceledger.command.contracts;
