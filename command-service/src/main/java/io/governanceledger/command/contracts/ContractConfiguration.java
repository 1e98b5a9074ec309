package io.governanceledger.command.contracts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the configured thresholds and calendar beans, which contract handlers receive as parameters. */
@Configuration
@EnableConfigurationProperties(ProcurementThresholds.class)
class ContractConfiguration {

    @Bean
    ContractCalendar contractCalendar(@Value("${ledger.contracts.renewal-warning-days:30}") int renewalWarningDays) {
        return new ContractCalendar(renewalWarningDays);
    }
}
