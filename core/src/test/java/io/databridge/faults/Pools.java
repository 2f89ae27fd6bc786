package io.databridge.faults;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.databridge.testdb.TestDatabase;
import io.databridge.testdb.TestSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Pools the fault tests own, so that they can exhaust, break and close them without disturbing other tests. */
final class Pools {

    private Pools() {}

    /** A pool of at most {@code size} connections to the test schema, waiting {@code timeoutMillis} for one. */
    static HikariDataSource of(TestSchema schema, int size, long timeoutMillis) {
        TestDatabase database = TestDatabase.get();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.addDataSourceProperty("currentSchema", schema.name());
        return start(config, size, timeoutMillis);
    }

    /** A pool of connections to {@code url}, which may answer nothing; the pool starts without connecting. */
    static HikariDataSource of(String url, int size, long timeoutMillis) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("vault_user");
        config.setPassword("vault_password");
        return start(config, size, timeoutMillis);
    }

    private static HikariDataSource start(HikariConfig config, int size, long timeoutMillis) {
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(timeoutMillis);
        config.setValidationTimeout(Math.min(timeoutMillis, 1_000));
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /** A loopback port nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Ends the backend with the given process id, as an administrator or a crash would (57P01 for its client). */
    static void terminate(int pid) {
        try (Connection administrator = TestDatabase.get().connect();
                Statement statement = administrator.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(" + pid + ")");
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
