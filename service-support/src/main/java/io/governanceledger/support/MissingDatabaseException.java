package io.governanceledger.support;

/** A service was started with no database to keep the ledger in. */
public class MissingDatabaseException extends IllegalStateException {

    MissingDatabaseException(Class<?> service) {
        super((service != null ? service.getSimpleName() : "The service") + " has no database: spring.datasource.url "
                + "(environment variable SPRING_DATASOURCE_URL) is not set");
    }
}
