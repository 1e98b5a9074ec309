/**
 * The decision log's write side: {@link io.governanceledger.command.decisions.Decision} and its
 * lifecycle rules, {@link io.governanceledger.command.decisions.DecisionContentRules} for the content
 * of a recorded decision, and the REST controller.
 */
package io.governanceledger.command.decisions;
