package io.governanceledger.query;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the processors' Spring properties cannot say. */
@Configuration(proxyBeanMethods = false)
class ProcessorSettings {

    /**
     * An idle segment stores its position every {@code ledger.projections.position-store-ms} (Axon's
     * default is 5 s), so an answer "as known at" a recent instant does not wait long on segments that
     * had nothing to do; one small UPDATE per segment at that pace.
     */
    @Bean
    ConfigurerModule positionsStoredPromptly(@Value("${ledger.projections.position-store-ms:1000}") long intervalMs) {
        return configurer ->
                configurer.eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
                        (configuration, builder) -> builder.claimExtensionThreshold(intervalMs)));
    }
}
