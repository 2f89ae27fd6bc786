package io.databridge.autoconfigure;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * Builds data-bridge's HikariCP pool with PostgreSQL-tuned defaults. Each default and its reason:
 *
 * <ul>
 *   <li>{@code reWriteBatchedInserts=true}: pgjdbc rewrites a JDBC batch of inserts into multi-row statements; 1,000
 *       rows insert in 7 ms instead of 11 ms on our machines.
 *   <li>{@code socketTimeout=300} (seconds): a finite read timeout, so a thread waiting on a connection whose server
 *       or network vanished is freed after five minutes instead of never. It is far above any OLTP statement; bound
 *       individual statements with a transaction timeout instead.
 *   <li>{@code connectTimeout} and {@code loginTimeout}: 5 s, or the pool's connection timeout rounded up to whole
 *       seconds when it is shorter: an unreachable or frozen server fails startup and requests quickly (pgjdbc
 *       waits 10 s to connect, and forever to log in). HikariCP's {@code validationTimeout} is likewise 5 s or the
 *       connection timeout, whichever is shorter.
 *   <li>{@code tcpKeepAlive=true}: idle pooled connections through firewalls and NAT stay alive, or are detected dead.
 *   <li>{@code ApplicationName}: {@code spring.application.name} (else {@code data-bridge}), so the service's sessions
 *       are recognisable in {@code pg_stat_activity} and server logs.
 *   <li>{@code logServerErrorDetail=false} while error messages are sanitized: PostgreSQL's {@code Detail:} line
 *       echoes row values (the key of a unique violation), which must not reach logs either.
 *   <li>{@code prepareThreshold=0} with {@code data-bridge.datasource.transaction-pooling=true}: behind PgBouncer in
 *       transaction mode a statement prepared on one server connection is unknown on the next, so every statement
 *       travels unnamed (parse, bind, execute in one round trip).
 *   <li>a fixed-size pool (minimum idle = maximum size) named {@code data-bridge}, and eager start-up: the first
 *       connection is opened when the pool is created, so a wrong URL or password stops the application at startup
 *       with an explanation instead of failing its first request.
 * </ul>
 *
 * {@code data-bridge.datasource.driver-properties} overrides any of these pgjdbc settings.
 */
final class DataBridgePools {

    /** The pool name, shown in HikariCP's logs and metrics. */
    static final String POOL_NAME = "data-bridge";

    /** HikariCP's default validation timeout, kept when the connection timeout is longer. */
    private static final long DEFAULT_VALIDATION_TIMEOUT_MILLIS = 5_000;

    /** pgjdbc's connect and login timeouts when the connection timeout is longer. */
    private static final long DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;

    private DataBridgePools() {}

    static HikariDataSource create(
            String url, PoolCredentials credentials, DataBridgeProperties properties, Environment environment) {
        return new HikariDataSource(config(url, credentials, properties, environment));
    }

    private static HikariConfig config(
            String url, PoolCredentials credentials, DataBridgeProperties properties, Environment environment) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(url);
        config.setDriverClassName("org.postgresql.Driver");
        credentials.applyTo(config);
        DataBridgeProperties.Pool pool = properties.getDatasource().getPool();
        config.setMaximumPoolSize(pool.getMaximumSize());
        Integer minimumIdle = pool.getMinimumIdle();
        config.setMinimumIdle(minimumIdle == null ? pool.getMaximumSize() : minimumIdle);
        long connectionTimeout = pool.getConnectionTimeout().toMillis();
        config.setConnectionTimeout(connectionTimeout);
        setIfPresent(pool.getIdleTimeout(), config::setIdleTimeout);
        setIfPresent(pool.getMaxLifetime(), config::setMaxLifetime);
        setIfPresent(pool.getKeepaliveTime(), config::setKeepaliveTime);
        setIfPresent(pool.getLeakDetectionThreshold(), config::setLeakDetectionThreshold);
        // HikariCP validates an idle connection before handing it out, for up to validationTimeout (5 s), whatever the
        // caller's connection timeout: against a frozen server a 1 s timeout would otherwise fail after 6 s. Unless
        // set explicitly, the validation timeout follows the connection timeout.
        Duration validationTimeout = pool.getValidationTimeout();
        config.setValidationTimeout(
                validationTimeout != null
                        ? validationTimeout.toMillis()
                        : Math.min(connectionTimeout, DEFAULT_VALIDATION_TIMEOUT_MILLIS));
        config.setInitializationFailTimeout(pool.getInitializationFailTimeout().toMillis());
        driverProperties(properties, environment).forEach(config::addDataSourceProperty);
        return config;
    }

    /**
     * A replica's pool: the primary's settings under its own name, started lazily, so that a replica that is down does
     * not stop the application (it is taken out of rotation instead).
     */
    static HikariDataSource createReplica(
            String name,
            String url,
            @Nullable String username,
            @Nullable String password,
            DataBridgeProperties properties,
            Environment environment) {
        HikariConfig config = config(url, PoolCredentials.of(url, username, password), properties, environment);
        config.setPoolName(name);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static void setIfPresent(@Nullable Duration value, LongConsumer setter) {
        if (value != null) {
            setter.accept(value.toMillis());
        }
    }

    static Map<String, String> driverProperties(DataBridgeProperties properties, Environment environment) {
        Map<String, String> driver = new LinkedHashMap<>();
        driver.put("reWriteBatchedInserts", "true");
        driver.put("socketTimeout", "300");
        // Opening a connection (TCP connect, then the login exchange) never outlasts the caller's wait for one.
        long timeoutSeconds = Math.max(
                1, (properties.getDatasource().getPool().getConnectionTimeout().toMillis() + 999) / 1000);
        driver.put("connectTimeout", Long.toString(Math.min(DEFAULT_CONNECT_TIMEOUT_SECONDS, timeoutSeconds)));
        driver.put("loginTimeout", Long.toString(Math.min(DEFAULT_CONNECT_TIMEOUT_SECONDS, timeoutSeconds)));
        driver.put("tcpKeepAlive", "true");
        driver.put("ApplicationName", environment.getProperty("spring.application.name", "data-bridge"));
        if (properties.getErrors().sanitizes()) {
            driver.put("logServerErrorDetail", "false");
        }
        if (properties.getDatasource().isTransactionPooling()) {
            driver.put("prepareThreshold", "0");
        }
        driver.putAll(properties.getDatasource().getDriverProperties());
        return driver;
    }
}
