package io.governanceledger.support.messaging;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * Puts {@link TimeLimits} where Axon's own limits would be: every unit of work of the command bus,
 * the query bus, the deadline manager and each event processor. Only while Axon's are off
 * ({@code axon.timeout.enabled=false}, the default here), so that exactly one of the two watches.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "axon.timeout.enabled", havingValue = "false")
public class TimeLimitsAutoConfiguration {

    @Bean
    public TimeLimits timeLimits(@Value("${ledger.time-limits.timeout}") Duration timeout,
                                 @Value("${ledger.time-limits.warn-after}") Duration warnAfter,
                                 @Value("${ledger.time-limits.warn-every}") Duration warnEvery) {
        return new TimeLimits(timeout, warnAfter, warnEvery);
    }

    @Bean
    public ConfigurerModule timeLimitsOnEveryBus(TimeLimits limits) {
        return configurer -> {
            configurer.eventProcessing()
                      .registerDefaultHandlerInterceptor((axon, processor) -> limits.of("event processor " + processor));
            // after the buses exist, as Axon registers its own limits
            configurer.onStart(Integer.MIN_VALUE, () -> {
                Configuration axon = configurer.buildConfiguration();
                axon.commandBus().registerHandlerInterceptor(limits.of("the command bus"));
                axon.queryBus().registerHandlerInterceptor(limits.of("the query bus"));
                axon.deadlineManager().registerHandlerInterceptor(limits.of("the deadline manager"));
            });
        };
    }
}
