package io.governanceledger.query.workspace;

import io.governanceledger.events.LedgerMetaData;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells the open pages that show "now" that the read models have taken in new events, pushed once the
 * read models' transactions have committed (never polled), so a page that reloads its content finds the
 * change. A page follows one program (or, on the portfolio, the programs its reader may see); the
 * notices of one tenth of a second are sent together. The stream carries no record: a page asks for its
 * content again, through the same checks as any request.
 */
public final class LiveUpdates implements MessageHandlerInterceptor<EventMessage<?>>, SmartLifecycle {

    static final String EVENT = "ledger";
    private static final long FLUSH_MS = 100;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(25);

    private final CopyOnWriteArrayList<Follower> followers = new CopyOnWriteArrayList<>();
    private final Set<String> changed = new HashSet<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "workspace-live-updates");
        thread.setDaemon(true);
        return thread;
    });
    private long lastKeepAlive = System.nanoTime();
    private volatile boolean running;

    LiveUpdates() {
        sender.scheduleWithFixedDelay(this::flush, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * A page follows {@code programs} (null: every program, for a reader who may see them all).
     *
     * @param timeout how long the stream stays open; the page's script opens a new one when it ends
     */
    SseEmitter follow(Set<String> programs, Duration timeout) {
        SseEmitter stream = new SseEmitter(timeout.toMillis());
        Follower follower = new Follower(stream, programs);
        followers.add(follower);
        stream.onCompletion(() -> followers.remove(follower));
        stream.onTimeout(() -> followers.remove(follower));
        stream.onError(failure -> followers.remove(follower));
        return stream;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object program = unitOfWork.getMessage().getMetaData().get(LedgerMetaData.PROGRAM_ID);
        if (program instanceof String programId) {
            unitOfWork.afterCommit(committed -> changed(programId));
        }
        return chain.proceed();
    }

    private void changed(String programId) {
        synchronized (changed) {
            changed.add(programId);
        }
    }

    private void flush() {
        Set<String> programs;
        synchronized (changed) {
            programs = Set.copyOf(changed);
            changed.clear();
        }
        boolean keepAlive = System.nanoTime() - lastKeepAlive > KEEP_ALIVE.toNanos();
        if (programs.isEmpty() && !keepAlive) {
            return;
        }
        if (keepAlive) {
            lastKeepAlive = System.nanoTime();
        }
        for (Follower follower : followers) {
            try {
                if (follower.follows(programs)) {
                    follower.stream()
                            .send(SseEmitter.event().name(EVENT).data(String.join(",", follower.seen(programs))));
                } else if (keepAlive) {
                    // a comment keeps proxies from closing an idle stream and finds streams whose page is gone
                    follower.stream().send(SseEmitter.event().comment("still here"));
                }
            } catch (IOException | IllegalStateException gone) {
                followers.remove(follower);
            }
        }
    }

    /** How many pages follow the ledger now. */
    int followers() {
        return followers.size();
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server's graceful shutdown, which would otherwise wait for
     * them as for requests in progress; a page's script opens its stream again on the next instance.
     */
    @Override
    public void stop() {
        running = false;
        sender.shutdownNow();
        followers.forEach(follower -> follower.stream().complete());
        followers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped first: before the web server stops taking requests and waits for those in progress. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private record Follower(SseEmitter stream, Set<String> programs) {

        boolean follows(Set<String> changed) {
            return !seen(changed).isEmpty();
        }

        Set<String> seen(Set<String> changed) {
            if (programs == null) {
                return changed;
            }
            Set<String> seen = new HashSet<>(changed);
            // a portfolio-wide record (a grant) may change what any page shows
            seen.removeIf(program -> !programs.contains(program) && !LedgerMetaData.PORTFOLIO.equals(program));
            return seen;
        }
    }
}
