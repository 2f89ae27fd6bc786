package io.databridge.autoconfigure;

import io.databridge.audit.AuditTrail;
import io.databridge.error.PgExceptionTranslator;
import io.databridge.migration.Migrations;
import io.databridge.observation.StatementObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Versioned migrations at startup: a {@link Migrations} bean over the data source and {@code
 * data-bridge.migrations.locations}, and a {@link DataBridgeMigrationsInitializer} that applies them before the beans
 * that use the database are created. Off with {@code data-bridge.migrations.enabled=false}, and when the application
 * has a Flyway or Liquibase bean (its runner owns the schema then).
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataBridgeDataSourceAutoConfiguration.class},
        afterName = {
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"
        })
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "data-bridge.migrations.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(type = {"org.flywaydb.core.Flyway", "liquibase.integration.spring.SpringLiquibase"})
@EnableConfigurationProperties(DataBridgeProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class DataBridgeMigrationsAutoConfiguration {

    private static final String LOCATIONS = "data-bridge.migrations.locations";

    @Bean
    @ConditionalOnMissingBean
    Migrations dataBridgeMigrations(
            DataSource dataSource,
            DataBridgeProperties properties,
            ObjectProvider<PgExceptionTranslator> translator,
            ObjectProvider<AuditTrail> audit,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<StatementObservationConvention> observationConvention,
            ResourceLoader resourceLoader,
            Environment environment) {
        Migrations.Builder builder = Migrations.builder(dataSource)
                .locations(properties.getMigrations().getLocations())
                // The default location may be absent (no scripts yet); one that was configured must exist.
                .locationsRequired(Binder.get(environment)
                        .bind(LOCATIONS, Bindable.listOf(String.class))
                        .isBound())
                .translator(translator.getIfAvailable(
                        () -> new PgExceptionTranslator(properties.getErrors().sanitizes())));
        audit.ifUnique(builder::auditTrail);
        observationRegistry.ifUnique(builder::observationRegistry);
        observationConvention.ifUnique(builder::observationConvention);
        ClassLoader classLoader = resourceLoader.getClassLoader();
        if (classLoader != null) {
            builder.classLoader(classLoader);
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    DataBridgeMigrationsInitializer dataBridgeMigrationsInitializer(Migrations migrations) {
        return new DataBridgeMigrationsInitializer(migrations);
    }
}
