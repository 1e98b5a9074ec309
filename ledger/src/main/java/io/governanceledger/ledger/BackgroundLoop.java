package io.governanceledger.ledger;

import org.springframework.context.SmartLifecycle;

/**
 * A daemon thread that lives with the application context: started before Axon's processors and
 * stopped after them, so whatever it feeds them is there for their whole life.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private final String threadName;
    private volatile Thread worker;
    private volatile boolean running;

    protected BackgroundLoop(String threadName) {
        this.threadName = threadName;
    }

    /** The loop's body; return when {@link #isRunning()} turns false or the thread is interrupted. */
    protected abstract void loop();

    /** Whether this instance runs a thread at all once started. */
    protected boolean runsThread() {
        return true;
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!runsThread()) {
            return;
        }
        worker = new Thread(this::loop, threadName);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** Waits after a failure; false if the loop should end instead. */
    protected boolean backOff(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
    }
}
