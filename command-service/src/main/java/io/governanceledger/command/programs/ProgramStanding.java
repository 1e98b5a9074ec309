package io.governanceledger.command.programs;

import io.governanceledger.support.messaging.RuleViolationException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The cross-aggregate rule "records go only into an existing, open program". Handlers of other
 * aggregates receive it as a parameter; it loads the program in the same unit of work, so the
 * program is locked while the dependent record is written.
 */
public interface ProgramStanding {

    /** Throws a rule violation if the program is unknown (404) or closed (409). */
    void requireOpen(String programId);

    /** The standing as the event store has it. */
    @Component
    class FromRepository implements ProgramStanding {

        private final Repository<Program> programs;

        public FromRepository(Repository<Program> programs) {
            this.programs = programs;
        }

        @Override
        public void requireOpen(String programId) {
            Boolean closed;
            try {
                closed = programs.load(programId).invoke(program -> program.exists() ? program.isClosed() : null);
            } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
                // no events, or the events of another kind of record
                closed = null;
            }
            if (closed == null) {
                throw RuleViolationException.notFound("unknown-program", "programId", "No program '" + programId + "'.");
            }
            if (closed) {
                throw RuleViolationException.conflict("program-closed", "Program " + programId + " is closed.");
            }
        }
    }
}
