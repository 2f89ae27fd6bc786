package io.databridge.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Explains a startup with no database at all: no URL is configured and no embedded PostgreSQL was started, so Spring
 * Boot's own DataSource found no driver. Spring Boot's analysis of that failure recommends H2, HSQL or Derby; this one
 * runs first and names data-bridge's property and its embedded module.
 */
final class NoDatabaseConfiguredFailureAnalyzer implements FailureAnalyzer, Ordered {

    /** Spring Boot's exception when its DataSource has no URL and no embedded database (a package-private type). */
    private static final String NO_DRIVER_FAILURE =
            "org.springframework.boot.jdbc.autoconfigure.DataSourceProperties$DataSourceBeanCreationException";

    private final Environment environment;

    NoDatabaseConfiguredFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !cause.getClass().getName().equals(NO_DRIVER_FAILURE)) {
            cause = cause.getCause();
        }
        if (cause == null
                || hasText(DatabaseUrlConditions.DATA_BRIDGE_URL)
                || hasText(DatabaseUrlConditions.SPRING_URL)) {
            return null;
        }
        boolean embeddedTurnedOff = "false".equalsIgnoreCase(environment.getProperty("data-bridge.embedded.enabled"));
        String embedded = embeddedTurnedOff
                ? "the embedded PostgreSQL is turned off (data-bridge.embedded.enabled=false)"
                : "the data-bridge-embedded module, which starts a PostgreSQL for development, is not on the class path";
        return new FailureAnalysis(
                "No PostgreSQL database is configured: data-bridge.datasource.url is not set and " + embedded + ".",
                "Set data-bridge.datasource.url (and data-bridge.datasource.username and"
                        + " data-bridge.datasource.password) to your PostgreSQL server, e.g."
                        + " jdbc:postgresql://localhost:5432/app. For development without a server, "
                        + (embeddedTurnedOff
                                ? "remove data-bridge.embedded.enabled=false"
                                : "add the dependency io.databridge:data-bridge-embedded")
                        + " and data-bridge starts a PostgreSQL for the application.",
                cause);
    }

    private boolean hasText(String property) {
        String value = environment.getProperty(property);
        return value != null && !value.isBlank();
    }

    /** Ahead of Spring Boot's DataSource analyzer, which would explain the same failure with H2/HSQL/Derby advice. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
