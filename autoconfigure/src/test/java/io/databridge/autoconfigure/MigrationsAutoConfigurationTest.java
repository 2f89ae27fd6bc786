package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.DataBridge;
import io.databridge.migration.MigrationException;
import io.databridge.migration.Migrations;
import io.databridge.testdb.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Migrations at startup, each test in a schema of its own. */
class MigrationsAutoConfigurationTest {

    private final TestDatabase database = TestDatabase.get();
    private final String schema = "migrations_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void createSchema() throws Exception {
        sql("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws Exception {
        sql("DROP SCHEMA " + schema + " CASCADE");
    }

    private void sql(String statement) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private ApplicationContextRunner runner(String locations) {
        String url = database.jdbcUrl();
        return Runners.withoutEmbedded()
                .withPropertyValues(
                        "data-bridge.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema="
                                + schema,
                        "data-bridge.datasource.username=" + database.username(),
                        "data-bridge.datasource.password=" + database.password(),
                        "data-bridge.migrations.locations=" + locations);
    }

    @Test
    void migrationsRunAtStartupBeforeAnyBeanUsesTheDatabase() {
        runner("classpath:test-migrations/ok")
                .withUserConfiguration(ReadsAtStartup.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Migrations.class);
                    assertThat(context.getBean(ReadsAtStartup.class).text).isEqualTo("migrated");
                    assertThat(context.getBean(DataBridge.class)
                                    .sql("SELECT count(*) FROM " + Migrations.HISTORY_TABLE)
                                    .one(Long.class))
                            .isEqualTo(2);
                });
    }

    @Test
    void disabledByProperty() {
        runner("classpath:test-migrations/ok")
                .withPropertyValues("data-bridge.migrations.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(Migrations.class);
                    assertThat(context.getBean(DataBridge.class)
                                    .sql("SELECT to_regclass('memo') IS NULL")
                                    .one(Boolean.class))
                            .isTrue();
                });
    }

    @Test
    void backsOffWhenTheApplicationHasAFlywayBean() {
        runner("classpath:test-migrations/ok")
                .withBean("flyway", Flyway.class, Flyway::new)
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(Migrations.class)
                        .doesNotHaveBean(DataBridgeMigrationsInitializer.class));
    }

    @Test
    void aFailingScriptStopsStartupWithAnExplanation() {
        runner("classpath:test-migrations/broken").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            MigrationException cause = findCause(failure);
            assertThat(cause.getMessage())
                    .startsWith("Migration V1__broken.sql failed and was rolled back: Bad SQL grammar");
            FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).startsWith("data-bridge's migrations did not run to the end: ");
            assertThat(analysis.getAction()).contains("data-bridge.migrations.enabled=false");
        });
    }

    @Test
    void aConfiguredLocationThatDoesNotExistStopsStartup() {
        runner("classpath:test-migrations/okk").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .isEqualTo("data-bridge's migrations did not run: The migration location"
                            + " classpath:test-migrations/okk does not exist; create it, or fix the location");
            assertThat(analysis.getAction())
                    .isEqualTo("Fix data-bridge.migrations.locations (a classpath: location is a directory under"
                            + " src/main/resources), create the directory, or remove the property to use"
                            + " classpath:db/migration. To start without migrating, set"
                            + " data-bridge.migrations.enabled=false.");
        });
    }

    @Test
    void aConfiguredFilesystemLocationThatDoesNotExistStopsStartup() {
        runner("filesystem:/no/such/directory/here")
                .run(context -> assertThat(findCause(context.getStartupFailure()))
                        .hasMessage("The migration location filesystem:/no/such/directory/here does not exist; create"
                                + " it, or fix the location"));
    }

    @Test
    void aConfiguredLocationWithoutScriptsYetIsAccepted() throws Exception {
        java.nio.file.Path empty = java.nio.file.Files.createTempDirectory("no-scripts-yet");
        runner("filesystem:" + empty).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theDefaultLocationMayBeAbsent() {
        String url = database.jdbcUrl();
        Runners.withoutEmbedded()
                .withPropertyValues(
                        "data-bridge.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema="
                                + schema,
                        "data-bridge.datasource.username=" + database.username(),
                        "data-bridge.datasource.password=" + database.password())
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void emptyLocationsAreRejected() {
        runner("")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("data-bridge.migrations.locations must list at least one location"));
    }

    @Test
    void thePropertiesHaveConfigurationMetadata() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(metadata)
                    .contains("\"name\": \"data-bridge.migrations.enabled\"")
                    .contains("\"name\": \"data-bridge.migrations.locations\"")
                    .containsPattern("\"defaultValue\": \\[\\s*\"classpath:db\\\\?/migration\"\\s*\\]");
        }
    }

    private static MigrationException findCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MigrationException migration) {
                return migration;
            }
        }
        throw new AssertionError("no MigrationException in " + failure);
    }

    /** A bean that reads a migrated table while the context starts. */
    @Configuration(proxyBeanMethods = false)
    static class ReadsAtStartup {

        String text;

        @Bean
        String memoText(DataBridge db) {
            text = db.sql("SELECT text FROM memo WHERE id = 1").one(String.class);
            return text;
        }
    }
}
