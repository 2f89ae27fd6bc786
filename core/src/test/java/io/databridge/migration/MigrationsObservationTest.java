package io.databridge.migration;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.databridge.DataBridge;
import io.databridge.observation.DefaultStatementObservationConvention;
import io.databridge.observation.StatementObservationContext;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Migrations keep their own connection for the transaction-level advisory lock, but every statement they run is
 * observed and logged like the engine's own: an observation per statement whose task names the script, the SQL log at
 * DEBUG, and never a value (the script's text, which may hold data, is logged as its name).
 */
@io.databridge.testdb.PostgresTest
class MigrationsObservationTest {

    private static final String SECRET = "vault-migration-secret";
    private static final String SQL_LOG = "io.databridge.sql";

    private final DataSource dataSource;
    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @TempDir
    Path scripts;

    MigrationsObservationTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @BeforeEach
    void captureSqlLog() {
        DataBridge.create(dataSource)
                .sql("DROP TABLE IF EXISTS " + Migrations.HISTORY_TABLE + ", vault CASCADE")
                .update();
        Logger logger = (Logger) LoggerFactory.getLogger(SQL_LOG);
        logger.setLevel(Level.DEBUG);
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseSqlLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(SQL_LOG);
        logger.detachAppender(logs);
        logger.setLevel(null);
    }

    private Migrations migrations() {
        return Migrations.builder(dataSource)
                .locations(List.of("filesystem:" + scripts))
                .observationRegistry(registry)
                .build();
    }

    private void script(String name, String sql) throws IOException {
        Files.writeString(scripts.resolve(name), sql, StandardCharsets.UTF_8);
    }

    @Test
    void eachScriptIsAnObservationTaggedWithItsName() throws IOException {
        script("V1__create_vault.sql", "CREATE TABLE vault (id int PRIMARY KEY, secret text);");
        script("V2__fill_vault.sql", "INSERT INTO vault VALUES (1, '" + SECRET + "');");

        migrations().migrate();

        assertThat(registry)
                .hasAnObservation(observation -> observation
                        .hasNameEqualTo(DefaultStatementObservationConvention.NAME)
                        .hasContextualNameEqualTo("migrate V1__create_vault.sql")
                        .hasLowCardinalityKeyValue("data-bridge.task", "migrate V1__create_vault.sql")
                        .doesNotHaveError())
                .hasAnObservation(observation -> observation
                        .hasContextualNameEqualTo("migrate V2__fill_vault.sql")
                        .hasLowCardinalityKeyValue("data-bridge.task", "migrate V2__fill_vault.sql"))
                .hasAnObservation(observation -> observation.hasContextualNameEqualTo("migrate lock"))
                .hasAnObservation(observation -> observation.hasContextualNameEqualTo("migrate history"));
        assertThat(registry)
                .hasHandledContextsThatSatisfy(contexts -> assertThat(contexts)
                        .allSatisfy(context -> assertThat(((StatementObservationContext) context).sql())
                                .doesNotContain(SECRET)));
    }

    @Test
    void aFailedScriptIsAnObservationWithItsError() throws IOException {
        script("V1__broken.sql", "CREATE TABLE vault (id int PRIMARY KEY);\nSELECT no_such_function();");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> migrations().migrate())
                .isInstanceOf(MigrationException.class);

        assertThat(registry)
                .hasAnObservation(observation -> observation
                        .hasContextualNameEqualTo("migrate V1__broken.sql")
                        .hasError());
    }

    @Test
    void everyStatementIsOnTheSqlLogWithoutValues() throws IOException {
        script("V1__create_vault.sql", "CREATE TABLE vault (id int PRIMARY KEY, secret text);");
        script("V2__fill_vault.sql", "INSERT INTO vault VALUES (1, '" + SECRET + "');");

        migrations().migrate();

        List<String> lines =
                logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines)
                .anyMatch(line ->
                        line.startsWith("migrate V1__create_vault.sql (") && line.endsWith("-- V1__create_vault.sql"))
                .anyMatch(line ->
                        line.startsWith("migrate V2__fill_vault.sql (") && line.endsWith("-- V2__fill_vault.sql"))
                .anyMatch(line -> line.startsWith("migrate V2__fill_vault.sql (")
                        && line.contains("INSERT INTO " + Migrations.HISTORY_TABLE))
                .anyMatch(line -> line.startsWith("migrate lock ("))
                .noneMatch(line -> line.contains(SECRET));
    }
}
