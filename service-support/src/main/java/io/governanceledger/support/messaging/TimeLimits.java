package io.governanceledger.support.messaging;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the handling of a message may take: a unit of work (a command, a query, a deadline, a batch
 * of a processor) that runs past {@code warnAfter} is logged with its thread's stack every
 * {@code warnEvery}, and past {@code timeout} its thread is interrupted and it ends with an
 * {@link AxonTimeoutException}, rolling back.
 *
 * <p>It stands in for Axon 4.13.0's own limits ({@code axon.timeout.*}, switched off), which take a
 * stack trace of the handling thread whenever a unit of work or a handler starts, only to trim a
 * warning that is almost never logged (AxonFramework#4637, fixed in 4.13.2, which the registry we
 * build from does not hold), a cost measured under the benchmark (docs/adr/0004). A watch costs one
 * scheduled task on a shared watchdog
 * thread, cancelled when the unit of work ends; the stack is taken only when a warning is logged.
 */
public final class TimeLimits implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TimeLimits.class);
    /** One watch per root unit of work, whichever bus or processor started it, as Axon keeps one. */
    private static final String WATCH = TimeLimits.class.getName();

    private final long timeoutNanos;
    private final long warnAfterNanos;
    private final long warnEveryNanos;
    private final ScheduledExecutorService watchdog;

    public TimeLimits(Duration timeout, Duration warnAfter, Duration warnEvery) {
        if (timeout.isNegative()
                || timeout.isZero()
                || warnAfter.isNegative()
                || warnEvery.isNegative()
                || warnEvery.isZero()) {
            throw new IllegalArgumentException("time limits must be positive: timeout " + timeout + ", warn after "
                    + warnAfter + ", warn every " + warnEvery);
        }
        this.timeoutNanos = timeout.toNanos();
        this.warnAfterNanos = warnAfter.toNanos();
        this.warnEveryNanos = warnEvery.toNanos();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "time-limits");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.watchdog = executor;
    }

    /** The interceptor that limits the units of work of {@code component} (named in the log). */
    public MessageHandlerInterceptor<Message<?>> of(String component) {
        return new Limit(component);
    }

    /** Stops the watchdog (with the application context that made this). */
    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    private final class Limit implements MessageHandlerInterceptor<Message<?>> {

        private final String component;

        Limit(String component) {
            this.component = component;
        }

        @Override
        public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
            UnitOfWork<?> root = unitOfWork.root();
            Watch watch = root.getResource(WATCH);
            if (watch == null) {
                Watch started = new Watch(component, root.getMessage().getPayloadType());
                root.resources().put(WATCH, started);
                root.onCleanup(ended -> started.finish());
                started.start();
                watch = started;
            }
            Object result;
            try {
                result = chain.proceed();
            } catch (Exception e) {
                throw watch.explain(e);
            }
            watch.failIfInterrupted();
            return result;
        }
    }

    /** One unit of work on its thread, from its start until it ends. */
    private final class Watch implements Runnable {

        private final String component;
        private final Class<?> payloadType;
        private final Thread thread = Thread.currentThread();
        private final long startedAt = System.nanoTime();
        private ScheduledFuture<?> next;
        private boolean finished;
        private volatile boolean interrupted;

        Watch(String component, Class<?> payloadType) {
            this.component = component;
            this.payloadType = payloadType;
        }

        synchronized void start() {
            next = watchdog.schedule(this, Math.min(warnAfterNanos, timeoutNanos), TimeUnit.NANOSECONDS);
        }

        /** On the watchdog: warns, or interrupts once the limit is reached; never after {@link #finish}. */
        @Override
        public synchronized void run() {
            if (finished) {
                return;
            }
            long ran = System.nanoTime() - startedAt;
            if (ran >= timeoutNanos) {
                log.error(
                        "{} has run for {} ms, beyond its limit of {} ms: interrupting thread [{}], which is at:{}",
                        name(),
                        millis(ran),
                        millis(timeoutNanos),
                        thread.getName(),
                        stack());
                interrupted = true;
                thread.interrupt();
            } else {
                log.warn(
                        "{} has run for {} ms on thread [{}] and will be interrupted in {} ms; the thread is at:{}",
                        name(),
                        millis(ran),
                        thread.getName(),
                        millis(timeoutNanos - ran),
                        stack());
                next = watchdog.schedule(this, Math.min(warnEveryNanos, timeoutNanos - ran), TimeUnit.NANOSECONDS);
            }
        }

        /** At the end of the unit of work, on its thread: no warning or interrupt after this. */
        synchronized void finish() {
            finished = true;
            if (next != null) {
                next.cancel(false);
            }
            if (interrupted) {
                // the interrupt was ours: the thread goes back to its pool without it
                Thread.interrupted();
            }
        }

        /** A handler that swallowed the interrupt returned: the work is still over its limit. */
        void failIfInterrupted() {
            if (interrupted) {
                Thread.interrupted();
                throw timedOut();
            }
        }

        /** What a failure during the unit of work is: a time-out if the watchdog interrupted it. */
        Exception explain(Exception failure) {
            if (!interrupted || failure instanceof AxonTimeoutException) {
                return failure;
            }
            Thread.interrupted();
            AxonTimeoutException timedOut = timedOut();
            timedOut.initCause(failure);
            return timedOut;
        }

        private AxonTimeoutException timedOut() {
            return new AxonTimeoutException(name() + " exceeded its time limit of " + millis(timeoutNanos) + " ms");
        }

        private String name() {
            return "The unit of work of " + component + " handling " + payloadType.getSimpleName();
        }

        private String stack() {
            return Arrays.stream(thread.getStackTrace())
                    .map(frame -> "\n\tat " + frame)
                    .collect(Collectors.joining());
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
