package io.governanceledger.query.decisions;

import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.query.timeline.ProjectionStore;
import io.governanceledger.query.timeline.RecordVersions;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Decisions on both clocks: {@code decision_fact} and {@code decision_version}. */
final class DecisionVersions {

    private final RecordVersions<DecisionState> versions;

    DecisionVersions(JdbcClient jdbc) {
        this.versions = new RecordVersions<>(
                jdbc, "decision", DecisionState.class, DecisionState::fold, DecisionState::indexedColumns);
    }

    void record(ProjectionStore store, String decisionId, String programId, RecordedEvent event) {
        versions.record(store, decisionId, programId, event);
    }

    DecisionState state(String json) {
        return versions.state(json);
    }
}
