package io.governanceledger.command.web;

/**
 * Answer to an accepted command: the record's id, its status afterwards, and the correlation id
 * under which its events are stored. The query service shows the change once it has projected it.
 */
public record Accepted(String id, String status, String correlationId) {}
