/**
 * The contracts' pages: the register, a contract with its value and term over time (amendments,
 * call-offs, index values), its de minimis use and deadlines, the amendment proposal judged under the
 * procurement rules (recorded accepted or rejected, with the rule and its figures) and the rejected
 * proposals with their rule.
 */
package io.governanceledger.query.workspace.contracts;
