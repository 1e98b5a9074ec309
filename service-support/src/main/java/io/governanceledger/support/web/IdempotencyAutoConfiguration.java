package io.governanceledger.support.web;

import io.governanceledger.support.eventstore.EventStoreAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** {@code Idempotency-Key} on every POST of a service that has the ledger's database. */
@AutoConfiguration(
        after = {
            DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class,
            EventStoreAutoConfiguration.class,
            ProblemDetailsAutoConfiguration.class
        })
@ConditionalOnBean(javax.sql.DataSource.class)
public class IdempotencyAutoConfiguration {

    @Bean
    public IdempotencyKeys idempotencyKeys(
            javax.sql.DataSource dataSource,
            org.springframework.transaction.PlatformTransactionManager transactions,
            org.springframework.beans.factory.ObjectProvider<io.governanceledger.support.eventstore.EventStoreSchema>
                    schema,
            @Value("${ledger.idempotency.in-flight-lease:PT2M}") java.time.Duration lease,
            @Value("${ledger.idempotency.retention:P30D}") java.time.Duration retention) {
        schema.ifAvailable(io.governanceledger.support.eventstore.EventStoreSchema::migrate);
        return new IdempotencyKeys(
                new org.springframework.jdbc.core.JdbcTemplate(dataSource),
                new org.springframework.transaction.support.TransactionTemplate(transactions),
                lease,
                retention);
    }

    /** After Spring Security (whose chain runs at -100): a key belongs to the signed-in person. */
    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyKeys keys, ProblemResponses problems) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(keys, problems));
        registration.setOrder(0);
        return registration;
    }
}
