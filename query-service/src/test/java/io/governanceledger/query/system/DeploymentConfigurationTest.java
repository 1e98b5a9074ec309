package io.governanceledger.query.system;

import io.governanceledger.command.CommandServiceApplication;
import io.governanceledger.query.QueryServiceApplication;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so what it promises is checked against
 * the services' own configuration: the profile it activates exists and switches to Axon Server, the
 * addresses point at the services it declares, every configured user gets a password, and the
 * services, in that profile, wire events to Axon Server and keep tokens in PostgreSQL.
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
        assertThat(((Map<String, Object>) compose.get("services")).keySet())
                .containsExactlyInAnyOrder("postgres", "axonserver", "command-service", "query-service");
        Map<String, Object> postgres = service(compose, "postgres");
        String database = (String) ((Map<String, Object>) postgres.get("environment")).get("POSTGRES_DB");
        List<String> axonPorts = (List<String>) service(compose, "axonserver").get("ports");

        Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("ledger-defaults.properties"));
        for (String name : List.of("command-service", "query-service")) {
            Map<String, Object> service = service(compose, name);
            Map<String, String> environment = (Map<String, String>) service.get("environment");
            assertThat(((Map<String, Object>) service.get("build")).get("args")).isEqualTo(Map.of("SERVICE", name));

            String profile = environment.get("SPRING_PROFILES_ACTIVE");
            Properties profileProperties = PropertiesLoaderUtils.loadProperties(
                    new ClassPathResource(name + "-" + profile + ".properties"));
            assertThat(profileProperties.getProperty("axon.axonserver.enabled")).isEqualTo("true");
            assertThat(profileProperties.getProperty("axon.axonserver.servers")).contains("${AXONSERVER_SERVERS");

            String axonServer = environment.get("AXONSERVER_SERVERS");
            assertThat(axonServer).startsWith("axonserver:");
            assertThat(axonPorts).anySatisfy(port -> assertThat(port).endsWith(":" + axonServer.split(":")[1]));
            assertThat(environment.get("SPRING_DATASOURCE_URL"))
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + database);
            assertThat((List<String>) service.get("ports")).containsExactly(environment.get("PORT") + ":" + environment.get("PORT"));

            defaults.stringPropertyNames().stream()
                    .filter(key -> key.startsWith("ledger.security.users.") && key.endsWith(".password"))
                    .map(key -> "LEDGER_SECURITY_USERS_" + key.split("\\.")[3].toUpperCase() + "_PASSWORD")
                    .forEach(variable -> assertThat(environment).as(name).containsKey(variable));
        }
    }

    @Test
    void inTheAxonServerProfileEventsGoToAxonServerAndTokensStayInPostgres() {
        String url = LedgerSystem.newDatabase("axonserver_profile");
        for (SpringApplicationBuilder application : List.of(CommandServiceApplication.application(),
                                                            QueryServiceApplication.application())) {
            Map<String, Object> wiring = new HashMap<>();
            // Inspect the beans once all exist, then stop: with no Axon Server to reach, starting the
            // processors would only wait for it.
            application.initializers(context -> ((GenericApplicationContext) context).registerBean(
                    "wiringProbe", SmartInitializingSingleton.class, () -> () -> {
                        wiring.put("eventBus", context.getBean(EventBus.class));
                        wiring.put("storageEngines", context.getBeansOfType(EventStorageEngine.class));
                        wiring.put("tokenStore", context.getBean(TokenStore.class));
                        throw new WiringInspected();
                    }));
            assertThatThrownBy(() -> application.run(
                    "--spring.profiles.active=axonserver", "--server.port=0",
                    "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres", "--axon.axonserver.servers=localhost:1",
                    "--spring.main.banner-mode=off"))
                    .isInstanceOf(WiringInspected.class);
            assertThat(wiring.get("eventBus")).isInstanceOf(AxonServerEventStore.class);
            assertThat((Map<?, ?>) wiring.get("storageEngines")).isEmpty();
            assertThat(wiring.get("tokenStore")).isInstanceOf(JdbcTokenStore.class);
        }
    }

    private static final class WiringInspected extends RuntimeException {
    }
}
