package io.governanceledger.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

class MissingDatabaseTest {

    private final LedgerEnvironmentPostProcessor postProcessor = new LedgerEnvironmentPostProcessor();

    @Test
    void aServiceGivenNoDatabaseStopsBeforeStartingAnything() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", " ");

        assertThatThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication(Object.class)))
                .isInstanceOf(MissingDatabaseException.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void aServiceGivenADatabaseStartsWithTheSharedDefaultsBelowItsOwnSettings() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource(
                        "given",
                        java.util.Map.of(
                                "spring.datasource.url",
                                "jdbc:postgresql://db:5432/ledger",
                                "ledger.business-zone",
                                "UTC")));

        assertThatCode(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication(Object.class)))
                .doesNotThrowAnyException();
        assertThat(environment.getProperty("ledger.business-zone")).isEqualTo("UTC");
        assertThat(environment.getPropertySources().get(LedgerEnvironmentPostProcessor.DEFAULTS))
                .isNotNull();
    }

    @Test
    void theFailureSaysWhichSettingToGiveAndHowToRunLocally() {
        MissingDatabaseException failure = new MissingDatabaseException(Object.class);

        FailureAnalysis analysis = new MissingDatabaseFailureAnalyzer().analyze(new RuntimeException(failure));

        assertThat(analysis.getDescription()).contains("spring.datasource.url", "SPRING_DATASOURCE_URL");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL", "java -jar local-run/target/local-run.jar");
    }
}
