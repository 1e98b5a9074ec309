package io.governanceledger.support.eventstore;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Listens on one PostgreSQL connection for the notification the event store's trigger sends when an
 * append commits, and tells every subscriber. If the connection fails it reconnects and tells every
 * subscriber too, since a notification may have been missed meanwhile.
 */
public class AppendNotifications implements SmartLifecycle {

    static final String CHANNEL = "ledger_events_appended";
    private static final Logger log = LoggerFactory.getLogger(AppendNotifications.class);

    private final DataSource dataSource;
    private final Set<Runnable> subscribers = new CopyOnWriteArraySet<>();
    private volatile Thread listener;
    private volatile boolean running;

    public AppendNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void subscribe(Runnable subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(Runnable subscriber) {
        subscribers.remove(subscriber);
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "event-store-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before Axon's processors start, after they stop. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private void listen() {
        long backoffMs = 100;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                backoffMs = 100;
                notifySubscribers();
                while (running) {
                    var notifications = postgres.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        notifySubscribers();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for appended events failed; retrying in {} ms: {}", backoffMs, e.getMessage());
                    sleep(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, 5000);
                }
            }
        }
    }

    private void notifySubscribers() {
        subscribers.forEach(Runnable::run);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
