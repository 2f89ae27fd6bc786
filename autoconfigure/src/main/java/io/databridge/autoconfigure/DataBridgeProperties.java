package io.databridge.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code data-bridge}. Validated once, when bound: a bad value stops startup with a message that names
 * the property, the rule and the value. Not thread-safe while being bound; read-only afterwards.
 */
@ConfigurationProperties("data-bridge")
public class DataBridgeProperties implements InitializingBean {

    /** The smallest connection timeout HikariCP accepts. */
    static final Duration MINIMUM_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    private final Datasource datasource = new Datasource();

    private final Errors errors = new Errors();

    private final Embedded embedded = new Embedded();

    private final Logging logging = new Logging();

    private final Migrations migrations = new Migrations();

    /**
     * The connection settings.
     *
     * @return the data source settings
     */
    public Datasource getDatasource() {
        return datasource;
    }

    /**
     * The error-message settings.
     *
     * @return the error settings
     */
    public Errors getErrors() {
        return errors;
    }

    /**
     * The embedded-database settings.
     *
     * @return the embedded settings
     */
    public Embedded getEmbedded() {
        return embedded;
    }

    /**
     * The statement-logging settings.
     *
     * @return the logging settings
     */
    public Logging getLogging() {
        return logging;
    }

    /**
     * The migration settings.
     *
     * @return the migration settings
     */
    public Migrations getMigrations() {
        return migrations;
    }

    @Override
    public void afterPropertiesSet() {
        validate();
    }

    /**
     * Checks every value; the first bad one ends startup.
     *
     * @throws InvalidDataBridgePropertyException naming the property, the rule and the value
     */
    public void validate() {
        String url = datasource.getUrl();
        if (url != null && !url.isBlank() && !url.startsWith("jdbc:postgresql:")) {
            throw new InvalidDataBridgePropertyException(
                    "data-bridge.datasource.url",
                    "data-bridge.datasource.url must start with jdbc:postgresql: but was '"
                            + JdbcUrls.withoutCredentials(url) + "'");
        }
        int maximumSize = datasource.getPool().getMaximumSize();
        if (maximumSize < 1) {
            throw new InvalidDataBridgePropertyException(
                    "data-bridge.datasource.pool.maximum-size",
                    "data-bridge.datasource.pool.maximum-size must be >= 1 but was " + maximumSize);
        }
        if (migrations.getLocations().isEmpty()
                || migrations.getLocations().stream().anyMatch(String::isBlank)) {
            throw new InvalidDataBridgePropertyException(
                    "data-bridge.migrations.locations",
                    "data-bridge.migrations.locations must list at least one location, e.g. classpath:db/migration,"
                            + " but was " + migrations.getLocations());
        }
        Duration connectionTimeout = datasource.getPool().getConnectionTimeout();
        if (connectionTimeout.compareTo(MINIMUM_CONNECTION_TIMEOUT) < 0) {
            throw new InvalidDataBridgePropertyException(
                    "data-bridge.datasource.pool.connection-timeout",
                    "data-bridge.datasource.pool.connection-timeout must be >= 250ms but was "
                            + connectionTimeout.toMillis() + "ms");
        }
    }

    @Override
    public String toString() {
        return "DataBridgeProperties[datasource=" + datasource + ", errors.sanitize=" + errors.sanitizes()
                + ", embedded.enabled=" + embedded.isEnabled() + ", logging.slow-query-threshold="
                + logging.getSlowQueryThreshold() + ", migrations.enabled=" + migrations.isEnabled()
                + ", migrations.locations=" + migrations.getLocations() + "]";
    }

    /** Where and how to connect. */
    public static class Datasource {

        /**
         * JDBC URL of the PostgreSQL database, e.g. {@code jdbc:postgresql://localhost:5432/app}. When set (and
         * {@code spring.datasource.url} is not), data-bridge creates a HikariCP pool for it unless the application
         * defines its own DataSource.
         */
        private @Nullable String url;

        /** Login user of the database. */
        private @Nullable String username;

        /** Login password of the database. Never logged; masked in toString. */
        private @Nullable String password;

        /**
         * File holding the login password (a Kubernetes or Docker secret), read again for each new connection so a
         * rotated secret is picked up; one trailing line break is ignored. Excludes {@code password}.
         */
        private @Nullable Path passwordFile;

        /**
         * Extra pgjdbc connection properties, e.g. {@code socketTimeout: 600}. They override data-bridge's defaults of
         * the same name (see the reference documentation for those defaults and their reasons).
         */
        private Map<String, String> driverProperties = new LinkedHashMap<>();

        /**
         * Whether the URL points at a pooler in transaction pooling mode (PgBouncer {@code pool_mode = transaction}),
         * which hands each transaction to any server connection: server-side prepared statements are then switched off
         * ({@code prepareThreshold=0}), as such a pooler cannot carry them from one server connection to another.
         */
        private boolean transactionPooling;

        private final Pool pool = new Pool();

        /**
         * The JDBC URL.
         *
         * @return the URL, or {@code null}
         */
        public @Nullable String getUrl() {
            return url;
        }

        /**
         * Sets the JDBC URL.
         *
         * @param url the URL
         */
        public void setUrl(@Nullable String url) {
            this.url = url;
        }

        /**
         * The user name.
         *
         * @return the user name, or {@code null}
         */
        public @Nullable String getUsername() {
            return username;
        }

        /**
         * Sets the user name.
         *
         * @param username the user name
         */
        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        /**
         * The password.
         *
         * @return the password, or {@code null}
         */
        public @Nullable String getPassword() {
            return password;
        }

        /**
         * Sets the password.
         *
         * @param password the password
         */
        public void setPassword(@Nullable String password) {
            this.password = password;
        }

        /**
         * The file holding the password.
         *
         * @return the file, or {@code null}
         */
        public @Nullable Path getPasswordFile() {
            return passwordFile;
        }

        /**
         * Sets the file holding the password.
         *
         * @param passwordFile the file
         */
        public void setPasswordFile(@Nullable Path passwordFile) {
            this.passwordFile = passwordFile;
        }

        /**
         * Extra driver properties.
         *
         * @return the properties, by pgjdbc name
         */
        public Map<String, String> getDriverProperties() {
            return driverProperties;
        }

        /**
         * Sets extra driver properties.
         *
         * @param driverProperties the properties, by pgjdbc name
         */
        public void setDriverProperties(Map<String, String> driverProperties) {
            this.driverProperties = driverProperties;
        }

        /**
         * Whether the URL points at a transaction-pooling proxy.
         *
         * @return {@code true} when server-side prepared statements are off for it
         */
        public boolean isTransactionPooling() {
            return transactionPooling;
        }

        /**
         * Sets whether the URL points at a transaction-pooling proxy.
         *
         * @param transactionPooling {@code true} to switch server-side prepared statements off
         */
        public void setTransactionPooling(boolean transactionPooling) {
            this.transactionPooling = transactionPooling;
        }

        /**
         * The pool settings.
         *
         * @return the pool settings
         */
        public Pool getPool() {
            return pool;
        }

        @Override
        public String toString() {
            return "[url=" + (url == null ? null : JdbcUrls.withoutCredentials(url)) + ", username=" + username
                    + ", password=" + (password == null ? null : "******") + ", driverProperties="
                    + driverProperties.keySet() + ", transactionPooling=" + transactionPooling + ", pool=" + pool + "]";
        }
    }

    /** The HikariCP pool data-bridge creates for {@code data-bridge.datasource.url}. */
    public static class Pool {

        /**
         * Maximum number of connections, busy and idle. The pool is kept at this size (minimum idle = maximum), as
         * HikariCP recommends for steady latency; a small pool of busy connections outperforms a large one on
         * PostgreSQL, whose backends are processes.
         */
        private int maximumSize = 10;

        /**
         * How long a caller waits for a connection before failing. Short by default, so an overloaded or unreachable
         * database fails requests quickly instead of piling them up (HikariCP's own default is 30s). At least 250ms.
         */
        private Duration connectionTimeout = Duration.ofSeconds(5);

        /**
         * Maximum pool size.
         *
         * @return the size
         */
        public int getMaximumSize() {
            return maximumSize;
        }

        /**
         * Sets the maximum pool size.
         *
         * @param maximumSize the size, at least 1
         */
        public void setMaximumSize(int maximumSize) {
            this.maximumSize = maximumSize;
        }

        /**
         * The connection timeout.
         *
         * @return the timeout
         */
        public Duration getConnectionTimeout() {
            return connectionTimeout;
        }

        /**
         * Sets the connection timeout.
         *
         * @param connectionTimeout the timeout, at least 250ms
         */
        public void setConnectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
        }

        @Override
        public String toString() {
            return "[maximumSize=" + maximumSize + ", connectionTimeout=" + connectionTimeout + "]";
        }
    }

    /** How failures are reported. */
    public static class Errors {

        /**
         * Whether exception messages hide tables, columns, constraints, values and SQL (the full detail is logged under
         * the error id in the message). Turn off only in development, e.g. with DATA_BRIDGE_ERRORS_SANITIZE=false.
         */
        private Boolean sanitize = true;

        /**
         * Whether messages are sanitized.
         *
         * @return {@code true} when sanitized
         */
        public Boolean getSanitize() {
            return sanitize;
        }

        /**
         * Sets whether messages are sanitized. An empty value (e.g. {@code DATA_BRIDGE_ERRORS_SANITIZE=}) keeps the
         * default, as {@link io.databridge.error.PgExceptionTranslator#fromEnvironment()} does.
         *
         * @param sanitize {@code true} to sanitize
         */
        public void setSanitize(@Nullable Boolean sanitize) {
            this.sanitize = sanitize == null || sanitize;
        }

        boolean sanitizes() {
            return sanitize;
        }
    }

    /** The embedded PostgreSQL for development. */
    public static class Embedded {

        /**
         * Whether to start an embedded PostgreSQL when data-bridge-embedded is on the class path and no URL is set
         * (neither data-bridge.datasource.url nor spring.datasource.url) and the application has no DataSource. Its
         * data is discarded when the application stops.
         */
        private boolean enabled = true;

        /**
         * Whether the embedded database may start.
         *
         * @return {@code true} when enabled
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the embedded database may start.
         *
         * @param enabled {@code false} to never start it
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Statement logging. */
    public static class Logging {

        /**
         * Statements (and bulk calls) that take at least this long are logged at WARN on the io.databridge.slow-query
         * logger, with their task, duration and SQL (never values). A negative value turns the log off.
         */
        private Duration slowQueryThreshold = Duration.ofSeconds(1);

        /**
         * The slow-query threshold.
         *
         * @return the threshold; negative when the log is off
         */
        public Duration getSlowQueryThreshold() {
            return slowQueryThreshold;
        }

        /**
         * Sets the slow-query threshold.
         *
         * @param slowQueryThreshold the threshold; negative to turn the log off
         */
        public void setSlowQueryThreshold(Duration slowQueryThreshold) {
            this.slowQueryThreshold = slowQueryThreshold;
        }

        /** The threshold for the engine: {@code null} when the log is off. */
        @Nullable
        Duration threshold() {
            return slowQueryThreshold.isNegative() ? null : slowQueryThreshold;
        }
    }

    /** Versioned SQL migrations. */
    public static class Migrations {

        /**
         * Whether to apply the V<version>__<description>.sql scripts of the locations at startup. data-bridge's runner
         * also stays off when the application has a Flyway or Liquibase bean.
         */
        private boolean enabled = true;

        /** Where the scripts are: classpath: (every jar's) or filesystem: locations; sub-directories are included. */
        private List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));

        /**
         * Whether migrations run at startup.
         *
         * @return whether they run
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Turns migrations at startup on or off.
         *
         * @param enabled whether they run
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The script locations.
         *
         * @return the locations
         */
        public List<String> getLocations() {
            return locations;
        }

        /**
         * Sets the script locations.
         *
         * @param locations the locations
         */
        public void setLocations(List<String> locations) {
            this.locations = locations;
        }
    }
}
