package io.governanceledger.command.commandbus;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.config.Configuration;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * The local command bus as Axon's auto-configuration builds it, but with refusals that do not roll
 * back an untouched aggregate (see {@link RefusalsKeepState}). With Axon Server it stays the local
 * segment that handles the commands routed to this service.
 */
@org.springframework.context.annotation.Configuration
class CommandBusConfiguration {

    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactionManager, Configuration axon,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                                                      .transactionManager(transactionManager)
                                                      .rollbackConfiguration(RefusalsKeepState.ROLLBACK)
                                                      .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                                                      .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                                                      .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                                                      .build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        commandBus.registerHandlerInterceptor(new RefusalsKeepState());
        return commandBus;
    }
}
