package io.governanceledger.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * An OpenID Connect provider for trials and tests: the local run starts it beside the services, and
 * the system tests start it in their JVM. It holds the trial people and service accounts of
 * {@link IssuerProperties} and signs with a key it keeps on disk. A deployment points the services at
 * the organisation's own provider instead (docs/operations.md).
 */
@SpringBootApplication
@EnableConfigurationProperties(IssuerProperties.class)
public class LocalIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocalIssuerApplication.class, args);
    }
}
