/**
 * The decision log's pages: the register with its filters, a decision with its timeline (every event:
 * who, when recorded, from when effective, why), and the forms that record, approve, reject, defer,
 * supersede and revoke, relayed to the command service as the signed-in person.
 */
package io.governanceledger.query.workspace.decisions;
