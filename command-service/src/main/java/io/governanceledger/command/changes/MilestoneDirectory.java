package io.governanceledger.command.changes;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
            try {
                return changes.load(ProgramChanges.idOf(programId)).invoke(other -> other.hasMilestone(milestoneId));
            } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
                return false;
            }
        }

        @Override
        public java.util.Set<PlanRules.Dependency> dependenciesOf(String programId, String milestoneId) {
            try {
                return changes.load(ProgramChanges.idOf(programId)).invoke(other -> other.dependenciesOf(milestoneId));
            } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
                return java.util.Set.of();
            }
        }
    }
}
