package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger with an identity provider organisations really run: a real Keycloak (the distribution
 * from Maven Central, {@code target/keycloak/}) started with a realm of its own, whose group
 * {@code program-a-viewers} carries the realm role {@code ledger-readers-a}. The services are pointed
 * at it (issuer, audience mapper, {@code preferred_username} as the person, {@code realm_access.roles} as
 * the groups claim), and the grant scenario runs with Keycloak's tokens: the role is granted program A
 * on the ledger as a group, its member sees A and never B, a personal grant on B shows B, its
 * revocation hides it again. Keycloak needs Java 21 or newer: without one (KEYCLOAK_JAVA_HOME, or a JDK
 * in /usr/lib/jvm) the test says so and is skipped.
 */
class KeycloakInteroperabilityEndToEndTest {

    private static final String REALM = "governance";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Optional<Path> keycloakJava = Optional.empty();
    private static Process keycloak;
    private static String issuer;

    @BeforeAll
    static void startKeycloak() throws Exception {
        keycloakJava = java21OrNewer();
        if (keycloakJava.isEmpty()) {
            System.out.println(
                    "SKIPPED KeycloakInteroperabilityEndToEndTest: Keycloak needs Java 21 or newer; none found "
                            + "(set KEYCLOAK_JAVA_HOME, or install one under /usr/lib/jvm)");
        }
        if (keycloakJava.isEmpty()) {
            return;
        }
        Path distribution = Files.list(Path.of("target", "keycloak"))
                .filter(file -> file.getFileName().toString().endsWith(".zip"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Keycloak distribution in target/keycloak"));
        Path home = unzip(distribution, Files.createTempDirectory("keycloak"));
        Path realm = home.resolve("data").resolve("import");
        Files.createDirectories(realm);
        try (InputStream file =
                KeycloakInteroperabilityEndToEndTest.class.getResourceAsStream("/keycloak-realm.json")) {
            Files.copy(file, realm.resolve("governance-realm.json"));
        }
        int port = freePort();
        ProcessBuilder start = new ProcessBuilder(
                        home.resolve("bin").resolve("kc.sh").toString(),
                        "start-dev",
                        "--http-port=" + port,
                        "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("keycloak.log").toFile());
        start.environment().put("JAVA_HOME", keycloakJava.get().toString());
        start.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "bootstrap");
        start.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "bootstrap-secret");
        Instant started = Instant.now();
        keycloak = start.start();
        issuer = "http://localhost:" + port + "/realms/" + REALM;
        awaitDiscovery(home.resolve("keycloak.log"));
        System.out.println("Keycloak " + distribution.getFileName() + " served " + issuer + " after "
                + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.destroy();
        }
    }

    @Test
    void theGrantScenarioRunsWithKeycloaksTokensAndItsGroupToRoleMapping() {
        Assumptions.assumeTrue(
                keycloakJava.isPresent(), "Keycloak needs Java 21 or newer, and none was found on this machine");
        try (LedgerSystem system = LedgerSystem.isolated().withoutTrialAccess()) {
            String[] signIn = {
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.principal-claim-name=preferred_username",
                "--ledger.security.tokens.groups-claim=realm_access.roles",
                "--ledger.access.bootstrap-administrator=kc-admin"
            };
            Http commands = system.startCommandService(signIn).http();
            Http queries = system.startQueryService(signIn).http();
            String admin = "token:" + token("kc-admin", "kc-admin-secret");
            String viewer = "token:" + token("kc-viewer", "kc-viewer-secret");

            for (String program : List.of("KC-A", "KC-B")) {
                assertThat(commands.post(admin, "/api/programs", Bodies.program(program))
                                .status())
                        .isEqualTo(201);
            }
            Http.Response groupGrant = commands.post(
                    admin,
                    "/api/programs/KC-A/access/grants",
                    "{\"grantee\": {\"kind\": \"GROUP\", \"id\": \"ledger-readers-a\"}, \"role\": \"VIEWER\","
                            + " \"reason\": \"Keycloak role ledger-readers-a reads program A\"}");
            assertThat(groupGrant.status()).as(groupGrant.body()).isEqualTo(201);
            Map<String, String> afterGroupGrant = Map.of("Ledger-Read-After", groupGrant.header("Ledger-Event-Id"));
            assertThat(queries.get(viewer, "/api/programs/KC-A", afterGroupGrant)
                            .status())
                    .isEqualTo(200);
            assertThat(queries.get(viewer, "/api/programs/KC-B").status()).isEqualTo(404);
            assertThat(queries.get(viewer, "/api/programs").json().findValuesAsString("programId"))
                    .containsExactly("KC-A");

            Http.Response personal = commands.post(
                    admin,
                    "/api/programs/KC-B/access/grants",
                    "{\"grantee\": {\"kind\": \"PERSON\", \"id\": \"kc-viewer\"}, \"role\": \"VIEWER\","
                            + " \"reason\": \"Reviews program B\"}");
            assertThat(personal.status()).as(personal.body()).isEqualTo(201);
            assertThat(queries.get(
                                    viewer,
                                    "/api/programs/KC-B",
                                    Map.of("Ledger-Read-After", personal.header("Ledger-Event-Id")))
                            .status())
                    .isEqualTo(200);
            Http.Response revoked =
                    commands.post(admin, personal.header("Location") + "/revoke", "{\"reason\": \"Review done\"}");
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(queries.get(
                                    viewer,
                                    "/api/programs/KC-B",
                                    Map.of("Ledger-Read-After", revoked.header("Ledger-Event-Id")))
                            .status())
                    .isEqualTo(404);

            // the actor is Keycloak's user with the display name Keycloak gave
            var trail = queries.get(admin, "/api/programs/KC-B/audit-trail?kind=ACCESS_GRANT")
                    .json();
            assertThat(trail.path("entries").path(0).path("actor").asString()).isEqualTo("kc-admin");
            assertThat(trail.path("entries").path(0).path("actorName").asString())
                    .isEqualTo("Kim Admin");
            // and a token of another realm (or none of Keycloak's) is refused
            assertThat(queries.get("viewer", "/api/programs").status()).isEqualTo(401);
        }
    }

    /** A person's token by Keycloak's password grant (direct access grants on the CLI client). */
    private static String token(String user, String password) {
        String form = "grant_type=password&client_id=governance-ledger-cli&username=" + encode(user) + "&password="
                + encode(password);
        try {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body()).path("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitDiscovery(Path log) throws Exception {
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .build();
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see " + log);
            }
            try {
                if (HTTP.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve " + issuer + " within 180 s; see " + log);
    }

    /** KEYCLOAK_JAVA_HOME, else this JVM if 21+, else the newest JDK 21+ under /usr/lib/jvm (or -Dkeycloak.jdks). */
    static Optional<Path> java21OrNewer() throws IOException {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        Path jvms = Path.of(System.getProperty("keycloak.jdks", "/usr/lib/jvm"));
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> feature(home) >= 21
                            && Files.isExecutable(home.resolve("bin").resolve("java")))
                    .max(java.util.Comparator.comparingInt(KeycloakInteroperabilityEndToEndTest::feature));
        }
    }

    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            // not a JDK
        }
        return 0;
    }

    private static Path unzip(Path zip, Path into) throws IOException {
        Path home = null;
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the folder: " + entry.getName());
                }
                if (home == null) {
                    home = into.resolve(Path.of(entry.getName()).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                    if (entry.getName().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        return home;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
