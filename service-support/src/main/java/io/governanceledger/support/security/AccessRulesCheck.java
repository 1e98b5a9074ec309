package io.governanceledger.support.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Stops the service at start if a handler of the API or of the workspace does not say which right it needs. */
class AccessRulesCheck implements SmartInitializingSingleton {

    private final ObjectProvider<RequestMappingHandlerMapping> handlers;

    AccessRulesCheck(ObjectProvider<RequestMappingHandlerMapping> handlers) {
        this.handlers = handlers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> unruled = handlers.getObject().getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getKey().getPatternValues().stream()
                        .anyMatch(path -> path.startsWith("/api/") || path.startsWith("/workspace")))
                .filter(entry -> !entry.getValue().hasMethodAnnotation(Requires.class))
                .map(entry -> entry.getKey() + " -> " + entry.getValue())
                .sorted()
                .toList();
        if (!unruled.isEmpty()) {
            throw new IllegalStateException("Handlers without @Requires (which right they need): " + unruled);
        }
    }
}
