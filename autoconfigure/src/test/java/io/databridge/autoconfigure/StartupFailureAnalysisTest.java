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
    void unknownRoleIsExplained() {
        String[] properties = {
            "data-bridge.datasource.url=" + database.jdbcUrl(),
            "data-bridge.datasource.username=no_such_user_here",
            "data-bridge.datasource.password=secret"
        };
        Runners.withoutEmbedded().withPropertyValues(properties).run(context -> {
            FailureAnalysis analysis = analyze(context, connectionAnalyzer(properties));
            // A server that asks for a password does not reveal whether the role exists (28P01).
            assertThat(analysis.getDescription())
                    .isIn(
                            "PostgreSQL at " + database.jdbcUrl() + " has no role (user) 'no_such_user_here'"
                                    + " (SQLSTATE 28000).",
                            "PostgreSQL at " + database.jdbcUrl() + " rejected the password of user"
                                    + " 'no_such_user_here' (SQLSTATE 28P01).");
            if (analysis.getDescription().contains("28000")) {
                assertThat(analysis.getAction())
                        .isEqualTo("Fix data-bridge.datasource.username, or create the role on the server: CREATE"
                                + " ROLE <name> LOGIN PASSWORD '...'.");
            }
            assertNoSecret(analysis);
        });
    }

    @Test
    void missingPasswordAgainstScramIsExplained() {
        // pgjdbc's own words when the server asks for SCRAM and the connection has no password.
        FailureAnalysis analysis = connectionAnalyzer(
                        "data-bridge.datasource.url=jdbc:postgresql://db:5432/app",
                        "data-bridge.datasource.username=app")
                .analyze(new IllegalStateException(new java.sql.SQLException(
                        "The server requested SCRAM-based authentication, but no password was provided.", "08004")));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("PostgreSQL at jdbc:postgresql://db:5432/app asked for a password (SCRAM (scram-sha-256)"
                        + " authentication) for user 'app', but no password is configured (SQLSTATE 08004).");
        assertThat(analysis.getAction())
                .isEqualTo("Set data-bridge.datasource.password, e.g. password: ${DB_PASSWORD} with the environment"
                        + " variable DB_PASSWORD set (a placeholder whose variable is not set leaves no password).");
    }

    @Test
    void wrongPasswordIsExplained() {
        FailureAnalysis analysis = connectionAnalyzer(
                        "data-bridge.datasource.url=jdbc:postgresql://db:5432/app",
                        "data-bridge.datasource.username=app",
                        "data-bridge.datasource.password=secret")
                .analyze(new IllegalStateException(
                        new java.sql.SQLException("FATAL: password authentication failed for user \"app\"", "28P01")));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("PostgreSQL at jdbc:postgresql://db:5432/app rejected the password of user 'app' (SQLSTATE"
                        + " 28P01).");
        assertThat(analysis.getAction())
                .isEqualTo("Check data-bridge.datasource.password (or the environment variable it refers to) and"
                        + " data-bridge.datasource.username; the server answers the same when the user does not"
                        + " exist.");
        assertNoSecret(analysis);
    }

    @Test
    void hostNotAdmittedByPgHbaIsExplained() {
        FailureAnalysis analysis = connectionAnalyzer(
                        "data-bridge.datasource.url=jdbc:postgresql://db:5432/app",
                        "data-bridge.datasource.username=app")
                .analyze(new IllegalStateException(new java.sql.SQLException(
                        "FATAL: no pg_hba.conf entry for host \"10.0.0.7\", user \"app\", database \"app\"", "28000")));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("PostgreSQL at jdbc:postgresql://db:5432/app does not admit user 'app' from this host to"
                        + " this database (no matching pg_hba.conf entry; SQLSTATE 28000).");
        assertThat(analysis.getDescription()).doesNotContain("10.0.0.7");
    }

    @Test
    void unsupportedAuthenticationMethodIsExplained() {
        FailureAnalysis analysis = connectionAnalyzer("data-bridge.datasource.url=jdbc:postgresql://db:5432/app")
                .analyze(new IllegalStateException(
                        new java.sql.SQLException("The authentication type 7 is not supported.", "08004")));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("PostgreSQL at jdbc:postgresql://db:5432/app asked the configured user to log in with an"
                        + " authentication method the PostgreSQL driver does not support (SQLSTATE 08004).");
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
                        NoDatabaseConfiguredFailureAnalyzer.class.getName(),
                        RepositoryDefinitionFailureAnalyzer.class.getName(),
                        EntityMappingFailureAnalyzer.class.getName(),
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
