package io.governanceledger.ledger;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The command-line verifier: {@code java -jar <either service's jar> verify [--jdbc-url=...] [--user=...]
 * [--password=...] [--public-key=<PEM file>]} reads the database directly (read access is enough);
 * {@code verify --bundle=<export.zip> [--public-key=<PEM file>]} checks an auditor's bundle offline;
 * {@code restore --bundle=<export.zip> --jdbc-url=<an empty database> ...} checks a whole-store bundle and
 * puts it there, for a query service to build the views from it alone.
 * Either checks against the public key you give it, not one the database or bundle could have swapped.
 * Defaults: SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD, else the local embedded PostgreSQL, and
 * {@code .ledger/keys/checkpoint-signing.pub}. Exit status 0 when verified, 1 when a check fails, 2 for
 * a usage or connection error.
 */
public final class VerifyCommand {

    private VerifyCommand() {}

    /** The command line answers in its own words; the libraries it uses (Flyway, the driver) keep to warnings. */
    private static void quietLibraries() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /**
     * Either service jar's command line: when {@code args} ask for {@code verify} or {@code restore},
     * runs it and exits with its status (the libraries kept to warnings); otherwise returns.
     */
    public static void exitIfAsked(String[] args) {
        if (args.length > 0 && (args[0].equals("verify") || args[0].equals("restore"))) {
            quietLibraries();
            System.exit(run(args, System.out));
        }
    }

    public static int run(String[] args, PrintStream out) {
        String url =
                System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:54329/postgres");
        String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "postgres");
        Path key = Path.of(".ledger", "keys", "checkpoint-signing.pub");
        Path bundle = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--jdbc-url=")) {
                url = arg.substring(11);
            } else if (arg.startsWith("--user=")) {
                user = arg.substring(7);
            } else if (arg.startsWith("--password=")) {
                password = arg.substring(11);
            } else if (arg.startsWith("--public-key=")) {
                key = Path.of(arg.substring(13));
            } else if (arg.startsWith("--bundle=")) {
                bundle = Path.of(arg.substring(9));
            } else {
                out.println("usage: verify [--jdbc-url=jdbc:postgresql://host:port/db] [--user=...] [--password=...]"
                        + " [--public-key=checkpoint-signing.pub] | verify --bundle=export.zip"
                        + " [--public-key=checkpoint-signing.pub]");
                return 2;
            }
        }
        PublicKey publicKey = Files.exists(key) ? SigningKeys.loadPublic(key) : null;
        boolean restore = args[0].equals("restore");
        if (restore && bundle == null) {
            out.println(
                    "usage: restore --bundle=export.zip --jdbc-url=<an empty database> [--user=...] [--password=...]"
                            + " [--public-key=...]");
            return 2;
        }
        if (publicKey == null) {
            out.println("no public key at " + key + ": checking the chain only");
        }
        VerificationReport report;
        try {
            if (bundle != null) {
                try (var in = Files.newInputStream(bundle)) {
                    report = BundleVerifier.verify(in, publicKey);
                }
            } else {
                report = new LedgerVerifier(new DriverManagerDataSource(url, user, password), "event_store")
                        .verify(publicKey);
            }
        } catch (RuntimeException | java.io.IOException e) {
            out.println("cannot verify " + (bundle != null ? bundle : url) + ": " + e.getMessage());
            return 2;
        }
        if (report.status() == VerificationReport.Status.VERIFIED) {
            out.println("VERIFIED up to position " + report.verifiedUpTo() + " (signed up to " + report.signedUpTo()
                    + "; " + report.detail() + "; key " + report.keyId() + "; " + report.eventsChecked()
                    + " events in " + report.millis() + " ms)");
            if (restore) {
                try (var in = Files.newInputStream(bundle)) {
                    long restored =
                            BundleRestore.restore(in, new DriverManagerDataSource(url, user, password), "event_store");
                    out.println("restored " + restored + " events into " + url
                            + "; start the query service on it to build every view from them");
                } catch (RuntimeException | java.io.IOException e) {
                    out.println("cannot restore into " + url + ": " + e.getMessage());
                    return 2;
                }
            }
            return 0;
        }
        if (report.status() == VerificationReport.Status.UNAUTHENTICATED) {
            out.println("UNAUTHENTICATED: the chain holds together up to position " + report.verifiedUpTo()
                    + ", but without the published public key nothing shows who signed it ("
                    + report.detail() + ")");
            return 1;
        }
        out.println("FAILED at position " + report.failedAt() + ": " + report.failure());
        out.println("  " + report.detail());
        out.println("  verified up to position " + report.verifiedUpTo() + ", signed up to " + report.signedUpTo());
        return 1;
    }
}
