package io.databridge.testdb;

import io.databridge.embedded.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the tests of this JVM run against, resolved once, in this order:
 *
 * <ol>
 *   <li>{@code DATA_BRIDGE_TEST_URL} (with {@code DATA_BRIDGE_TEST_USER} and {@code DATA_BRIDGE_TEST_PASSWORD});
 *   <li>a server answering on {@code localhost:5432} (user {@code postgres}, database {@code test});
 *   <li>a Testcontainers PostgreSQL container, when a Docker engine is available;
 *   <li>an embedded PostgreSQL from {@code data-bridge-embedded}.
 * </ol>
 *
 * <p>{@code DATA_BRIDGE_TEST_DB} (or the system property {@code data-bridge.test.db}) forces one source: {@code url},
 * {@code local}, {@code testcontainers} or {@code embedded}. The choice is logged once. Thread-safe.
 */
public final class TestDatabase {

    private static final Logger logger = LoggerFactory.getLogger(TestDatabase.class);

    private static final String LOCAL_URL = "jdbc:postgresql://localhost:5432/test";

    private static volatile @Nullable TestDatabase instance;

    private final String source;
    private final String jdbcUrl;
    private final String username;
    private final String password;

    private TestDatabase(String source, String jdbcUrl, String username, String password) {
        this.source = source;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /**
     * The database of this JVM, resolved on first use.
     *
     * @return the resolved database
     * @throws IllegalStateException when no source yields a database
     */
    public static TestDatabase get() {
        TestDatabase database = instance;
        if (database == null) {
            synchronized (TestDatabase.class) {
                database = instance;
                if (database == null) {
                    database = resolve();
                    logger.info(
                            "data-bridge tests use PostgreSQL from {}: {} (user {})",
                            database.source,
                            database.jdbcUrl,
                            database.username);
                    instance = database;
                }
            }
        }
        return database;
    }

    /**
     * Where the database came from: {@code url}, {@code local}, {@code testcontainers} or {@code embedded}.
     *
     * @return the source name
     */
    public String source() {
        return source;
    }

    /**
     * The JDBC URL, without credentials.
     *
     * @return the URL
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The user name.
     *
     * @return the user name
     */
    public String username() {
        return username;
    }

    /**
     * The password, empty when none is needed.
     *
     * @return the password
     */
    public String password() {
        return password;
    }

    /**
     * Opens a new connection outside any pool; the caller closes it.
     *
     * @return an open connection
     * @throws SQLException when the server refuses it
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, credentials());
    }

    Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        return properties;
    }

    private static TestDatabase resolve() {
        String forced = setting("DATA_BRIDGE_TEST_DB", "data-bridge.test.db");
        String url = setting("DATA_BRIDGE_TEST_URL", "data-bridge.test.url");
        if (forced != null) {
            return switch (forced.toLowerCase(Locale.ROOT)) {
                case "url" -> fromUrl(requireUrl(url));
                case "local" -> local();
                case "testcontainers" -> Containers.start();
                case "embedded" -> embedded();
                default ->
                    throw new IllegalStateException("DATA_BRIDGE_TEST_DB must be one of url, local, "
                            + "testcontainers, embedded but was '" + forced + "'");
            };
        }
        if (url != null) {
            return fromUrl(url);
        }
        if (answers(LOCAL_URL, "postgres", "")) {
            return local();
        }
        if (Containers.dockerAvailable()) {
            return Containers.start();
        }
        return embedded();
    }

    private static String requireUrl(@Nullable String url) {
        if (url == null) {
            throw new IllegalStateException("DATA_BRIDGE_TEST_DB=url needs DATA_BRIDGE_TEST_URL");
        }
        return url;
    }

    private static TestDatabase fromUrl(String url) {
        String user = setting("DATA_BRIDGE_TEST_USER", "data-bridge.test.user");
        String password = setting("DATA_BRIDGE_TEST_PASSWORD", "data-bridge.test.password");
        return new TestDatabase("url", url, user == null ? "postgres" : user, password == null ? "" : password);
    }

    private static TestDatabase local() {
        return new TestDatabase("local", LOCAL_URL, "postgres", "");
    }

    /** The JVM's shared embedded server, the one a {@code @SpringBootTest} application without a URL also gets. */
    static TestDatabase embedded() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        return new TestDatabase("embedded", server.jdbcUrl(), EmbeddedPostgresServer.USERNAME, "");
    }

    static TestDatabase container(String url, String username, String password) {
        return new TestDatabase("testcontainers", url, username, password);
    }

    private static boolean answers(String url, String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "3");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            return connection.isValid(2);
        } catch (SQLException ex) {
            logger.debug("No PostgreSQL at {}: {}", url, ex.getMessage());
            return false;
        }
    }

    private static @Nullable String setting(String environmentVariable, String systemProperty) {
        String value = System.getProperty(systemProperty);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
