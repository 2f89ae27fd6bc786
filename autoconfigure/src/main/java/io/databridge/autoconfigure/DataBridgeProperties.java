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
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Settings under {@code data-bridge}. Validated once, when bound: a bad value stops startup with a message that names
 * the property, the rule and the value. Not thread-safe while being bound; read-only afterwards.
 */
@ConfigurationProperties("data-bridge")
public class DataBridgeProperties implements InitializingBean, EnvironmentAware {

    /** The smallest connection timeout HikariCP accepts. */
    static final Duration MINIMUM_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    private final Datasource datasource = new Datasource();

    private final Errors errors = new Errors();

    private final Embedded embedded = new Embedded();

    private final Logging logging = new Logging();

    private final Migrations migrations = new Migrations();

    private @Nullable Environment environment;

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
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /**
     * Rejects {@code data-bridge.*} keys that are no data-bridge property (with a "did you mean"), then checks every
     * value.
     *
     * @throws InvalidDataBridgePropertyException naming the property and what is wrong
     */
    @Override
    public void afterPropertiesSet() {
        Environment current = environment;
        if (current != null) {
            DataBridgePropertyNames.rejectUnknown(current);
        }
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
        datasource.getPool().validate();
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
         * JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://localhost:5432/app. When set (and
         * spring.datasource.url is not), data-bridge creates a HikariCP pool for it unless the application defines its
         * own DataSource.
         */
        private @Nullable String url;

        /** Login user of the database. */
        private @Nullable String username;

        /** Login password of the database. Never logged; masked in toString. */
        private @Nullable String password;

        /**
         * File holding the login password (a Kubernetes or Docker secret), read again for each new connection so a
         * rotated secret is picked up; one trailing line break is ignored. Excludes password.
         */
        private @Nullable Path passwordFile;

        /**
         * Extra pgjdbc connection properties, e.g. socketTimeout: 600. They override data-bridge's defaults of the same
         * name (see the reference documentation for those defaults and their reasons).
         */
        private Map<String, String> driverProperties = new LinkedHashMap<>();

        /**
         * Whether the URL points at a pooler in transaction pooling mode (PgBouncer pool_mode = transaction),
         * which hands each transaction to any server connection: server-side prepared statements are then switched off
         * (prepareThreshold=0), as such a pooler cannot carry them from one server connection to another.
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
         * Minimum number of idle connections the pool keeps. Unset: the maximum size, a fixed-size pool (HikariCP's
         * recommendation for steady latency). Between 0 and the maximum size.
         */
        private @Nullable Integer minimumIdle;

        /**
         * How long a connection above the minimum idle count may sit idle before it is closed; applies only when
         * minimum-idle is below maximum-size. Unset: HikariCP's default, 10 minutes.
         */
        private @Nullable Duration idleTimeout;

        /**
         * Maximum lifetime of a connection, after which the pool replaces it when idle. Keep it a little shorter than
         * any time limit of the network or database. Unset: HikariCP's default, 30 minutes.
         */
        private @Nullable Duration maxLifetime;

        /**
         * How often an idle connection is tested, to keep it alive through firewalls and detect dead ones. Unset:
         * HikariCP's default, 2 minutes; 0 turns it off.
         */
        private @Nullable Duration keepaliveTime;

        /**
         * How long a connection may be out of the pool before a possible leak is logged, with the stack trace of the
         * code that borrowed it. Unset or 0: off; at least 2s otherwise.
         */
        private @Nullable Duration leakDetectionThreshold;

        /**
         * How long the pool waits for a connection to answer its validity test. Unset: HikariCP's default, 5 seconds;
         * at least 250ms, and below connection-timeout.
         */
        private @Nullable Duration validationTimeout;

        /**
         * How long pool creation tries to open the first connection before startup fails. data-bridge's default, 1ms,
         * fails at once with an explanation (a wrong URL or password stops startup); a negative value starts the pool
         * without trying.
         */
        private Duration initializationFailTimeout = Duration.ofMillis(1);

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

        private void validate() {
            if (minimumIdle != null && (minimumIdle < 0 || minimumIdle > maximumSize)) {
                throw new InvalidDataBridgePropertyException(
                        "data-bridge.datasource.pool.minimum-idle",
                        "data-bridge.datasource.pool.minimum-idle must be between 0 and"
                                + " data-bridge.datasource.pool.maximum-size (" + maximumSize + ") but was "
                                + minimumIdle);
            }
            atLeast("idle-timeout", idleTimeout, Duration.ZERO);
            atLeast("max-lifetime", maxLifetime, Duration.ZERO);
            atLeast("keepalive-time", keepaliveTime, Duration.ZERO);
            atLeast("validation-timeout", validationTimeout, MINIMUM_CONNECTION_TIMEOUT);
            if (leakDetectionThreshold != null && !leakDetectionThreshold.isZero()) {
                atLeast("leak-detection-threshold", leakDetectionThreshold, Duration.ofSeconds(2));
            }
        }

        private static void atLeast(String name, @Nullable Duration value, Duration minimum) {
            if (value != null && value.compareTo(minimum) < 0) {
                String property = "data-bridge.datasource.pool." + name;
                throw new InvalidDataBridgePropertyException(
                        property,
                        property + " must be >= " + minimum.toMillis() + "ms but was " + value.toMillis() + "ms");
            }
        }

        /**
         * The minimum idle count.
         *
         * @return the count, or {@code null} for the maximum size
         */
        public @Nullable Integer getMinimumIdle() {
            return minimumIdle;
        }

        /**
         * Sets the minimum idle count.
         *
         * @param minimumIdle the count, between 0 and the maximum size
         */
        public void setMinimumIdle(@Nullable Integer minimumIdle) {
            this.minimumIdle = minimumIdle;
        }

        /**
         * The idle timeout.
         *
         * @return the timeout, or {@code null} for HikariCP's default
         */
        public @Nullable Duration getIdleTimeout() {
            return idleTimeout;
        }

        /**
         * Sets the idle timeout.
         *
         * @param idleTimeout the timeout
         */
        public void setIdleTimeout(@Nullable Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        /**
         * The maximum lifetime of a connection.
         *
         * @return the lifetime, or {@code null} for HikariCP's default
         */
        public @Nullable Duration getMaxLifetime() {
            return maxLifetime;
        }

        /**
         * Sets the maximum lifetime of a connection.
         *
         * @param maxLifetime the lifetime
         */
        public void setMaxLifetime(@Nullable Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
        }

        /**
         * The keepalive interval.
         *
         * @return the interval, or {@code null} for HikariCP's default
         */
        public @Nullable Duration getKeepaliveTime() {
            return keepaliveTime;
        }

        /**
         * Sets the keepalive interval.
         *
         * @param keepaliveTime the interval; 0 turns keepalive off
         */
        public void setKeepaliveTime(@Nullable Duration keepaliveTime) {
            this.keepaliveTime = keepaliveTime;
        }

        /**
         * The leak-detection threshold.
         *
         * @return the threshold, or {@code null} when off
         */
        public @Nullable Duration getLeakDetectionThreshold() {
            return leakDetectionThreshold;
        }

        /**
         * Sets the leak-detection threshold.
         *
         * @param leakDetectionThreshold the threshold; 0 turns it off
         */
        public void setLeakDetectionThreshold(@Nullable Duration leakDetectionThreshold) {
            this.leakDetectionThreshold = leakDetectionThreshold;
        }

        /**
         * The validation timeout.
         *
         * @return the timeout, or {@code null} for HikariCP's default
         */
        public @Nullable Duration getValidationTimeout() {
            return validationTimeout;
        }

        /**
         * Sets the validation timeout.
         *
         * @param validationTimeout the timeout, at least 250ms
         */
        public void setValidationTimeout(@Nullable Duration validationTimeout) {
            this.validationTimeout = validationTimeout;
        }

        /**
         * The initialization-fail timeout.
         *
         * @return the timeout; negative to start without trying a connection
         */
        public Duration getInitializationFailTimeout() {
            return initializationFailTimeout;
        }

        /**
         * Sets the initialization-fail timeout.
         *
         * @param initializationFailTimeout the timeout; negative to start without trying a connection
         */
        public void setInitializationFailTimeout(Duration initializationFailTimeout) {
            this.initializationFailTimeout = initializationFailTimeout;
        }

        @Override
        public String toString() {
            return "[maximumSize=" + maximumSize + ", connectionTimeout=" + connectionTimeout + ", minimumIdle="
                    + minimumIdle + ", idleTimeout=" + idleTimeout + ", maxLifetime=" + maxLifetime
                    + ", keepaliveTime=" + keepaliveTime + ", leakDetectionThreshold=" + leakDetectionThreshold
                    + ", validationTimeout=" + validationTimeout + ", initializationFailTimeout="
                    + initializationFailTimeout + "]";
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
         * Whether a Spring MVC application answers data-access failures with RFC 9457 problem details: duplicate key
         * and stale version 409, integrity and value errors 400, timeouts and unavailable connections 503, anything
         * else 500, each with a sanitized detail and the error id (never a class, table, column or value). Spring
         * MVC's own errors (unreadable JSON, validation) use the same format.
         */
        private boolean problemDetails = false;

        /**
         * Whether data-access failures become problem details in Spring MVC applications.
         *
         * @return {@code true} when they do
         */
        public boolean isProblemDetails() {
            return problemDetails;
        }

        /**
         * Turns the problem-details answers on or off.
         *
         * @param problemDetails {@code true} to answer with problem details
         */
        public void setProblemDetails(boolean problemDetails) {
            this.problemDetails = problemDetails;
        }

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
         * data is discarded when the application stops. A packaged application (java -jar) starts it only when this is
         * set to true explicitly.
         */
        private boolean enabled = true;

        /**
         * Directory of the embedded PostgreSQL's data, kept across application restarts (created and initialized on
         * first use). Unset: a temporary directory, deleted when the application stops.
         */
        private @Nullable Path dataDirectory;

        /**
         * The data directory.
         *
         * @return the directory, or {@code null} for a temporary one
         */
        public @Nullable Path getDataDirectory() {
            return dataDirectory;
        }

        /**
         * Sets the data directory.
         *
         * @param dataDirectory the directory, or {@code null} for a temporary one
         */
        public void setDataDirectory(@Nullable Path dataDirectory) {
            this.dataDirectory = dataDirectory;
        }

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
