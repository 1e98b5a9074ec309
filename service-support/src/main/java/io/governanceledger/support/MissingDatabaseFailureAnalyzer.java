package io.governanceledger.support;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says, instead of a stack trace, how to give a service its database. */
class MissingDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<MissingDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingDatabaseException cause) {
        return new FailureAnalysis(
                cause.getMessage() + ".",
                "Point the service at its PostgreSQL database: set SPRING_DATASOURCE_URL (for example "
                        + "jdbc:postgresql://db:5432/ledger), SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD. "
                        + "To run the whole system on this machine with an embedded PostgreSQL instead, run "
                        + "./mvnw -q -DskipTests install && java -jar local-run/target/local-run.jar",
                cause);
    }
}
