package io.databridge.test;

import io.databridge.autoconfigure.DataBridgeConnectionDetails;
import io.databridge.autoconfigure.DataBridgeDataSourceAutoConfiguration;
import io.databridge.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points data-bridge's pool at the {@link TestDatabase}, in a schema of this test context's own: the schema is created
 * here and dropped when the context closes, and pgjdbc's {@code currentSchema} makes it the connections' search path.
 */
@AutoConfiguration(before = DataBridgeDataSourceAutoConfiguration.class)
public final class DataBridgeTestDatabaseAutoConfiguration {

    @Bean
    TestSchemaConnectionDetails dataBridgeTestConnectionDetails() {
        return new TestSchemaConnectionDetails(TestDatabase.get());
    }

    /** Connection details of a fresh schema in the test database. */
    static final class TestSchemaConnectionDetails implements DataBridgeConnectionDetails, DisposableBean {

        private final TestDatabase database;
        private final String schema;

        TestSchemaConnectionDetails(TestDatabase database) {
            this.database = database;
            this.schema = "data_bridge_test_"
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .substring(0, 12)
                            .toLowerCase(Locale.ROOT);
            execute("CREATE SCHEMA " + schema);
        }

        @Override
        public String getJdbcUrl() {
            String url = database.jdbcUrl();
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        @Override
        public @Nullable String getUsername() {
            return database.username();
        }

        @Override
        public @Nullable String getPassword() {
            return database.password();
        }

        String schema() {
            return schema;
        }

        @Override
        public void destroy() {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }

        private void execute(String sql) {
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException ex) {
                throw new IllegalStateException("Test database set-up failed: " + sql + ": " + ex.getMessage(), ex);
            }
        }
    }
}
