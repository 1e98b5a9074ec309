package io.governanceledger.command.changes;

import io.governanceledger.command.commandbus.OtherRecords;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Whether another program has a milestone, for a dependency across programs. */
public interface MilestoneDirectory {

    boolean hasMilestone(String programId, String milestoneId);

    /** What another program's milestone needs first (empty if there is no such milestone). */
    java.util.Set<PlanRules.Dependency> dependenciesOf(String programId, String milestoneId);

    @Component
    class FromRepository implements MilestoneDirectory {

        private final Repository<ProgramChanges> changes;

        public FromRepository(Repository<ProgramChanges> changes) {
            this.changes = changes;
        }

        @Override
        public boolean hasMilestone(String programId, String milestoneId) {
            return OtherRecords.ask(changes, ProgramChanges.idOf(programId), other -> other.hasMilestone(milestoneId))
                    .orElse(false);
        }

        @Override
        public java.util.Set<PlanRules.Dependency> dependenciesOf(String programId, String milestoneId) {
            return OtherRecords.ask(changes, ProgramChanges.idOf(programId), other -> other.dependenciesOf(milestoneId))
                    .orElse(java.util.Set.of());
        }
    }
}
