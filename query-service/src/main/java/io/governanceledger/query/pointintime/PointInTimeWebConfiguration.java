package io.governanceledger.query.pointintime;

import io.governanceledger.support.time.BusinessClock;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How handlers receive the point they answer for: a {@link PointInTime} parameter is the request's
 * {@link RequestedPoint}; every answer of such a handler states it in {@value #AS_OF_HEADER} and
 * {@value #KNOWN_AT_HEADER} (a list or a CSV file has no other place for it); the OpenAPI document
 * lists {@code asOf} and {@code knownAt} on each.
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
                return parameter.getParameterType() == PointInTime.class
                        ? point(servletRequest)
                        : requested(servletRequest);
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (takes(handler, PointInTime.class)) {
                    PointInTime point = point(request);
                    response.setHeader(AS_OF_HEADER, point.stated().toString());
                    response.setHeader(KNOWN_AT_HEADER, point.knownAt().toString());
                }
                return true;
            }
        });
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
                                + "instant (YYYY-MM-DDThh:mm:ssZ); default today")
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

    /** As the filter read it; nothing asked for a request it does not see. */
    private static RequestedPoint requested(HttpServletRequest request) {
        return RequestedPoint.of(request).orElseGet(() -> new RequestedPoint(null, null, Optional.empty()));
    }

    /**
     * The point the handler answers for, fixed the first time it is needed (the headers, before the
     * handler runs), so the headers and the answer state the same "now".
     */
    private PointInTime point(HttpServletRequest request) {
        if (request.getAttribute(POINT) instanceof PointInTime point) {
            return point;
        }
        RequestedPoint requested = requested(request);
        PointInTime point = PointInTime.of(requested.asOf(), requested.knownAt(), clock);
        request.setAttribute(POINT, point);
        return point;
    }

    private static boolean takes(Object handler, Class<?> type) {
        return handler instanceof HandlerMethod method
                && Arrays.stream(method.getMethodParameters())
                        .anyMatch(parameter -> parameter.getParameterType() == type);
    }
}
