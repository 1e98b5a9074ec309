package io.governanceledger.command.programs;

import io.governanceledger.command.commandbus.OtherRecords;
import io.governanceledger.support.messaging.RuleViolationException;
import java.time.LocalDate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The cross-aggregate rule "records go only into an existing, open program". Handlers of other
 * aggregates receive it as a parameter; it loads the program in the same unit of work, so the
 * program is locked while the dependent record is written.
 */
public interface ProgramStanding {

    /** What other records need to know of an open program; a rule violation if unknown (404) or closed (409). */
    ProgramFacts requireOpen(String programId);

    /**
     * Asserts that the program exists, open or closed (access to a closed program is still granted);
     * 404 if not. The repository's standing tells closed from unknown; a stand-in in a test may not.
     */
    default void requireKnown(String programId) {
        requireOpen(programId);
    }

    record ProgramFacts(String currency, LocalDate startDate, LocalDate plannedEndDate) {}

    /**
     * The standing as the event store has it. The program may come from this service's cache; one that
     * another command service changed meanwhile (closed) is caught before the command is kept
     * ({@link io.governanceledger.command.commandbus.StaleAggregates}).
     */
    @Component
    class FromRepository implements ProgramStanding {

        private final Repository<Program> programs;

        public FromRepository(Repository<Program> programs) {
            this.programs = programs;
        }

        @Override
        public void requireKnown(String programId) {
            load(programId);
        }

        @Override
        public ProgramFacts requireOpen(String programId) {
            Program program = load(programId);
            if (program.isClosed()) {
                throw RuleViolationException.conflict("program-closed", "Program " + programId + " is closed.");
            }
            return program.facts();
        }

        private Program load(String programId) {
            return OtherRecords.ask(programs, programId, loaded -> loaded.exists() ? loaded : null)
                    .orElseThrow(() -> RuleViolationException.notFound(
                            "unknown-program", "programId", "No program '" + programId + "'."));
        }
    }
}
