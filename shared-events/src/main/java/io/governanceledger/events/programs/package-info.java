/** Programs: the governed undertaking every other record belongs to. */
package io.governanceledger.events.programs;
