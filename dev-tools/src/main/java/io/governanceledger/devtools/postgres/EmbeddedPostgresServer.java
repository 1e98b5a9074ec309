package io.governanceledger.devtools.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A real PostgreSQL server run from the binaries on the class path, for running the ledger with no
 * database installed. Its data directory survives restarts, so what the ledger acknowledged stays
 * stored. If a server already listens on the port (the other service, or the local runner, started
 * it), this attaches to it instead of starting a second one.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String DATABASE = "postgres";

    private final int port;
    private final EmbeddedPostgres owned;

    private EmbeddedPostgresServer(int port, EmbeddedPostgres owned) {
        this.port = port;
        this.owned = owned;
    }

    public static synchronized EmbeddedPostgresServer startOrAttach(Path dataDirectory, int port) {
        if (isListening(port)) {
            return new EmbeddedPostgresServer(port, null);
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
            return new EmbeddedPostgresServer(port, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start embedded PostgreSQL in " + dataDirectory + " on port " + port, e);
        }
    }

    /** A throwaway server on a free port with a fresh data directory, for tests. */
    public static EmbeddedPostgresServer startFresh() {
        try {
            return new EmbeddedPostgresServer(
                    -1,
                    EmbeddedPostgres.builder()
                            .setServerConfig("max_connections", "200")
                            .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    public int port() {
        return owned != null ? owned.getPort() : port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** Creates an empty database on this server and returns its JDBC URL. */
    public String newDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return jdbcUrl().replaceFirst("/[^/]+$", "/" + name);
    }

    public Optional<EmbeddedPostgres> owned() {
        return Optional.ofNullable(owned);
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
