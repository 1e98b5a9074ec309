package io.governanceledger.system;

import io.governanceledger.devtools.identity.Tokens;
import io.governanceledger.devtools.process.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The local OpenID Connect issuer, started once per test JVM from its executable jar, as the local run
 * starts it beside the services, with the trial accounts plus a few strangers the access tests need. Its signing key is
 * kept in a temporary folder, so tests can sign tokens of their own with it or with another key.
 */
public final class TestIssuer {

    private static TestIssuer started;

    private final String url;
    private final Path keyFile;
    private final Tokens tokens;

    private TestIssuer(String url, Path keyFile) {
        this.url = url;
        this.keyFile = keyFile;
        this.tokens = new Tokens(url);
    }

    public static synchronized TestIssuer get() {
        if (started == null) {
            try {
                Path folder = Files.createTempDirectory("test-issuer");
                Path keyFile = folder.resolve("signing-key.jwk");
                int port = freePort();
                ServiceProcess process = ServiceProcess.startWithoutDatabase(
                        ServiceProcess.jar(Path.of("..").toAbsolutePath().normalize(), "local-issuer"),
                        port,
                        folder,
                        folder.resolve("issuer.log"),
                        arguments(
                                "--ledger.issuer.key-file=" + keyFile,
                                "--ledger.issuer.access-token-time-to-live=PT2H",
                                "--ledger.issuer.people.stranger.name=Stella Stranger",
                                "--ledger.issuer.people.stranger.secret={noop}stranger",
                                "--ledger.issuer.people.outsider.name=Otto Outsider",
                                "--ledger.issuer.people.outsider.secret={noop}outsider",
                                "--ledger.issuer.people.outsider.groups=partner-consortium",
                                // granted a role in a workspace test, and seen by no other test
                                "--ledger.issuer.people.newcomer.name=Nina Newcomer",
                                "--ledger.issuer.people.newcomer.secret={noop}newcomer"));
                Runtime.getRuntime().addShutdownHook(new Thread(process::stop));
                process.awaitReady(Duration.ofMinutes(2));
                started = new TestIssuer("http://localhost:" + port, keyFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return started;
    }

    /** The accounts of the access matrix: one per role and grant state ({@link AccessMatrixEndToEndTest}). */
    static String matrixAccount(String role, String state) {
        return ("mx-" + role + "-" + state).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static final List<String> MATRIX_ROLES = List.of(
            "PROGRAM_ADMINISTRATOR",
            "PMO_OFFICER",
            "FINANCE_CONTROLLER",
            "CONTRACT_MANAGER",
            "AUDITOR",
            "VIEWER",
            "OPERATOR");
    static final List<String> MATRIX_STATES = List.of("program", "portfolio", "none", "expired", "revoked");

    private static List<String> arguments(String... fixed) {
        List<String> arguments = new java.util.ArrayList<>(List.of(fixed));
        for (String role : MATRIX_ROLES) {
            for (String state : MATRIX_STATES) {
                String account = matrixAccount(role, state);
                arguments.add("--ledger.issuer.people." + account + ".name=" + role + " (" + state + ")");
                arguments.add("--ledger.issuer.people." + account + ".secret={noop}" + account);
            }
        }
        return arguments;
    }

    /** The issuer identifier the services are configured with. */
    public String url() {
        return url;
    }

    public Path keyFile() {
        return keyFile;
    }

    /** A token for a trial account (its secret is its name). */
    public String tokenFor(String account) {
        return tokens.forAccount(account);
    }

    public String tokenFor(String account, String secret) {
        return tokens.forAccount(account, secret);
    }

    /** The issuer's own port is fixed before it starts: the issuer URL must be known to its own settings. */
    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
