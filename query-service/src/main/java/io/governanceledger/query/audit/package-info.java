/** The audit trail read model: one row per stored event, whatever its kind. */
package io.governanceledger.query.audit;
