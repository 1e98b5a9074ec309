package io.governanceledger.query.programs;

import io.governanceledger.query.history.RecordedEvent;
import io.governanceledger.query.timeline.ProjectionStore;
import io.governanceledger.query.timeline.RecordVersions;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Programs on both clocks: {@code program_fact} and {@code program_version}. */
final class ProgramVersions {

    private final RecordVersions<ProgramState> versions;

    ProgramVersions(JdbcClient jdbc) {
        this.versions = new RecordVersions<>(
                jdbc,
                "program",
                ProgramState.class,
                ProgramState::fold,
                state -> Map.of("status", state.status().name()));
    }

    void record(ProjectionStore store, String programId, RecordedEvent event) {
        versions.record(store, programId, programId, event);
    }

    ProgramState state(String json) {
        return versions.state(json);
    }
}
