package io.databridge.autoconfigure.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * With {@code data-bridge.errors.problem-details=true} in a Spring MVC application: data-access failures answered as
 * RFC 9457 problem details (see {@code docs/errors.md}). Runs before Spring Boot's MVC auto-configuration, whose own
 * problem-details handler ({@code spring.mvc.problemdetails.enabled}) then backs off; backs off itself when the
 * application defines a {@link ResponseEntityExceptionHandler}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ResponseEntityExceptionHandler.class)
@ConditionalOnBooleanProperty("data-bridge.errors.problem-details")
public final class DataBridgeProblemDetailsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    DataAccessProblemDetailsExceptionHandler dataAccessProblemDetailsExceptionHandler() {
        return new DataAccessProblemDetailsExceptionHandler();
    }
}
