package io.governanceledger.query.changes;

import io.governanceledger.query.pointintime.PointInTime;
import java.util.Set;

/**
 * The program's milestones against its baseline at a point; answered by an optional {@link
 * MilestonesView}. A dependency on a milestone of another program shows its name and date only if that
 * program is in {@code readablePrograms} (null: every program), the programs the reader may see.
 */
public record FindMilestonesQuery(String programId, PointInTime point, Set<String> readablePrograms) {

    /** Who may read the program may see its own milestones' dependencies within it. */
    public boolean mayRead(String otherProgramId) {
        return otherProgramId.equals(programId)
                || readablePrograms == null
                || readablePrograms.contains(otherProgramId);
    }
}
