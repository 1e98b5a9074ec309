package io.governanceledger.command.programs;

import io.governanceledger.support.messaging.RuleViolationException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The cross-aggregate rule "records go only into an existing, open program". Handlers of other
 * aggregates receive it as a parameter; it loads the program in the same unit of work, so the
 * program is locked while the dependent record is written.
 */
public interface ProgramStanding {

    /** What other records need to know of an open program; a rule violation if unknown (404) or closed (409). */
    ProgramFacts requireOpen(String programId);

    record ProgramFacts(String currency, LocalDate startDate, LocalDate plannedEndDate) {
    }

    /**
     * The standing as the event store has it. The program may come from this service's cache, and a
     * command on another record does not write to the program, so nothing at append time would notice
     * that another command service changed it (closed it) meanwhile: its last stored sequence number is
     * compared, and a cached program that is behind makes the command a lost race, which rolls back
     * (evicting it) and is retried on the stored program.
     */
    @Component
    class FromRepository implements ProgramStanding {

        private final Repository<Program> programs;
        private final EventStore eventStore;

        public FromRepository(Repository<Program> programs, EventStore eventStore) {
            this.programs = programs;
            this.eventStore = eventStore;
        }

        @Override
        public ProgramFacts requireOpen(String programId) {
            Aggregate<Program> aggregate;
            Program program;
            try {
                aggregate = programs.load(programId);
                program = aggregate.invoke(loaded -> loaded.exists() ? loaded : null);
            } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
                // no events, or the events of another kind of record
                aggregate = null;
                program = null;
            }
            if (program == null) {
                throw RuleViolationException.notFound("unknown-program", "programId", "No program '" + programId + "'.");
            }
            Long version = aggregate.version();
            long stored = eventStore.lastSequenceNumberFor(programId).orElse(-1L);
            if (version != null && stored > version) {
                throw new ConcurrencyException("Program " + programId + " was at version " + version + " here and "
                                                       + stored + " in the store");
            }
            if (program.isClosed()) {
                throw RuleViolationException.conflict("program-closed", "Program " + programId + " is closed.");
            }
            return program.facts();
        }
    }
}
