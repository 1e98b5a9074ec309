/** What every command controller shares: sending a command with the request's audit metadata. */
package io.governanceledger.command.web;
