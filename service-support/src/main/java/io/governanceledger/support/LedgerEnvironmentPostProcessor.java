package io.governanceledger.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds the shared defaults below everything a user configures, and stops a service that was given no
 * database ({@code spring.datasource.url} unset) before it starts anything: a service never starts a
 * database of its own ({@link MissingDatabaseFailureAnalyzer} says what to do instead).
 */
public class LedgerEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "ledger-defaults";
    private static final String UPDATE_CHECKER = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(loadDefaults());
        // Axon's update checker reads only system properties; there is no network to report to.
        if (System.getProperty(UPDATE_CHECKER) == null) {
            System.setProperty(UPDATE_CHECKER, environment.getProperty(UPDATE_CHECKER, "true"));
        }
        if (environment.getProperty("spring.datasource.url", "").isBlank()) {
            throw new MissingDatabaseException(application.getMainApplicationClass());
        }
    }

    private static MapPropertySource loadDefaults() {
        try {
            Properties properties =
                    PropertiesLoaderUtils.loadProperties(new ClassPathResource(DEFAULTS + ".properties"));
            @SuppressWarnings({"unchecked", "rawtypes"})
            Map<String, Object> map = (Map) properties;
            return new MapPropertySource(DEFAULTS, map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS + ".properties", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
