package io.governanceledger.events.contracts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterContractCommand(@TargetAggregateIdentifier String contractId, String programId, ContractTerms terms) {
}
