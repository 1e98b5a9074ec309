package io.governanceledger.query.pointintime;

import io.governanceledger.support.time.BusinessClock;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * How handlers receive the point they answer for: a {@link PointInTime} parameter is the request's
 * {@link RequestedPoint}, fixed when first asked for (so "now" comes after the consistency guards have
 * waited), or a 400 naming {@code asOf} or {@code knownAt} and the rule its text breaks; a
 * {@link RequestedPoint} parameter is the request's values as given, for a read that takes
 * {@code asOf} but answers for a point of knowledge of its own (a report). The answer of a handler marked
 * {@link PointInHeaders} states its point in {@value #AS_OF_HEADER} and {@value #KNOWN_AT_HEADER}. The
 * OpenAPI document lists {@code asOf} and {@code knownAt} on every read that takes them.
 */
@Configuration(proxyBeanMethods = false)
class PointInTimeWebConfiguration implements WebMvcConfigurer {

    static final String AS_OF_HEADER = "Ledger-As-Of";
    static final String KNOWN_AT_HEADER = "Ledger-Known-At";
    private static final String POINT = PointInTime.class.getName();

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PointInTime.class, RequestedPoint.class);
    }

    private final BusinessClock clock;

    PointInTimeWebConfiguration(BusinessClock clock) {
        this.clock = clock;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == PointInTime.class
                        || parameter.getParameterType() == RequestedPoint.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer container,
                    NativeWebRequest request,
                    WebDataBinderFactory binders) {
                HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
                if (parameter.getParameterType() == PointInTime.class) {
                    return point(servletRequest, parameter);
                }
                // a read that takes asOf and answers for a point of knowledge of its own (a report)
                RequestedPoint requested = requested(servletRequest);
                refuse(requested.asOf(), PointInTimeFilter.AS_OF, AsOf.class, parameter);
                return requested;
            }
        });
    }

    /** Writes the point into the headers of an answer marked {@link PointInHeaders}. */
    @ControllerAdvice
    static class HeaderAdvice implements ResponseBodyAdvice<Object> {

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return returnType.hasMethodAnnotation(PointInHeaders.class);
        }

        @Override
        public Object beforeBodyWrite(
                Object body,
                MethodParameter returnType,
                MediaType contentType,
                Class<? extends HttpMessageConverter<?>> converterType,
                ServerHttpRequest request,
                ServerHttpResponse response) {
            if (request instanceof ServletServerHttpRequest servlet
                    && response instanceof ServletServerHttpResponse answer
                    && answer.getServletResponse().getStatus() < 300
                    && servlet.getServletRequest().getAttribute(POINT) instanceof PointInTime point) {
                response.getHeaders().set(AS_OF_HEADER, point.stated().toString());
                response.getHeaders().set(KNOWN_AT_HEADER, point.knownAt().toString());
            }
            return body;
        }
    }

    @Bean
    OperationCustomizer pointInTimeParameters() {
        return (operation, handler) -> {
            boolean point = takes(handler, PointInTime.class);
            if (point || takes(handler, RequestedPoint.class)) {
                operation.addParametersItem(new QueryParameter()
                        .name(PointInTimeFilter.AS_OF)
                        .required(false)
                        .description("The effective point: a date (YYYY-MM-DD, the end of that business day) or an "
                                + "instant (YYYY-MM-DDThh:mm:ssZ); when absent, see the operation")
                        .schema(new StringSchema().example("2026-03-31")));
            }
            if (point) {
                operation.addParametersItem(new QueryParameter()
                        .name(PointInTimeFilter.KNOWN_AT)
                        .required(false)
                        .description("What was recorded by this instant (YYYY-MM-DDThh:mm:ssZ); default now; "
                                + "never in the future")
                        .schema(new StringSchema().format("date-time")));
            }
            return operation;
        };
    }

    private static RequestedPoint requested(HttpServletRequest request) {
        return RequestedPoint.of(request)
                .orElseThrow(() -> new IllegalStateException(
                        "no point was read for " + request.getMethod() + " " + request.getRequestURI()));
    }

    /** The point the handler answers for, fixed the first time it is asked for. */
    private PointInTime point(HttpServletRequest request, MethodParameter parameter) {
        if (request.getAttribute(POINT) instanceof PointInTime point) {
            return point;
        }
        RequestedPoint requested = requested(request);
        refuse(requested.asOf(), PointInTimeFilter.AS_OF, AsOf.class, parameter);
        refuse(requested.knownAt(), PointInTimeFilter.KNOWN_AT, java.time.Instant.class, parameter);
        PointInTime point =
                PointInTime.of(requested.asOf().value(), requested.knownAt().value(), clock);
        request.setAttribute(POINT, point);
        return point;
    }

    /** A refused value, answered as a parameter of the wrong form (problem+json naming it and its rule). */
    private static void refuse(RequestedPoint.Given<?> given, String name, Class<?> type, MethodParameter parameter) {
        if (given.refused() != null) {
            throw new MethodArgumentTypeMismatchException(given.text(), type, name, parameter, given.refused());
        }
    }

    private static boolean takes(Object handler, Class<?> type) {
        return handler instanceof HandlerMethod method
                && Arrays.stream(method.getMethodParameters())
                        .anyMatch(parameter -> parameter.getParameterType() == type);
    }
}
