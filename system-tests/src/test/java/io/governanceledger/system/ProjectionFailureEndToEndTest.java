package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A read model that cannot store an event keeps retrying it and reports DOWN; once the cause is
 * repaired it catches up, and nothing was skipped.
 */
class ProjectionFailureEndToEndTest {

    @Test
    void aFailingProjectionIsReportedAndCatchesUpWithoutLosingTheEvent() {
        try (LedgerSystem system = LedgerSystem.isolated()) {
            Http commands = system.startCommandService().http();
            Http queries = system.startQueryService("--ledger.projections.stall-after=PT3S")
                    .http();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(queries.get("auditor", "/actuator/health")
                                    .json()
                                    .path("components")
                                    .path("projections")
                                    .path("status")
                                    .asString())
                            .isEqualTo("UP"));
            JsonNode healthy = queries.get("auditor", "/actuator/health")
                    .json()
                    .path("components")
                    .path("projections");
            assertThat(healthy.path("details").propertyNames())
                    .contains("programs", "decisions", "budget", "contracts", "audit");
            assertThat(queries.get(null, "/actuator/health").json().has("components"))
                    .isFalse();

            // an operator's mistake: the programs read model's table is renamed away
            system.jdbc()
                    .sql("ALTER TABLE projections.program_fact RENAME TO program_fact_moved")
                    .update();
            assertThat(commands.post("pmo", "/api/programs", Bodies.program("STUCK"))
                            .status())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode projections = queries.get("auditor", "/actuator/health")
                        .json()
                        .path("components")
                        .path("projections");
                assertThat(projections.path("status").asString()).isEqualTo("DOWN");
                assertThat(projections
                                .path("details")
                                .path("programs")
                                .path("state")
                                .asString())
                        .isEqualTo("STALLED");
                // health names what it is stuck on: the position, the event's type and the error
                JsonNode failure = projections.path("details").path("programs").path("failure");
                assertThat(failure.path("eventType").asString()).isEqualTo("ProgramCreatedEvent");
                assertThat(failure.path("position").asLong()).isPositive();
                assertThat(failure.path("error").asString()).contains("program_fact");
            });

            system.jdbc()
                    .sql("ALTER TABLE projections.program_fact_moved RENAME TO program_fact")
                    .update();
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(
                                    queries.get("viewer", "/api/programs/STUCK").status())
                            .isEqualTo(200));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(queries.get("auditor", "/actuator/health")
                                    .json()
                                    .path("components")
                                    .path("projections")
                                    .path("status")
                                    .asString())
                            .isEqualTo("UP"));
        }
    }
}
