package io.governanceledger.support.messaging;

import java.time.Duration;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link TimeLimits} where Axon's own limits would be: every unit of work of the command bus,
 * the query bus, the deadline manager and each event processor. Only while Axon's are off
 * ({@code axon.timeout.enabled=false}, the default here), so that exactly one of the two watches.
 * Unlike Axon's, there is one limit per unit of work and none per handler call within it, the same
 * for every processor, and Axon's {@code axon.timeout.*} settings have no effect.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "axon.timeout.enabled", havingValue = "false")
public class TimeLimitsAutoConfiguration {

    @Bean
    public TimeLimits timeLimits(
            @Value("${ledger.time-limits.timeout}") Duration timeout,
            @Value("${ledger.time-limits.warn-after}") Duration warnAfter,
            @Value("${ledger.time-limits.warn-every}") Duration warnEvery) {
        return new TimeLimits(timeout, warnAfter, warnEvery);
    }

    @Bean
    public ConfigurerModule timeLimitsOnEveryBus(TimeLimits limits) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer
                        .eventProcessing()
                        .registerDefaultHandlerInterceptor(
                                (axon, processor) -> limits.of("event processor " + processor));
                // once the buses exist, as Axon registers its own limits
                configurer.onStart(Integer.MIN_VALUE, () -> {
                    Configuration axon = configurer.buildConfiguration();
                    axon.commandBus().registerHandlerInterceptor(limits.of("the command bus"));
                    axon.queryBus().registerHandlerInterceptor(limits.of("the query bus"));
                    axon.deadlineManager().registerHandlerInterceptor(limits.of("the deadline manager"));
                });
            }

            /** First, as Axon's own module: a processor's limit is then its outermost interceptor. */
            @Override
            public int order() {
                return Integer.MIN_VALUE;
            }
        };
    }
}
