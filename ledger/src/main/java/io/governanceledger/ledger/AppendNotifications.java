package io.governanceledger.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one PostgreSQL connection for a notification the event store's triggers send when a
 * transaction commits (events sealed into the ledger order), and tells every
 * subscriber. If the connection fails it reconnects and tells every subscriber too, since a
 * notification may have been missed meanwhile.
 */
public class AppendNotifications extends BackgroundLoop {

    /** Sent when a transaction that gave events their ledger positions commits. */
    public static final String SEALED = "ledger_events_sealed";

    private static final Logger log = LoggerFactory.getLogger(AppendNotifications.class);

    private final DataSource dataSource;
    private final String channel;
    private final Set<Runnable> subscribers = new CopyOnWriteArraySet<>();

    public AppendNotifications(DataSource dataSource, String channel) {
        super("notifications-" + channel);
        this.dataSource = dataSource;
        this.channel = channel;
    }

    public void subscribe(Runnable subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(Runnable subscriber) {
        subscribers.remove(subscriber);
    }

    @Override
    protected void loop() {
        long backoffMs = 100;
        while (isRunning()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                backoffMs = 100;
                notifySubscribers();
                while (isRunning()) {
                    var notifications = postgres.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        notifySubscribers();
                    }
                }
            } catch (SQLException e) {
                if (isRunning()) {
                    log.warn("Listening on {} failed; retrying in {} ms: {}", channel, backoffMs, e.getMessage());
                    if (!backOff(backoffMs)) {
                        return;
                    }
                    backoffMs = Math.min(backoffMs * 2, 5000);
                }
            }
        }
    }

    private void notifySubscribers() {
        subscribers.forEach(Runnable::run);
    }
}
