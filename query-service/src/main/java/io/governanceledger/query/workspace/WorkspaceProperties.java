package io.governanceledger.query.workspace;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ledger.workspace.*}: where the workspace sends writes, and how long it waits for them. */
@ConfigurationProperties(prefix = "ledger.workspace")
public class WorkspaceProperties {

    /** The command service's base address, to which writes are relayed with the person's token. */
    private URI commandService = URI.create("http://localhost:8081");
    /** How long a relayed write may take before the page says the command service did not answer. */
    private Duration commandTimeout = Duration.ofSeconds(30);
    /** The client registration (spring.security.oauth2.client.registration.*) people sign in with. */
    private String registrationId = "workspace";

    public URI getCommandService() {
        return commandService;
    }

    public void setCommandService(URI commandService) {
        this.commandService = commandService;
    }

    public Duration getCommandTimeout() {
        return commandTimeout;
    }

    public void setCommandTimeout(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    public String getRegistrationId() {
        return registrationId;
    }

    public void setRegistrationId(String registrationId) {
        this.registrationId = registrationId;
    }
}
