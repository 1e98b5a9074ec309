package io.governanceledger.command.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import io.governanceledger.command.commandbus.StaleAggregates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Durable deadlines. With a db-scheduler {@link Scheduler} bean, Axon's own auto-configuration
 * provides the deadline manager and its task; the scheduler writes through a transaction-aware data
 * source, so a deadline is stored in the same transaction as the events of the command that set it.
 */
@Configuration
class DeadlineConfiguration {

    @Bean
    Scheduler deadlineScheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            @Value("${ledger.deadlines.polling-interval:PT5S}") Duration pollingInterval) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), new ArrayList<>(tasks))
                .tableName("command.scheduled_tasks")
                .threads(2)
                .pollingInterval(pollingInterval)
                .build();
    }

    /**
     * A deadline handler that finds nothing to do on a cached record another command service has
     * written since (a term extended there) would leave the deadline done for good: it fails instead,
     * evicting the record, and db-scheduler runs it again later on the stored state.
     */
    @Bean
    InitializingBean deadlinesDecideOnStoredState(DeadlineManager deadlineManager, EventStore eventStore) {
        return () -> deadlineManager.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            StaleAggregates.requireFresh(unitOfWork, eventStore);
            return result;
        });
    }

    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
