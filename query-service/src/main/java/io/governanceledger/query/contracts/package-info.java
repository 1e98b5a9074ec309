/** The contract register: terms, amendments (accepted and rejected), call-offs and index values. */
package io.governanceledger.query.contracts;
