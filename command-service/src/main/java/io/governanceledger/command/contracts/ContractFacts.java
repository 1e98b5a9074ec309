package io.governanceledger.command.contracts;

import io.governanceledger.command.commandbus.OtherRecords;
import io.governanceledger.events.changes.AmendmentCheck;
import io.governanceledger.events.changes.BaselineContract;
import io.governanceledger.events.contracts.ContractRegisteredEvent;
import io.governanceledger.events.contracts.LegalBasis;
import io.governanceledger.support.eventstore.EventStoreAutoConfiguration;
import io.governanceledger.support.eventstore.EventStreams;
import io.governanceledger.support.messaging.RuleViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What change control needs of a program's contracts: whether one exists, the procurement rules'
 * verdict on an amendment it would need (a dry run), and every contract's value on a date (a
 * baseline). A contract is a record of its own; the program's contracts are the ones whose first event
 * (their registration) names it: found through an index of the PostgreSQL event table, or, in the
 * reduced Axon Server mode, by reading the whole stream.
 */
public interface ContractFacts {

    void requireContract(String programId, String contractId, String field);

    AmendmentCheck check(
            String programId,
            String contractId,
            LegalBasis basis,
            String reviewClauseId,
            BigDecimal valueDelta,
            int termDeltaMonths,
            LocalDate signedOn);

    List<BaselineContract> valuesOn(String programId, LocalDate date);

    @Component
    class FromRepository implements ContractFacts {

        private final Repository<Contract> contracts;
        private final ProcurementThresholds thresholds;
        private final JdbcClient jdbc;
        private final ObjectProvider<EventStore> eventStore;
        private final boolean axonServer;

        public FromRepository(
                Repository<Contract> contracts,
                ProcurementThresholds thresholds,
                JdbcClient jdbc,
                ObjectProvider<EventStore> eventStore,
                @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
            this.contracts = contracts;
            this.thresholds = thresholds;
            this.jdbc = jdbc;
            this.eventStore = eventStore;
            this.axonServer = axonServer;
        }

        @Override
        public void requireContract(String programId, String contractId, String field) {
            if (contract(programId, contractId).isEmpty()) {
                throw RuleViolationException.invalid(
                        "unknown-contract", field, "Program " + programId + " has no contract '" + contractId + "'");
            }
        }

        @Override
        public AmendmentCheck check(
                String programId,
                String contractId,
                LegalBasis basis,
                String reviewClauseId,
                BigDecimal valueDelta,
                int termDeltaMonths,
                LocalDate signedOn) {
            Contract contract = contract(programId, contractId)
                    .orElseThrow(() -> RuleViolationException.invalid(
                            "unknown-contract",
                            "contract.contractId",
                            "Program " + programId + " has no contract '" + contractId + "'"));
            return contract.check(thresholds, basis, reviewClauseId, valueDelta, termDeltaMonths, signedOn);
        }

        @Override
        public List<BaselineContract> valuesOn(String programId, LocalDate date) {
            return contractIds(programId).stream()
                    .map(contractId -> contract(programId, contractId))
                    .flatMap(Optional::stream)
                    .map(contract -> contract.baselineOn(date))
                    .toList();
        }

        /** The ids of the program's contracts, in the order they were registered. */
        private List<String> contractIds(String programId) {
            if (axonServer) {
                return EventStreams.toHead(
                                eventStore.getObject(),
                                ContractRegisteredEvent.class::equals,
                                "the contract registrations")
                        .stream()
                        .map(event -> (ContractRegisteredEvent) event.getPayload())
                        .filter(registered -> registered.programId().equals(programId))
                        .map(ContractRegisteredEvent::contractId)
                        .toList();
            }
            return jdbc.sql("SELECT aggregate_identifier FROM " + EventStoreAutoConfiguration.EVENT_STORE_SCHEMA
                            + ".domain_event_entry WHERE payload_type = ? AND sequence_number = 0"
                            + " AND convert_from(payload, 'UTF8')::jsonb ->> 'programId' = ? ORDER BY global_index")
                    .params(ContractRegisteredEvent.class.getName(), programId)
                    .query(String.class)
                    .list();
        }

        private Optional<Contract> contract(String programId, String contractId) {
            if (contractId == null || contractId.isBlank()) {
                return Optional.empty();
            }
            return OtherRecords.ask(contracts, contractId, contract -> contract.belongsTo(programId) ? contract : null);
        }
    }
}
