package io.governanceledger.support.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

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
     * API takes each JSON value only in the type it documents.
     */
    @Bean
    public JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
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
    public FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${ledger.web.max-request-bytes:262144}") long maxBytes, ProblemResponses problems) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
