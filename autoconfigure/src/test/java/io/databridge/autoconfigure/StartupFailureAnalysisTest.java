package io.databridge.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.databridge.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** Every startup failure data-bridge explains, with the exact explanation. */
class StartupFailureAnalysisTest {

    private final TestDatabase database = TestDatabase.get();

    @Test
    void maximumPoolSizeBelowOneIsRejected() {
        Runners.withTestDatabase()
                .withPropertyValues("data-bridge.datasource.pool.maximum-size=0")
                .run(context -> {
                    FailureAnalysis analysis = analyze(context, new InvalidDataBridgePropertyFailureAnalyzer());
                    assertThat(analysis.getDescription())
                            .isEqualTo("Invalid data-bridge configuration: data-bridge.datasource.pool.maximum-size"
                                    + " must be >= 1 but was 0");
                    assertThat(analysis.getAction())
                            .isEqualTo("Set data-bridge.datasource.pool.maximum-size to a valid value in"
                                    + " application.yml or application.properties, or with the environment variable"
                                    + " DATA_BRIDGE_DATASOURCE_POOL_MAXIMUM_SIZE.");
                });
    }

    @Test
    void connectionTimeoutBelowHikarisMinimumIsRejected() {
        Runners.withTestDatabase()
                .withPropertyValues("data-bridge.datasource.pool.connection-timeout=100ms")
                .run(context -> assertThat(analyze(context, new InvalidDataBridgePropertyFailureAnalyzer())
                                .getDescription())
                        .isEqualTo("Invalid data-bridge configuration: data-bridge.datasource.pool.connection-timeout"
                                + " must be >= 250ms but was 100ms"));
    }

    @Test
    void urlOfAnotherDatabaseIsRejectedWithoutItsCredentials() {
        Runners.withoutEmbedded()
                .withPropertyValues("data-bridge.datasource.url=jdbc:mysql://admin:secret@db:3306/app?password=secret")
                .run(context -> {
                    FailureAnalysis analysis = analyze(context, new InvalidDataBridgePropertyFailureAnalyzer());
                    assertThat(analysis.getDescription())
                            .isEqualTo("Invalid data-bridge configuration: data-bridge.datasource.url must start with"
                                    + " jdbc:postgresql: but was 'jdbc:mysql://db:3306/app'");
                });
    }

    @Test
    void propertiesAreMaskedInToString() {
        DataBridgeProperties properties = new DataBridgeProperties();
        properties.getDatasource().setUrl("jdbc:postgresql://db/app?password=secret");
        properties.getDatasource().setPassword("secret");
        assertThat(properties.toString()).doesNotContain("secret").contains("password=******");
    }

    @Test
    void unreachableServerIsExplained() {
        String[] properties = {
            "data-bridge.datasource.url=jdbc:postgresql://localhost:1/app?ApplicationName=secret",
            "data-bridge.datasource.username=app",
            "data-bridge.datasource.password=secret"
        };
        Runners.withoutEmbedded().withPropertyValues(properties).run(context -> {
            FailureAnalysis analysis = analyze(context, connectionAnalyzer(properties));
            assertThat(analysis.getDescription())
                    .isEqualTo("data-bridge could not connect to PostgreSQL at jdbc:postgresql://localhost:1/app:"
                            + " the server did not accept a connection (SQLSTATE 08001).");
            assertThat(analysis.getAction())
                    .isEqualTo("Start PostgreSQL there, or set data-bridge.datasource.url to a running server."
                            + " For development without a server, add the data-bridge-embedded dependency and"
                            + " remove the URL.");
            assertNoSecret(analysis);
        });
    }

    @Test
    void rejectedLoginIsExplained() {
        String[] properties = {
            "data-bridge.datasource.url=" + database.jdbcUrl(),
            "data-bridge.datasource.username=no_such_user_here",
            "data-bridge.datasource.password=secret"
        };
        Runners.withoutEmbedded().withPropertyValues(properties).run(context -> {
            FailureAnalysis analysis = analyze(context, connectionAnalyzer(properties));
            assertThat(analysis.getDescription())
                    .startsWith("PostgreSQL at " + database.jdbcUrl()
                            + " rejected the login as user 'no_such_user_here' (SQLSTATE 28");
            assertThat(analysis.getAction())
                    .isEqualTo("Check data-bridge.datasource.username and data-bridge.datasource.password (or"
                            + " the environment variable the password refers to), and that the server's"
                            + " pg_hba.conf admits this user.");
            assertNoSecret(analysis);
        });
    }

    @Test
    void missingDatabaseIsExplained() {
        String url = database.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/no_such_database_here$1");
        String[] properties = {
            "data-bridge.datasource.url=" + url,
            "data-bridge.datasource.username=" + database.username(),
            "data-bridge.datasource.password=" + database.password()
        };
        Runners.withoutEmbedded().withPropertyValues(properties).run(context -> {
            FailureAnalysis analysis = analyze(context, connectionAnalyzer(properties));
            assertThat(analysis.getDescription()).endsWith("(SQLSTATE 3D000).");
            assertThat(analysis.getAction())
                    .isEqualTo("Create it (CREATE DATABASE ...), or fix the database name at the end of"
                            + " data-bridge.datasource.url.");
        });
    }

    @Test
    void springDatasourcePropertiesAreNamedWhenTheyAreInUse() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://localhost:1/app")
                .withProperty("data-bridge.datasource.url", "jdbc:postgresql://localhost:2/other");
        FailureAnalysis analysis = new DatabaseConnectionFailureAnalyzer(environment)
                .analyze(new IllegalStateException(new java.sql.SQLException("refused", "08001")));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("jdbc:postgresql://localhost:1/app");
        assertThat(analysis.getAction()).contains("spring.datasource.url");
    }

    @Test
    void analyzersAreRegistered() throws java.io.IOException {
        java.net.URL location = DataBridgeAutoConfiguration.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation();
        java.util.Properties factories = org.springframework.core.io.support.PropertiesLoaderUtils.loadProperties(
                new org.springframework.core.io.UrlResource(location + "META-INF/spring.factories"));
        assertThat(factories.getProperty(FailureAnalyzer.class.getName()).split(","))
                .containsExactly(
                        InvalidDataBridgePropertyFailureAnalyzer.class.getName(),
                        DatabaseConnectionFailureAnalyzer.class.getName(),
                        RepositoryDefinitionFailureAnalyzer.class.getName(),
                        MigrationFailureAnalyzer.class.getName());
        assertThat(factories.getProperty(
                        "org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector"))
                .isEqualTo(DataBridgeDependsOnDatabaseInitializationDetector.class.getName());
    }

    /** The failed context's environment is gone; the analyzer sees the same properties through this one. */
    private static DatabaseConnectionFailureAnalyzer connectionAnalyzer(String... properties) {
        MockEnvironment environment = new MockEnvironment();
        for (String property : properties) {
            int equals = property.indexOf('=');
            environment.setProperty(property.substring(0, equals), property.substring(equals + 1));
        }
        return new DatabaseConnectionFailureAnalyzer(environment);
    }

    static FailureAnalysis analyze(AssertableApplicationContext context, FailureAnalyzer analyzer) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
        assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
        return analysis;
    }

    private static void assertNoSecret(FailureAnalysis analysis) {
        assertThat(analysis.getDescription()).doesNotContain("secret");
        assertThat(analysis.getAction()).doesNotContain("secret");
    }
}
