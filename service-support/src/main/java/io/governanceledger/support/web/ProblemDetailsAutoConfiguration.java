package io.governanceledger.support.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem+json for every error, including those raised before a controller is reached. Runs before
 * Spring Boot's error handling so that its own "/error" controller is the one in place.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
public class ProblemDetailsAutoConfiguration {

    @Bean
    public ProblemResponses problemResponses(JsonMapper jsonMapper) {
        return new ProblemResponses(jsonMapper);
    }

    /**
     * A number or boolean where text is expected is a client mistake, not something to convert: the
     * API takes each JSON value only in the type it documents. A fraction or exponent is not an integer
     * ({@code 1.5} and {@code 1e3} are refused, never truncated), and a key given twice is refused
     * rather than letting the last one win.
     */
    @Bean
    public JsonMapperBuilderCustomizer strictScalars() {
        return EdgeInputModule::applyTo;
    }

    /**
     * Dates, instants and asOf points in request parameters are read by {@link EdgeInput} as well, over
     * the years a view may be asked about.
     */
    @Bean
    public WebMvcConfigurer edgeParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(String.class, java.time.LocalDate.class, (Converter<String, java.time.LocalDate>)
                        EdgeInput::pointDate);
                registry.addConverter(String.class, java.time.Instant.class, (Converter<String, java.time.Instant>)
                        EdgeInput::pointInstant);
            }
        };
    }

    @Bean
    public FilterRegistrationBean<EdgeRequestFilter> edgeRequestFilter(ProblemResponses problems) {
        FilterRegistrationBean<EdgeRequestFilter> registration =
                new FilterRegistrationBean<>(new EdgeRequestFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Tomcat's own refusals (before Spring sees the request) as problem+json, not its HTML page. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    public ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    public QueryStringBinding queryStringBinding() {
        return new QueryStringBinding();
    }

    @Bean
    public FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${ledger.web.max-request-bytes:262144}") long maxBytes, ProblemResponses problems) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
