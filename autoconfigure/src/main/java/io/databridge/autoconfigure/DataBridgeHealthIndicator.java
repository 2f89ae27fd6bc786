package io.databridge.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code dataBridge} component of {@code /actuator/health}: UP when a pooled connection answers, with the pool's
 * state as details (name, active, idle, waiting, total, max), the numbers HikariCP's own failure messages carry. No
 * URL, user or value. Thread-safe.
 */
final class DataBridgeHealthIndicator extends AbstractHealthIndicator {

    private static final int VALIDITY_SECONDS = 2;

    private final DataSource dataSource;

    DataBridgeHealthIndicator(DataSource dataSource) {
        super("data-bridge health check failed");
        this.dataSource = dataSource;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws SQLException {
        poolDetails(builder);
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDITY_SECONDS)) {
                builder.up();
            } else {
                builder.down();
            }
        }
    }

    private void poolDetails(Health.Builder builder) throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            return;
        }
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        builder.withDetail("pool", String.valueOf(pool.getPoolName()));
        HikariPoolMXBean state = pool.getHikariPoolMXBean();
        if (state != null) {
            builder.withDetail("active", state.getActiveConnections())
                    .withDetail("idle", state.getIdleConnections())
                    .withDetail("waiting", state.getThreadsAwaitingConnection())
                    .withDetail("total", state.getTotalConnections());
        }
        builder.withDetail("max", pool.getMaximumPoolSize());
    }
}
