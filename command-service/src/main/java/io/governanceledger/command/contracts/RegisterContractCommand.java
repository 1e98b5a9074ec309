package io.governanceledger.command.contracts;

import io.governanceledger.events.contracts.ContractTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterContractCommand(
        @TargetAggregateIdentifier String contractId, String programId, ContractTerms terms) {}
