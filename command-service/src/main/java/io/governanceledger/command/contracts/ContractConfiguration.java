package io.governanceledger.command.contracts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Makes the configured thresholds a bean, which contract handlers receive as a parameter. */
@Configuration
@EnableConfigurationProperties(ProcurementThresholds.class)
class ContractConfiguration {
}
