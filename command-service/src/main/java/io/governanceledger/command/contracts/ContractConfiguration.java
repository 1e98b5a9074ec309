package io.governanceledger.command.contracts;

import io.governanceledger.support.caching.BoundedCache;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the configured thresholds and calendar beans, which contract handlers receive as parameters. */
@Configuration
@EnableConfigurationProperties(ProcurementThresholds.class)
class ContractConfiguration {

    /**
     * A framework contract takes call-offs and amendments for its whole term, thousands of events:
     * keep recent contracts in memory instead of replaying their history for every command (without
     * it, a command's time grows with the contract's history: docs/performance.md, scenario 2).
     */
    @Bean
    static Cache contractCache(@Value("${ledger.contracts.cached-contracts:200}") int cachedContracts) {
        return new BoundedCache(cachedContracts);
    }

    @Bean
    ContractCalendar contractCalendar(@Value("${ledger.contracts.renewal-warning-days:30}") int renewalWarningDays) {
        return new ContractCalendar(renewalWarningDays);
    }
}
