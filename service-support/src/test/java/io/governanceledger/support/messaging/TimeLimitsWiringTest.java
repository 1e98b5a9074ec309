package io.governanceledger.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.Registration;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The module of {@link TimeLimitsAutoConfiguration} on a real Axon configuration: a command, a query
 * and an event handler that never finish are each interrupted at the limit, and the deadline manager
 * gets the limit too.
 */
@Timeout(30)
class TimeLimitsWiringTest {

    record SlowCommand(String id) {}

    record SlowQuery(String id) {}

    record SlowEvent(String id) {}

    /** Handlers that wait for ever, noting which of them was interrupted. */
    static class Stuck {

        final List<String> interrupted = new CopyOnWriteArrayList<>();

        private String waitForEver(String handler) {
            try {
                new CountDownLatch(1).await();
                return "finished";
            } catch (InterruptedException e) {
                interrupted.add(handler);
                Thread.currentThread().interrupt();
                throw new IllegalStateException(handler + " interrupted", e);
            }
        }

        @CommandHandler
        String handle(SlowCommand command) {
            return waitForEver("command");
        }

        @QueryHandler
        String answer(SlowQuery query) {
            return waitForEver("query");
        }

        @EventHandler
        void on(SlowEvent event) {
            waitForEver("event");
        }
    }

    /** A deadline manager that shows which interceptors it was given. */
    static class WatchedDeadlines extends SimpleDeadlineManager {

        final List<MessageHandlerInterceptor<? super DeadlineMessage<?>>> interceptors = new CopyOnWriteArrayList<>();

        WatchedDeadlines(Builder builder) {
            super(builder);
        }

        @Override
        public Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
            interceptors.add(interceptor);
            return super.registerHandlerInterceptor(interceptor);
        }
    }

    private final Stuck stuck = new Stuck();
    private TimeLimits limits;
    private WatchedDeadlines deadlines;
    private Configuration axon;

    @BeforeEach
    void start() {
        limits = new TimeLimits(Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofSeconds(1));
        // no modules found on the class path: only ours watches
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerCommandHandler(c -> stuck)
                .registerQueryHandler(c -> stuck)
                .registerComponent(
                        DeadlineManager.class,
                        c -> deadlines = new WatchedDeadlines(
                                SimpleDeadlineManager.builder().scopeAwareProvider(c.scopeAwareProvider())));
        configurer.eventProcessing(
                processing -> processing.usingSubscribingEventProcessors().registerEventHandler(c -> stuck));
        new TimeLimitsAutoConfiguration().timeLimitsOnEveryBus(limits).configureModule(configurer);
        axon = configurer.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        limits.close();
        Thread.interrupted();
    }

    @Test
    void aCommandPastItsLimitIsInterrupted() {
        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(new SlowCommand("c")))
                .isInstanceOf(AxonTimeoutException.class)
                .hasMessageContaining("the command bus handling SlowCommand exceeded its time limit of 300 ms");
        assertThat(stuck.interrupted).containsExactly("command");
    }

    @Test
    void aQueryPastItsLimitIsInterrupted() {
        assertThatThrownBy(() -> axon.queryGateway()
                        .query(new SlowQuery("q"), String.class)
                        .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .rootCause()
                .isInstanceOf(InterruptedException.class);
        assertThat(stuck.interrupted).containsExactly("query");
    }

    @Test
    void anEventHandlerPastItsLimitIsInterrupted() {
        try {
            axon.eventGateway().publish(new SlowEvent("e"));
        } catch (RuntimeException handlerFailed) {
            // the subscribing processor may hand the failure back to the publisher: the interrupt is what counts
        }
        assertThat(stuck.interrupted).containsExactly("event");
    }

    @Test
    void theDeadlineManagerIsLimitedToo() {
        assertThat(deadlines.interceptors).hasSize(1);
        assertThat(deadlines.interceptors.get(0).getClass().getEnclosingClass()).isEqualTo(TimeLimits.class);
    }
}
