package io.governanceledger.command.web;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every command's answer names its last event ({@value CommandDispatcher#LAST_EVENT_HEADER}); the OpenAPI document says so. */
@Configuration(proxyBeanMethods = false)
class LastEventDocumentation {

    @Bean
    OperationCustomizer lastEventHeader() {
        return (operation, handlerMethod) -> {
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        response.addHeaderObject(
                                CommandDispatcher.LAST_EVENT_HEADER,
                                new Header()
                                        .description(
                                                "The last event the command recorded; send it as Ledger-Read-After to"
                                                        + " the query service to read this change")
                                        .schema(new StringSchema().format("uuid")));
                    }
                });
            }
            return operation;
        };
    }
}
