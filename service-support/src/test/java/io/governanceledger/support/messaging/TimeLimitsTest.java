package io.governanceledger.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(20)
class TimeLimitsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(TimeLimits.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final List<TimeLimits> made = new ArrayList<>();
    private CommandGateway gateway;

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
        made.forEach(TimeLimits::close);
        Thread.interrupted();
    }

    private TimeLimits limits(Duration timeout, Duration warnAfter, Duration warnEvery) {
        TimeLimits limits = new TimeLimits(timeout, warnAfter, warnEvery);
        made.add(limits);
        return limits;
    }

    private void limit(
            Duration timeout,
            Duration warnAfter,
            Duration warnEvery,
            MessageHandler<? super CommandMessage<?>> handler) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(limits(timeout, warnAfter, warnEvery).of("the test bus"));
        bus.subscribe(String.class.getName(), handler);
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @Test
    void aHandlerStillRunningAtItsLimitIsInterruptedAndTimesOut() {
        CountDownLatch never = new CountDownLatch(1);
        limit(Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofSeconds(1), command -> {
            never.await();
            return "done";
        });
        long started = System.nanoTime();
        assertThatThrownBy(() -> gateway.sendAndWait("work"))
                .isInstanceOf(AxonTimeoutException.class)
                .hasMessage("The unit of work of the test bus handling String exceeded its time limit of 300 ms")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(300L, 5_000L);
        assertThat(Thread.currentThread().isInterrupted())
                .as("the interrupt was the limit's own, and is cleared")
                .isFalse();
        assertThat(logged.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage())
                    .startsWith("The unit of work of the test bus handling String has run for")
                    .contains("beyond its limit of 300 ms: interrupting thread ["
                            + Thread.currentThread().getName() + "]")
                    .contains("java.util.concurrent.CountDownLatch.await(");
        });
    }

    @Test
    void aHandlerThatSwallowsTheInterruptStillTimesOut() {
        limit(Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(1), command -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException swallowed) {
                // a careless handler: it carries on as if nothing happened
            }
            return "done anyway";
        });
        assertThatThrownBy(() -> gateway.sendAndWait("work"))
                .isInstanceOf(AxonTimeoutException.class)
                .hasMessageContaining("exceeded its time limit of 200 ms");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aSlowUnitOfWorkIsLoggedWithWhereItIsBeforeItIsInterrupted() {
        CountDownLatch never = new CountDownLatch(1);
        limit(Duration.ofMillis(900), Duration.ofMillis(100), Duration.ofMillis(200), command -> {
            never.await();
            return "done";
        });
        assertThatThrownBy(() -> gateway.sendAndWait("work")).isInstanceOf(AxonTimeoutException.class);
        List<ILoggingEvent> warnings = logged.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .toList();
        // at 100 ms, then every 200 ms until 900: 100, 300, 500, 700 (fewer if the watchdog is starved)
        assertThat(warnings)
                .hasSizeBetween(2, 4)
                .allSatisfy(warning -> assertThat(warning.getFormattedMessage())
                        .startsWith("The unit of work of the test bus handling String has run for")
                        .contains("will be interrupted in")
                        .contains("java.util.concurrent.CountDownLatch.await("));
    }

    @Test
    void workDoneInTimeIsNeverInterruptedNorLogged() {
        AtomicInteger handled = new AtomicInteger();
        limit(
                Duration.ofMillis(2000),
                Duration.ofMillis(1000),
                Duration.ofMillis(500),
                command -> handled.incrementAndGet());
        for (int i = 0; i < 100; i++) {
            assertThat((Integer) gateway.sendAndWait("work " + i)).isEqualTo(i + 1);
        }
        // past the time every one of them would have been warned about and interrupted
        Thread caller = Thread.currentThread();
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> !caller.isInterrupted());
        assertThat(logged.list).isEmpty();
    }

    @Test
    void aUnitOfWorkIsWatchedOnceHoweverManyHandlersAndBusesItRuns() {
        TimeLimits limits = limits(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1));
        var commandBus = limits.of("the command bus");
        var queryBus = limits.of("the query bus");
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("work"));
        List<Object> watches = new ArrayList<>();
        unitOfWork.executeWithResult(() -> {
            commandBus.handle(
                    unitOfWork, () -> watches.add(unitOfWork.resources().get(TimeLimits.class.getName())));
            commandBus.handle(
                    unitOfWork, () -> watches.add(unitOfWork.resources().get(TimeLimits.class.getName())));
            queryBus.handle(unitOfWork, () -> watches.add(unitOfWork.resources().get(TimeLimits.class.getName())));
            return null;
        });
        assertThat(watches).hasSize(3).doesNotContainNull();
        assertThat(watches.get(1)).isSameAs(watches.get(0));
        assertThat(watches.get(2)).isSameAs(watches.get(0));
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> limits(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> limits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
