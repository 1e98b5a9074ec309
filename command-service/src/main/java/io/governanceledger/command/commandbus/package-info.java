/** How commands are handled: the local command bus and its refusal semantics. */
package io.governanceledger.command.commandbus;
