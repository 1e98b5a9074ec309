package io.governanceledger.devtools.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings that give a query service its workspace against the local issuer: the client
 * registration people sign in with (the issuer's {@code workspace} client, secret {@code workspace}) and
 * the command service writes are relayed to. Used by the local run, the system tests and the benchmark;
 * a deployment sets the same properties for its own provider (docs/operations.md).
 */
public final class WorkspaceClient {

    public static final String CLIENT_ID = "workspace";
    public static final String SECRET = "workspace";

    private WorkspaceClient() {}

    /** The properties by name. */
    public static Map<String, String> properties(String issuerUrl, String commandServiceUrl) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.security.oauth2.client.registration.workspace.client-id", CLIENT_ID);
        properties.put("spring.security.oauth2.client.registration.workspace.client-secret", SECRET);
        properties.put("spring.security.oauth2.client.registration.workspace.scope", "openid,profile");
        properties.put(
                "spring.security.oauth2.client.registration.workspace.authorization-grant-type", "authorization_code");
        properties.put("spring.security.oauth2.client.provider.workspace.issuer-uri", issuerUrl);
        properties.put("ledger.workspace.command-service", commandServiceUrl);
        return properties;
    }

    /** The same as command-line arguments ({@code --name=value}). */
    public static List<String> arguments(String issuerUrl, String commandServiceUrl) {
        return properties(issuerUrl, commandServiceUrl).entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toList();
    }

    /** The same as environment variables, as Spring Boot reads them. */
    public static Map<String, String> environment(String issuerUrl, String commandServiceUrl) {
        Map<String, String> environment = new LinkedHashMap<>();
        properties(issuerUrl, commandServiceUrl)
                .forEach((name, value) -> environment.put(
                        name.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT), value));
        return environment;
    }
}
