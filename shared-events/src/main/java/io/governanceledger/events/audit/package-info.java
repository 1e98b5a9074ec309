/** The audit trail: every stored event of a program with who, what, when recorded, effective when, why. */
package io.governanceledger.events.audit;
