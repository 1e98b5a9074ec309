package io.governanceledger.command.changes;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Whether another program has a milestone, for a dependency across programs. */
public interface MilestoneDirectory {

    boolean hasMilestone(String programId, String milestoneId);

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
    }
}
