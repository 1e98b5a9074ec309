package io.governanceledger.query.consistency;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wakes readers waiting for a read model to reach a position ({@link ReadModelCatchUp}) as soon as a
 * processor of this instance commits a batch, instead of having them poll the tokens. Processors of
 * other instances do not signal here; waiters also look again after a short interval for them.
 */
public final class ReadModelProgress implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String SIGNALLED = ReadModelProgress.class.getName();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long signalCount;

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        var batch = unitOfWork.root();
        if (batch.resources().putIfAbsent(SIGNALLED, Boolean.TRUE) == null) {
            batch.afterCommit(committed -> signal());
        }
        return interceptorChain.proceed();
    }

    /** Something a waiter may be waiting for has happened (a batch committed, events were sealed). */
    public void signal() {
        lock.lock();
        try {
            signalCount++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A count of signals so far, to wait on with {@link #awaitSignalAfter}. */
    public long signals() {
        lock.lock();
        try {
            return signalCount;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a signal after {@code seen} signals, or at most {@code nanos}. */
    public void awaitSignalAfter(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = nanos;
            while (signalCount == seen && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ReadModelProgress readModelProgress() {
            return new ReadModelProgress();
        }

        /** On every processor, so a waiter learns of each committed batch. */
        @Bean
        ConfigurerModule readModelProgressSignals(ReadModelProgress progress) {
            return configurer -> configurer.eventProcessing(processing ->
                    processing.registerDefaultHandlerInterceptor((configuration, processorName) -> progress));
        }
    }
}
