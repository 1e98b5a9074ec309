package io.governanceledger.query.consistency;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

/** Every read takes {@value ReadAfterGuard#HEADER}; the OpenAPI document says so on each. */
@Configuration(proxyBeanMethods = false)
class ReadAfterDocumentation {

    @Bean
    OperationCustomizer readAfterHeader() {
        return (operation, handlerMethod) -> {
            if (handlerMethod.hasMethodAnnotation(GetMapping.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(ReadAfterGuard.HEADER)
                        .required(false)
                        .description("The Ledger-Event-Id of a command's answer: answered once every read model has"
                                + " taken in every event up to that one (503 read-model-behind after"
                                + " ledger.read-after.wait-ms)")
                        .schema(new StringSchema().format("uuid")));
            }
            return operation;
        };
    }
}
