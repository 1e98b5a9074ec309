package io.governanceledger.query.budget;

import io.governanceledger.query.timeline.RecordVersions;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Budget movements and delegations on both clocks: their facts and versions. */
record BudgetRecords(RecordVersions<MovementState> movements, RecordVersions<DelegationState> delegations) {

    BudgetRecords(JdbcClient jdbc, ZoneId businessZone) {
        this(
                new RecordVersions<>(
                        jdbc,
                        "movement",
                        MovementState.class,
                        MovementState.fold(businessZone),
                        MovementState::indexedColumns),
                new RecordVersions<>(
                        jdbc,
                        "delegation",
                        DelegationState.class,
                        DelegationState::fold,
                        DelegationState::indexedColumns));
    }
}
