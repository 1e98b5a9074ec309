/**
 * The budget ledger's write side: {@link io.governanceledger.command.budget.ProgramBudget} holds a
 * program's lines, balances, delegations, policy and pending movements, so that a transfer, an
 * approval or a four-eyes check is decided against one consistent state.
 * {@link io.governanceledger.command.budget.BudgetBalances} computes a movement's ledger entries and
 * refuses those that would break a balance rule.
 */
package io.governanceledger.command.budget;
