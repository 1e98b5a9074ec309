package io.governanceledger.events.programs;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProgramRenamedEvent(String programId, String previousName, String name) {}
